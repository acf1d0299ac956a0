/**
 * Damaged and hand-edited license entries: whatever is stored, reading it never
 * throws, every refusal says what is wrong (a path and a message), the input is left
 * as it was, and terms that do parse go through every renderer and check.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkEligibility, checkIntendedUse, parseIntendedUse } from '../../src/license/eligibility'
import { toOdrl } from '../../src/license/odrl'
import { licenseFingerprint, parseLicenseTerms, parseLicenseTermsJson } from '../../src/license/terms'
import { licenseText } from '../../src/license/text'
import { toCawgTrainingMining, toPlusDataMining, toTdmRep } from '../../src/license/training'
import { licenseTerms } from './arbitraries'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Every path into a JSON value (the root is []). */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix]
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])))
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]))
  return out
}

function setAt(root: Json, path: (string | number)[], make: (old: Json | undefined) => Json | undefined): Json {
  if (path.length === 0) return make(root) ?? null
  const copy = structuredClone(root) as { [k: string]: Json }
  let node: { [k: string]: Json } = copy
  for (const key of path.slice(0, -1)) node = node[key as string] as { [k: string]: Json }
  const last = path[path.length - 1] as string
  const next = make(node[last])
  if (next === undefined) {
    if (Array.isArray(node)) (node as Json[]).splice(Number(last), 1)
    else delete node[last]
  } else node[last] = next
  return copy
}

const junk: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constantFrom('', 'EURO', 'eur', 'XX', 'uk', '2026-02-30', '-1', '1e3', 'gold', 'notallowed', 'Constrained', '\ud800', 'x'.repeat(5000), '__proto__'),
  fc.constantFrom(-1, 0, 1.5, 10_001, 1e309 as number, Number.MAX_SAFE_INTEGER + 2),
  fc.constant([] as Json[]),
  fc.constant({} as Json),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
)

interface Damage {
  /** Which path of the entry is hit (modulo the number of paths). */
  pick: number
  kind: 'delete' | 'replace' | 'rename' | 'add' | 'truncate' | 'garbage' | 'duplicate'
  junk: Json
  cut: number
  name: string
}

/** One edit a person or a damaged store could make. */
const mutation: fc.Arbitrary<Damage> = fc.record({
    pick: fc.nat(),
  kind: fc.constantFrom('delete', 'replace', 'replace', 'rename', 'add', 'truncate', 'garbage', 'duplicate'),
  junk,
  cut: fc.nat(),
  name: fc.constantFrom('teritory', 'Tier', 'licencee', 'caps ', 'constructor', '__proto__', 'extra'),
})

function damage(valid: Json, m: Damage): string {
  const text = JSON.stringify(valid)
  const all = paths(valid)
  const path = all[m.pick % all.length]!
  switch (m.kind) {
    case 'delete':
      return JSON.stringify(setAt(valid, path, () => undefined))
    case 'replace':
      return JSON.stringify(setAt(valid, path, () => m.junk))
    case 'rename':
      return JSON.stringify(
        setAt(valid, path.slice(0, -1), (parent) => {
          if (parent === null || typeof parent !== 'object' || Array.isArray(parent) || path.length === 0) return parent ?? null
          const key = String(path[path.length - 1])
          const out: { [k: string]: Json } = {}
          for (const [k, v] of Object.entries(parent)) out[k === key ? m.name : k] = v
          return out
        }),
      )
    case 'add':
      return JSON.stringify(
        setAt(valid, path, (node) => (node !== null && typeof node === 'object' && !Array.isArray(node) ? { ...node, [m.name]: m.junk } : Array.isArray(node) ? [...node, m.junk] : m.junk)),
      )
    case 'truncate':
      return text.slice(0, m.cut % text.length)
    case 'garbage': {
      const at = m.cut % (text.length + 1)
      return text.slice(0, at) + String(typeof m.junk === 'string' ? m.junk : JSON.stringify(m.junk)).slice(0, 20) + text.slice(at)
    }
    default:
      // A hand-edited file with a key written twice: JSON.parse keeps the last.
      return text.replace(/^\{/, `{"tier":${JSON.stringify(m.junk)},`)
  }
}

describe('fuzz: damaged and hand-edited license entries', () => {
  it('2,000 entries: 0 crashes, every refusal reported by field, inputs kept as they were', () => {
    const entries = fc.sample(fc.tuple(licenseTerms, mutation), { numRuns: 2000, seed: 7 })
    let refused = 0
    let accepted = 0
    let crashes = 0
    const issueCounts: number[] = []
    for (const [terms, m] of entries) {
      const text = damage(terms as unknown as Json, m)
      try {
        const fromText = parseLicenseTermsJson(text)
        let value: unknown = undefined
        try {
          value = JSON.parse(text)
        } catch {
          /* not JSON: only the text parser sees it */
        }
        const before = JSON.stringify(value)
        const fromValue = value === undefined ? fromText : parseLicenseTerms(value)
        expect(JSON.stringify(value)).toBe(before)
        expect(fromValue.ok).toBe(fromText.ok)
        if (fromText.ok) {
          accepted++
          // Terms that parse go through every renderer and check without throwing.
          const t = fromText.terms
          licenseFingerprint(t)
          toOdrl(t, { uid: 'urn:x:1', hcc: 0.5 })
          licenseText(t)
          toCawgTrainingMining(t)
          toPlusDataMining(t)
          toTdmRep(t)
          checkIntendedUse(t, { fieldOfUse: 'apparel', territory: ['FR'], units: 1 }, '2026-06-01')
          checkEligibility(t, { capture: null, captureIsCurrent: false, reviews: [], journal: null, aiOrigin: null })
        } else {
          refused++
          issueCounts.push(fromText.issues.length)
          expect(fromText.issues.length).toBeGreaterThan(0)
          for (const issue of fromText.issues) {
            expect(typeof issue.path).toBe('string')
            expect(issue.message.length).toBeGreaterThan(5)
            // zod's own wording never reaches a person.
            expect(issue.message).not.toMatch(/^(Invalid|Too (big|small)|Unrecognized)|expected .* received/)
          }
        }
      } catch (err) {
        crashes++
        throw new Error(`crash on ${text.slice(0, 300)}: ${String(err)}`)
      }
    }
    expect(crashes).toBe(0)
    expect(refused).toBeGreaterThanOrEqual(1000)
    // The figures, for the record.
    console.info(`license fuzz: ${entries.length} entries, ${refused} refused with ${issueCounts.reduce((a, b) => a + b, 0)} field issues, ${accepted} still valid, 0 crashes`)
  })

  it('never throws on arbitrary JSON or arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (value) => {
        const r = parseLicenseTerms(value)
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0)
      }),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = parseLicenseTermsJson(text)
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0)
      }),
      { numRuns: 500 },
    )
  })

  it('never throws on an arbitrary intended use, and a use that parses is always checked (property)', () => {
    fc.assert(
      fc.property(licenseTerms, fc.oneof(fc.anything(), fc.record({ fieldOfUse: fc.string(), territory: fc.anything(), units: fc.anything() })), fc.string(), (t, input, at) => {
        const r = parseIntendedUse(input)
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0)
        else expect(checkIntendedUse(t, r.use, at).checks.length).toBeGreaterThan(0)
      }),
      { numRuns: 500 },
    )
  })
})
