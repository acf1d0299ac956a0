/**
 * fast-check generators for snapshots and edits, shared by the coefficient's
 * property tests.
 */
import fc from 'fast-check'
import { outlineSignature } from '../../src/coefficient/outline'
import type {
  EffectSnapshot,
  ElementSnapshot,
  OutlineSignature,
  PaintSnapshot,
  PatternSnapshot,
  Rgba,
} from '../../src/coefficient/snapshot'

export const unit = fc.double({ min: 0, max: 1, noNaN: true })

export const rgba: fc.Arbitrary<Rgba> = fc.record({ r: unit, g: unit, b: unit, a: unit })
export const opaque: fc.Arbitrary<Rgba> = fc.record({ r: unit, g: unit, b: unit, a: fc.constant(1) })

export const paint: fc.Arbitrary<PaintSnapshot> = fc.oneof(
  { weight: 4, arbitrary: rgba.map((color) => ({ kind: 'solid' as const, color })) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.record({ position: unit, color: rgba }), { minLength: 1, maxLength: 4 })
      .map((stops) => ({ kind: 'gradient' as const, stops: stops.sort((a, b) => a.position - b.position) })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('image' as const),
      imageHash: fc.option(fc.stringMatching(/^[0-9a-f]{8}$/), { nil: null }),
      opacity: unit,
    }),
  },
)

export const effect: fc.Arbitrary<EffectSnapshot> = fc.oneof(
  fc.record({ type: fc.constant('LAYER_BLUR'), visible: fc.boolean(), radius: fc.double({ min: 0, max: 20, noNaN: true }) }),
  fc.record({
    type: fc.constant('DROP_SHADOW'),
    visible: fc.boolean(),
    radius: fc.double({ min: 0, max: 20, noNaN: true }),
    color: rgba,
    offset: fc.record({ x: fc.integer({ min: -10, max: 10 }), y: fc.integer({ min: -10, max: 10 }) }),
  }),
)

/** A random polygon or curve in a w×h box, as Figma-style path data. */
export function outlineFor(w: number, h: number): fc.Arbitrary<OutlineSignature> {
  return fc
    .array(fc.tuple(unit, unit), { minLength: 3, maxLength: 8 })
    .chain((pts) =>
      fc.boolean().map((curvy) => {
        const [x0, y0] = pts[0]!
        let d = `M ${x0 * w} ${y0 * h}`
        for (let i = 1; i < pts.length; i++) {
          const [x, y] = pts[i]!
          d += curvy ? ` Q ${(x0 * w + x * w) / 2} ${y * h} ${x * w} ${y * h}` : ` L ${x * w} ${y * h}`
        }
        return outlineSignature([d + ' Z'], { w, h })
      }),
    )
}

const LEAF_TYPES = ['RECTANGLE', 'ELLIPSE', 'VECTOR', 'TEXT'] as const

/** A visual (leaf) element, without id and path. */
function leaf(rootW: number, rootH: number): fc.Arbitrary<Omit<ElementSnapshot, 'id' | 'path'>> {
  return fc
    .record({
      type: fc.constantFrom(...LEAF_TYPES),
      x: fc.integer({ min: -20, max: rootW }),
      y: fc.integer({ min: -20, max: rootH }),
      w: fc.integer({ min: 1, max: Math.max(1, Math.floor(rootW / 2)) }),
      h: fc.integer({ min: 1, max: Math.max(1, Math.floor(rootH / 2)) }),
    })
    .chain(({ type, x, y, w, h }) =>
      fc.record({
        type: fc.constant(type),
        bounds: fc.constant({ x, y, w, h }),
        rotation: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -180, max: 180 }) }),
        opacity: fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: unit }),
        visible: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        blendMode: fc.constantFrom('NORMAL', 'NORMAL', 'MULTIPLY'),
        fills: fc.array(paint, { minLength: 0, maxLength: 2 }),
        strokes: fc.array(paint, { minLength: 0, maxLength: 1 }),
        strokeWeight: fc.constantFrom(0, 1, 2, 4),
        effects: fc.array(effect, { minLength: 0, maxLength: 1 }),
        geometry: type === 'VECTOR' || type === 'ELLIPSE' ? outlineFor(w, h) : fc.constant(null),
        text: type === 'TEXT' ? fc.string({ maxLength: 20 }) : fc.constant(null),
        // Now and then a mask (it clips the later siblings in its parent).
        isMask: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      }).map(({ isMask, ...rest }) => (isMask ? { ...rest, isMask: true } : rest)),
    )
}

/**
 * A pattern: a root (sometimes with a ground fill), top-level shapes and groups of
 * shapes. Ids and paths are unique; elements come in traversal order.
 */
