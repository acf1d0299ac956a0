import fc from 'fast-check'
import { nanoid } from 'nanoid'
import { describe, expect, it } from 'vitest'
import {
  baselineKey,
  formatCount,
  journalKey,
  LIMITS,
  migrateRecordValue,
  parseAiOrigin,
  parseRecord,
  parseSummary,
  PatternSummarySchema,
  RECORD_KEY,
  RECORD_MAX_BYTES,
  SUMMARY_KEY,
  SUMMARY_NAMESPACE,
  summaryOf,
  type AiOrigin,
  type ProvenanceRecord,
} from '../../src/provenance/record'
import { utf8Length } from '../../src/storage/utf8'
import * as z from 'zod/mini'

const origin: AiOrigin = {
  generator: 'ComfyUI',
  model: 'Stable Diffusion XL',
  modelVersion: '1.0',
  prompt: 'seamless art-nouveau textile repeat, poppies and willow leaves, muted teal',
  negativePrompt: 'text, watermark',
  seed: 123456789,
  fineTune: { name: 'william-morris-lora', version: '2' },
  modelLicense: 'CreativeML OpenRAIL++-M',
  trainingData: 'LAION-5B subset as declared by Stability AI; LoRA trained on public-domain Morris & Co. scans.',
  intent: 'Base motif for the SS26 upholstery line; to be redrawn and recoloured by hand.',
  generatedAt: '2025-03-04T09:30:00Z',
}

const person = { id: '1001', name: 'Ada' }

function record(overrides: Partial<ProvenanceRecord> = {}): ProvenanceRecord {
  return {
    schema: 'loomprint/record',
    version: 2,
    patternId: 'V1StGXR8_Z5jdHi6B-myT',
    rootNodeId: '12:345',
    origin,
    baseline: {
      generation: 2,
      chunks: 3,
      hash: 'a'.repeat(64),
      elements: 10_000,
      bytes: 150_000,
      capturedAt: '2025-03-04T09:31:00.000Z',
      capturedBy: person,
    },
    capture: {
      hcc: 0.42,
      label: 'AI-assisted',
      digitalSourceType: 'compositeWithTrainedAlgorithmicMedia',
      breakdown: { color: 0.2, shape: 0.1, transform: 0.05, style: 0, text: 0, added: 0.07, removed: 0 },
      top: [{ id: '12:400', path: '3.1', type: 'VECTOR', kind: 'changed', contribution: 0.01 }],
      added: 12,
      removed: 3,
      changed: 420,
      method: 'loomprint-hcc/1',
      policyFingerprint: 'b'.repeat(64),
      matchedBy: 'id',
      at: '2025-03-05T17:00:00Z',
      by: person,
      journal: { edits: 5310, people: [{ ...person, edits: 5310 }], heads: [{ userId: '1001', head: 'c'.repeat(64), entries: 812 }] },
    },
    lineage: null,
    legacy: { review: { status: 'approved', by: { id: '2002', name: 'Bo' }, at: '2025-03-06', note: '' }, license: { id: 'exclusive-2025' } },
    ...overrides,
  }
}

describe('keys', () => {
  it('names every plugin-data entry', () => {
    expect(RECORD_KEY).toBe('record')
    expect(baselineKey(3, 0)).toBe('baseline.3.0')
    expect(journalKey('1001', 12)).toBe('journal.1001.12')
    expect(SUMMARY_NAMESPACE).toBe('loomprint')
    expect(SUMMARY_NAMESPACE).toMatch(/^[A-Za-z0-9]{3,}$/) // shared namespaces: ≥ 3 alphanumerics
    expect(SUMMARY_KEY).toBe('summary')
  })
})

