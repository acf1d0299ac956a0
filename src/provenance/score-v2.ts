/**
 * Method `loomprint-hcc/2`: the coefficient measured on the canvas.
 *
 * 1. Both states are rasterized in z-order on a grid over the baseline's frame
 *    (raster.ts): each element's weight is the paint it visibly puts there — later
 *    layers occlude earlier ones, strokes count by their band, clipping applies,
 *    transparency lets what lies beneath show through.
 * 2. The whole pattern's own similarity transform (similarity.ts) is factored out:
 *    the current state is compared in the baseline's frame.
 * 3. A matched element's outline and position changes are measured by what it covers
 *    (intersection over union on a grid of its own), so a rotation or flip that leaves
 *    its painted area the same changes nothing. Colour counts over its visible fill and
 *    stroke, style and text as in method 1.
 * 4. Human-drawn elements count by what they visibly paint; where they cover AI
 *    content they take its share. An added element that repeats an AI element (same
 *    outline and paints) is a placed copy: arrangement, like a move, not drawing.
 *    Removed and hidden AI elements are curation, as in method 1.
 *
 * See docs/coefficient.md for the method in words.
 */
import { curation, NO_CHANGE, summarize, type Item } from './aggregate'
import { paintsChange } from './color'
import { blendOf, clamp01, effectsChange, textDimension } from './dimensions'
import { METHOD_V2, type ContributionScore, type DimensionChanges } from './method'
import type { TeamPolicy } from './policy'
import { compose, IDENTITY, Raster, rasterSize, type Affine, type PixelRect, type RenderItem } from './raster'
import { ellipseOutline, flattenPath, rectangleOutline, signatureOutline, sinCosDegrees, type Polyline } from './raster-path'
import { matchElements, type Pair } from './score-v1'
import { fitSimilarity, inverseAffine } from './similarity'
import type { ElementSnapshot, PaintSnapshot, PatternSnapshot } from './snapshot'
import { comparePaths, pathRank, reordered } from './stacking'
import { parentPath, see, type Seen } from './visibility'
import { BLEND_CHANGE } from './dimensions'

/** Pixels on the long side of the frame's raster. */
export const RASTER_LONG_SIDE = 256
/**
 * Arrangement (moving an element, placing a copy of an AI element) counts at most this
 * much of drawing: the Copyright Office counts arrangement, but it is less than making.
 */
export const PLACEMENT = 0.5
/** Canvas changes below this fraction of an element's area are rasterization noise. */
export const CANVAS_DEADBAND = 0.02
/** Pixels on the long side of the grid one element's two states are compared on. */
const LOCAL_GRID = 48
/**
 * How much a pixel of plain ground weighs against a pixel of figure. A flat colour
 * filling the frame carries little expression (the Copyright Office does not protect
 * mere variations of colouring, Compendium §313.4(J)), and viewers read a pattern by
 * its figures, not its backdrop. Chosen before the judged set was re-run, not fitted.
 */
export const GROUND_SALIENCE = 0.25
/** A ground covers at least this share of the frame. */
const GROUND_COVER = 0.9

/** Share of its box a text layer's glyphs paint (text has no outline in a snapshot). */
export const TEXT_INK = 0.35

const RECT_TYPES = new Set(['RECTANGLE', 'FRAME', 'GROUP', 'COMPONENT', 'COMPONENT_SET', 'INSTANCE', 'SECTION', 'TEXT'])

/** An element placed on the raster. */
interface Placed {
  seen: Seen
  item: RenderItem
  /** Weight of its pixels: GROUND_SALIENCE for a plain ground, else 1. */
  salience: number
  /** Outline identity, for telling copies and unchanged outlines apart. */
  outlineKey: string
}

type PairV2 = Pair<Seen>

function paintsAlpha(paints: readonly PaintSnapshot[]): number {
  let keep = 1
  for (const p of paints) {
    let a: number
    if (p.kind === 'solid') a = p.color.a
    else if (p.kind === 'gradient') {
      a = 0
      for (const s of p.stops) a += s.color.a
      a = p.stops.length > 0 ? a / p.stops.length : 0
    } else a = p.opacity
    keep *= 1 - clamp01(a)
  }
  return 1 - keep
}

