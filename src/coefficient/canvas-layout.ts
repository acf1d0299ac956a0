/**
 * Method 2's canvas: where each element of one state lands on the raster (its box,
 * turned and placed, in the baseline's frame), what it paints (fill and stroke alpha,
 * the outline it is painted from) and how much a pixel of it weighs; then painting a
 * whole state top-first. See score-v2.ts for the method.
 */
import { clamp01 } from './dimensions'
import { MaskIndex, maskBits } from './mask'
import { compose, Raster, type Affine, type MaskBits, type PixelRect, type RenderItem } from './raster/raster'
import { Layers } from './raster/layers'
import { ellipseOutline, flattenPath, rectangleOutline, signatureOutline, sinCosDegrees, type Polyline } from './raster/raster-path'
import type { ElementSnapshot, PaintSnapshot } from './snapshot'
import { FIELD_COVER, fieldSalience, fillsRegion, isPlainBox, plainBoxCap } from './ground'
import { comparePaths, pathRank } from './stacking'
import { parentPath, type Seen } from './visibility'

/** Pixels on the long side of the frame's raster (the issue asks for at least 256). */
export const RASTER_LONG_SIDE = 256

/** A field at most this opaque is a veil: a tint of the whole picture, wherever it lies. */
const VEIL = 0.5

/** Share of its box a text layer's glyphs paint when its characters fill it (text has no outline in a snapshot). */
export const TEXT_INK = 0.35
/** A character's advance, as a share of a line's height (average text faces run 0.45–0.55). */
const ADVANCE = 0.5

/**
 * The share of a text box its glyphs paint: TEXT_INK where the characters fill it,
 * less where a few characters sit in a wide box. A box is read as one line of its
 * height, so wrapped text is counted as filling its box.
 */
function textInk(el: ElementSnapshot): number {
  const { w, h } = el.bounds
  if (el.text === null) return TEXT_INK // characters unknown: read as filling the box
  let glyphs = 0
  for (const ch of el.text) if (ch.trim() !== '') glyphs++
  if (!(w > 0) || !(h > 0)) return 0
  const filled = (glyphs * ADVANCE * h) / w
  return TEXT_INK * (filled < 1 ? filled : 1)
}

const RECT_TYPES = new Set(['RECTANGLE', 'FRAME', 'GROUP', 'COMPONENT', 'COMPONENT_SET', 'INSTANCE', 'SECTION', 'TEXT'])

