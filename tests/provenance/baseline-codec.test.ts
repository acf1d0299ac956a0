import fc from 'fast-check'
import { deflateSync, inflateSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { base64Decode, base64Encode } from '../../src/storage/base64'
import { irregularMotifs } from '../../bench/fixtures/irregular-motifs'
import {
  BASELINE_FORMAT_VERSION,
  decodeBaseline,
  DEFAULT_CHUNK_CHARS,
  encodeBaseline,
  quantizeSnapshot,
} from '../../src/storage/baseline-codec'
import { sha256HexOfString } from '../../src/storage/sha256'
import { elementFromShape } from '../../src/coefficient/shape'
import type { ElementSnapshot, PaintSnapshot, PatternSnapshot } from '../../src/coefficient/snapshot'
import { OUTLINE_POINTS, OWN_BOX } from '../../src/coefficient/snapshot'
import { utf8Decode, utf8Encode } from '../../src/storage/utf8'

// ---------------------------------------------------------------------------
// Arbitraries

const num = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
const unit = fc.double({ min: 0, max: 1, noNaN: true })
const rgba = fc.record({ r: unit, g: unit, b: unit, a: unit })
const text = fc.string({ unit: 'binary', maxLength: 30 })
const figmaId = fc.oneof(
  fc.tuple(fc.nat(999), fc.nat(99999)).map(([a, b]) => `${a}:${b}`),
  fc.tuple(fc.nat(99), fc.nat(999), fc.nat(99), fc.nat(999)).map(([a, b, c, d]) => `I${a}:${b};${c}:${d}`),
  fc.string({ unit: 'binary', maxLength: 12 }),
)
const paint: fc.Arbitrary<PaintSnapshot> = fc.oneof(
  fc.record({ kind: fc.constant('solid' as const), color: rgba }),
  fc.record({
    kind: fc.constant('gradient' as const),
    stops: fc.array(fc.record({ position: unit, color: rgba }), { maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('image' as const), imageHash: fc.option(text, { nil: null }), opacity: unit }),
  fc.record({ kind: fc.constant('other' as const), type: text, opacity: unit }),
)
const effect = fc.record(
  {
    type: fc.constantFrom('DROP_SHADOW', 'INNER_SHADOW', 'LAYER_BLUR', 'BACKGROUND_BLUR'),
    visible: fc.boolean(),
    radius: num,
    color: rgba,
    offset: fc.record({ x: num, y: num }),
  },
  { requiredKeys: ['type', 'visible', 'radius'] },
)
const outline = fc.oneof(
  fc.record({
    vertices: fc.nat(500),
    points: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: OUTLINE_POINTS * 2, maxLength: OUTLINE_POINTS * 2 }),
  }),
  // Off-spec signatures still round-trip (generic form).
  fc.record({ vertices: fc.integer({ min: -5, max: 5 }), points: fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 40 }) }),
)
const path = fc.oneof(
  fc.array(fc.nat(40), { maxLength: 4 }).map((p) => p.join('.')),
  fc.string({ unit: 'binary', maxLength: 8 }),
)
const element: fc.Arbitrary<ElementSnapshot> = fc.record({
  id: figmaId,
  path,
  type: fc.constantFrom('VECTOR', 'ELLIPSE', 'RECTANGLE', 'GROUP', 'TEXT', 'FRAME'),
  bounds: fc.record({ x: num, y: num, w: num, h: num }),
  rotation: fc.double({ min: -180, max: 180, noNaN: true }),
  opacity: unit,
  visible: fc.boolean(),
  blendMode: fc.constantFrom('NORMAL', 'MULTIPLY', 'SCREEN', 'PASS_THROUGH'),
  fills: fc.array(paint, { maxLength: 3 }),
  strokes: fc.array(paint, { maxLength: 2 }),
  strokeWeight: fc.double({ min: 0, max: 100, noNaN: true }),
  effects: fc.array(effect, { maxLength: 2 }),
  geometry: fc.option(outline, { nil: null }),
  text: fc.option(fc.string({ unit: 'binary', maxLength: 40 }), { nil: null }),
  flipped: fc.constant(true),
  isMask: fc.constant(true),
}, { requiredKeys: ['id', 'path', 'type', 'bounds', 'rotation', 'opacity', 'visible', 'blendMode', 'fills', 'strokes', 'strokeWeight', 'effects', 'geometry', 'text'] })
const snapshot: fc.Arbitrary<PatternSnapshot> = fc.record({
  rootId: figmaId,
  rootBounds: fc.record({ x: num, y: num, w: num, h: num }),
  elements: fc.array(element, { maxLength: 30 }),
  placement: fc.constant(OWN_BOX),
}, { requiredKeys: ['rootId', 'rootBounds', 'elements'] })