const NO_TURN = { sin: 0, cos: 1 }

/** Local box → frame: centre + rotation(θ) · (p − box centre). */
function boxToFrame(el: ElementSnapshot): Affine {
  const { x, y, w, h } = el.bounds
  const { sin, cos } = el.rotation === 0 ? NO_TURN : sinCosDegrees(el.rotation)
  // Figma's rotation is counter-clockwise on screen (y down).
  const r: Affine = { a: cos, b: -sin, c: sin, d: cos, e: x + w / 2, f: y + h / 2 }
  return compose(r, { a: 1, b: 0, c: 0, d: 1, e: -w / 2, f: -h / 2 })
}

function curveSteps(pixels: number): number {
  return pixels < 4 ? 2 : pixels < 16 ? 4 : pixels < 64 ? 8 : 16
}

/** Flattened outlines shared by every element with the same path (repeated motifs). */
class OutlineCache {
  private readonly map = new Map<string, Polyline[]>()
  get(key: string, make: () => Polyline[]): Polyline[] {
    let v = this.map.get(key)
    if (!v) {
      v = make()
      this.map.set(key, v)
    }
    return v
  }
}

function outlineOf(el: ElementSnapshot, exact: boolean, steps: number, cache: OutlineCache): { outline: Polyline[]; key: string } {
  const { w, h } = el.bounds
  if (exact && el.pathData && el.pathData.length > 0) {
    const joined = el.pathData.join('\n')
    return { outline: cache.get(`${steps}|${joined}`, () => el.pathData!.flatMap((d) => flattenPath(d, steps))), key: `P${w}x${h}|${joined}` }
  }
  if (el.type === 'ELLIPSE') return { outline: cache.get(`E${steps}|${w}|${h}`, () => ellipseOutline(w, h, steps)), key: `E${w}x${h}` }
  if (!RECT_TYPES.has(el.type) && el.geometry) {
    const key = `S${w}x${h}|${pointsHash(el.geometry.points)}`
    const sig = el.geometry
    return { outline: cache.get(key, () => signatureOutline(sig, w, h)), key }
  }
  return { outline: rectangleOutline(w, h), key: `R${w}x${h}` }
}

/** FNV-1a over the signature's integers: a short key for an outline. */
function pointsHash(points: readonly number[]): string {
  let h = 0x811c9dc5
  for (let i = 0; i < points.length; i++) {
    h ^= points[i]! & 0xffff
    h = Math.imul(h, 0x01000193)
  }
  return `${points.length}:${(h >>> 0).toString(36)}`
}

function toPixels(x0: number, y0: number, x1: number, y1: number): PixelRect {
  return { x0: Math.ceil(x0 - 0.5), y0: Math.ceil(y0 - 0.5), x1: Math.ceil(x1 - 0.5), y1: Math.ceil(y1 - 0.5) }
}

function intersect(a: PixelRect, b: PixelRect): PixelRect {
  return { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) }
}

/** The pixel rectangle covering a w×h box under an affine map. */
function boxPixels(m: Affine, w: number, h: number): PixelRect {
  const xs = [m.e, m.a * w + m.e, m.c * h + m.e, m.a * w + m.c * h + m.e]
  const ys = [m.f, m.b * w + m.f, m.d * h + m.f, m.b * w + m.d * h + m.f]
  return toPixels(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys))
}

/** A plain ground: one flat colour, no stroke or effect, an upright box over (nearly) the whole frame. */
function isGround(el: ElementSnapshot, item: RenderItem, frame: PixelRect): boolean {
  if (!RECT_TYPES.has(el.type) || el.type === 'TEXT' || item.strokeAlpha > 0) return false
  if (el.fills.length !== 1 || el.fills[0]!.kind !== 'solid') return false
  if (el.effects.some((e) => e.visible) || el.rotation % 90 !== 0) return false
  const box = intersect(boxPixels(item.transform, el.bounds.w, el.bounds.h), item.clip)
  const area = Math.max(0, box.x1 - box.x0) * Math.max(0, box.y1 - box.y0)
  return area >= GROUND_COVER * (frame.x1 - frame.x0) * (frame.y1 - frame.y0)
}