/** An element placed on the raster. */
export interface Placed {
  seen: Seen
  item: RenderItem
  /** A plain box beneath the figures, free to grow into a field (ground.ts): it weighs at most what it would as that field. */
  plain: boolean
  /** A plain box filling its region, a field (ground.ts): its pixels weigh the state's field salience, not 1. */
  field: boolean
  /** Outline identity, for telling copies and unchanged outlines apart. */
  outlineKey: string
  /** Its box in raster pixels, clipped to where it may paint. */
  box: PixelRect
}


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
export class OutlineCache {
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

interface Outline {
  outline: Polyline[]
  key: string
  fillOutline?: Polyline[]
  strokeRegion?: Polyline[]
  evenOdd?: boolean
}

/**
 * The element's outline as method 2 paints it. With `kinds` (both states read windings and
 * operands, snapshot.ts `kindsRead`), each path paints as its winding letter says: fills
 * nonzero or even-odd, open paths stroked only, the stroke's own outline filled with the
 * strokes. Without, as hosts before baseline format 6 read it: every path but the stroke
 * outlines filled nonzero (open ones closed), the stroke a band around them.
 */
function outlineOf(el: ElementSnapshot, exact: boolean, steps: number, cache: OutlineCache, kinds: boolean): Outline {
  const { w, h } = el.bounds
  if (exact && el.pathData && el.pathData.length > 0) {
    const windings = el.windings
    if (kinds && windings !== undefined && windings.length === el.pathData.length) {
      const joined = el.pathData.join('\n')
      const pick = (letters: string) => cache.get(`${steps}|${letters}|${windings}|${joined}`, () => el.pathData!.flatMap((d, i) => (letters.includes(windings[i]!) ? flattenPath(d, steps) : [])))
      const filled = el.pathData.filter((_, i) => windings[i] === 'N' || windings[i] === 'E').length
      const strokes = windings.includes('S')
      return {
        outline: pick('NEO'),
        key: `K${w}x${h}|${windings}|${joined}`,
        fillOutline: windings.includes('O') || strokes ? pick('NE') : undefined,
        strokeRegion: strokes ? pick('S') : undefined,
        evenOdd: filled > 0 && el.pathData.every((_, i) => windings[i] !== 'N'),
      }
    }
    const paths = windings === undefined ? el.pathData : el.pathData.filter((_, i) => windings[i] !== 'S')
    const joined = paths.join('\n')
    return { outline: cache.get(`${steps}|${joined}`, () => paths.flatMap((d) => flattenPath(d, steps))), key: `P${w}x${h}|${joined}` }
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

export function toPixels(x0: number, y0: number, x1: number, y1: number): PixelRect {
  return { x0: Math.ceil(x0 - 0.5), y0: Math.ceil(y0 - 0.5), x1: Math.ceil(x1 - 0.5), y1: Math.ceil(y1 - 0.5) }
}

export function intersect(a: PixelRect, b: PixelRect): PixelRect {
  return { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) }
}

/** The pixel rectangle covering a w×h box under an affine map. */
export function boxPixels(m: Affine, w: number, h: number): PixelRect {
  // Corners (0,0), (w,0), (0,h), (w,h), without allocating (this runs for every element).
  const ax = m.a * w
  const cx = m.c * h
  const by = m.b * w
  const dy = m.d * h
  const x0 = m.e + (ax < 0 ? ax : 0) + (cx < 0 ? cx : 0)
  const x1 = m.e + (ax > 0 ? ax : 0) + (cx > 0 ? cx : 0)
  const y0 = m.f + (by < 0 ? by : 0) + (dy < 0 ? dy : 0)
  const y1 = m.f + (by > 0 ? by : 0) + (dy > 0 ? dy : 0)
  return toPixels(x0, y0, x1, y1)
}

export interface Layout {
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
export function layout(
  states: readonly (Seen | null)[],
  exact: Uint8Array,
  frame: Affine,
  clip: PixelRect,
  flagged: Uint8Array,
  clips: Uint8Array,
  isMask: Uint8Array,
  cache: OutlineCache,
  kinds = false,
): Layout {
  const scale = Math.sqrt(Math.abs(frame.a * frame.d - frame.b * frame.c))
  const byPath = new Map<string, number>()
  let anyClips = false
  states.forEach((s, i) => {
    if (!s) return
    byPath.set(s.el.path, i)
    if (clips[i]) anyClips = true
  })
  const clipRects = new Map<string, PixelRect>()
  const clipOf = (path: string | null): PixelRect => {
    if (path === null || !anyClips) return clip
    const memo = clipRects.get(path)
    if (memo) return memo
    const i = byPath.get(path)
    let own = clipOf(parentPath(path))
    if (i !== undefined && clips[i] && path !== '') {
      const el = states[i]!.el
      own = intersect(own, boxPixels(compose(frame, boxToFrame(el)), el.bounds.w, el.bounds.h))
    }
    clipRects.set(path, own)
    return own
  }

  const placed = new Array<Placed | undefined>(states.length)
  const drawn: number[] = []
  const masks = new MaskIndex()
  states.forEach((s, i) => {
    if (s && s.shown && isMask[i]) masks.add(s.el.path)
  })
  const maskMemo = new Map<string, MaskBits | null>()
  const layers = new Layers(states.map((s) => s && s.el), parentPath)
  const itemOf = (i: number): { item: RenderItem; outlineKey: string } | null => {
    const s = states[i]!
    const el = s.el
    // An operand of a boolean operation: its operation paints the result (plugin-api.d.ts:11342).
    if (kinds && el.operand) return null
    // A text layer read with its glyphs' outlines (in both states) paints them; else its box, thinned by textInk.
    const fillAlpha = paintsAlpha(el.fills) * s.opacity * (el.type === 'TEXT' && exact[i] !== 1 ? textInk(el) : 1)
    const strokeAlpha = el.strokeWeight > 0 ? paintsAlpha(el.strokes) * s.opacity : 0
    if (!(fillAlpha > 0) && !(strokeAlpha > 0)) return null
    const transform = compose(frame, boxToFrame(el))
    const size = Math.sqrt(el.bounds.w * el.bounds.w + el.bounds.h * el.bounds.h) * scale
    const { outline, key: outlineKey, fillOutline, strokeRegion, evenOdd } = outlineOf(el, exact[i] === 1, curveSteps(size), cache, kinds)
    const item: RenderItem = { outline, transform, fillAlpha, strokeAlpha, strokeWeight: el.strokeWeight, clip: clipOf(parentPath(el.path)), flagged: flagged[i] === 1 }
    if (fillOutline) item.fillOutline = fillOutline
    if (strokeRegion) item.strokeRegion = strokeRegion
    if (evenOdd) item.evenOdd = true
    // Faded containers are painted as layers (raster/layers.ts), as Figma composites them.
    const chain = layers.chain(el.path)
    if (chain.length > 0) item.layers = chain
    return { item, outlineKey }
  }
  const maskOf = (path: string): MaskBits | null => {
    let m = maskMemo.get(path)
    if (m === undefined) {
      const it = itemOf(byPath.get(path)!)
      m = it ? maskBits(it.item) : null
      maskMemo.set(path, m)
    }
    return m
  }
  // A clipping frame that is turned by other than a quarter turn clips to its own turned
  // box: the upright rectangle above (clipOf) holds its content in, its shape as a mask.
  const turnedClips = new Map<string, MaskBits>()
  const turnedOver = (path: string): MaskBits[] => {
    const out: MaskBits[] = []
    for (let p = parentPath(path); p !== null && p !== ''; p = parentPath(p)) {
      const k = byPath.get(p)
      if (k === undefined || !clips[k]) continue
      const el = states[k]!.el
      if (el.rotation % 90 === 0) continue
      let bits = turnedClips.get(p)
      if (!bits) {
        const box: RenderItem = { outline: rectangleOutline(el.bounds.w, el.bounds.h), transform: compose(frame, boxToFrame(el)), fillAlpha: 1, strokeAlpha: 0, strokeWeight: 0, clip: clipOf(p), flagged: false }
        bits = maskBits(box)
        turnedClips.set(p, bits)
      }
      out.push(bits)
    }
    return out
  }
  for (let i = 0; i < states.length; i++) {
    const s = states[i]
    if (!s || !s.shown || isMask[i]) continue // a mask is not painted itself
    const el = s.el
    const made = itemOf(i)
    if (!made) continue
    const { item, outlineKey } = made
    if (!masks.empty) {
      const over: MaskBits[] = []
      for (const path of masks.over(el.path)) {
        const m = maskOf(path)
        // A mask that paints nothing lets nothing through.
        over.push(m ?? { x0: 0, y0: 0, x1: 0, y1: 0, bits: new Uint8Array(0) })
      }
      if (over.length > 0) item.masks = over
    }
    if (anyClips) {
      const turned = turnedOver(el.path)
      if (turned.length > 0) item.masks = [...(item.masks ?? []), ...turned]
    }
    const box = boxPixels(item.transform, el.bounds.w, el.bounds.h)
    const plain = isPlainBox(el, item, item.clip, clip)
    placed[i] = { seen: s, item, outlineKey, plain, field: plain && fillsRegion(box, item.clip), box: intersect(box, item.clip) }
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
  settingOnly(drawn, placed)
  return { placed, order: Int32Array.from(drawn) }
}

/**
 * A plain box is a setting only beneath the figures: an opaque panel laid over them is
 * a figure that hides them. A veil (a field that shows less of itself than of what lies
 * beneath) tints the picture wherever it lies, so it stays a field.
 */
function settingOnly(topFirst: readonly number[], placed: (Placed | undefined)[]): void {
  const below: PixelRect[] = []
  for (let k = topFirst.length - 1; k >= 0; k--) {
    const p = placed[topFirst[k]!]!
    const box = p.box
    if (p.plain && p.item.fillAlpha > VEIL) {
      const region = p.item.clip
      let blocked = 0
      for (const r of below) {
        if (r.x0 < box.x1 && box.x0 < r.x1 && r.y0 < box.y1 && box.y0 < r.y1) {
          p.plain = false
          p.field = false
          break
        }
        const inRegion = Math.max(0, Math.min(r.x1, region.x1) - Math.max(r.x0, region.x0)) * Math.max(0, Math.min(r.y1, region.y1) - Math.max(r.y0, region.y0))
        if (inRegion > blocked) blocked = inRegion
      }
      // A figure beneath taking more than a tenth of the region: the box could not fill
      // its region without lying over it, so it can never become a field there.
      if (p.plain && !p.field && blocked > (1 - FIELD_COVER) * (region.x1 - region.x0) * (region.y1 - region.y0)) p.plain = false
    }
    if (!p.field && box.x0 < box.x1 && box.y0 < box.y1) below.push(box)
  }
}

export interface Painted {
  raster: Raster
  /** Per pair index: visible fill and stroke paint, in pixels of figure (fields weighed by their salience, plain boxes capped). */
  fill: Float64Array
  stroke: Float64Array
  order: Int32Array
  /** Per pair index: what one visible pixel of it weighs (1 for a figure). */
  salience: Float64Array
  /** Per pair index: the paint already visible above it when it was painted. */
  above: Float64Array
}

/** Most rounds of the plain boxes' caps (each cap depends on the others' weights; they only fall, and settle in a few). */
const CAP_ROUNDS = 50

/** Paints one state top-first: each element's visible paint, not yet weighed (see `weighStates`). */
export function paintAll(lay: Layout, width: number, height: number): Painted {
  const raster = new Raster(width, height)
  const n = lay.placed.length
  const fill = new Float64Array(n)
  const stroke = new Float64Array(n)
  const above = new Float64Array(n)
  let painted = 0
  for (let r = 0; r < lay.order.length; r++) {
    const i = lay.order[r]!
    above[i] = painted
    const v = raster.paint(r, lay.placed[i]!.item)
    fill[i] = v.fill
    stroke[i] = v.stroke
    painted += v.fill + v.stroke
  }
  return { raster, fill, stroke, order: lay.order, salience: new Float64Array(n).fill(1), above }
}

/**
 * Weighs both states' paint (pair indices are shared): figures weigh their paint; a
 * plain box short of a field at most its cap (ground.ts); the fields of a state together
 * by the ground law, against the weight of the figures. An element counts among the
 * figures of both states at the larger of its two weights, so that what it weighs in the
 * other state cannot make the ground of this one heavier or lighter (an element weighs
 * the larger of its two weights in the score as well). `paired` maps a deleted element
 * to the added one it is compared with as one element (a pasted copy, a layer remade in
 * place): those two are one element's two states here too.
 */
export function weighStates(layA: Layout, A: Painted, layB: Layout, B: Painted, paired: ReadonlyMap<number, number> = new Map()): void {
  const states = [
    { lay: layA, p: A },
    { lay: layB, p: B },
  ]
  const n = layA.placed.length
  const raw = states.map(({ p }) => Float64Array.from(p.fill, (f, i) => f + p.stroke[i]!))
  const figure = states.map(({ lay }) => Uint8Array.from(lay.placed, (pl) => (pl && !pl.field ? 1 : 0)))
  const weight = raw.map((r, s) => Float64Array.from(r, (v, i) => (figure[s]![i] ? v : 0)))
  const capped = states.map(({ lay }, s) => {
    const out: number[] = []
    for (const i of lay.order) if (lay.placed[i]!.plain && !lay.placed[i]!.field && raw[s]![i]! > 0) out.push(i)
    return out
  })
  /** The figures' weight in state s, each at the larger of its two weights; `skip` left out. */
  const other = [new Map(paired), new Map([...paired].map(([i, j]) => [j, i]))]
  const figuresOf = (s: number): Float64Array => {
    const t = 1 - s
    const per = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      if (!figure[s]![i]) continue
      const k = other[s]!.get(i) ?? i
      per[i] = figure[t]![k] ? Math.max(weight[s]![i]!, weight[t]![k]!) : weight[s]![i]!
    }
    return per
  }
  const sum = (v: Float64Array) => {
    let total = 0
    for (let i = 0; i < v.length; i++) total += v[i]!
    return total
  }
  const frame = A.raster.width * A.raster.height
  for (let round = 0, moved = true; moved && round < CAP_ROUNDS; round++) {
    moved = false
    const next = states.map((_, s) => {
      const per = figuresOf(s)
      const total = sum(per)
      return capped[s]!.map((i) => {
        const { clip, fillAlpha } = states[s]!.lay.placed[i]!.item
        const region = Math.max(0, clip.x1 - clip.x0) * Math.max(0, clip.y1 - clip.y0)
        // A box with only a border stroke keeps the opaque bound (its band is not its region).
        const cap = plainBoxCap(region, states[s]!.p.above[i]!, raw[s]![i]!, frame, total - per[i]!, fillAlpha > 0 ? fillAlpha : 1)
        return raw[s]![i]! < cap ? raw[s]![i]! : cap
      })
    })
    next.forEach((values, s) =>
      values.forEach((v, k) => {
        const i = capped[s]![k]!
        if (Math.abs(weight[s]![i]! - v) > 1e-12 * (1 + weight[s]![i]!)) moved = true
        weight[s]![i] = v
      }),
    )
  }
  states.forEach(({ lay, p }, s) => {
    let fields = 0
    for (const i of lay.order) if (lay.placed[i]!.field) fields += raw[s]![i]!
    const g = fieldSalience(fields, sum(figuresOf(s)))
    for (const i of lay.order) {
      const r = raw[s]![i]!
      const k = lay.placed[i]!.field ? g : r > 0 ? weight[s]![i]! / r : 1
      if (k === 1) continue
      p.salience[i] = k
      p.fill[i] = p.fill[i]! * k
      p.stroke[i] = p.stroke[i]! * k
    }
  })
}
