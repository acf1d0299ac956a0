import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Capture, ProvenanceRecord } from '../../src/provenance/record'
import {
  captureHash,
  captureRef,
  DEFAULT_REVIEW_RULES,
  editedAfterCapture,
  editorsOf,
  emptyReviewLog,
  isApprovedForExport,
  journalHeadFromHeader,
  parseReviewLog,
  planDecision,
  reviewHistory,
  reviewStatus,
  reviewWriteCheck,
  validateDecision,
  type Decision,
  type DecisionKind,
  type ReviewLog,
} from '../../src/provenance/review'

const ADA = { id: '1001', name: 'Ada Designer' }
const BEN = { id: '2002', name: 'Ben Colourist' }
const CORA = { id: '3003', name: 'Cora Art Director' }
const NODE = '12:345'

function capture(overrides: Partial<Capture> = {}): Capture {
  return {
    hcc: 0.42,
    label: 'AI-assisted',
    digitalSourceType: 'compositeWithTrainedAlgorithmicMedia',
    breakdown: { color: 0.2, shape: 0.1, transform: 0.05, style: 0, text: 0, added: 0.07, removed: 0 },
    top: [],
    added: 1,
    removed: 0,
    changed: 3,
    method: 'loomprint-hcc/1',
    policyFingerprint: 'fnv1a-12345678',
    matchedBy: 'id',
    at: '2025-03-05T17:00:00.000Z',
    by: ADA,
    journal: {
      edits: 12,
      people: [{ ...ADA, edits: 12 }, { ...BEN, edits: 0 }],
      heads: [{ userId: ADA.id, head: 'a'.repeat(64), entries: 4 }],
    },
    ...overrides,
  }
}

function record(c: Capture | null = capture(), overrides: Partial<ProvenanceRecord> = {}): ProvenanceRecord {
  return {
    schema: 'loomprint/record',
    version: 2,
    patternId: 'V1StGXR8_Z5jdHi6B-myT',
    rootNodeId: NODE,
    origin: {
      generator: 'ComfyUI',
      model: 'SDXL',
      modelVersion: '1.0',
      prompt: 'paisley',
      modelLicense: '',
      trainingData: '',
      intent: '',
      generatedAt: '2025-03-04',
    },
    baseline: { generation: 1, chunks: 1, hash: 'b'.repeat(64), elements: 4, bytes: 100, capturedAt: '2025-03-04', capturedBy: ADA },
    capture: c,
    lineage: null,
    ...overrides,
  }
}

function decided(kind: DecisionKind, on: Capture, by = CORA, comment = kind === 'approve' ? '' : 'please redraw'): Decision {
  return { decision: kind, by, at: '2025-03-06T10:00:00.000Z', comment, capture: captureRef(on) }
}

function log(...decisions: Decision[]): ReviewLog {
  return { ...emptyReviewLog(record().patternId), decisions }
}

const ok = (l: ReviewLog) => parseReviewLog(JSON.stringify(l))

