/**
 * Method 2 (`loomprint-hcc/2`): the invariants of DESIGN.md, and the ones method 2
 * adds, as properties on random patterns and edits; then table tests of what a
 * person would notice.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deltaE } from '../../src/coefficient/color'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import {
  CANVAS_DEADBAND,
  CHANGE,
  compareOnCanvas,
  elementFromShape,
  fieldSalience,
  METHOD_V2,
  PLACEMENT,
  scoreContribution,
} from '../../src/coefficient/score'
import type { ElementSnapshot, PatternSnapshot, Rgba } from '../../src/coefficient/snapshot'
import { applyEdits, clone, type Edit, edits, opaque, pattern, rgba, shuffled, unit } from './arbitraries'

fc.configureGlobal({ numRuns: Number(process.env['FC_RUNS'] ?? 60) })

const editsOf = (p: PatternSnapshot, es: { at: number; edit: Edit }[]) => applyEdits(p, es)
const solid = (color: Rgba) => ({ kind: 'solid' as const, color })
const INK = { r: 0.1, g: 0.1, b: 0.12, a: 1 }
const RED = { r: 0.8, g: 0.1, b: 0.1, a: 1 }
/** A picture fill: its block is a figure, never a plain box that could grow into a ground (ground.ts). */
const PICTURE = { kind: 'image' as const, imageHash: 'c0ffee00', opacity: 1 }

/** A rectangle as a snapshot without its outline (the counterexamples below were found so). */
const rect = (id: string, path: string, bounds: { x: number; y: number; w: number; h: number }, fills: ElementSnapshot['fills'] = []): ElementSnapshot => ({
  ...elementFromShape({ id, path, type: 'RECTANGLE', bounds, fills }),
  geometry: null,
})

/** The same pattern as a duplicate: new root id, new ids everywhere, same paths. */
function duplicate(p: PatternSnapshot): PatternSnapshot {
  const d = clone(p)
  d.rootId = 'dup:' + p.rootId
  d.elements.forEach((e) => (e.id = 'dup:' + e.id))
  return d
}

/** An opaque layer over the whole frame, on top of everything. */
function covered(p: PatternSnapshot, id = 'cover'): PatternSnapshot {
  const next = clone(p)
  // A mask among the top-level layers would clip the cover too (it masks its later siblings).
  for (const el of next.elements) if (!el.path.includes('.')) delete el.isMask
  next.elements.push(
    elementFromShape({ id, path: '9999', type: 'VECTOR', bounds: { ...p.rootBounds }, fills: [solid({ r: 0.2, g: 0.3, b: 0.4, a: 1 })], pathData: [`M 0 0 L ${p.rootBounds.w} 0 L ${p.rootBounds.w} ${p.rootBounds.h} L 0 ${p.rootBounds.h} Z`] }),
  )
  return next
}

type Whole = { scale: number; quarterTurns: number; flip: boolean; dx: number; dy: number }

/**
 * The whole pattern scaled, turned by quarter turns, flipped left–right and moved,
 * as Figma's snapshot would read it (own boxes centred where they show; a flipped
 * layer's outline mirrored).
 */
function transformWhole(p: PatternSnapshot, t: Whole): PatternSnapshot {
  const next = clone(p)
  const { w, h } = p.rootBounds
  const turns = ((t.quarterTurns % 4) + 4) % 4
  const W = (turns % 2 ? h : w) * t.scale
  const H = (turns % 2 ? w : h) * t.scale
  next.rootBounds = { x: p.rootBounds.x + t.dx, y: p.rootBounds.y + t.dy, w: W, h: H }
  for (const el of next.elements) {
    let cx = el.bounds.x + el.bounds.w / 2
    const cy = el.bounds.y + el.bounds.h / 2
    if (t.flip) {
      cx = w - cx
      el.rotation = -el.rotation
      if (el.geometry) el.geometry.points = el.geometry.points.map((v, i) => (i % 2 === 0 ? 255 - v : v))
    }
    // A quarter turn clockwise on screen: (x, y) → (h − y, x); Figma's rotation −90.
    let x = cx
    let y = cy
    let fw = w
    let fh = h
    for (let k = 0; k < turns; k++) {
      ;[x, y] = [fh - y, x]
      ;[fw, fh] = [fh, fw]
      el.rotation -= 90
    }
    const bw = el.bounds.w * t.scale
    const bh = el.bounds.h * t.scale
    el.bounds = { x: x * t.scale - bw / 2, y: y * t.scale - bh / 2, w: bw, h: bh }
    el.strokeWeight *= t.scale
  }
  return next
}

const v2 = (b: PatternSnapshot, c: PatternSnapshot, policy = DEFAULT_POLICY) => scoreContribution(b, c, policy, { method: METHOD_V2 })