describe('parseRecord', () => {
  it('accepts a complete record and a fresh one (no capture, legacy fields or lineage)', () => {
    const full = record()
    expect(parseRecord(JSON.stringify(full))).toEqual({ ok: true, record: full })
    const fresh = record({ capture: null, legacy: undefined })
    expect(parseRecord(JSON.stringify(fresh))).toEqual({ ok: true, record: fresh })
    const copy = record({
      rootNodeId: '99:1',
      lineage: { copiedFrom: nanoid(), copiedFromNode: '12:345', detectedAt: '2025-04-01T10:00:00+02:00' },
    })
    expect(parseRecord(JSON.stringify(copy)).ok).toBe(true)
  })

  it('accepts nanoid pattern ids', () => {
    for (let i = 0; i < 50; i++) expect(parseRecord(JSON.stringify(record({ patternId: nanoid() }))).ok).toBe(true)
  })

  it('reports invalid JSON with the raw text kept', () => {
    const r = parseRecord('{"schema": "loomprint/rec')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toMatch(/^The record is not valid JSON/)
    expect(r.raw).toBe('{"schema": "loomprint/rec')
  })

  it.each<[string, unknown, string, RegExp]>([
    ['wrong schema', { schema: 'other' }, 'schema', /must be "loomprint\/record"/],
    ['future version', { version: 3 }, 'version', /must be 2/],
    ['short pattern id', { patternId: 'abc' }, 'patternId', /Pattern id has an invalid format/],
    ['hcc above 1', { capture: { ...record().capture, hcc: 1.5 } }, 'capture.hcc', /at most 1/],
    [
      'bad legacy review status',
      { legacy: { ...record().legacy!, review: { ...record().legacy!.review!, status: 'maybe' } } },
      'legacy.review.status',
      /one of "approved", "rejected"/,
    ],
    ['bad date', { baseline: { ...record().baseline, capturedAt: 'yesterday' } }, 'baseline.capturedAt', /ISO 8601/],
    ['missing origin', { origin: undefined }, 'origin', /is missing/],
    ['chunk count 0', { baseline: { ...record().baseline, chunks: 0 } }, 'baseline.chunks', /at least 1/],
    ['fractional elements', { baseline: { ...record().baseline, elements: 1.5 } }, 'baseline.elements', /whole number/],
    [
      '21 top elements',
      { capture: { ...record().capture, top: Array(21).fill(record().capture!.top[0]) } },
      'capture.top',
      /too many entries \(21; at most 20\)/,
    ],
  ])('%s → a field-level message', (_, change, path, message) => {
    const raw = JSON.stringify({ ...record(), ...(change as object) })
    const r = parseRecord(raw)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.raw).toBe(raw)
    const issue = r.issues.find((i) => i.path === path)
    expect(issue, JSON.stringify(r.issues)).toBeDefined()
    expect(issue!.message).toMatch(message)
    expect(r.error).toContain(path)
  })

  it('refuses a record too large for one plugin-data entry', () => {
    const big = record({ origin: { ...origin, prompt: '漢'.repeat(LIMITS.prompt), intent: '字'.repeat(LIMITS.intent) } })
    const r = parseRecord(JSON.stringify({ ...big, padding: '字'.repeat(30_000) }))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/too large \([\d,]+ bytes; at most 90,000\)/)
  })

  it('a record with every field at its limit (ASCII) fits a plugin-data entry', () => {
    const s = (n: number) => 'x'.repeat(n)
    const p = { id: s(LIMITS.id), name: s(LIMITS.name) }
    const max = record({
      rootNodeId: s(LIMITS.id),
      origin: {
        generator: s(LIMITS.short), model: s(LIMITS.short), modelVersion: s(LIMITS.short), prompt: s(LIMITS.prompt),
        negativePrompt: s(LIMITS.negativePrompt), seed: Number.MAX_SAFE_INTEGER,
        fineTune: { name: s(LIMITS.short), version: s(LIMITS.short) }, modelLicense: s(LIMITS.short),
        trainingData: s(LIMITS.trainingData), intent: s(LIMITS.intent), generatedAt: '2025-03-04T09:30:00.123456789+01:00',
      },
      capture: {
        ...record().capture!,
        label: s(LIMITS.label),
        policyFingerprint: s(LIMITS.short),
        by: p,
        top: Array.from({ length: LIMITS.top }, () => ({ id: s(LIMITS.id), path: s(LIMITS.id), type: s(LIMITS.name), kind: s(LIMITS.name), contribution: 0.123456789 })),
        journal: {
          edits: 1e9,
          people: Array.from({ length: LIMITS.people }, () => ({ ...p, edits: 1e9 })),
          heads: Array.from({ length: LIMITS.heads }, () => ({ userId: s(LIMITS.id), head: 'f'.repeat(64), entries: 1e9 })),
        },
      },
      legacy: { review: { status: 'rejected', by: p, at: '2025-03-06', note: s(LIMITS.note) }, license: { id: s(LIMITS.id) } },
      lineage: { copiedFrom: nanoid(), copiedFromNode: s(LIMITS.id), detectedAt: '2025-03-06' },
    })
    const json = JSON.stringify(max)
    expect(parseRecord(json).ok).toBe(true)
    expect(utf8Length(json)).toBeLessThan(RECORD_MAX_BYTES)
  })

  it('never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything().map((v) => JSON.stringify(v) ?? 'undefined')), (json) => {
        const r = parseRecord(json)
        expect(typeof r.ok).toBe('boolean')
      }),
      { numRuns: 300 },
    )
    expect(parseRecord(undefined as unknown as string).ok).toBe(false)
  })
})