export const pattern: fc.Arbitrary<PatternSnapshot> = fc
  .record({ w: fc.integer({ min: 50, max: 1000 }), h: fc.integer({ min: 50, max: 1000 }), ground: fc.option(opaque, { nil: null }) })
  .chain(({ w, h, ground }) =>
    fc
      .array(fc.oneof(leaf(w, h).map((l) => [l]), fc.array(leaf(w, h), { minLength: 1, maxLength: 4 }).map((ls) => [null, ...ls])), {
        minLength: 1,
        maxLength: 12,
      })
      .map((tops) => {
        const rootId = '1:1'
        const elements: ElementSnapshot[] = [
          container(rootId, '', 'FRAME', { x: 0, y: 0, w, h }, ground ? [{ kind: 'solid', color: ground }] : []),
        ]
        let next = 2
        tops.forEach((group, i) => {
          if (group[0] === null) {
            elements.push(container(`1:${next++}`, String(i), 'GROUP', { x: 0, y: 0, w, h }, []))
            group.slice(1).forEach((l, j) => elements.push({ ...l!, id: `1:${next++}`, path: `${i}.${j}` }))
          } else {
            elements.push({ ...group[0]!, id: `1:${next++}`, path: String(i) })
          }
        })
        return { rootId, rootBounds: { x: 0, y: 0, w, h }, elements }
      }),
  )

function container(id: string, path: string, type: string, bounds: ElementSnapshot['bounds'], fills: PaintSnapshot[]): ElementSnapshot {
  return {
    id,
    path,
    type,
    bounds,
    rotation: 0,
    opacity: 1,
    visible: true,
    blendMode: 'PASS_THROUGH',
    fills,
    strokes: [],
    strokeWeight: 0,
    effects: [],
    geometry: null,
    text: null,
  }
}

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}

/** A deterministic shuffle (a seeded Fisher–Yates), so a failing case replays. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items]
  let s = seed >>> 0 || 1
  for (let i = out.length - 1; i > 0; i--) {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    const j = (s >>> 0) % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** One edit a designer could make to an element. */
export type Edit =
  | { op: 'recolor'; color: Rgba }
  | { op: 'move'; dx: number; dy: number }
  | { op: 'resize'; f: number }
  | { op: 'rotate'; deg: number }
  | { op: 'opacity'; value: number }
  | { op: 'hide' }
  | { op: 'remove' }
  | { op: 'retext'; text: string }
  | { op: 'reshape'; points: number[] }

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  rgba.map((color) => ({ op: 'recolor' as const, color })),
  fc.record({ op: fc.constant('move' as const), dx: fc.integer({ min: -200, max: 200 }), dy: fc.integer({ min: -200, max: 200 }) }),
  fc.record({ op: fc.constant('resize' as const), f: fc.double({ min: 0.25, max: 4, noNaN: true }) }),
  fc.record({ op: fc.constant('rotate' as const), deg: fc.integer({ min: -180, max: 180 }) }),
  fc.record({ op: fc.constant('opacity' as const), value: unit }),
  fc.constant({ op: 'hide' as const }),
  fc.constant({ op: 'remove' as const }),
  fc.record({ op: fc.constant('retext' as const), text: fc.string({ maxLength: 12 }) }),
  fc.record({ op: fc.constant('reshape' as const), points: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 32, maxLength: 32 }) }),
)

/** Applies edits to elements picked by index (mod the element count). Returns a new snapshot. */
export function applyEdits(p: PatternSnapshot, edits: readonly { at: number; edit: Edit }[]): PatternSnapshot {
  const next = clone(p)
  const gone = new Set<string>()
  for (const { at, edit: e } of edits) {
    const el = next.elements[at % next.elements.length]!
    switch (e.op) {
      case 'recolor':
        el.fills = el.fills.length ? [{ kind: 'solid', color: e.color }, ...el.fills.slice(1)] : [{ kind: 'solid', color: e.color }]
        break
      case 'move':
        el.bounds.x += e.dx
        el.bounds.y += e.dy
        break
      case 'resize':
        el.bounds.w *= e.f
        el.bounds.h *= e.f
        break
      case 'rotate':
        el.rotation = e.deg
        break
      case 'opacity':
        el.opacity = e.value
        break
      case 'hide':
        el.visible = false
        break
      case 'remove':
        gone.add(el.id)
        break
      case 'retext':
        if (el.text !== null) el.text = e.text
        break
      case 'reshape':
        if (el.geometry) el.geometry = { vertices: el.geometry.vertices, points: e.points }
        break
    }
  }
  next.elements = next.elements.filter((el) => !gone.has(el.id))
  return next
}

export const edits = fc.array(fc.record({ at: fc.nat(), edit }), { minLength: 1, maxLength: 6 })
