/**
 * The License tab's workflows, pure of DOM: read what the eligibility rules need for
 * each selected pattern (record, review history, verified journals), and stamp terms
 * on one or several patterns (each its own write and undo step; one refusal does not
 * stop the others).
 */
import type { ClientEndpoint } from '../../channel'
import type { User } from '../../messages'
import { checkEligibility, type EligibilityEvidence, type EligibilityResult, type ReviewDecision } from '../../license/eligibility'
import { priorGrantOf } from '../../license/prior-grant'
import { foreignLicenseError, planStamp, type LicenseEntry } from '../../license/stamp'
import { readPatternEvidence, type PatternEvidence } from '../../license/pattern-evidence'
import { licenseFingerprint, TIER_LABELS, type LicenseTerms } from '../../license/terms'
import { journalHead } from '../../storage/journal'
import type { TeamPolicy } from '../../provenance/policy'
import { summaryJson } from '../../provenance/record-text'
import type { Person, ProvenanceRecord } from '../../provenance/record'
import { captureHash, decisionsOf, editedAfterCapture, editorsOf, type Decision, type DecisionKind } from '../../provenance/review'
import type { LicenseLabeler } from '../review/review-workflows'
import { errorMessage } from '../shared/workflow-context'

export interface LicenseTarget {
  nodeId: string
  name: string
  /** Texts as read: a save must find them unchanged. */
  recordRaw: string
  licenseRaw: string | null
  record: ProvenanceRecord
  /** The stamped entry of this pattern, if any (null also for a copy's inherited one). */
  entry: LicenseEntry | null
  evidence: EligibilityEvidence
  /** People from the journals (offered as human authors in the splits). */
  people: Person[]
  /** The review decisions as stored (with their comments), oldest first; the evidence holds the same without comments. */
  decisions: Decision[]
  problems: string[]
}

export type TargetLoad = { kind: 'ok'; target: LicenseTarget } | { kind: 'refused'; nodeId: string; name: string; reason: string }

const DECISION_EVIDENCE: { readonly [K in DecisionKind]: ReviewDecision } = {
  approve: 'approved',
  'request-changes': 'changesRequested',
  reject: 'rejected',
}

/** What checkEligibility needs, from what is stored on the pattern. */
export async function loadLicenseTargetAsync(client: ClientEndpoint, nodeId: string): Promise<TargetLoad> {
  const stored = await client.request('readStored', { nodeId })
  return licenseTargetOf(readPatternEvidence(stored))
}

/** The License tab's reading of one pattern's evidence (read once, by readPatternEvidence). */
export function licenseTargetOf(read: PatternEvidence): TargetLoad {
  const { nodeId, name } = read.texts
  if (read.record.kind === 'untracked') return { kind: 'refused', nodeId, name, reason: 'It is not tracked: mark it as AI-generated first.' }
  if (read.record.kind === 'damaged') return { kind: 'refused', nodeId, name, reason: `Its provenance record is damaged and kept as it is (${read.record.error})` }
  const { record, raw: recordRaw } = read.record
  const problems: string[] = []
  const licenseRaw = read.texts.license ?? null
  let entry: LicenseEntry | null = null
  const license = read.license
  if (license.kind === 'damaged') return { kind: 'refused', nodeId, name, reason: `Its license entry is damaged and kept as it is: ${license.error}` }
  if (license.kind === 'ok') {
    if (license.owner === 'foreign') return { kind: 'refused', nodeId, name, reason: `${foreignLicenseError(license.entry.patternId)} It is kept as it is.` }
    if (license.owner === 'own') entry = license.entry
  }
  const review = read.review
  if (review && !review.ok) problems.push(`Its review history is damaged (kept as it is), so no approval counts: ${review.error}`)

  const editors: Person[] = []
  const chainProblems: string[] = []
  // One chain per person and session (issue #19): the heads name both, as the capture's do.
  const heads: { userId: string; session?: number; head: string }[] = []
  for (const j of read.journals) {
    if (j.ok) {
      editors.push({ id: j.journal.user.id, name: j.journal.user.name })
      heads.push({ userId: j.journal.user.id, ...(j.journal.session !== undefined ? { session: j.journal.session } : {}), head: journalHead(j.journal) })
    } else chainProblems.push(`the journal of ${j.userId} does not verify (${j.error})`)
  }
  const capture = record.capture
  const copy = read.copy
  const decisions = decisionsOf(record, review)
  const people = new Map<string, Person>()
  for (const p of capture?.journal.people ?? []) people.set(p.id, { id: p.id, name: p.name })
  for (const p of editors) people.set(p.id, p)
  const evidence: EligibilityEvidence = {
    capture: capture && !copy ? { hcc: capture.hcc, label: capture.label, method: capture.method, at: capture.at, hash: captureHash(capture) } : null,
    captureIsCurrent: capture !== null && !copy && chainProblems.length === 0 && !editedAfterCapture(capture, heads),
    reviews: decisions.map((d) => ({
      decision: DECISION_EVIDENCE[d.decision],
      by: d.by,
      at: d.at,
      capture: { hash: d.capture.hash, at: d.capture.at, hcc: d.capture.hcc, method: d.capture.method, policyFingerprint: d.capture.policyFingerprint },
    })),
    // Editors: people who made edits (the capture's digest) and owners of journals since; the
    // split offers everyone the journals name.
    journal: { allChainsVerify: chainProblems.length === 0, editors: editorsOf(capture, editors), problems: chainProblems },
    aiOrigin: {
      fineTune: record.origin.fineTune ?? null,
      trainingData: record.origin.trainingData,
      modelLicense: record.origin.modelLicense,
    },
    // Accepted grants (replaced ones, stamp.ts, and the current terms when accepted): a new
    // exclusive grant must not overlap them. The current terms never collide with themselves.
    grants: [...(entry?.grants ?? []), ...(entry?.current?.terms.contract?.acceptance ? [priorGrantOf(entry.current.terms)] : [])],
  }
  return {
    kind: 'ok',
    target: { nodeId, name, recordRaw, licenseRaw, record, entry, evidence, people: [...people.values()], decisions, problems },
  }
}