describe('method 2: the invariants of DESIGN.md', () => {
  it('is the default method', () => {
    fc.assert(fc.property(pattern, (p) => {
      expect(scoreContribution(p, p).method).toBe('loomprint-hcc/2')
    }), { numRuns: 5 })
  })

  it('identical snapshots score 0', () => {
    fc.assert(fc.property(pattern, (p) => {
      expect(v2(p, clone(p)).hcc).toBe(0)
    }))
  })

  it('the score is always within 0..1, and the parts sum to it', () => {
    fc.assert(
      fc.property(pattern, edits, fc.boolean(), (p, es, sameRoot) => {
        const cur = editsOf(p, es)
        if (!sameRoot) cur.rootId = 'other'
        const s = v2(p, cur)
        expect(s.hcc).toBeGreaterThanOrEqual(0)
        expect(s.hcc).toBeLessThanOrEqual(1)
        for (const v of Object.values(s.breakdown)) expect(v).toBeGreaterThanOrEqual(0)
        expect(Object.values(s.breakdown).reduce((a, b) => a + b, 0)).toBeCloseTo(s.hcc, 9)
      }),
    )
  })

  it('is deterministic and does not depend on element order', () => {
    fc.assert(
      fc.property(pattern, edits, fc.integer(), fc.integer(), (p, es, s1, s2) => {
        const cur = editsOf(p, es)
        const a = v2(p, cur)
        expect(v2(clone(p), clone(cur))).toEqual(a)
        expect(v2({ ...p, elements: shuffled(p.elements, s1) }, { ...cur, elements: shuffled(cur.elements, s2) })).toEqual(a)
      }),
    )
  })

  it('edit then revert scores 0', () => {
    fc.assert(
      fc.property(pattern, edits, fc.integer(), (p, es, seed) => {
        editsOf(p, es)
        const reverted = { ...p, elements: shuffled(clone(p.elements), seed) }
        expect(v2(p, reverted).hcc).toBe(0)
      }),
    )
  })

  it('edit then revert by the inverse edit scores ≈ 0', () => {
    fc.assert(
      fc.property(pattern, fc.nat(), fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.3, max: 3, noNaN: true }), (p, at, d, f) => {
        const there = editsOf(p, [{ at, edit: { op: 'move', dx: d, dy: -d } }, { at, edit: { op: 'resize', f } }])
        const back = editsOf(there, [{ at, edit: { op: 'resize', f: 1 / f } }, { at, edit: { op: 'move', dx: -d, dy: d } }])
        expect(v2(p, back).hcc).toBeLessThan(1e-9)
      }),
    )
  })

  it('an unedited duplicate scores 0', () => {
    fc.assert(fc.property(pattern, (p) => {
      const s = v2(p, duplicate(p))
      expect(s.hcc).toBe(0)
      expect(s.matchedBy).toBe('path')
    }))
  })

  it('redrawing everything scores ≈ 1', () => {
    fc.assert(
      fc.property(pattern, pattern, (p, drawn) => {
        const cur = clone(drawn)
        cur.rootId = p.rootId
        cur.rootBounds = p.rootBounds
        const root = cur.elements.find((e) => e.path === '')!
        root.id = p.elements.find((e) => e.path === '')!.id
        const ground = p.elements.find((e) => e.path === '')!.fills[0]
        if (ground?.kind === 'solid') {
          const far = deltaE(ground.color, { r: 0, g: 0, b: 0, a: 1 }) > 50 ? 0 : 1
          root.fills = [{ kind: 'solid', color: { r: far, g: far, b: far, a: 1 } }]
        }
        cur.elements.forEach((e) => e.path !== '' && (e.id = 'new:' + e.id))
        const s = v2(p, cur)
        fc.pre(s.added > 0)
        expect(s.hcc).toBeGreaterThanOrEqual(0.95)
      }),
    )
  })

  it('the same recolour or removal on a larger element never scores lower', () => {
    const sameSizeEdit: fc.Arbitrary<Edit> = fc.oneof(
      rgba.map((color) => ({ op: 'recolor' as const, color })),
      fc.constant({ op: 'hide' as const }),
      fc.constant({ op: 'remove' as const }),
    )
    fc.assert(
      fc.property(pattern, fc.nat(), sameSizeEdit, fc.double({ min: 1, max: 4, noNaN: true }), (p, at, e, f) => {
        const i = at % p.elements.length
        const el = p.elements[i]!
        // Grown about its centre, as a box (a larger rectangle contains the smaller).
        fc.pre(el.type === 'RECTANGLE' && el.rotation === 0 && el.path !== '')
        const big = clone(p)
        const b = big.elements[i]!.bounds
        big.elements[i]!.bounds = { x: b.x - (b.w * (f - 1)) / 2, y: b.y - (b.h * (f - 1)) / 2, w: b.w * f, h: b.h * f }
        // A larger box holds more fill; its outline's band is not always larger in what it
        // shows: it can run outside the frame, and a band a pixel or two wide is sampled at
        // pixel centres, so a slightly larger one can cover a few pixels fewer.
        fc.pre(el.strokes.length === 0 || el.strokeWeight === 0)
        // A rectangle grown to fill (nearly) the frame becomes its ground, which weighs as
        // the setting of the figures; short of that, a plain box weighs at most what it
        // would as that ground (ground.ts), so growing into a ground never weighs less.
        const small = v2(p, editsOf(p, [{ at: i, edit: e }])).hcc
        const large = v2(big, editsOf(big, [{ at: i, edit: e }])).hcc
        expect(large).toBeGreaterThanOrEqual(small - 1e-9)
      }),
    )
  })

  it('a plain box growing into the ground of the frame never scores lower on the way', () => {
    // A plain rectangle slipped in at any depth of a random pattern, grown about a point
    // from a speck to past the frame: it is a figure, then (filling 90 % of the frame and
    // lying beneath the figures) the ground. The same edit of it never scores lower as it grows,
    // opaque or translucent (a translucent field shows its share of what it covers).
    const sizes = [0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 0.88, 0.9, 0.92, 0.95, 1, 1.2, 2.2]
    const sameSizeEdit: fc.Arbitrary<Edit> = fc.oneof(
      rgba.map((color) => ({ op: 'recolor' as const, color })),
      fc.constant({ op: 'hide' as const }),
      fc.constant({ op: 'remove' as const }),
    )
    fc.assert(
      fc.property(pattern, fc.nat(), fc.oneof(opaque, rgba), unit, unit, sameSizeEdit, (p, depth, color, u, v, e) => {
        const tops = new Set(p.elements.filter((e) => e.path !== '').map((e) => e.path.split('.')[0]!)).size
        const k = depth % (tops + 1)
        const { w, h } = p.rootBounds
        const withBox = (f: number): PatternSnapshot => {
          const next = clone(p)
          for (const e of next.elements) {
            if (e.path === '') continue
            const [head, ...rest] = e.path.split('.')
            if (Number(head) >= k) e.path = [String(Number(head) + 1), ...rest].join('.')
          }
          const bw = w * f
          const bh = h * f
          next.elements.push(elementFromShape({ id: 'box', path: String(k), type: 'RECTANGLE', bounds: { x: u * w - bw * u, y: v * h - bh * v, w: bw, h: bh }, fills: [solid(color)] }))
          return next
        }
        let last = -Infinity
        for (const f of sizes) {
          const base = withBox(f)
          const at = base.elements.findIndex((e) => e.id === 'box')
          const score = v2(base, editsOf(base, [{ at, edit: e }])).hcc
          expect(score).toBeGreaterThanOrEqual(last - 1e-9)
          last = score
        }
      }),
    )
  })

  it('a larger colour change never scores lower', () => {
    fc.assert(
      fc.property(pattern, fc.nat(), rgba, rgba, (p, at, x, y) => {
        const i = at % p.elements.length
        const before = p.elements[i]!.fills[0]
        const base = before?.kind === 'solid' ? before.color : null
        fc.pre(base !== null)
        const [near, far] = deltaE(base!, x) <= deltaE(base!, y) ? [x, y] : [y, x]
        const a = v2(p, editsOf(p, [{ at: i, edit: { op: 'recolor', color: near } }])).hcc
        const b = v2(p, editsOf(p, [{ at: i, edit: { op: 'recolor', color: far } }])).hcc
        // Sums of floating-point shares differ in the twelfth digit (CI read 0.99999999999843
        // against …844); a score is shown to three digits, so noise under 1e-9 is not an order.
        expect(b).toBeGreaterThanOrEqual(a - 1e-9)
      }),
    )
  })
})

