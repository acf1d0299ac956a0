/**
 * The accessible names the art-director and licensing journeys find things by — one
 * place to change when a screen's wording changes. The journeys never use classes or
 * ids of the plugin UI.
 */
export const PERSON = {
  designer: '1001',
  artDirector: '2002',
  licensing: '3003',
} as const

export const CAPTURE = {
  /** Method 2's heat map of the capture result (a figure named "Heat map of <pattern>"). */
  heatMap: /^Heat map of /,
} as const

export const REVIEW = {
  /** Plugins menu command that opens the Review tab. */
  command: 'Review contributions',
  tab: 'Review',
  table: 'Tracked patterns',
  hccColumn: 'HCC',
  outOfDateOnly: 'Out of date only',
  captureAll: /^Capture all out of date/,
  /** A pattern's review section is named this, then the pattern's name. */
  section: 'Review of ',
  comment: 'Review comment',
  approve: 'Approve',
  requestChanges: 'Request changes',
  reject: 'Reject',
  /** The stored heat map in a pattern's review (a figure named "Heat map of <pattern>"). */
  heatMap: /^Heat map of /,
  /** A row's review status once decided. */
  approved: /Approved/,
  changesRequested: /Changes requested/,
} as const

export const POLICY = {
  tab: 'Team policy',
  reviewerNotEditor: /reviewer must not be one of the pattern’s editors/i,
  save: 'Save policy',
} as const

export const LICENSE = {
  tab: 'License',
  form: 'License terms',
  licensor: 'Licensor',
  allowedFields: 'Allowed fields of use',
  /** The royalty amount (flat fee by default). */
  amount: 'Amount',
  /** A region listing, per pattern, which rules the terms pass and fail. */
  eligibility: 'Eligibility',
  save: 'Save license',
} as const

export const EXPORT = {
  /** Plugins menu command that opens the Export tab. */
  command: 'Export licensed pack',
  tab: 'Export',
  /** Made once per device; Export stays disabled until there is one. */
  newKey: 'New signing key',
  useSelection: 'Use the selection',
  fieldOfUse: 'Field of use',
  territory: 'Territory',
  units: 'Units',
  /** The button that checks the chosen patterns and builds the pack. */
  export: 'Export pack',
  /** The confirmation listing what cannot be exported, and why. */
  refused: 'Refused patterns',
  leaveOut: 'Leave out and export',
  download: /^Download /,
} as const