interface Layout {
  /** Per pair index: the placed element, if it paints in this state. */
  placed: (Placed | undefined)[]
  /** Pair indices, top-first. */
  order: Int32Array
}

/**
 * Places the shown, painting elements of one state on the raster: `frame` maps the
 * state's frame coordinates to raster pixels (for the current state it includes the
 * inverse of the pattern's own transform). `states[i]` is pair i's element here.
 */
function layout(
  states: readonly (Seen | null)[],
  exact: Uint8Array,
  frame: Affine,
  clip: PixelRect,
  flagged: Uint8Array,
  cache: OutlineCache,
): Layout {
  const scale = Math.sqrt(Math.abs(frame.a * frame.d - frame.b * frame.c))
  const byPath = new Map<string, ElementSnapshot>()
  let anyClips = false
  for (const s of states) {
    if (!s) continue
    byPath.set(s.el.path, s.el)
    if (s.el.clipsContent) anyClips = true
  }
  const clips = new Map<string, PixelRect>()
  const clipOf = (path: string | null): PixelRect => {
    if (path === null || !anyClips) return clip
    const memo = clips.get(path)
    if (memo) return memo
    const el = byPath.get(path)
    let own = clipOf(parentPath(path))
    if (el && el.clipsContent && path !== '') own = intersect(own, boxPixels(compose(frame, boxToFrame(el)), el.bounds.w, el.bounds.h))
    clips.set(path, own)
    return own
  }

  const placed = new Array<Placed | undefined>(states.length)
  const drawn: number[] = []
  for (let i = 0; i < states.length; i++) {
    const s = states[i]
    if (!s || !s.shown) continue
    const el = s.el
    const fillAlpha = paintsAlpha(el.fills) * s.opacity * (el.type === 'TEXT' ? TEXT_INK : 1)
    const strokeAlpha = el.strokeWeight > 0 ? paintsAlpha(el.strokes) * s.opacity : 0
    if (!(fillAlpha > 0) && !(strokeAlpha > 0)) continue
    const transform = compose(frame, boxToFrame(el))
    const size = Math.sqrt(el.bounds.w * el.bounds.w + el.bounds.h * el.bounds.h) * scale
    const { outline, key: outlineKey } = outlineOf(el, exact[i] === 1, curveSteps(size), cache)
    const item: RenderItem = {
      outline,
      transform,
      fillAlpha,
      strokeAlpha,
      strokeWeight: el.strokeWeight,
      clip: clipOf(parentPath(el.path)),
      flagged: flagged[i] === 1,
    }
    placed[i] = { seen: s, item, outlineKey, salience: isGround(el, item, clip) ? GROUND_SALIENCE : 1 }
    drawn.push(i)
  }
  // Top-first: later paths paint over earlier ones (a parent under its children).
  const rank = new Float64Array(states.length)
  let numeric = true
  for (const i of drawn) {
    rank[i] = pathRank(states[i]!.el.path)
    if (Number.isNaN(rank[i]!)) numeric = false
  }
  drawn.sort(numeric ? (p, q) => rank[q]! - rank[p]! || p - q : (p, q) => comparePaths(states[q]!.el.path, states[p]!.el.path) || p - q)
  return { placed, order: Int32Array.from(drawn) }
}

interface Painted {
  raster: Raster
  /** Per pair index: visible fill and stroke paint, in pixels. */
  fill: Float64Array
  stroke: Float64Array
  order: Int32Array
}

function paintAll(lay: Layout, width: number, height: number): Painted {
  const raster = new Raster(width, height)
  const fill = new Float64Array(lay.placed.length)
  const stroke = new Float64Array(lay.placed.length)
  for (let r = 0; r < lay.order.length; r++) {
    const i = lay.order[r]!
    const placed = lay.placed[i]!
    const v = raster.paint(r, placed.item)
    fill[i] = v.fill * placed.salience
    stroke[i] = v.stroke * placed.salience
  }
  return { raster, fill, stroke, order: lay.order }
}