// ---------------------------------------------------------------------------
// A small textile repeat: a motif tile repeated on a grid (shared outlines and paints).

function repeat(tiles: number): PatternSnapshot {
  const elements: ElementSnapshot[] = []
  let id = 10
  const outlines = Array.from({ length: 6 }, (_, k) => ({
    vertices: 5 + k,
    points: Array.from({ length: 32 }, (_, i) => (i * 37 + k * 11) % 256),
  }))
  for (let t = 0; t < tiles; t++) {
    elements.push({
      id: `7:${id++}`, path: String(t), type: 'GROUP',
      bounds: { x: (t % 10) * 250, y: Math.floor(t / 10) * 250, w: 250, h: 250 },
      rotation: 0, opacity: 1, visible: true, blendMode: 'PASS_THROUGH',
      fills: [], strokes: [], strokeWeight: 0, effects: [], geometry: null, text: null,
    })
    for (let k = 0; k < 24; k++) {
      elements.push({
        id: `7:${id++}`, path: `${t}.${k}`, type: 'VECTOR',
        bounds: { x: (t % 10) * 250 + k * 9.25, y: Math.floor(t / 10) * 250 + (k % 5) * 40.5, w: 30.125, h: 18 + k },
        rotation: k % 3 === 0 ? 45 : 0, opacity: k % 4 === 0 ? 0.8 : 1, visible: true, blendMode: 'NORMAL',
        fills: [{ kind: 'solid', color: { r: (k % 6) / 5, g: 0.4, b: 0.2, a: 1 } }],
        strokes: k % 5 === 0 ? [{ kind: 'solid', color: { r: 0, g: 0, b: 0, a: 1 } }] : [],
        strokeWeight: k % 5 === 0 ? 1 : 0,
        effects: [], geometry: outlines[k % 6], text: null,
      })
    }
  }
  return { rootId: '7:9', rootBounds: { x: 0, y: 0, w: 2500, h: 2500 }, elements }
}

// Irregular data as tracing and scatter generators produce it: continuous positions,
// sizes and rotations, 8-bit colours near a palette, smooth outlines of their own.

const byte = fc.integer({ min: 0, max: 255 })
const rgba8 = fc.record({ r: byte, g: byte, b: byte, a: byte }).map(({ r, g, b, a }) => ({ r: r / 255, g: g / 255, b: b / 255, a: a / 255 }))
/** A smooth closed outline: an ellipse with random harmonics, as 16 points in 0..255. */
const smoothOutline = fc
  .record({ vertices: fc.nat(40), a: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 4, maxLength: 4 }), start: fc.nat(15) })
  .map(({ vertices, a, start }) => {
    const points: number[] = []
    for (let k = 0; k < OUTLINE_POINTS; k++) {
      const t = (2 * Math.PI * ((k + start) % OUTLINE_POINTS)) / OUTLINE_POINTS
      const r = 1 + a[0] * Math.cos(2 * t) + a[1] * Math.sin(3 * t) + a[2] * Math.cos(4 * t) + a[3] * Math.sin(5 * t)
      points.push(Math.max(0, Math.min(255, Math.round(128 + 100 * r * Math.sin(t)))), Math.max(0, Math.min(255, Math.round(128 - 100 * r * Math.cos(t)))))
    }
    return { vertices, points }
  })