describe('method 2: what it adds', () => {
  it('a change hidden under an opaque layer scores 0', () => {
    fc.assert(fc.property(pattern, edits, (p, es) => {
      // Not the root: hiding or fading it would take the cover with it.
      fc.pre(p.elements.length > 1)
      const below = es.map(({ at, edit }) => ({ at: 1 + (at % (p.elements.length - 1)), edit }))
      expect(v2(covered(p), covered(editsOf(p, below))).hcc).toBe(0)
    }))
  })

  it('a new element that is fully hidden scores 0', () => {
    fc.assert(
      fc.property(pattern, opaque, (p, color) => {
        const base = covered(p)
        const cur = clone(base)
        cur.elements.push(elementFromShape({ id: 'new', path: '9998', type: 'RECTANGLE', bounds: { x: 0, y: 0, w: p.rootBounds.w / 2, h: p.rootBounds.h / 2 }, fills: [solid(color)] }))
        expect(v2(base, cur).hcc).toBe(0)
      }),
    )
  })

  it('scaling, turning, flipping or moving the whole pattern scores ≈ 0', () => {
    const whole = fc.record({
      scale: fc.oneof(fc.double({ min: 0.4, max: 0.8, noNaN: true }), fc.double({ min: 1.25, max: 3, noNaN: true }), fc.constant(1)),
      quarterTurns: fc.integer({ min: 0, max: 3 }),
      flip: fc.boolean(),
      dx: fc.integer({ min: -500, max: 500 }),
      dy: fc.integer({ min: -500, max: 500 }),
    })
    fc.assert(
      fc.property(pattern, whole, (p, t) => {
        // The pattern's own transform is found from where its elements sit and how its
        // frame changed: it needs one element away from the frame's centre.
        const centres = new Set(p.elements.map((e) => `${e.bounds.x + e.bounds.w / 2},${e.bounds.y + e.bounds.h / 2}`))
        fc.pre(centres.size >= 2)
        expect(v2(p, transformWhole(p, t)).hcc).toBeLessThan(0.02)
      }),
    )
  })

  it('a changed aspect ratio counts as the distortion it makes, whatever the overall size; a uniform scale does not', () => {
    // Six motifs (squares and circles) on a white 400 × 400 ground, stretched by sx × sy.
    const motifs = (sx: number, sy: number): PatternSnapshot => ({
      rootId: 'r',
      rootBounds: { x: 0, y: 0, w: 400 * sx, h: 400 * sy },
      elements: [
        elementFromShape({ id: 'r', path: '', type: 'FRAME', bounds: { x: 0, y: 0, w: 400 * sx, h: 400 * sy }, fills: [solid({ r: 1, g: 1, b: 1, a: 1 })] }),
        ...[0, 1, 2, 3, 4, 5].map((k) =>
          elementFromShape({ id: `m${k}`, path: String(k), type: k % 2 ? 'ELLIPSE' : 'RECTANGLE', bounds: { x: (30 + 60 * k) * sx, y: (40 + 50 * k) * sy, w: 40 * sx, h: 40 * sy }, fills: [solid(INK)] }),
        ),
      ],
    })
    const base = motifs(1, 1)
    const score = (sx: number, sy: number) => v2(base, motifs(sx, sy)).hcc
    const twice = score(2, 1)
    expect(twice).toBeGreaterThan(0.1)
    expect(score(1.2, 1)).toBeGreaterThan(0)
    expect(score(1.2, 1)).toBeLessThan(twice)
    // The same 2 : 1 distortion at another overall size scores the same.
    expect(score(4, 2)).toBeCloseTo(twice, 2)
    expect(score(1, 0.5)).toBeCloseTo(twice, 2)
    expect(score(2, 2)).toBeLessThan(0.02)
  })

  it('on any pattern, a stretch scores the same whatever the overall size, and a uniform scale 0', () => {
    // The root resized with its content scaling along (Figma's "Scale" constraints), by
    // sx × sy; k·sx × k·sy, strokes k times as heavy, is the same distortion at another size.
    const stretch = (p: PatternSnapshot, sx: number, sy: number, stroke = 1): PatternSnapshot => {
      const next = clone(p)
      next.rootBounds = { ...p.rootBounds, w: p.rootBounds.w * sx, h: p.rootBounds.h * sy }
      for (const e of next.elements) {
        e.bounds = { x: e.bounds.x * sx, y: e.bounds.y * sy, w: e.bounds.w * sx, h: e.bounds.h * sy }
        e.strokeWeight *= stroke
      }
      return next
    }
    const upright = pattern.map((p) => {
      // A turned layer stretched along one axis is skewed, which a snapshot cannot hold.
      for (const e of p.elements) e.rotation = 0
      return p
    })
    const ratio = fc.double({ min: 1.1, max: 3, noNaN: true })
    const size = fc.double({ min: 0.5, max: 3, noNaN: true })
    fc.assert(
      fc.property(upright, ratio, fc.boolean(), size, (p, r, wide, k) => {
        const [sx, sy] = wide ? [r, 1] : [1, r]
        const once = v2(p, stretch(p, sx, sy)).hcc
        const again = v2(p, stretch(p, k * sx, k * sy, k)).hcc
        // A 256-pixel raster over a thin frame leaves a few rows of difference.
        expect(Math.abs(once - again)).toBeLessThan(0.05)
        expect(v2(p, stretch(p, k, k, k)).hcc).toBeLessThan(0.02)
      }),
    )
  })

  it('a stretch is found only with evidence: three layers moved each its own way are three moves', () => {
    // Any three places fit some affine map exactly; the designer's own moves must not be
    // taken for a stretch of the whole pattern (the frame kept its size).
    const at = (pos: [number, number][]): PatternSnapshot => ({
      rootId: 'r',
      rootBounds: { x: 0, y: 0, w: 400, h: 400 },
      elements: [
        elementFromShape({ id: 'r', path: '', type: 'FRAME', bounds: { x: 0, y: 0, w: 400, h: 400 }, fills: [solid({ r: 1, g: 1, b: 1, a: 1 })] }),
        ...pos.map(([x, y], k) => elementFromShape({ id: `m${k}`, path: String(k), type: 'ELLIPSE', bounds: { x, y, w: 60, h: 60 }, fills: [solid(INK)] })),
      ],
    })
    const moved = v2(at([[40, 40], [300, 60], [150, 300]]), at([[90, 60], [250, 20], [200, 330]])).hcc
    expect(moved).toBeGreaterThan(0.1)
    // The same three layers with the frame resized along (2 × 1, then 4 × 2): a stretch,
    // its distortion counted the same at both sizes.
    const stretched = (k: number) => {
      const s = at([[40, 40], [300, 60], [150, 300]].map(([x, y]) => [(x! + 30) * 2 * k - 60 * k, (y! + 30) * k - 30 * k] as [number, number]))
      s.rootBounds = { x: 0, y: 0, w: 800 * k, h: 400 * k }
      s.elements[0]!.bounds = { x: 0, y: 0, w: 800 * k, h: 400 * k }
      s.elements.slice(1).forEach((e) => (e.bounds = { ...e.bounds, w: 120 * k, h: 60 * k }))
      return s
    }
    const once = v2(at([[40, 40], [300, 60], [150, 300]]), stretched(1)).hcc
    expect(once).toBeGreaterThan(0.1)
    expect(v2(at([[40, 40], [300, 60], [150, 300]]), stretched(2)).hcc).toBeCloseTo(once, 2)
  })

  it('a flat frame of hairlines scaled 1.25× scores 0 (once a known counterexample)', () => {
    // Found by the property above at run 3,524 of 4,000 (seed 1193541250): the frame's
    // box fitted to a 48-pixel grid put its edge exactly between two pixel centres, where
    // rounding in the normalizing transform dropped a whole row (0.054).
    const p: PatternSnapshot = {
      rootId: '1:1',
      rootBounds: { x: 0, y: 0, w: 320, h: 50 },
      elements: [
        elementFromShape({ id: '1:1', path: '', type: 'FRAME', bounds: { x: 0, y: 0, w: 320, h: 50 }, fills: [solid({ r: 0, g: 1, b: 0, a: 1 })] }),
        elementFromShape({ id: '1:2', path: '0', type: 'GROUP', bounds: { x: 0, y: 0, w: 320, h: 50 } }),
        rect('1:3', '0.0', { x: 103, y: 0, w: 1, h: 12 }),
        rect('1:4', '1', { x: 156, y: 41, w: 134, h: 1 }),
      ],
    }
    expect(v2(p, transformWhole(p, { scale: 1.25, quarterTurns: 0, flip: false, dx: 0, dy: 0 })).hcc).toBeLessThan(0.02)
  })

  it('moving one empty layer among a few that stayed is not a shear of the whole (once a known counterexample)', () => {
    // Found by the property "turned and scaled, plus one layer moved" (seed -344127829):
    // three places stayed and one moved 30 px, and an affine map (a mirror sheared 2.9×)
    // carried all four to within the tenth of a pixel allowed; the faint panel was then
    // compared through that shear and scored as reshaped (0.020, 0.22 before shrinking).
    // A transform of the whole moves what it explains; this one moved a single place.
    const p: PatternSnapshot = {
      rootId: '1:1',
      rootBounds: { x: 0, y: 0, w: 53, h: 53 },
      elements: [
        elementFromShape({ id: '1:1', path: '', type: 'FRAME', bounds: { x: 0, y: 0, w: 53, h: 53 }, fills: [solid({ r: 0, g: 0, b: 0, a: 1 })] }),
        elementFromShape({ id: '1:2', path: '0', type: 'GROUP', bounds: { x: 0, y: 0, w: 53, h: 53 } }),
        rect('1:3', '0.0', { x: 30, y: 32, w: 12, h: 14 }),
        elementFromShape({ id: '1:4', path: '1', type: 'GROUP', bounds: { x: 0, y: 0, w: 53, h: 53 } }),
        rect('1:5', '1.0', { x: 0, y: 0, w: 1, h: 5 }),
        rect('1:6', '2', { x: -2, y: -6, w: 23, h: 20 }, [solid({ r: 0, g: 0, b: 0, a: 0.028 })]),
      ],
    }
    const moved = editsOf(p, [{ at: 4, edit: { op: 'move', dx: 30, dy: 0 } }])
    expect(v2(p, moved).hcc).toBe(0)
    expect(v2(p, transformWhole(moved, { scale: 2, quarterTurns: 1, flip: false, dx: 40, dy: -10 })).hcc).toBe(0)
  })

  it('the whole pattern turned and scaled, plus one layer moved, scores about what the move alone does', () => {
    fc.assert(
      fc.property(pattern, fc.nat(), fc.boolean(), (p, at, flip) => {
        const centres = new Set(p.elements.map((e) => `${e.bounds.x + e.bounds.w / 2},${e.bounds.y + e.bounds.h / 2}`))
        fc.pre(centres.size >= 4)
        const i = 1 + (at % (p.elements.length - 1))
        const moved = editsOf(p, [{ at: i, edit: { op: 'move', dx: 30, dy: 0 } }])
        const alone = v2(p, moved).hcc
        // Move first, then transform the whole: the move is what remains.
        const both = v2(p, transformWhole(moved, { scale: 2, quarterTurns: 1, flip, dx: 40, dy: -10 })).hcc
        expect(Math.abs(both - alone)).toBeLessThan(0.02)
      }),
    )
  })

  it('rotating a circle, or a square by 90°, changes nothing', () => {
    fc.assert(
      fc.property(pattern, fc.integer({ min: 1, max: 359 }), fc.integer({ min: 1, max: 3 }), (p, deg, quarter) => {
        const cur = clone(p)
        cur.elements.push(elementFromShape({ id: 'c', path: '9000', type: 'ELLIPSE', bounds: { x: 10, y: 10, w: 40, h: 40 }, fills: [solid({ r: 1, g: 0, b: 0, a: 1 })] }))
        cur.elements.push(elementFromShape({ id: 's', path: '9001', type: 'RECTANGLE', bounds: { x: 60, y: 10, w: 30, h: 30 }, fills: [solid({ r: 0, g: 0, b: 1, a: 1 })] }))
        const turned = clone(cur)
        turned.elements.find((e) => e.id === 'c')!.rotation = deg
        turned.elements.find((e) => e.id === 's')!.rotation = 90 * quarter
        expect(v2(cur, turned).hcc).toBeLessThan(0.005)
      }),
    )
  })

  it('human shapes drawn over AI content take its visible share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 246 }), (cut) => {
        // A 256 × 256 frame (one raster pixel per px): an AI figure over all of it (an
        // image: a flat colour over the whole frame would be a ground, which weighs as the
        // setting of figures, ground.ts), then a human panel over the left `cut` columns.
        const base: PatternSnapshot = {
          rootId: 'r',
          rootBounds: { x: 0, y: 0, w: 256, h: 256 },
          elements: [
            elementFromShape({ id: 'r', path: '', type: 'FRAME', bounds: { x: 0, y: 0, w: 256, h: 256 } }),
            elementFromShape({ id: 'ai', path: '0', type: 'VECTOR', bounds: { x: 0, y: 0, w: 256, h: 256 }, fills: [{ kind: 'image', imageHash: 'a1', opacity: 1 }], pathData: ['M 0 0 L 256 0 L 256 256 L 0 256 Z'] }),
          ],
        }
        const cur = clone(base)
        cur.elements.push(elementFromShape({ id: 'h', path: '1', type: 'VECTOR', bounds: { x: 0, y: 0, w: cut, h: 256 }, fills: [solid({ r: 0.1, g: 0.2, b: 0.3, a: 1 })], pathData: [`M 0 0 L ${cut} 0 L ${cut} 256 L 0 256 Z`] }))
        expect(v2(base, cur).hcc).toBeCloseTo(cut / 256, 9)
      }),
    )
  })

  it('pasting a copy of an AI element scores less than drawing a new one of the same size', () => {
    fc.assert(
      fc.property(pattern, fc.nat(), fc.integer({ min: -40, max: 40 }), (p, at, d) => {
        const i = at % p.elements.length
        const el = p.elements[i]!
        fc.pre(el.path !== '' && el.visible && el.fills.some((f) => f.kind === 'solid') && el.type !== 'TEXT')
        const copy: ElementSnapshot = { ...clone(el), id: 'copy', path: '9000', bounds: { ...el.bounds, x: el.bounds.x + d, y: el.bounds.y - d } }
        const drawn: ElementSnapshot = { ...clone(copy), id: 'drawn', fills: [solid({ r: 0.01, g: 0.99, b: 0.5, a: 1 })] }
        const withCopy = v2(p, { ...p, elements: [...p.elements, copy] })
        const withDrawn = v2(p, { ...p, elements: [...p.elements, drawn] })
        fc.pre(withDrawn.hcc > 0)
        expect(withCopy.hcc).toBeLessThan(withDrawn.hcc)
      }),
    )
  })
})

