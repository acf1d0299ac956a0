/**
 * The evidence the eligibility rules read, and the shape of a rule's answer: plain
 * data the caller gathers (host/ reads it, the journal verifies chains). Its own file
 * so the rules of the contract frame (contract-rules.ts) and eligibility.ts share it
 * without importing each other.
 */

export interface PersonRef {
  id: string
  name: string
}

/** Identifies a capture: its hash when there is one, else its time. */
export interface CaptureRef {
  hash?: string | null
  at?: string | null
}

export interface CaptureEvidence extends CaptureRef {
  hcc: number
  label: string
  method: string
  at: string
}

export type ReviewDecision = 'approved' | 'changesRequested' | 'rejected'

export interface ReviewEvidence {
  decision: ReviewDecision
  by: PersonRef
  at: string
  /** The capture the decision refers to. */
  capture: CaptureRef & { hcc?: number; method?: string; policyFingerprint?: string }
}

export interface JournalEvidence {
  /** Every journal chain of the pattern verified (no edited or missing history). */
  allChainsVerify: boolean
  /** The people whose edits the journals hold (their Figma user ids; names when known). */
  editors: readonly { id: string; name?: string }[]
  /** What failed to verify, in words (shown when `allChainsVerify` is false). */
  problems?: readonly string[]
}

export interface AiOriginEvidence {
  fineTune?: { name: string; version?: string } | null
  /** The training-data declaration; "" or "unknown" when not declared. */
  trainingData: string
  modelLicense: string
}

export type RuleSeverity = 'error' | 'warning' | 'info'

export type RuleId =
  | 'exclusive.review'
  | 'exclusive.hcc'
  | 'tier.hybridCreative'
  | 'tier.foundationalIp'
  | 'model.commercial'
  | 'trainingData.declared'
  | 'credential.verifiedHuman'
  | 'contract.frame'
  | 'contract.acceptance'
  | 'warranty.evidence'
  | 'grant.overlap'
  | 'model.useRestrictions'

export interface EligibilityRule {
  id: RuleId
  ok: boolean
  severity: RuleSeverity
  /** One plain sentence or two: what was checked, what was found, and why it matters. */
  reason: string
}