const irregularElement: fc.Arbitrary<ElementSnapshot> = fc.record({
  id: fc.tuple(fc.nat(999), fc.nat(99999)).map(([a, b]) => `${a}:${b}`),
  path: fc.array(fc.nat(40), { minLength: 1, maxLength: 3 }).map((p) => p.join('.')),
  type: fc.constantFrom('VECTOR', 'ELLIPSE'),
  bounds: fc.record({ x: num, y: num, w: fc.double({ min: 0, max: 500, noNaN: true }), h: fc.double({ min: 0, max: 500, noNaN: true }) }),
  rotation: fc.double({ min: -180, max: 180, noNaN: true }),
  opacity: fc.oneof(fc.constant(1), unit),
  visible: fc.boolean(),
  blendMode: fc.constantFrom('NORMAL', 'MULTIPLY'),
  fills: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('solid' as const), color: fc.oneof(rgba8, rgba8, rgba) }),
      fc.record({ kind: fc.constant('gradient' as const), stops: fc.array(fc.record({ position: unit, color: fc.oneof(rgba8, rgba) }), { maxLength: 3 }) }),
    ),
    { maxLength: 2 },
  ),
  strokes: fc.array(fc.record({ kind: fc.constant('solid' as const), color: rgba8 }), { maxLength: 1 }),
  strokeWeight: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true })),
  effects: fc.array(effect, { maxLength: 1 }),
  geometry: fc.option(fc.oneof(smoothOutline, smoothOutline, outline), { nil: null }),
  text: fc.constant(null),
})

// ---------------------------------------------------------------------------