// ---- one element's two states, compared by what they cover ------------------------------

function sameAffine(p: Affine, q: Affine): boolean {
  const eps = 1e-9 * (1 + Math.abs(p.e) + Math.abs(p.f))
  return (
    Math.abs(p.a - q.a) <= eps && Math.abs(p.b - q.b) <= eps && Math.abs(p.c - q.c) <= eps &&
    Math.abs(p.d - q.d) <= eps && Math.abs(p.e - q.e) <= eps && Math.abs(p.f - q.f) <= eps
  )
}

function coverage(item: RenderItem, move: Affine, rect: PixelRect, width: number, height: number): Uint8Array {
  const raster = new Raster(width, height)
  const solid: RenderItem = {
    outline: item.outline,
    transform: compose(move, item.transform),
    fillAlpha: item.fillAlpha > 0 ? 1 : 0,
    strokeAlpha: item.strokeAlpha > 0 ? 1 : 0,
    strokeWeight: item.strokeWeight,
    clip: rect,
    flagged: false,
    evenOdd: item.evenOdd,
  }
  raster.paint(0, solid)
  const out = new Uint8Array(width * height)
  for (let i = 0; i < out.length; i++) out[i] = raster.top[i]! > 0 ? 1 : 0
  return out
}

function pixelBox(item: RenderItem, w: number, h: number): [number, number, number, number] {
  const m = item.transform
  const xs = [m.e, m.a * w + m.e, m.c * h + m.e, m.a * w + m.c * h + m.e]
  const ys = [m.f, m.b * w + m.f, m.d * h + m.f, m.b * w + m.d * h + m.f]
  const pad = item.strokeAlpha > 0 ? item.strokeWeight * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 0
  return [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad]
}

/** Intersection over union of two items' coverage, B shifted by (dx, dy) raster pixels. */
function overlap(a: RenderItem, aw: number, ah: number, b: RenderItem, bw: number, bh: number, dx: number, dy: number): number {
  const ba = pixelBox(a, aw, ah)
  const bb = pixelBox(b, bw, bh)
  const x0 = Math.min(ba[0], bb[0] + dx)
  const y0 = Math.min(ba[1], bb[1] + dy)
  const x1 = Math.max(ba[2], bb[2] + dx)
  const y1 = Math.max(ba[3], bb[3] + dy)
  const span = Math.max(x1 - x0, y1 - y0)
  if (!(span > 0)) return 1
  const g = LOCAL_GRID / span
  const width = Math.max(1, Math.ceil((x1 - x0) * g))
  const height = Math.max(1, Math.ceil((y1 - y0) * g))
  const rect: PixelRect = { x0: 0, y0: 0, x1: width, y1: height }
  const toLocal: Affine = { a: g, b: 0, c: 0, d: g, e: -x0 * g, f: -y0 * g }
  const ca = coverage(a, toLocal, rect, width, height)
  const cb = coverage(b, compose(toLocal, { ...IDENTITY, e: dx, f: dy }), rect, width, height)
  let both = 0
  let either = 0
  for (let i = 0; i < ca.length; i++) {
    both += ca[i]! & cb[i]!
    either += ca[i]! | cb[i]!
  }
  return either > 0 ? both / either : 1
}

function deadband(v: number): number {
  return v <= CANVAS_DEADBAND ? 0 : clamp01((v - CANVAS_DEADBAND) / (1 - CANVAS_DEADBAND))
}