describe('method 2: arrangement', () => {
  const pick = (p: PatternSnapshot, at: number) => {
    const i = 1 + (at % (p.elements.length - 1))
    return i
  }

  it('deleting an AI layer and pasting its copy at the same place and depth scores 0', () => {
    fc.assert(
      fc.property(pattern, fc.nat(), (p, at) => {
        fc.pre(p.elements.length > 1)
        const cur = clone(p)
        const el = cur.elements[pick(p, at)]!
        el.id = 'pasted'
        expect(v2(p, cur).hcc).toBe(0)
      }),
    )
  })

  it('deleting an AI layer and pasting its copy elsewhere scores as moving it there', () => {
    fc.assert(
      fc.property(pattern, fc.nat(), fc.integer({ min: -120, max: 120 }), fc.integer({ min: -120, max: 120 }), (p, at, dx, dy) => {
        fc.pre(p.elements.length > 1)
        const i = pick(p, at)
        const moved = editsOf(p, [{ at: i, edit: { op: 'move', dx, dy } }])
        const pasted = clone(moved)
        pasted.elements[i]!.id = 'pasted'
        // Not for a container: its children keep their ids, so only the container itself is new.
        fc.pre(!['GROUP', 'FRAME'].includes(p.elements[i]!.type))
        expect(v2(p, pasted).hcc).toBeCloseTo(v2(p, moved).hcc, 9)
      }),
    )
  })

  it('thousands of identical dots cut and pasted back in place score 0', () => {
    const elements = [elementFromShape({ id: 'r', path: '', type: 'FRAME', bounds: { x: 0, y: 0, w: 800, h: 800 }, fills: [solid({ r: 0.95, g: 0.93, b: 0.9, a: 1 })] })]
    for (let i = 0; i < 3000; i++) elements.push(elementFromShape({ id: `d${i}`, path: String(i), type: 'ELLIPSE', bounds: { x: (i * 37) % 797, y: (i * 91) % 797, w: 3, h: 3 }, fills: [solid(INK)] }))
    const base: PatternSnapshot = { rootId: 'r', rootBounds: { x: 0, y: 0, w: 800, h: 800 }, elements }
    const pasted = clone(base)
    pasted.elements.forEach((e) => e.path !== '' && (e.id = 'p' + e.id))
    expect(v2(base, pasted).hcc).toBe(0)
  })

  it('parts that touch and move together are measured as one motif', () => {
    // Two 50 × 100 halves of a 100 × 100 motif, shifted 25 px: the motif uncovers 40 % of
    // itself (each half alone would have uncovered two thirds of its own area).
    const half = (id: string, path: string, x: number, c: Rgba) => elementFromShape({ id, path, type: 'RECTANGLE', bounds: { x, y: 100, w: 50, h: 100 }, fills: [solid(c)] })
    const other = elementFromShape({ id: 'o', path: '2', type: 'VECTOR', bounds: { x: 0, y: 300, w: 400, h: 100 }, fills: [PICTURE], pathData: ['M 0 0 L 400 0 L 400 100 L 0 100 Z'] })
    const snap = (dx: number): PatternSnapshot => ({ rootId: 'r', rootBounds: { x: 0, y: 0, w: 400, h: 400 }, elements: [elementFromShape({ id: 'r', path: '', type: 'FRAME', bounds: { x: 0, y: 0, w: 400, h: 400 } }), half('a', '0', 100 + dx, RED), half('b', '1', 150 + dx, INK), other] })
    const motif = v2(snap(0), snap(25)).hcc
    const share = 10_000 / 50_000
    const uncovered = (0.4 - CANVAS_DEADBAND) / (1 - CANVAS_DEADBAND)
    expect(motif).toBeCloseTo(share * PLACEMENT * uncovered, 2)
  })
})

