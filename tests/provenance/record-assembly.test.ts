import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import { parseRecord, type ProvenanceRecord } from '../../src/provenance/record'
import { capturedRecord, isCopy, markedRecord } from '../../src/provenance/record-assembly'
import { recordSizeRefusal, relaunchText, summaryJson } from '../../src/provenance/record-text'
import { scoreContribution, TOP_ELEMENTS } from '../../src/coefficient/score'
import type { ElementSnapshot, PatternSnapshot } from '../../src/coefficient/snapshot'

const ada = { id: '1001', name: 'Ada' }
const origin = {
  generator: 'Midjourney',
  model: 'Midjourney',
  modelVersion: '6.1',
  prompt: 'ferns, seamless',
  modelLicense: '',
  trainingData: '',
  intent: '',
  generatedAt: '2025-03-01',
}
const baseline = { chunks: ['abc', 'def'], hash: 'a'.repeat(64), bytes: 6, elements: 30 }

function element(i: number, x = 0): ElementSnapshot {
  const bounds = { x: i * 10 + x, y: 0, w: 10, h: 10 }
  const paint = { fills: [], strokes: [], strokeWeight: 0, effects: [], geometry: null, text: null }
  return { id: `1:${i}`, path: String(i), type: 'RECTANGLE', bounds, rotation: 0, opacity: 1, visible: true, blendMode: 'NORMAL', ...paint }
}
const pattern = (shift: number): PatternSnapshot => ({
  rootId: '1:0',
  rootBounds: { x: 0, y: 0, w: 300, h: 10 },
  elements: Array.from({ length: 30 }, (_, i) => element(i + 1, i % 2 === 0 ? shift : 0)),
})
const score = scoreContribution(pattern(0), pattern(5), DEFAULT_POLICY)
const journal = { edits: 3, people: [{ ...ada, edits: 3 }], heads: [{ userId: ada.id, head: 'b'.repeat(64), entries: 2 }] }

function marked(): ProvenanceRecord {
  return markedRecord({ origin, nodeId: '1:0', patternId: 'AAAAAAAAAAAAAAAAAAAAA', baseline, at: '2025-03-04T09:00:00.000Z', by: ada })
}

describe('markedRecord', () => {
  it('is a valid record pointing at the first baseline generation, not yet captured', () => {
    const record = marked()
    expect(parseRecord(JSON.stringify(record))).toMatchObject({ ok: true })
    expect(record.baseline).toMatchObject({ generation: 1, chunks: 2, hash: baseline.hash, elements: 30, capturedBy: ada })
    expect(record).toMatchObject({ capture: null, lineage: null })
    expect('legacy' in record).toBe(false)
    expect(JSON.parse(summaryJson(record))).toMatchObject({ hcc: 0, label: 'AI-generated' })
    expect(relaunchText(record)).toBe('Marked as AI-generated; capture provenance after editing')
  })
})

describe('capturedRecord', () => {
  // A record migrated from v1 whose single review is kept under `legacy`.
  const review = { status: 'approved' as const, by: ada, at: '2025-03-04T10:00:00.000Z', note: '' }
  const reviewed = { ...marked(), legacy: { review, license: null } }
  const at = '2025-03-05T09:00:00.000Z'
  const newId = () => 'BBBBBBBBBBBBBBBBBBBBB'

  it.each<[string, string, { patternId: string; legacy: unknown; lineage: unknown }]>([
    ['the same layer keeps its id, legacy review and lineage', '1:0', { patternId: reviewed.patternId, legacy: { review, license: null }, lineage: null }],
    [
      'a copy gets a new id and lineage, and loses the review',
      '9:9',
      {
        patternId: 'BBBBBBBBBBBBBBBBBBBBB',
        legacy: undefined,
        lineage: { copiedFrom: reviewed.patternId, copiedFromNode: '1:0', detectedAt: at },
      },
    ],
  ])('%s', (_, nodeId, expected) => {
    const record = capturedRecord(reviewed, { nodeId, at, by: ada, newId }, score, DEFAULT_POLICY, journal)
    expect(isCopy(reviewed, nodeId)).toBe(nodeId !== '1:0')
    const { legacy, ...rest } = expected
    expect(record).toMatchObject({ ...rest, rootNodeId: nodeId })
    expect(record.legacy).toEqual(legacy)
    expect(record.capture).toMatchObject({ hcc: score.hcc, method: score.method, at, by: ada, journal })
    expect(record.capture?.top.length).toBe(Math.min(TOP_ELEMENTS, score.elements.length))
    expect(parseRecord(JSON.stringify(record))).toMatchObject({ ok: true })
    expect(relaunchText(record)).toBe(`Last capture: HCC ${score.hcc.toFixed(2)} (${score.label})`)
  })

  it('asks for a new id only for a copy', () => {
    let calls = 0
    capturedRecord(reviewed, { nodeId: '1:0', at, by: ada, newId: () => String(++calls) }, score, DEFAULT_POLICY, journal)
    expect(calls).toBe(0)
  })
})

describe('recordSizeRefusal', () => {
  it('refuses a record over Figma’s entry limit and says nothing was written', () => {
    expect(recordSizeRefusal('x'.repeat(1000))).toBeNull()
    expect(recordSizeRefusal('x'.repeat(100 * 1024))).toMatch(/at most 100 kB per entry.*Nothing was written\.$/)
  })
})
