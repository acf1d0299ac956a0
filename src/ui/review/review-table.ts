/**
 * The review table's model, pure (tested without a DOM): columns, sorting, filters,
 * the summary line and the CSV of what is shown.
 */
import { STATUS_LABELS } from '../../provenance/review'
import type { ReviewRow, RowStatus } from './review-workflows'

export const STATUS_TEXT: { readonly [K in RowStatus]: string } = { ...STATUS_LABELS, 'record-damaged': 'Record damaged' }

/**
 * The table's columns, in the order a reviewer reads them: what the pattern is, its score
 * and label, where its review stands and whether it changed since; then the rest. The
 * first six (`essential`) fit the Review tab's window without a horizontal scroll
 * (issue #21, item 18); the others may scroll into view.
 */
export const COLUMNS = [
  { key: 'name', label: 'Pattern', essential: true },
  { key: 'hcc', label: 'HCC', essential: true },
  { key: 'label', label: 'Label', essential: true },
  { key: 'status', label: 'Review', essential: true },
  { key: 'edited', label: 'Edited since', essential: true },
  { key: 'captured', label: 'Last capture', essential: false },
  { key: 'license', label: 'License', essential: false },
  { key: 'page', label: 'Page', essential: false },
] as const
export type ColumnKey = (typeof COLUMNS)[number]['key']

export interface Sort {
  key: ColumnKey
  direction: 'ascending' | 'descending'
}

export interface Filters {
  /** Case-insensitive substring of the pattern name. */
  name: string
  /** Empty = any. */
  label: string
  status: RowStatus | ''
  pageId: string
  outOfDateOnly: boolean
}

export const NO_FILTERS: Filters = { name: '', label: '', status: '', pageId: '', outOfDateOnly: false }

/** Rows without a score (never captured, damaged) sort after every score, either way. */
function sortValue(row: ReviewRow, key: ColumnKey): string | number | null {
  switch (key) {
    case 'name':
      return row.name.toLowerCase()
    case 'page':
      return row.pageName.toLowerCase()
    case 'hcc':
      return row.hcc
    case 'label':
      return row.label
    case 'status':
      return STATUS_TEXT[row.status]
    case 'license':
      return row.license
    case 'captured':
      return row.capturedAt === null ? null : Date.parse(row.capturedAt)
    case 'edited':
      return editedText(row)
  }
}

export function sortRows(rows: readonly ReviewRow[], sort: Sort): ReviewRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, sort.key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value === b.value) return a.index - b.index
        return a.value === null ? 1 : -1
      }
      const c = a.value < b.value ? -1 : a.value > b.value ? 1 : 0
      // Stable: equal values keep the listing order (page, then position).
      return c !== 0 ? c * sign : a.index - b.index
    })
    .map((x) => x.row)
}

export function filterRows(rows: readonly ReviewRow[], filters: Filters): ReviewRow[] {
  const name = filters.name.trim().toLowerCase()
  return rows.filter(
    (row) =>
      (name === '' || row.name.toLowerCase().includes(name)) &&
      (filters.label === '' || (row.label ?? 'Not captured') === filters.label) &&
      (filters.status === '' || row.status === filters.status) &&
      (filters.pageId === '' || row.pageId === filters.pageId) &&
      (!filters.outOfDateOnly || row.outOfDate),
  )
}

export function editedText(row: ReviewRow): string {
  if (row.record === null) return '—'
  if (row.record.capture === null) return 'never captured'
  if (row.record.rootNodeId !== row.nodeId) return 'copy, not captured'
  return row.edited ? 'yes' : 'no'
}

/** "12 patterns · AI-assisted 5, Human-authored 4, … · Approved 3, Awaiting review 9". */
export function summarize(rows: readonly ReviewRow[]): { total: number; byLabel: [string, number][]; byStatus: [string, number][] } {
  const count = (keyOf: (row: ReviewRow) => string): [string, number][] => {
    const counts = new Map<string, number>()
    for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1)
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  }
  return { total: rows.length, byLabel: count((r) => r.label ?? 'Not captured'), byStatus: count((r) => STATUS_TEXT[r.status]) }
}

/** The distinct pages and labels present, for the filter menus (listing order). */
export function filterOptions(rows: readonly ReviewRow[]): { pages: { id: string; name: string }[]; labels: string[] } {
  const pages = new Map<string, string>()
  const labels = new Set<string>()
  for (const row of rows) {
    pages.set(row.pageId, row.pageName)
    labels.add(row.label ?? 'Not captured')
  }
  return { pages: [...pages].map(([id, name]) => ({ id, name })), labels: [...labels].sort() }
}

// ── CSV (RFC 4180) ───────────────────────────────────────────────────────────

const CSV_HEADER = [
  'pattern',
  'node id',
  'pattern id',
  'page',
  'hcc',
  'label',
  'review status',
  'last decision',
  'decided by',
  'decided at',
  // The reviewer's words belong with the decision (issue #21, item 18).
  'review comment',
  'license',
  'captured at',
  'captured by',
  'edited since capture',
  'method',
  'policy fingerprint',
  'problems',
]

/**
 * A cell as text. Quotes per RFC 4180; a cell that a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR: layer names are free text) gets a leading
 * apostrophe (OWASP, "CSV injection").
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text
}

export function reviewCsv(rows: readonly ReviewRow[]): string {
  const lines = [CSV_HEADER.map(csvCell).join(',')]
  for (const row of rows) {
    const capture = row.record?.capture ?? null
    lines.push(
      [
        row.name,
        row.nodeId,
        row.record?.patternId ?? '',
        row.pageName,
        row.hcc === null ? '' : row.hcc.toFixed(4),
        row.label ?? '',
        STATUS_TEXT[row.status],
        row.latest?.decision ?? '',
        row.latest?.by.name ?? '',
        row.latest?.at ?? '',
        row.latest?.comment ?? '',
        row.license,
        row.capturedAt ?? '',
        row.capturedBy ?? '',
        editedText(row),
        capture?.method ?? '',
        capture?.policyFingerprint ?? '',
        row.problems.join(' | '),
      ]
        .map(csvCell)
        .join(','),
    )
  }
  return lines.join('\r\n') + '\r\n'
}