/** Shape (what the element covers, centred) and displacement (what moving it uncovers), 0..1. */
function geometryChange(pa: Placed, pb: Placed): { shape: number; move: number } {
  const a = pa.item
  const b = pb.item
  const ea = pa.seen.el
  const eb = pb.seen.el
  const sameStroke = (a.strokeAlpha > 0) === (b.strokeAlpha > 0) && (a.strokeAlpha === 0 || a.strokeWeight === b.strokeWeight)
  const sameFill = (a.fillAlpha > 0) === (b.fillAlpha > 0)
  if (pa.outlineKey === pb.outlineKey && sameStroke && sameFill && sameAffine(a.transform, b.transform)) return { shape: 0, move: 0 }
  const ba = pixelBox(a, ea.bounds.w, ea.bounds.h)
  const bb = pixelBox(b, eb.bounds.w, eb.bounds.h)
  const dx = (ba[0] + ba[2]) / 2 - (bb[0] + bb[2]) / 2
  const dy = (ba[1] + ba[3]) / 2 - (bb[1] + bb[3]) / 2
  const aligned = overlap(a, ea.bounds.w, ea.bounds.h, b, eb.bounds.w, eb.bounds.h, dx, dy)
  const actual = dx === 0 && dy === 0 ? aligned : overlap(a, ea.bounds.w, ea.bounds.h, b, eb.bounds.w, eb.bounds.h, 0, 0)
  const shape = deadband(1 - aligned)
  const move = aligned > 0 ? deadband(clamp01(1 - actual / aligned)) : 0
  return { shape, move }
}

function styleChange(a: Seen, b: Seen): number {
  const opacity = Math.abs(a.opacity - b.opacity)
  const blend = blendOf(a.el.blendMode) === blendOf(b.el.blendMode) ? 0 : BLEND_CHANGE
  const effects = a.el.effects.length === 0 && b.el.effects.length === 0 ? 0 : effectsChange(a.el.effects, b.el.effects)
  return 1 - (1 - opacity) * (1 - blend) * (1 - effects)
}

// ---- the comparison ---------------------------------------------------------------------

/** What changed where, per raster pixel (the heat map's source). */
export const CHANGE = { none: 0, changed: 1, added: 2, removed: 3 } as const

export interface CanvasMap {
  width: number
  height: number
  /** CHANGE per pixel. */
  kinds: Uint8Array
  /** Per pixel: 1 + index into `ids` of the element that made the change there; 0 = none. */
  at: Int32Array
  ids: string[]
}

export interface CanvasComparison {
  score: ContributionScore
  map: CanvasMap
  /** The two rasters' bytes (uncovered share per pixel), for cross-engine checks. */
  baseline: Raster
  current: Raster
}