describe('baseline codec: round trip', () => {
  it('decodes what it encoded, exactly up to the documented quantization', () => {
    fc.assert(
      fc.property(snapshot, fc.integer({ min: 4, max: 400 }), (s, chunkChars) => {
        const encoded = encodeBaseline(s, { chunkChars })
        const decoded = decodeBaseline(encoded.chunks, encoded.hash)
        expect(decoded).toEqual({ ok: true, snapshot: quantizeSnapshot(s) })
      }),
      { numRuns: 300 },
    )
  })

  it('round-trips irregular data (continuous values, 8-bit colours, smooth outlines of their own)', () => {
    fc.assert(
      fc.property(fc.array(irregularElement, { maxLength: 120 }), (elements) => {
        const s: PatternSnapshot = { rootId: '1:2', rootBounds: { x: 0, y: 0, w: 2400, h: 2400 }, elements }
        const encoded = encodeBaseline(s)
        expect(decodeBaseline(encoded.chunks, encoded.hash)).toEqual({ ok: true, snapshot: quantizeSnapshot(s) })
      }),
      { numRuns: 200 },
    )
  })

  it('round-trips the irregular-motifs fixture for any seed and size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.nat(1_000_000), (n, seed) => {
        const s = irregularMotifs(n, seed)
        expect(s.elements.length).toBe(n)
        const encoded = encodeBaseline(s)
        expect(decodeBaseline(encoded.chunks, encoded.hash)).toEqual({ ok: true, snapshot: quantizeSnapshot(s) })
      }),
      { numRuns: 40 },
    )
  })

  it('keeps 8-bit colours exactly (k/255 in, k/255 out)', () => {
    const base = repeat(1).elements[1]
    const elements = Array.from({ length: 256 }, (_, k) => ({
      ...base,
      fills: [{ kind: 'solid' as const, color: { r: k / 255, g: (255 - k) / 255, b: ((k * 7) % 256) / 255, a: 1 } }],
    }))
    const s: PatternSnapshot = { rootId: '1:1', rootBounds: { x: 0, y: 0, w: 1, h: 1 }, elements }
    const encoded = encodeBaseline(s)
    const decoded = decodeBaseline(encoded.chunks, encoded.hash)
    expect(decoded.ok && decoded.snapshot.elements.map((e) => e.fills)).toEqual(elements.map((e) => e.fills))
  })

  it('stays within the quantization steps of the original', () => {
    fc.assert(
      fc.property(snapshot, (s) => {
        const q = quantizeSnapshot(s)
        s.elements.forEach((e, i) => {
          const d = q.elements[i]
          expect(Math.abs(d.bounds.x - e.bounds.x)).toBeLessThanOrEqual(0.005 + 1e-9)
          expect(Math.abs(d.bounds.w - e.bounds.w)).toBeLessThanOrEqual(0.005 + 1e-9)
          expect(Math.abs(d.rotation - e.rotation)).toBeLessThanOrEqual(0.005 + 1e-9)
          expect(Math.abs(d.opacity - e.opacity)).toBeLessThanOrEqual(0.0005 + 1e-9)
          e.fills.forEach((p, j) => {
            const dp = d.fills[j]
            if (p.kind === 'solid' && dp.kind === 'solid') {
              expect(Math.abs(dp.color.r - p.color.r)).toBeLessThanOrEqual(1 / 65535)
            }
          })
        })
      }),
      { numRuns: 100 },
    )
  })

  it('keeps ids, paths and texts exactly', () => {
    const ids = ['12:345', '12:0345', 'I1:2;3:4', '0', '007', 'abc', '', '1234567890123456789012', '9:-1', '::']
    const paths = ['', '0', '0.3.1', '01', '.3', '3.', 'a.b', '0.3.1', '2.10', '12.999999999']
    const elements = ids.map((id, i) => ({
      ...repeat(1).elements[1],
      id,
      path: paths[i],
      text: i % 2 ? null : `héllo 🧵 ${i}\n`,
    }))
    const s: PatternSnapshot = { rootId: 'I5:6;7:8', rootBounds: { x: 0, y: 0, w: 1, h: 1 }, elements }
    const encoded = encodeBaseline(s)
    const decoded = decodeBaseline(encoded.chunks, encoded.hash)
    expect(decoded.ok && decoded.snapshot).toEqual(quantizeSnapshot(s))
    if (!decoded.ok) return
    expect(decoded.snapshot.rootId).toBe(s.rootId)
    expect(decoded.snapshot.elements.map((e) => [e.id, e.path, e.text])).toEqual(s.elements.map((e) => [e.id, e.path, e.text]))
  })

  it('stores non-finite numbers as 0 and lone surrogates as U+FFFD', () => {
    const base = repeat(1).elements[1]
    const s: PatternSnapshot = {
      rootId: 'x\ud800',
      rootBounds: { x: NaN, y: Infinity, w: -Infinity, h: -0 },
      elements: [{ ...base, rotation: NaN, text: 'a\udc00b' }],
    }
    const encoded = encodeBaseline(s)
    const decoded = decodeBaseline(encoded.chunks, encoded.hash)
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    expect(decoded.snapshot.rootId).toBe('x\ufffd')
    expect(decoded.snapshot.rootBounds).toEqual({ x: 0, y: 0, w: 0, h: 0 })
    expect(decoded.snapshot.elements[0].rotation).toBe(0)
    expect(decoded.snapshot.elements[0].text).toBe('a\ufffdb')
  })

  it('returns fresh objects: editing one decoded element leaves its twins alone', () => {
    const encoded = encodeBaseline(repeat(2))
    const decoded = decodeBaseline(encoded.chunks, encoded.hash)
    if (!decoded.ok) throw new Error(decoded.error)
    const [a, b] = [decoded.snapshot.elements[1], decoded.snapshot.elements[26]]
    const fa = a.fills[0]
    if (fa.kind === 'solid') fa.color.r = 0.123
    a.geometry!.points[0] = 1
    expect(b.fills).toEqual(repeat(2).elements[26].fills)
    expect(b.geometry!.points[0]).toBe(repeat(2).elements[26].geometry!.points[0])
  })
})