export function eligibilityOf(terms: LicenseTerms, target: LicenseTarget, policy: TeamPolicy): EligibilityResult {
  return checkEligibility(terms, target.evidence, policy)
}

export interface SaveOutcome {
  saved: { nodeId: string; name: string; changed: string[] }[]
  /** Patterns that already carry exactly these terms: nothing to write (a second click of a double click). */
  unchanged: { nodeId: string; name: string }[]
  refused: { nodeId: string; name: string; reason: string }[]
}

/** Stamps `terms` on each target in turn; each refusal is reported and the next goes ahead. */
export async function saveLicenseAsync(
  client: ClientEndpoint,
  targets: readonly LicenseTarget[],
  terms: LicenseTerms,
  ctx: { user: User; now: () => number },
): Promise<SaveOutcome> {
  const outcome: SaveOutcome = { saved: [], unchanged: [], refused: [] }
  const fingerprint = licenseFingerprint(terms)
  for (const target of targets) {
    // The same terms again are not a refusal (issue #21, item 16: a double click on Save
    // ended on "already stamped; nothing changed"): they are saved already.
    if (target.entry?.current?.fingerprint === fingerprint) {
      outcome.unchanged.push({ nodeId: target.nodeId, name: target.name })
      continue
    }
    const plan = planStamp(terms, { nodeId: target.nodeId, record: target.record, entryRaw: target.licenseRaw, by: ctx.user, at: new Date(ctx.now()).toISOString() })
    if (!plan.ok) {
      outcome.refused.push({ nodeId: target.nodeId, name: target.name, reason: plan.reason })
      continue
    }
    try {
      await client.request('writeLicense', {
        nodeId: target.nodeId,
        expectRecord: target.recordRaw,
        expect: target.licenseRaw,
        license: plan.json,
        summary: plan.summary,
        patternSummary: summaryJson(target.record, plan.entry.current?.fingerprint ?? null),
      })
      outcome.saved.push({ nodeId: target.nodeId, name: target.name, changed: plan.changed })
    } catch (error) {
      outcome.refused.push({ nodeId: target.nodeId, name: target.name, reason: errorMessage(error) })
    }
  }
  return outcome
}

/** The review table's License column: the tier of the current terms, "none", or "damaged". */
export const licenseLabelOf: LicenseLabeler = ({ license }) => {
  if (license.kind === 'none') return { label: 'none', problem: null }
  if (license.kind === 'damaged') return { label: 'damaged', problem: `The license entry is damaged and kept as it is: ${license.error}` }
  if (license.owner === 'foreign') return { label: 'damaged', problem: `${foreignLicenseError(license.entry.patternId)} It is kept as it is.` }
  if (license.owner === 'inherited') return { label: 'none', problem: null }
  const current = license.entry.current
  return { label: current ? TIER_LABELS[current.terms.tier] : 'none', problem: null }
}