/** Method 2, with the raster it was measured on. */
export function compareOnCanvas(baseline: PatternSnapshot, current: PatternSnapshot, policy: TeamPolicy, matchedBy: 'id' | 'path'): CanvasComparison {
  const byId = matchedBy === 'id'
  const seenA = see(baseline)
  const seenB = see(current)
  const pairs = matchElements(seenA, seenB, byId)

  // The frame: the baseline's, at RASTER_LONG_SIDE pixels on its long side.
  const root = baseline.rootBounds
  const { width, height, scale } = rasterSize(root.w, root.h, RASTER_LONG_SIDE)
  const toRaster: Affine = { a: scale, b: 0, c: 0, d: scale, e: 0, f: 0 }
  const frameClip: PixelRect = { x0: 0, y0: 0, x1: width, y1: height }

  // The pattern's own transform, from the centres of elements present in both.
  const matched: PairV2[] = []
  for (const p of pairs.values()) if (p.a && p.b) matched.push(p)
  matched.sort((p, q) => (p.key < q.key ? -1 : p.key > q.key ? 1 : 0))
  const xa = new Float64Array(matched.length)
  const ya = new Float64Array(matched.length)
  const xb = new Float64Array(matched.length)
  const yb = new Float64Array(matched.length)
  matched.forEach((p, i) => {
    const ba = p.a!.el.bounds
    const bb = p.b!.el.bounds
    xa[i] = ba.x + ba.w / 2
    ya[i] = ba.y + ba.h / 2
    xb[i] = bb.x + bb.w / 2
    yb[i] = bb.y + bb.h / 2
  })
  const similarity = fitSimilarity(xa, ya, xb, yb, Math.sqrt(root.w * root.w + root.h * root.h))
  const normalize = similarity ? inverseAffine(similarity) : IDENTITY
  const currentFrame = compose(toRaster, normalize)
  const cr = current.rootBounds
  const currentClip = intersect(frameClip, boxPixels(currentFrame, cr.w, cr.h))

  // Pair indices; sorted by key so that nothing depends on the order elements came in.
  const list = [...pairs.values()].sort((p, q) => (p.key < q.key ? -1 : p.key > q.key ? 1 : 0))
  const n = list.length
  const statesA = list.map((p) => p.a)
  const statesB = list.map((p) => p.b)
  // Exact outlines only where both states have them (else both use the stored signature).
  const exact = new Uint8Array(n)
  const added = new Uint8Array(n)
  list.forEach((p, i) => {
    const ha = !!p.a?.el.pathData?.length
    const hb = !!p.b?.el.pathData?.length
    exact[i] = (p.a && p.b ? ha && hb : ha || hb) ? 1 : 0
    added[i] = p.a ? 0 : 1
  })
  const cache = new OutlineCache()
  const layA = layout(statesA, exact, toRaster, frameClip, new Uint8Array(n), cache)
  const layB = layout(statesB, exact, currentFrame, currentClip, added, cache)
  const A = paintAll(layA, width, height)
  const B = paintAll(layB, width, height)

  // Human-drawn elements take the visible share of the AI content they cover.
  const stolen = new Float64Array(n)
  {
    const ra = A.raster
    const fl = B.raster.flagged
    for (let p = 0; p < fl.length; p++) {
      const f = fl[p]!
      if (f > 0 && ra.top[p]! > 0) {
        const i = A.order[ra.top[p]! - 1]!
        stolen[i] += f * ra.topShare[p]! * layA.placed[i]!.salience
      }
    }
  }

  let moved: Set<PairV2> | null = null
  if (byId && policy.reorderWeight > 0) {
    const both: PairV2[] = []
    list.forEach((p, i) => {
      if (layA.placed[i] && layB.placed[i]) both.push(p)
    })
    moved = reordered(both)
  }

  // Copies of AI elements: only looked for when something was added.
  let byOutline: Map<string, Placed[]> | null = null
  const isCopy = (pb: Placed): boolean => {
    if (!byOutline) {
      byOutline = new Map()
      for (const pa of layA.placed) {
        if (!pa) continue
        const k = `${pa.seen.el.type}|${pa.outlineKey}`
        const list = byOutline.get(k)
        if (list) list.push(pa)
        else byOutline.set(k, [pa])
      }
    }
    const eb = pb.seen.el
    for (const pa of byOutline.get(`${eb.type}|${pb.outlineKey}`) ?? []) {
      const ea = pa.seen.el
      const strokeWeightSame = ea.strokes.length === 0 || ea.strokeWeight === eb.strokeWeight
      if (strokeWeightSame && paintsChange(ea.fills, eb.fills) === 0 && paintsChange(ea.strokes, eb.strokes) === 0) return true
    }
    return false
  }

  const alpha = policy.weights
  const items: Item[] = []
  const itemOf = new Array<Item | undefined>(n)
  const push = (i: number, it: Item) => {
    items.push(it)
    itemOf[i] = it
  }
  for (let i = 0; i < n; i++) {
    const p = list[i]!
    const { a, b } = p
    const wa = A.fill[i]! + A.stroke[i]!
    const wb = B.fill[i]! + B.stroke[i]!
    if (a && b) {
      if (a.shown && !b.shown) {
        if (wa > 0) push(i, curation(p.key, b.el, 'hidden', wa * policy.alphaRemove))
        continue
      }
      const weight = Math.max(wa - stolen[i]!, wb)
      if (!(weight > 0)) continue // paints nothing visible in either state
      const pa = layA.placed[i]
      const pb = layB.placed[i]
      const wf = Math.max(A.fill[i]!, B.fill[i]!)
      const ws = Math.max(A.stroke[i]!, B.stroke[i]!)
      const color = wf + ws > 0 ? clamp01((wf * paintsChange(a.el.fills, b.el.fills) + ws * paintsChange(a.el.strokes, b.el.strokes)) / (wf + ws)) : 0
      const geo = pa && pb ? geometryChange(pa, pb) : { shape: 0, move: 0 }
      const visibleShift = Math.abs(wa - wb) > 0.01 * Math.max(wa, wb)
      const reorder = moved !== null && moved.has(p) && visibleShift ? policy.reorderWeight : 0
      const dims: DimensionChanges = {
        color,
        shape: geo.shape,
        transform: 1 - (1 - PLACEMENT * geo.move) * (1 - reorder),
        style: styleChange(a, b),
        text: textDimension(a.el, b.el),
      }
      const weighted: DimensionChanges = {
        color: clamp01(alpha.color * dims.color),
        shape: clamp01(alpha.shape * dims.shape),
        transform: clamp01(alpha.transform * dims.transform),
        style: clamp01(alpha.style * dims.style),
        text: clamp01(alpha.text * dims.text),
      }
      const keep = (1 - weighted.color) * (1 - weighted.shape) * (1 - weighted.transform) * (1 - weighted.style) * (1 - weighted.text)
      push(i, { key: p.key, el: b.el, kind: 'changed', weight, change: 1 - keep, dims, weighted })
    } else if (a) {
      if (wa > 0) push(i, curation(p.key, a.el, 'removed', wa * policy.alphaRemove))
    } else if (b) {
      if (!(wb > 0)) continue // fully hidden: nobody sees it
      if (isCopy(layB.placed[i]!)) {
        const weighted = { ...NO_CHANGE, transform: clamp01(alpha.transform * PLACEMENT) }
        push(i, { key: p.key, el: b.el, kind: 'copied', weight: wb, change: weighted.transform, dims: { ...NO_CHANGE, transform: PLACEMENT }, weighted })
      } else {
        push(i, { key: p.key, el: b.el, kind: 'added', weight: wb, change: 1, dims: NO_CHANGE, weighted: NO_CHANGE })
      }
    }
  }

  const score = summarize(items, policy, { method: METHOD_V2, matchedBy })
  return { score, map: changeMap(A, B, itemOf), baseline: A.raster, current: B.raster }
}