describe('baseline codec: storage', () => {
  it('splits into chunks of at most chunkChars (default 60,000) that fit a plugin-data entry', () => {
    const big = repeat(400) // 10,000 elements
    const encoded = encodeBaseline(big)
    expect(encoded.elements).toBe(10_000)
    for (const c of encoded.chunks) expect(c.length).toBeLessThanOrEqual(DEFAULT_CHUNK_CHARS)
    expect(encoded.bytes).toBe(encoded.chunks.join('').length)
    const small = encodeBaseline(big, { chunkChars: 1000 })
    expect(small.chunks.length).toBe(Math.ceil(small.bytes / 1000))
    expect(small.chunks.every((c) => c.length <= 1000)).toBe(true)
    expect(small.hash).toBe(encoded.hash)
  })

  it('stores a 10,000-element repeat in well under 48 characters per element', () => {
    const encoded = encodeBaseline(repeat(400))
    expect(encoded.bytes / encoded.elements).toBeLessThan(48)
  })

  it('stores a 10,000-element irregular (traced/scattered) pattern in at most 48 characters per element', () => {
    const encoded = encodeBaseline(irregularMotifs(10_000, 3))
    expect(encoded.bytes / encoded.elements).toBeLessThanOrEqual(48)
  })

  it('hashes the stored string (SHA-256 hex of the joined chunks)', () => {
    const encoded = encodeBaseline(repeat(3), { chunkChars: 100 })
    expect(encoded.hash).toBe(sha256HexOfString(encoded.chunks.join('')))
    expect(encoded.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('is deterministic', () => {
    expect(encodeBaseline(repeat(5))).toEqual(encodeBaseline(repeat(5)))
  })

  it('rejects a nonsensical chunk size', () => {
    expect(() => encodeBaseline(repeat(1), { chunkChars: 0 })).toThrow(RangeError)
    expect(() => encodeBaseline(repeat(1), { chunkChars: 2.5 })).toThrow(RangeError)
  })
})

describe('baseline codec: damage is reported, never thrown', () => {
  const encoded = encodeBaseline(repeat(40), { chunkChars: 200 })

  it('has several chunks to damage', () => {
    expect(encoded.chunks.length).toBeGreaterThan(2)
  })

  it('any changed character → ok: false', () => {
    fc.assert(
      fc.property(
        fc.nat(encoded.chunks.length - 1),
        fc.nat(),
        fc.constantFrom(...'ABCxyz019+/='.split('')),
        (ci, pos, ch) => {
          const chunks = encoded.chunks.slice()
          const c = chunks[ci]
          const p = pos % c.length
          fc.pre(c[p] !== ch)
          chunks[ci] = c.slice(0, p) + ch + c.slice(p + 1)
          const r = decodeBaseline(chunks, encoded.hash)
          expect(r.ok).toBe(false)
          if (!r.ok) expect(r.error).toMatch(/hash/)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('a missing, empty, extra or reordered chunk → ok: false', () => {
    const { chunks, hash } = encoded
    const cases: string[][] = [
      chunks.slice(1),
      chunks.slice(0, -1),
      [chunks[0], '', ...chunks.slice(2)],
      [...chunks, chunks[0]],
      [chunks[1], chunks[0], ...chunks.slice(2)],
      [],
    ]
    for (const c of cases) {
      const r = decodeBaseline(c, hash)
      expect(r.ok).toBe(false)
    }
    const empty = decodeBaseline([chunks[0], '', ...chunks.slice(2)], hash)
    expect(!empty.ok && empty.error).toBe(`Baseline chunk 2 of ${chunks.length} is missing.`)
  })

  it('a wrong hash → ok: false with a clear message', () => {
    const r = decodeBaseline(encoded.chunks, '0'.repeat(64))
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/does not match its hash/) })
    expect(decodeBaseline(encoded.chunks, 'nonsense').ok).toBe(false)
    expect(decodeBaseline(encoded.chunks, undefined as unknown as string).ok).toBe(false)
  })

  it('hash-consistent garbage (bad base64, not deflate, malformed layout, newer version) → ok: false', () => {
    const stored = (s: string) => decodeBaseline([s], sha256HexOfString(s))
    expect(stored('not base64!')).toEqual({ ok: false, error: 'Baseline is not valid base64.' })
    expect(stored(base64Encode(new Uint8Array([255, 255, 255, 255]))).ok).toBe(false)
    const newer = base64Encode(deflateSync(new Uint8Array([BASELINE_FORMAT_VERSION + 1, 0, 0])))
    expect(stored(newer)).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`unknown baseline format version ${BASELINE_FORMAT_VERSION + 1}`)) })
    // Version 1 was never shipped: it is not read.
    expect(stored(base64Encode(deflateSync(new Uint8Array([1, 0, 0])))).ok).toBe(false)
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const withVersion = new Uint8Array([BASELINE_FORMAT_VERSION, ...bytes])
        const r = stored(base64Encode(deflateSync(withVersion)))
        // Either a (rare) valid layout or a reported error: never a throw.
        expect(typeof r.ok).toBe('boolean')
      }),
      { numRuns: 500 },
    )
  })

  it('truncated layouts are reported', () => {
    const raw = encodeBaseline(repeat(2))
    const bytes = base64Decode(raw.chunks.join(''))!
    expect(bytes).not.toBeNull()
    // Re-deflate a truncated layout: the hash matches, the content does not.
    const layout = inflateSync(bytes)
    for (const cut of [1, 2, 10, layout.length - 1]) {
      const s = base64Encode(deflateSync(layout.subarray(0, cut)))
      const r = decodeBaseline([s], sha256HexOfString(s))
      expect(r.ok).toBe(false)
    }
  })
})