describe('method 2: what a person would notice', () => {
  const frame = (w = 400, h = 400, ground: Rgba | null = { r: 1, g: 1, b: 1, a: 1 }) =>
    elementFromShape({ id: 'r', path: '', type: 'FRAME', bounds: { x: 0, y: 0, w, h }, fills: ground ? [solid(ground)] : [] })

  it('a stroke weighs its painted band, not its box', () => {
    const ring = (stroke: Rgba) =>
      elementFromShape({ id: 'ring', path: '0', type: 'ELLIPSE', bounds: { x: 20, y: 125, w: 150, h: 150 }, strokes: [solid(stroke)], strokeWeight: 4 })
    const disc = (fill: Rgba) => elementFromShape({ id: 'disc', path: '1', type: 'ELLIPSE', bounds: { x: 230, y: 125, w: 150, h: 150 }, fills: [solid(fill)] })
    const snap = (r: Rgba, d: Rgba): PatternSnapshot => ({ rootId: 'r', rootBounds: { x: 0, y: 0, w: 400, h: 400 }, elements: [frame(), ring(r), disc(d)] })
    const line = v2(snap(INK, INK), snap(RED, INK)).hcc
    const filled = v2(snap(INK, INK), snap(INK, RED)).hcc
    // Same pattern, same weights: the recolours compare as the ring's band (π · 150 · 4)
    // against the disc's area (π · 75²), whatever the ground weighs.
    const expected = (150 * 4) / (75 * 75)
    expect(line / filled).toBeGreaterThan(expected * 0.8)
    expect(line / filled).toBeLessThan(expected * 1.25)
    // Alone on white, the ring weighs its band against the paper's field weight.
    const alone = (c: Rgba): PatternSnapshot => ({ rootId: 'r', rootBounds: { x: 0, y: 0, w: 400, h: 400 }, elements: [frame(), ring(c)] })
    const band = Math.PI * 150 * 4
    const paper = 160_000 - band
    const single = band / (band + fieldSalience(paper, band) * paper)
    const measured = v2(alone(INK), alone(RED)).hcc
    expect(measured).toBeGreaterThan(single * 0.8)
    expect(measured).toBeLessThan(single * 1.25)
  })

  it.each([
    { from: 2, to: 4 },
    { from: 4, to: 10 },
    { from: 1, to: 3 },
    { from: 10, to: 4 },
  ])('a long line thickened $from → $to px changes shape by the share of its band that is new', ({ from, to }) => {
    // A 380 px wave: on a grid fitted to its length a few-pixel band falls between cell
    // centres, so its thickness must set the grid (the judged set 3 lattice, 4 → 10 px).
    const wave = (w: number) =>
      elementFromShape({ id: 'w', path: '0', type: 'VECTOR', bounds: { x: 10, y: 150, w: 380, h: 100 }, strokes: [solid(INK)], strokeWeight: w, pathData: ['M 0 50 C 95 -50 190 150 285 50 C 320 15 350 30 380 50'] })
    const snap = (w: number): PatternSnapshot => ({ rootId: 'r', rootBounds: { x: 0, y: 0, w: 400, h: 400 }, elements: [frame(), wave(w)] })
    const shape = v2(snap(from), snap(to)).elements.find((e) => e.id === 'w')!.dimensions.shape
    const expected = (1 - Math.min(from, to) / Math.max(from, to) - CANVAS_DEADBAND) / (1 - CANVAS_DEADBAND)
    expect(shape).toBeGreaterThan(expected - 0.08)
    expect(shape).toBeLessThan(expected + 0.08)
  })

  it('tiny dots below a pixel still count by their area', () => {
    // 2,560 px frame: a raster pixel is 10 px, a 4 px dot is 0.16 of one.
    const elements = [frame(2560, 2560)]
    for (let i = 0; i < 100; i++) elements.push(elementFromShape({ id: `d${i}`, path: String(i), type: 'ELLIPSE', bounds: { x: 100 + (i % 10) * 230, y: 100 + Math.floor(i / 10) * 230, w: 4, h: 4 }, fills: [solid(INK)] }))
    const base: PatternSnapshot = { rootId: 'r', rootBounds: { x: 0, y: 0, w: 2560, h: 2560 }, elements }
    const recoloured = clone(base)
    recoloured.elements.forEach((e) => e.path !== '' && (e.fills = [solid(RED)]))
    const s = v2(base, recoloured)
    const dots = 100 * Math.PI * 4
    const paper = 2560 * 2560 - dots
    const expected = dots / (dots + fieldSalience(paper, dots) * paper)
    expect(s.hcc).toBeGreaterThan(expected * 0.7)
    expect(s.hcc).toBeLessThan(expected * 1.3)
  })

  it('a transparent layer lets what lies beneath show through in proportion', () => {
    const veil = (a: number) => elementFromShape({ id: 'v', path: '1', type: 'VECTOR', bounds: { x: 0, y: 0, w: 256, h: 256 }, fills: [solid({ r: 0, g: 0, b: 0, a })], pathData: ['M 0 0 L 256 0 L 256 256 L 0 256 Z'] })
    const figure = (c: Rgba) => elementFromShape({ id: 'f', path: '0', type: 'VECTOR', bounds: { x: 0, y: 0, w: 256, h: 256 }, fills: [solid(c)], pathData: ['M 0 0 L 256 0 L 256 256 L 0 256 Z'] })
    const snap = (c: Rgba, a: number): PatternSnapshot => ({ rootId: 'r', rootBounds: { x: 0, y: 0, w: 256, h: 256 }, elements: [frame(256, 256, null), figure(c), veil(a)] })
    // Under a 75 % black veil, the figure shows a quarter: its recolour weighs a quarter.
    expect(v2(snap(INK, 0.75), snap(RED, 0.75)).hcc).toBeCloseTo(0.25, 6)
    expect(v2(snap(INK, 0), snap(RED, 0)).hcc).toBeCloseTo(1, 6)
  })

  it('content outside a clipping frame does not count', () => {
    const clipFrame = elementFromShape({ id: 'g', path: '0', type: 'FRAME', bounds: { x: 0, y: 0, w: 100, h: 100 }, clipsContent: true })
    const big = (c: Rgba) => elementFromShape({ id: 'b', path: '0.0', type: 'RECTANGLE', bounds: { x: 0, y: 0, w: 400, h: 400 }, fills: [solid(c)] })
    const other = elementFromShape({ id: 'o', path: '1', type: 'VECTOR', bounds: { x: 100, y: 0, w: 300, h: 400 }, fills: [PICTURE], pathData: ['M 0 0 L 300 0 L 300 400 L 0 400 Z'] })
    const snap = (c: Rgba): PatternSnapshot => ({ rootId: 'r', rootBounds: { x: 0, y: 0, w: 400, h: 400 }, elements: [frame(400, 400, null), clipFrame, big(c), other] })
    // Seen: 100 × 100 of the big rectangle, against 300 × 400 of the other shape.
    expect(v2(snap(INK), snap(RED)).hcc).toBeCloseTo(10_000 / 130_000, 2)
  })

  it('a mask lets through only what lies within its shape', () => {
    // A group: a 100 × 100 disc marked as a mask, then a 400 × 400 rectangle it masks.
    const group = elementFromShape({ id: 'g', path: '0', type: 'GROUP', bounds: { x: 0, y: 0, w: 400, h: 400 } })
    const mask = elementFromShape({ id: 'm', path: '0.0', type: 'ELLIPSE', bounds: { x: 0, y: 0, w: 100, h: 100 }, fills: [solid(INK)], isMask: true })
    const big = (c: Rgba) => elementFromShape({ id: 'b', path: '0.1', type: 'RECTANGLE', bounds: { x: 0, y: 0, w: 400, h: 400 }, fills: [solid(c)] })
    const other = elementFromShape({ id: 'o', path: '1', type: 'VECTOR', bounds: { x: 100, y: 0, w: 300, h: 400 }, fills: [PICTURE], pathData: ['M 0 0 L 300 0 L 300 400 L 0 400 Z'] })
    const snap = (c: Rgba): PatternSnapshot => ({ rootId: 'r', rootBounds: { x: 0, y: 0, w: 400, h: 400 }, elements: [frame(400, 400, null), group, mask, big(c), other] })
    // Seen: the disc (π · 50²) of the big rectangle, against 300 × 400 of the other shape.
    const disc = Math.PI * 50 * 50
    expect(v2(snap(INK), snap(RED)).hcc).toBeCloseTo(disc / (disc + 120_000), 2)
    // The mask itself is not painted: recolouring it changes nothing.
    const recoloured = snap(INK)
    recoloured.elements[2] = { ...mask, fills: [solid(RED)] }
    expect(v2(snap(INK), recoloured).hcc).toBe(0)
    // A baseline that does not store the flag (the codec's formats so far) against a
    // current state that has it: the layer masks in neither, and nothing changed.
    const unflagged = snap(INK)
    unflagged.elements[2] = { ...mask }
    delete unflagged.elements[2].isMask
    expect(v2(unflagged, snap(INK)).hcc).toBe(0)
  })

  it('a text layer paints by its characters: a short word in a wide box weighs less', () => {
    const text = (id: string, y: number, chars: string, c: Rgba) => elementFromShape({ id, path: id, type: 'TEXT', bounds: { x: 20, y, w: 360, h: 30 }, fills: [solid(c)], text: chars })
    const snap = (a: Rgba, b: Rgba): PatternSnapshot => ({ rootId: 'r', rootBounds: { x: 0, y: 0, w: 400, h: 400 }, elements: [frame(), text('0', 50, 'hi', a), text('1', 250, 'a line that runs the whole width', b)] })
    const short = v2(snap(INK, INK), snap(RED, INK)).hcc
    const long = v2(snap(INK, INK), snap(INK, RED)).hcc
    // 2 glyphs at about half a line height each fill 1/12 of the box; the long line fills it.
    expect(short / long).toBeGreaterThan((1 / 12) * 0.8)
    expect(short / long).toBeLessThan((1 / 12) * 1.25)
  })

  it('a shadow counts by the edge band it reaches, on a layer or through its group', () => {
    const SHADOW = { type: 'DROP_SHADOW', visible: true, radius: 6, color: { r: 0, g: 0, b: 0, a: 0.25 }, offset: { x: 0, y: 4 } }
    const disc = (size: number, effects: (typeof SHADOW)[] = []) => elementFromShape({ id: 'd', path: '0.0', type: 'ELLIPSE', bounds: { x: 10, y: 10, w: size, h: size }, fills: [solid(INK)], effects })
    const group = (effects: (typeof SHADOW)[] = []) => elementFromShape({ id: 'g', path: '0', type: 'GROUP', bounds: { x: 10, y: 10, w: 300, h: 300 }, effects })
    const snap = (...els: ElementSnapshot[]): PatternSnapshot => ({ rootId: 'r', rootBounds: { x: 0, y: 0, w: 400, h: 400 }, elements: [frame(400, 400, null), ...els] })
    const large = v2(snap(group(), disc(300)), snap(group(), disc(300, [SHADOW]))).hcc
    const small = v2(snap(group(), disc(30)), snap(group(), disc(30, [SHADOW]))).hcc
    // A 7 px band round a 300 px disc is a small part of its look; round a 30 px one, all of it.
    expect(large).toBeGreaterThan(0)
    expect(large).toBeLessThan(0.2 * small)
    // The same shadow on the group that holds the disc counts the same.
    expect(v2(snap(group(), disc(300)), snap(group([SHADOW]), disc(300))).hcc).toBeCloseTo(large, 9)
  })

  it('the heat map marks what changed, what was added and what was removed, by element', () => {
    const base: PatternSnapshot = {
      rootId: 'r',
      rootBounds: { x: 0, y: 0, w: 256, h: 256 },
      elements: [
        frame(256, 256),
        elementFromShape({ id: 'a', path: '0', type: 'RECTANGLE', bounds: { x: 0, y: 0, w: 64, h: 64 }, fills: [solid(INK)] }),
        elementFromShape({ id: 'b', path: '1', type: 'RECTANGLE', bounds: { x: 128, y: 0, w: 64, h: 64 }, fills: [solid(INK)] }),
        elementFromShape({ id: 'c', path: '2', type: 'RECTANGLE', bounds: { x: 0, y: 128, w: 64, h: 64 }, fills: [solid(INK)] }),
      ],
    }
    const cur = clone(base)
    cur.elements[1]!.fills = [solid(RED)]
    cur.elements.splice(2, 1)
    cur.elements.push(elementFromShape({ id: 'n', path: '3', type: 'RECTANGLE', bounds: { x: 128, y: 128, w: 64, h: 64 }, fills: [solid(RED)] }))
    const { map } = compareOnCanvas(base, cur, DEFAULT_POLICY, 'id')
    const at = (x: number, y: number) => ({ kind: map.kinds[y * map.width + x], id: map.ids[map.at[y * map.width + x]! - 1] })
    expect(at(10, 10)).toEqual({ kind: CHANGE.changed, id: 'a' })
    expect(at(140, 10)).toEqual({ kind: CHANGE.removed, id: 'b' })
    expect(at(140, 140)).toEqual({ kind: CHANGE.added, id: 'n' })
    expect(map.kinds[200 * map.width + 250]).toBe(CHANGE.none)
    let changed = 0
    for (const k of map.kinds) if (k !== CHANGE.none) changed++
    expect(changed).toBe(3 * 64 * 64)
  })
})