describe('parseAiOrigin', () => {
  it('accepts a declaration, with or without the optional fields', () => {
    expect(parseAiOrigin(origin)).toEqual({ ok: true, origin })
    const { negativePrompt: _n, seed: _s, fineTune: _f, ...minimal } = origin
    expect(parseAiOrigin(minimal)).toEqual({ ok: true, origin: minimal })
    expect(parseAiOrigin({ ...origin, generatedAt: '2025-03-04' }).ok).toBe(true)
  })

  it('explains a 1 MB prompt in words', () => {
    const r = parseAiOrigin({ ...origin, prompt: 'p'.repeat(1_000_000) })
    expect(r).toEqual({
      ok: false,
      issues: [{ path: 'prompt', message: 'Prompt is too long (1,000,000 characters; at most 8,000)' }],
    })
  })

  it.each<[string, unknown, { path: string; message: string }[]]>([
    ['no generator', { ...origin, generator: '' }, [{ path: 'generator', message: 'Generator (tool) is required' }]],
    ['missing model', { ...origin, model: undefined }, [{ path: 'model', message: 'Model is missing' }]],
    ['numeric prompt', { ...origin, prompt: 42 }, [{ path: 'prompt', message: 'Prompt must be a string (got a number)' }]],
    ['negative seed', { ...origin, seed: -1 }, [{ path: 'seed', message: 'Seed must be at least 0' }]],
    ['fractional seed', { ...origin, seed: 1.5 }, [{ path: 'seed', message: 'Seed must be a whole number' }]],
    [
      'date in words',
      { ...origin, generatedAt: 'March 4th' },
      [{ path: 'generatedAt', message: 'Generation date must be an ISO 8601 date such as 2025-03-04 or 2025-03-04T09:30:00Z' }],
    ],
    [
      'long fine-tune name',
      { ...origin, fineTune: { name: 'n'.repeat(501), version: '' } },
      [{ path: 'fineTune.name', message: 'Name is too long (501 characters; at most 500)' }],
    ],
    ['not an object', 'midjourney', [{ path: '', message: 'The value must be an object (got a string)' }]],
  ])('%s', (_, input, issues) => {
    expect(parseAiOrigin(input)).toEqual({ ok: false, issues })
  })

  it('reports every problem at once', () => {
    const r = parseAiOrigin({ ...origin, generator: '', trainingData: 't'.repeat(2001), intent: 'i'.repeat(2500) })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.issues.map((i) => i.path)).toEqual(['generator', 'trainingData', 'intent'])
      expect(r.issues[2].message).toBe('Creative intent is too long (2,500 characters; at most 2,000)')
    }
  })
})

