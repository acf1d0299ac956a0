import { describe, expect, it } from 'vitest'
import {
  changedFields,
  licenseSummaryOf,
  licenseWriteCheck,
  parseLicenseEntry,
  planStamp,
  type StampFacts,
} from '../../src/license/stamp'
import { licenseFingerprint } from '../../src/license/terms'
import type { ProvenanceRecord } from '../../src/provenance/record'
import { sampleTerms } from './fixtures'

const ANA = { id: 'u-ana', name: 'Ana' }
const record = {
  schema: 'loomprint/record',
  version: 2,
  patternId: 'V1StGXR8_Z5jdHi6B-myT',
  rootNodeId: '1:2',
  capture: null,
  lineage: null,
} as unknown as ProvenanceRecord

const facts = (entryRaw: string | null, over: Partial<StampFacts> = {}): StampFacts => ({
  nodeId: '1:2',
  record,
  entryRaw,
  by: ANA,
  at: '2026-02-01T10:00:00.000Z',
  ...over,
})

function stamp(terms = sampleTerms(), entryRaw: string | null = null) {
  const plan = planStamp(terms, facts(entryRaw))
  if (!plan.ok) throw new Error(plan.reason)
  return plan
}

describe('planStamp', () => {
  it('first terms: current with fingerprint and own schema version, one history entry naming every field', () => {
    const plan = stamp()
    expect(plan.entry.current?.fingerprint).toBe(licenseFingerprint(sampleTerms()))
    expect(plan.entry.current?.terms.version).toBe(1)
    expect(plan.entry.history).toEqual([
      { at: '2026-02-01T10:00:00.000Z', by: ANA, fingerprint: licenseFingerprint(sampleTerms()), previous: null, changed: Object.keys(sampleTerms()) },
    ])
    expect(JSON.parse(plan.summary)).toEqual({
      tier: 'hybridCreative',
      exclusivity: 'exclusive',
      territory: { scope: 'include', countries: ['FR', 'DE', 'JP'] },
      termEnd: '2027-12-31',
      training: 'notAllowed',
      fingerprint: licenseFingerprint(sampleTerms()),
      patternId: record.patternId,
    })
    expect(parseLicenseEntry(plan.json)).toEqual({ ok: true, entry: plan.entry })
  })

  it('a change appends: who, when, previous fingerprint and what changed; nothing earlier is rewritten', () => {
    const first = stamp()
    const changed = { ...sampleTerms(), tier: 'foundationalIp' as const, attribution: 'By Ana' }
    const second = stamp(changed, first.json)
    expect(second.changed).toEqual(['tier', 'attribution'])
    expect(second.entry.history[0]).toEqual(first.entry.history[0])
    expect(second.entry.history[1]).toMatchObject({ previous: first.entry.current?.fingerprint, changed: ['tier', 'attribution'] })
    expect(licenseWriteCheck(first.json, second.json, record)).toEqual({ ok: true, keepAside: null })
  })

  it.each<[string, string | null, Partial<StampFacts>, RegExp]>([
    ['the same terms again', null, {}, /already stamped/],
    ['a damaged entry', '{"schema":"loomprint/license"', {}, /damaged.*kept as it is/],
    ['a copy not captured on its own', null, { nodeId: '9:9' }, /copy of another pattern/],
  ])('refuses %s', (name, raw, over, reason) => {
    const entryRaw = name === 'the same terms again' ? stamp().json : raw
    const plan = planStamp(sampleTerms(), facts(entryRaw, over))
    expect(plan.ok).toBe(false)
    if (!plan.ok) expect(plan.reason).toMatch(reason)
  })
})

describe('parseLicenseEntry', () => {
  it('a hand-edited term whose fingerprint no longer matches is damage', () => {
    const entry = JSON.parse(stamp().json) as { current: { terms: { attribution: string } } }
    entry.current.terms.attribution = 'Pattern by someone else'
    const r = parseLicenseEntry(JSON.stringify(entry))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/fingerprint does not match/)
  })
  it('invalid terms inside are reported with their path', () => {
    const entry = JSON.parse(stamp().json) as { current: { terms: { territory: unknown } } }
    entry.current.terms.territory = { scope: 'include', countries: ['XX'] }
    const r = parseLicenseEntry(JSON.stringify(entry))
    expect(!r.ok && r.error).toMatch(/current\.terms\.territory/)
  })
})

describe('licenseWriteCheck (main’s guard)', () => {
  const pid = record
  const first = stamp()
  const second = stamp({ ...sampleTerms(), attribution: 'x' }, first.json)
  it.each<[string, string, string, true | RegExp]>([
    ['first entry', '', first.json, true],
    ['a grown history', first.json, second.json, true],
    ['a shrunk history', second.json, first.json, /exactly one change/],
    ['a first entry with a forged history', '', second.json, /exactly one change/],
    ['over a damaged entry', '{', second.json, /damaged; it is kept/],
    ['garbage', '', 'nope', /invalid license entry/],
  ])('%s', (_name, stored, next, expected) => {
    const r = licenseWriteCheck(stored, next, pid)
    if (expected === true) expect(r.ok).toBe(true)
    else expect(r.ok ? '' : r.reason).toMatch(expected)
  })
  it('a rewritten earlier change is refused', () => {
    const forged = JSON.parse(second.json) as { history: { by: { name: string } }[] }
    forged.history[0]!.by.name = 'Mallory'
    expect(licenseWriteCheck(first.json, JSON.stringify(forged), pid)).toMatchObject({ ok: false, reason: expect.stringMatching(/change 1 would be rewritten/) as unknown })
  })
})

describe('changedFields / summary', () => {
  it('names nothing for equal terms and everything for first terms', () => {
    expect(changedFields(sampleTerms(), sampleTerms())).toEqual([])
    expect(changedFields(null, sampleTerms())).toEqual(Object.keys(sampleTerms()))
    expect(licenseSummaryOf({ ...sampleTerms(), term: { start: '2026-01-01', end: null } }, record.patternId).termEnd).toBeNull()
  })
})