describe('base64 and UTF-8 helpers', () => {
  it('base64 matches Node and refuses damage', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const s = base64Encode(bytes)
        expect(s).toBe(Buffer.from(bytes).toString('base64'))
        expect(base64Decode(s)).toEqual(bytes)
      }),
    )
    for (const bad of ['a', 'ab=c', 'ab c', 'YQ=', 'YR==', '====', 'é===']) expect(base64Decode(bad)).toBeNull()
  })

  it('UTF-8 matches TextEncoder/TextDecoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), fc.string({ unit: 'grapheme', maxLength: 20 }), (a, b) => {
        for (const s of [a, b, a + '\ud800' + b, '\udfff' + b]) {
          const bytes = utf8Encode(s)
          expect(bytes).toEqual(new TextEncoder().encode(s))
          expect(utf8Decode(bytes)).toBe(new TextDecoder().decode(bytes))
        }
      }),
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), (bytes) => {
        expect(utf8Decode(bytes)).toBe(new TextDecoder().decode(bytes))
      }),
      { numRuns: 500 },
    )
  })
})

describe('method 2 geometry (format 3)', () => {
  const rect = (id: string, path: string, d: string | null, clips = false) =>
    elementFromShape({ id, path, type: clips ? 'FRAME' : 'VECTOR', bounds: { x: 0, y: 0, w: 10, h: 10 }, fills: [{ kind: 'solid', color: { r: 1, g: 0, b: 0, a: 1 } }], pathData: d === null ? null : [d, 'M 0 0 L 1 1'], clipsContent: clips })

  it('keeps shared path data and clipping frames through a round trip', () => {
    const elements = [rect('1:1', '', null, true), rect('1:2', '0', null, true)]
    for (let i = 0; i < 200; i++) elements.push(rect(`2:${i}`, `0.${i}`, 'M 0 0 L 10 0 L 10 10 Z'))
    const snapshot = { rootId: '1:1', rootBounds: { x: 0, y: 0, w: 10, h: 10 }, elements }
    const enc = encodeBaseline(snapshot)
    const dec = decodeBaseline(enc.chunks, enc.hash)
    expect(dec.ok && dec.snapshot).toEqual(quantizeSnapshot(snapshot))
    expect(dec.ok && dec.snapshot.elements[5]!.pathData).toEqual(['M 0 0 L 10 0 L 10 10 Z', 'M 0 0 L 1 1'])
    expect(dec.ok && dec.snapshot.elements[1]!.clipsContent).toBe(true)
    expect(dec.ok && dec.snapshot.elements[5]!.clipsContent).toBeUndefined()
  })

  it('leaves path data out when every outline is its own and the table would not fit', () => {
    const elements = [rect('1:1', '', null)]
    for (let i = 0; i < 200; i++) elements.push(rect(`2:${i}`, `${i}`, `M 0 0 C ${i} 1 ${i + 0.5} 2 ${i + 0.25} 3 L 10 10 Z`))
    const enc = encodeBaseline({ rootId: '1:1', rootBounds: { x: 0, y: 0, w: 10, h: 10 }, elements })
    const dec = decodeBaseline(enc.chunks, enc.hash)
    expect(dec.ok).toBe(true)
    expect(dec.ok && dec.snapshot.elements.some((e) => e.pathData)).toBe(false)
  })
})