/** Per pixel: the change shown on top there now, or the removed AI element that was. */
function changeMap(A: Painted, B: Painted, itemOf: readonly (Item | undefined)[]): CanvasMap {
  const { width, height } = B.raster
  const kinds = new Uint8Array(width * height)
  const at = new Int32Array(width * height)
  const ids: string[] = []
  // Per render index: the pixel kind and the id slot (so the pixel loop only reads arrays).
  const slot = new Map<Item, number>()
  const slotOf = (it: Item): number => {
    let k = slot.get(it)
    if (k === undefined) {
      ids.push(it.el.id)
      k = ids.length
      slot.set(it, k)
    }
    return k
  }
  const table = (order: Int32Array, now: boolean) => {
    const kind = new Uint8Array(order.length + 1)
    const id = new Int32Array(order.length + 1)
    for (let r = 0; r < order.length; r++) {
      const it = itemOf[order[r]!]
      if (!it) continue
      if (now && it.change > 0) kind[r + 1] = it.kind === 'added' || it.kind === 'copied' ? CHANGE.added : CHANGE.changed
      else if (!now) kind[r + 1] = it.kind === 'removed' || it.kind === 'hidden' ? CHANGE.removed : it.change > 0 ? CHANGE.changed : 0
      if (kind[r + 1]) id[r + 1] = slotOf(it)
    }
    return { kind, id }
  }
  const tb = table(B.order, true)
  const ta = table(A.order, false)
  const topB = B.raster.top
  const topA = A.raster.top
  for (let p = 0; p < kinds.length; p++) {
    const b = topB[p]!
    if (tb.kind[b]) {
      kinds[p] = tb.kind[b]!
      at[p] = tb.id[b]!
      continue
    }
    const a = topA[p]!
    kinds[p] = ta.kind[a]!
    at[p] = ta.id[a]!
  }
  return { width, height, kinds, at, ids }
}

/** Method 2. */
export function scoreV2(baseline: PatternSnapshot, current: PatternSnapshot, policy: TeamPolicy, matchedBy: 'id' | 'path'): ContributionScore {
  return compareOnCanvas(baseline, current, policy, matchedBy).score
}