describe('captureHash', () => {
  it('is stable under key order and changes with any field', () => {
    const c = capture()
    const reordered = Object.fromEntries(Object.entries(c).reverse()) as Capture
    expect(captureHash(reordered)).toBe(captureHash(c))
    expect(captureHash(capture({ hcc: 0.43 }))).not.toBe(captureHash(c))
    expect(captureHash(capture({ at: '2025-03-05T17:00:01.000Z' }))).not.toBe(captureHash(c))
    expect(captureHash(c)).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('reviewStatus', () => {
  const c1 = capture()
  const c2 = capture({ hcc: 0.55, label: 'Human-authored, AI-assisted', at: '2025-03-07T09:00:00.000Z' })
  it.each<[string, ProvenanceRecord, ReviewLog | null, boolean, string]>([
    ['never captured', record(null), null, false, 'not-captured'],
    ['captured, no decision', record(c1), null, false, 'unreviewed'],
    ['captured, empty history', record(c1), log(), false, 'unreviewed'],
    ['approved this capture', record(c1), log(decided('approve', c1)), false, 'approved'],
    ['approved, then edited (journal moved on)', record(c1), log(decided('approve', c1)), true, 'approved-out-of-date'],
    ['approved, then captured again', record(c2), log(decided('approve', c1)), false, 'approved-out-of-date'],
    ['changes requested on this capture', record(c1), log(decided('request-changes', c1)), false, 'changes-requested'],
    ['changes requested, then captured again', record(c2), log(decided('request-changes', c1)), false, 'unreviewed'],
    ['rejected this capture', record(c1), log(decided('reject', c1)), false, 'rejected'],
    ['rejected, then recaptured', record(c2), log(decided('reject', c1)), false, 'unreviewed'],
    ['approved, then rejected: the latest counts', record(c1), log(decided('approve', c1), decided('reject', c1)), false, 'rejected'],
    ['rejected old, approved new', record(c2), log(decided('reject', c1), decided('approve', c2)), false, 'approved'],
    [
      'a captured copy carrying its original’s history (lineage)',
      record(c1, { lineage: { copiedFrom: 'X'.repeat(21), copiedFromNode: '1:1', detectedAt: '2025-03-05' } }),
      { ...log(decided('approve', c1)), patternId: 'X'.repeat(21) },
      false,
      'unreviewed',
    ],
    ['a history naming a pattern this is no copy of (hand edit)', record(c1), { ...log(decided('approve', c1)), patternId: 'X'.repeat(21) }, false, 'review-damaged'],
    ['a copy not yet captured on its own', record(c1, { rootNodeId: '99:1' }), log(decided('approve', c1)), false, 'not-captured'],
  ])('%s → %s', (_name, rec, history, edited, expected) => {
    const status = reviewStatus({ nodeId: NODE, record: rec, review: history ? ok(history) : null, edited })
    expect(status.status).toBe(expected)
    expect(isApprovedForExport(status.status)).toBe(expected === 'approved')
  })

  it('a damaged history is its own status, never "approved"', () => {
    const status = reviewStatus({ nodeId: NODE, record: record(), review: parseReviewLog('{"schema":"loomprint/review"'), edited: false })
    expect(status.status).toBe('review-damaged')
  })
})

describe('editedAfterCapture', () => {
  const c = capture()
  it.each<[string, { userId: string; head: string }[], boolean]>([
    ['no journals', [], false],
    ['the same head', [{ userId: ADA.id, head: 'a'.repeat(64) }], false],
    ['the head moved on', [{ userId: ADA.id, head: 'd'.repeat(64) }], true],
    ['a new person journaled', [{ userId: ADA.id, head: 'a'.repeat(64) }, { userId: BEN.id, head: 'e'.repeat(64) }], true],
  ])('%s → %s', (_name, heads, expected) => expect(editedAfterCapture(c, heads)).toBe(expected))

  it('reads the head from a journal chunk header line', () => {
    const line = JSON.stringify({ f: 'loomprint-journal/1', user: ADA, chunk: 0, from: 0, entries: 3, prev: '0'.repeat(64), head: 'f'.repeat(64) })
    expect(journalHeadFromHeader(line)).toEqual({ userId: ADA.id, head: 'f'.repeat(64), name: ADA.name })
    for (const bad of ['', 'nope', '{}', '{"f":"other","user":{"id":"1"},"head":"x"}', 'null', '[1]']) expect(journalHeadFromHeader(bad)).toBeNull()
  })
})

describe('validateDecision', () => {
  it.each<[DecisionKind, string, RegExp | null]>([
    ['approve', '', null],
    ['approve', 'looks good', null],
    ['request-changes', '', /required to request changes/],
    ['request-changes', '   ', /required to request changes/],
    ['reject', '', /required to reject/],
    ['reject', 'x'.repeat(2001), /too long \(2,001 characters; at most 2,000\)/],
    ['reject', 'the motif is untouched AI output', null],
  ])('%s with %j', (decision, comment, expected) => {
    const issues = validateDecision({ decision, comment })
    if (expected === null) expect(issues).toEqual([])
    else expect(issues.map((i) => i.message).join(' ')).toMatch(expected)
    for (const i of issues) expect(i.path).toBe('comment')
  })
})

describe('reviewer independence', () => {
  const facts = (rules = { reviewerMustNotBeEditor: true }) => ({
    nodeId: NODE,
    record: record(),
    reviewRaw: null,
    at: '2025-03-06T10:00:00.000Z',
    editors: editorsOf(capture()),
    rules,
  })

  it('editors are the people who edited (not those with 0 edits), plus later journal owners', () => {
    expect(editorsOf(capture()).map((e) => e.id)).toEqual([ADA.id])
    expect(editorsOf(capture(), [BEN]).map((e) => e.id)).toEqual([ADA.id, BEN.id])
    expect(editorsOf(null)).toEqual([])
  })

  it.each<[string, typeof ADA, DecisionKind, boolean, boolean]>([
    ['an editor approving, policy on', ADA, 'approve', true, false],
    ['an editor approving, policy off (the default)', ADA, 'approve', false, true],
    ['an editor requesting changes, policy on', ADA, 'request-changes', true, true],
    ['a non-editor approving, policy on', CORA, 'approve', true, true],
    ['someone with 0 edits approving, policy on', BEN, 'approve', true, true],
  ])('%s', (_name, reviewer, decision, rule, allowed) => {
    const plan = planDecision({ decision, comment: 'fine' }, { ...facts({ reviewerMustNotBeEditor: rule }), reviewer })
    expect(plan.ok).toBe(allowed)
    if (!plan.ok) expect(plan.reason).toMatch(/You edited this pattern \(12 edits in its journal\).*must not be one of the pattern’s editors.*Nothing was written/)
  })

  it('is off by default', () => expect(DEFAULT_REVIEW_RULES.reviewerMustNotBeEditor).toBe(false))
})

describe('planDecision', () => {
  const base = { nodeId: NODE, record: record(), reviewer: CORA, at: '2025-03-06T10:00:00.000Z', editors: [], rules: DEFAULT_REVIEW_RULES }

  it('appends a decision that names the capture (hash, HCC, method, policy fingerprint)', () => {
    const first = planDecision({ decision: 'request-changes', comment: ' more hand work on the border ' }, { ...base, reviewRaw: null })
    if (!first.ok) throw new Error(first.reason)
    expect(first.decision).toEqual({
      decision: 'request-changes',
      by: CORA,
      at: base.at,
      comment: 'more hand work on the border',
      capture: { hash: captureHash(capture()), hcc: 0.42, label: 'AI-assisted', method: 'loomprint-hcc/1', policyFingerprint: 'fnv1a-12345678', at: capture().at },
    })
    const second = planDecision({ decision: 'approve', comment: '' }, { ...base, reviewRaw: first.json })
    if (!second.ok) throw new Error(second.reason)
    expect(second.log.decisions.map((d) => d.decision)).toEqual(['request-changes', 'approve'])
    expect(reviewWriteCheck(first.json, second.json, base.record)).toEqual({ ok: true, keepAside: null })
  })

  it.each<[string, Partial<typeof base> & { reviewRaw?: string | null }, RegExp]>([
    ['no capture yet', { record: record(null) }, /not been captured yet/],
    ['a copy', { nodeId: '99:9' }, /copy of another pattern/],
    ['a damaged history', { reviewRaw: '{"schema":"loomprint/review","version":1,"patternId":"V1StGXR8_Z5jdHi6B-myT","decisions":[{}]}' }, /damaged.*kept as it is/],
    ['a history that is not JSON', { reviewRaw: 'lol' }, /not valid JSON/],
  ])('refuses: %s', (_name, over, reason) => {
    const plan = planDecision({ decision: 'approve', comment: '' }, { reviewRaw: null, ...base, ...over })
    expect(plan.ok).toBe(false)
    if (!plan.ok) expect(plan.reason).toMatch(reason)
  })

  it('refuses to grow the history past its cap', () => {
    let raw: string | null = null
    let refusedAt = -1
    for (let i = 0; i < 100; i++) {
      // Each with its own comment: the same decision twice in a row is one decision (issue #21).
      const plan = planDecision({ decision: 'reject', comment: String(i % 10) + 'x'.repeat(1999) }, { ...base, reviewRaw: raw })
      if (!plan.ok) {
        expect(plan.reason).toMatch(/over the 90,000 a pattern can hold/)
        refusedAt = i
        break
      }
      raw = plan.json
    }
    expect(refusedAt).toBeGreaterThan(30)
  })
})

describe('one decision per decision (issue #21, item 2)', () => {
  const base = { nodeId: NODE, record: record(), reviewer: CORA, at: '2025-03-06T10:00:00.000Z', editors: [], rules: DEFAULT_REVIEW_RULES }
  it.each<[string, { decision: 'approve' | 'reject' | 'request-changes'; comment: string }, boolean]>([
    ['the same approval again (a double click)', { decision: 'approve', comment: '' }, true],
    ['the same approval, comment padded with spaces', { decision: 'approve', comment: '  ' }, true],
    ['a different decision', { decision: 'reject', comment: 'No' }, false],
    ['the same decision with another comment', { decision: 'approve', comment: 'Lovely' }, false],
  ])('%s → nothing new to write: %s', (_what, input, unchanged) => {
    const first = planDecision({ decision: 'approve', comment: '' }, { ...base, reviewRaw: null })
    if (!first.ok) throw new Error(first.reason)
    const second = planDecision(input, { ...base, reviewRaw: first.json })
    expect(second.ok).toBe(true)
    if (!second.ok) return
    expect(second.unchanged === true).toBe(unchanged)
    expect(JSON.parse(second.json).decisions).toHaveLength(unchanged ? 1 : 2)
  })

  it('another reviewer’s same approval is a decision of its own', () => {
    const first = planDecision({ decision: 'approve', comment: '' }, { ...base, reviewRaw: null })
    if (!first.ok) throw new Error(first.reason)
    const other = planDecision({ decision: 'approve', comment: '' }, { ...base, reviewer: { id: 'other', name: 'Other' }, reviewRaw: first.json })
    expect(other.ok && other.unchanged).toBeFalsy()
  })
})

describe('reviewWriteCheck (main’s guard)', () => {
  const c = capture()
  const pid = record()
  const one = JSON.stringify(log(decided('approve', c)))
  const two = JSON.stringify(log(decided('approve', c), decided('reject', c)))
  it.each<[string, string, string, boolean | RegExp]>([
    ['first decision', '', one, true],
    ['appending', one, two, true],
    ['dropping a decision', two, one, /must add a decision/],
    ['changing an earlier decision', one, JSON.stringify(log(decided('reject', c), decided('reject', c))), /may only append; decision 1 would change/],
    ['over a damaged history', '{"oops"', two, /damaged; it is kept/],
    ['an invalid new history', one, '{"schema":"loomprint/review"}', /invalid review history/],
    ['another pattern id', '', JSON.stringify({ ...log(decided('approve', c)), patternId: 'Y'.repeat(21) }), /names another pattern/],
  ])('%s', (_name, stored, next, expected) => {
    const r = reviewWriteCheck(stored, next, pid)
    if (expected === true) expect(r.ok).toBe(true)
    else if (expected !== false) expect(r.ok ? "" : r.reason).toMatch(expected)
  })

  it('a history inherited from the original of a copy is kept aside, not overwritten; a foreign one is refused', () => {
    const inherited = JSON.stringify({ ...log(decided('approve', c)), patternId: 'Z'.repeat(21) })
    const copy = record(c, { lineage: { copiedFrom: 'Z'.repeat(21), copiedFromNode: '1:1', detectedAt: '2025-03-05' } })
    expect(reviewWriteCheck(inherited, one, copy)).toEqual({ ok: true, keepAside: 'review.inherited.' + 'Z'.repeat(21) })
    expect(reviewWriteCheck(inherited, one, pid)).toMatchObject({ ok: false, reason: expect.stringMatching(/neither that pattern nor a copy of it/) as unknown })
  })
})

describe('parseReviewLog never throws and keeps the raw text', () => {
  it('on anything', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything().map((v) => JSON.stringify(v) ?? 'undefined')), (raw) => {
        const r = parseReviewLog(raw)
        if (!r.ok) {
          expect(r.raw).toBe(raw)
          expect(r.error.length).toBeGreaterThan(0)
        }
      }),
    )
  })
})

describe('reviewHistory', () => {
  it('shows a migrated v1 review first, then decisions marked current or not', () => {
    const c1 = capture()
    const c2 = capture({ hcc: 0.6 })
    const legacy = { status: 'approved' as const, by: BEN, at: '2025-03-01', note: 'ok' }
    const rec = record(c2, { legacy: { review: legacy, license: null } })
    const history = reviewHistory(rec, ok(log(decided('approve', c1), decided('approve', c2))))
    expect(history.map((h) => (h.kind === 'legacy' ? 'legacy' : `${h.decision.decision}:${String(h.current)}`))).toEqual([
      'legacy',
      'approve:false',
      'approve:true',
    ])
  })
})