describe('placement (format 4)', () => {
  const shape = (id: string, path: string, flipped: boolean) =>
    elementFromShape({ id, path, type: 'VECTOR', bounds: { x: 5, y: 5, w: 10, h: 10 }, rotation: 30, fills: [{ kind: 'solid', color: { r: 1, g: 0, b: 0, a: 1 } }], pathData: ['M 10 0 L 0 10 L 10 10 Z'], flipped })
  const own: PatternSnapshot = { rootId: '1:1', rootBounds: { x: 0, y: 0, w: 20, h: 20 }, elements: [shape('1:2', '0', false), shape('1:3', '1', true), shape('1:4', '2', false)], placement: OWN_BOX }

  it('says how the elements are placed, and which are flipped', () => {
    const enc = encodeBaseline(own)
    const dec = decodeBaseline(enc.chunks, enc.hash)
    expect(dec.ok && dec.snapshot).toEqual(quantizeSnapshot(own))
    expect(dec.ok && dec.snapshot.placement).toBe(OWN_BOX)
    expect(dec.ok && dec.snapshot.elements.map((e) => e.flipped)).toEqual([undefined, true, undefined])
  })

  it('a snapshot in the bounding-box placement decodes without the marker', () => {
    const { placement: _, ...legacy } = own
    const enc = encodeBaseline({ ...legacy, elements: legacy.elements.map(({ flipped: __, ...e }) => e) })
    const dec = decodeBaseline(enc.chunks, enc.hash)
    expect(dec.ok && 'placement' in dec.snapshot).toBe(false)
  })

  it('writes format 3 as a plugin before format 4 did, and refuses the placement it cannot hold', () => {
    const { placement: _, ...legacy } = own
    const enc = encodeBaseline(legacy, { formatVersion: 3 })
    const raw = inflateSync(base64Decode(enc.chunks.join(''))!)
    expect(raw[0]).toBe(3)
    const dec = decodeBaseline(enc.chunks, enc.hash)
    // Format 3 has no flipped column: the flags stay behind.
    expect(dec.ok && dec.snapshot.elements.map((e) => e.flipped)).toEqual([undefined, undefined, undefined])
    expect(() => encodeBaseline(own, { formatVersion: 3 })).toThrow(/cannot hold the own-box placement/)
    expect(() => encodeBaseline(own, { formatVersion: 6 })).toThrow(/cannot write baseline format 6/)
  })
})

describe('masks (format 5)', () => {
  const shape = (id: string, path: string, isMask: boolean) =>
    elementFromShape({ id, path, type: 'ELLIPSE', bounds: { x: 5, y: 5, w: 10, h: 10 }, fills: [{ kind: 'solid', color: { r: 0, g: 0, b: 1, a: 1 } }], isMask })
  const masked: PatternSnapshot = { rootId: '1:1', rootBounds: { x: 0, y: 0, w: 20, h: 20 }, elements: [shape('1:2', '0', true), shape('1:3', '1', false)], placement: OWN_BOX }

  it('keeps which layers are masks', () => {
    const enc = encodeBaseline(masked)
    const dec = decodeBaseline(enc.chunks, enc.hash)
    expect(dec.ok && dec.snapshot).toEqual(quantizeSnapshot(masked))
    expect(dec.ok && dec.snapshot.elements.map((e) => e.isMask)).toEqual([true, undefined])
  })

  it('a format-4 baseline has no mask column: the flags stay behind, and method 2 then paints masks as shapes in both states', () => {
    const enc = encodeBaseline(masked, { formatVersion: 4 })
    expect(inflateSync(base64Decode(enc.chunks.join(''))!)[0]).toBe(4)
    const dec = decodeBaseline(enc.chunks, enc.hash)
    expect(dec.ok && dec.snapshot.elements.map((e) => e.isMask)).toEqual([undefined, undefined])
  })
})