describe('migration from version 1', () => {
  /** A record exactly as version 1 of the plugin wrote it (review and license in the record). */
  function v1(review: unknown, license: unknown): Record<string, unknown> {
    const { legacy: _legacy, ...rest } = record()
    return { ...rest, version: 1, review, license }
  }

  it('a v1 record written today (no review, no license) loads as v2 with nothing else changed', () => {
    const stored = v1(null, null)
    const r = parseRecord(JSON.stringify(stored))
    if (!r.ok) throw new Error(r.error)
    const { legacy: _legacy, ...expected } = record()
    expect(r.record).toEqual({ ...expected, version: 2 })
    expect('legacy' in r.record).toBe(false)
  })

  it('a v1 review and license are kept verbatim under legacy: nothing is lost', () => {
    const review = { status: 'rejected', by: { id: '2002', name: 'Bo' }, at: '2025-03-06T10:00:00Z', note: 'too close to the AI output' }
    const r = parseRecord(JSON.stringify(v1(review, { id: 'lic-7' })))
    if (!r.ok) throw new Error(r.error)
    expect(r.record.legacy).toEqual({ review, license: { id: 'lic-7' } })
    expect(summaryOf(r.record).licenseId).toBe('lic-7')
    expect(summaryOf(r.record, 'fp-new').licenseId).toBe('fp-new')
  })

  it('every field of a v1 record survives: a property over arbitrary field values', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 40 }), { nil: null }), fc.boolean(), (note, withLicense) => {
        const review = note === null ? null : { status: 'approved', by: person, at: '2025-03-06', note }
        const stored = v1(review, withLicense ? { id: 'x' } : null)
        const migrated = migrateRecordValue(stored) as Record<string, unknown>
        for (const key of Object.keys(stored)) {
          if (key === 'version' || key === 'review' || key === 'license') continue
          expect(migrated[key]).toEqual(stored[key])
        }
        if (review !== null || withLicense) expect(migrated.legacy).toEqual({ review, license: withLicense ? { id: 'x' } : null })
        else expect('legacy' in migrated).toBe(false)
      }),
    )
  })

  it('a damaged v1 record is still reported, with the raw text kept', () => {
    const json = JSON.stringify({ ...v1(null, null), patternId: 'short' })
    const r = parseRecord(json)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.raw).toBe(json)
  })

  it('leaves anything that is not a v1 record alone', () => {
    for (const value of [null, 3, 'x', [1], { schema: 'other', version: 1 }, { schema: 'loomprint/record', version: 2 }]) {
      expect(migrateRecordValue(value)).toBe(value)
    }
  })
})

describe('summary', () => {
  it('is derived from the record and validates', () => {
    const summary = summaryOf(record())
    expect(summary).toEqual({
      hcc: 0.42,
      label: 'AI-assisted',
      digitalSourceType: 'compositeWithTrainedAlgorithmicMedia',
      licenseId: 'exclusive-2025',
      method: 'loomprint-hcc/1',
      patternId: 'V1StGXR8_Z5jdHi6B-myT',
    })
    expect(z.safeParse(PatternSummarySchema, summary).success).toBe(true)
    expect(parseSummary(JSON.stringify(summary))).toEqual({ ok: true, summary })
    expect(JSON.stringify(summary).length).toBeLessThan(400)
  })

  it('before the first capture: AI-generated, no coefficient', () => {
    const summary = summaryOf(record({ capture: null, legacy: undefined }))
    expect(summary).toMatchObject({ hcc: null, label: 'AI-generated', digitalSourceType: 'trainedAlgorithmicMedia', licenseId: null })
  })

  it('reports a bad summary', () => {
    expect(parseSummary('nope').ok).toBe(false)
    const r = parseSummary(JSON.stringify({ ...summaryOf(record()), hcc: 2 }))
    expect(!r.ok && r.error).toMatch(/hcc/)
  })
})

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1_000_000, '1,000,000'],
    [-12345, '-12,345'],
  ])('%d → %s', (n, s) => expect(formatCount(n)).toBe(s))
})
