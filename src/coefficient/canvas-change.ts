/**
 * Method 2's measure of one element's change on the canvas: what it covers, compared
 * centred (shape) and in place (what moving it uncovered), on a grid of its own; and
 * its style change. See score-v2.ts for the method.
 */
import type { Placed } from './canvas-layout'
import { BLEND_CHANGE, blendOf, clamp01, effectsChange } from './dimensions'
import { compose, IDENTITY, Raster, type Affine, type PixelRect, type RenderItem } from './raster/raster'
import type { Bounds, EffectSnapshot } from './snapshot'
import type { Seen } from './visibility'

/** Canvas changes below this fraction of an element's area are rasterization noise. */
export const CANVAS_DEADBAND = 0.02

/** Pixels on the long side of the grid one element's two states are compared on, at least. */
const LOCAL_GRID = 48
/**
 * Cells across the thinnest feature (a stroke's band, a box's short side): a thin line
 * on a grid fitted to its length would fall between cell centres, and thickening it
 * would change no cell. Bounded so one element's grid stays under ~64k cells.
 */
const CELLS_ACROSS = 4
const MAX_LOCAL_CELLS = 1 << 16
/**
 * The local grid is fitted to the element's box, so a box of whole units would put its
 * edges exactly between two pixel centres, where the last bit of a transform decides
 * the pixel (a rectangle and its mirror image then differ by whole rows). Shifting the
 * grid by an odd fraction of a pixel keeps edges off the sampling boundaries.
 */
export const GRID_OFFSET_X = 0.1734
export const GRID_OFFSET_Y = 0.2913

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

/** A small grid of `cells` on the long side over a box in raster pixels (null for an empty box), offset so box edges never fall between pixel centres. */
export function localGrid(x0: number, y0: number, x1: number, y1: number, cells: number): { width: number; height: number; rect: PixelRect; toLocal: Affine } | null {
  const span = Math.max(x1 - x0, y1 - y0)
  if (!(span > 0)) return null
  const g = cells / span
  const width = Math.max(1, Math.ceil((x1 - x0) * g + GRID_OFFSET_X))
  const height = Math.max(1, Math.ceil((y1 - y0) * g + GRID_OFFSET_Y))
  return { width, height, rect: { x0: 0, y0: 0, x1: width, y1: height }, toLocal: { a: g, b: 0, c: 0, d: g, e: GRID_OFFSET_X - x0 * g, f: GRID_OFFSET_Y - y0 * g } }
}

/** Cells on the long side of a grid comparing items: enough to resolve the thinnest. */
export function gridCells(parts: readonly { item: RenderItem; box: readonly number[] }[], w: number, h: number): number {
  let feature = Infinity
  for (const { item, box } of parts) {
    const band = item.strokeAlpha > 0 ? item.strokeWeight * Math.sqrt(Math.abs(item.transform.a * item.transform.d - item.transform.b * item.transform.c)) : Infinity
    feature = Math.min(feature, band, box[2]! - box[0]!, box[3]! - box[1]!)
  }
  const long = Math.max(w, h)
  const short = Math.max(Math.min(w, h), 1e-9)
  if (!(feature > 0) || !(long > 0)) return LOCAL_GRID
  const wanted = Math.ceil((long * CELLS_ACROSS) / feature)
  const budget = Math.floor(Math.sqrt((MAX_LOCAL_CELLS * long) / short))
  return Math.max(LOCAL_GRID, Math.min(wanted, budget))
}

/** Intersection over union of two items' coverage, B shifted by (dx, dy) raster pixels. */
function overlap(a: RenderItem, aw: number, ah: number, b: RenderItem, bw: number, bh: number, dx: number, dy: number): number {
  const ba = pixelBox(a, aw, ah)
  const bb = pixelBox(b, bw, bh)
  const x0 = Math.min(ba[0], bb[0] + dx)
  const y0 = Math.min(ba[1], bb[1] + dy)
  const x1 = Math.max(ba[2], bb[2] + dx)
  const y1 = Math.max(ba[3], bb[3] + dy)
  const grid = localGrid(x0, y0, x1, y1, gridCells([{ item: a, box: ba }, { item: b, box: bb }], x1 - x0, y1 - y0))
  if (!grid) return 1
  const { width, height, rect, toLocal } = grid
  const ca = coverage(a, toLocal, rect, width, height)
  const cb = coverage(b, compose(toLocal, { ...IDENTITY, e: dx, f: dy }), rect, width, height)
  return intersectionOverUnion(ca, cb)
}

/** |A ∩ B| / |A ∪ B| of two 0/1 coverages of one grid (1 when both are empty). */
export function intersectionOverUnion(ca: Uint8Array, cb: Uint8Array): number {
  let both = 0
  let either = 0
  for (let i = 0; i < ca.length; i++) {
    both += ca[i]! & cb[i]!
    either += ca[i]! | cb[i]!
  }
  return either > 0 ? both / either : 1
}

export function deadband(v: number): number {
  return v <= CANVAS_DEADBAND ? 0 : clamp01((v - CANVAS_DEADBAND) / (1 - CANVAS_DEADBAND))
}

/** Shape (what the element covers, centred) and displacement (what moving it uncovers), 0..1. */
export function geometryChange(pa: Placed, pb: Placed): { shape: number; move: number } {
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

/**
 * How much of an element's look its effects reach, 0..1: a shadow or a blur reaches a
 * band along its edge (offset plus half the blur, or the blur), so on a large motif it
 * touches little; a background blur changes everything seen through it.
 */
function effectReach(effects: readonly EffectSnapshot[], w: number, h: number): number {
  let reach = 0
  for (const e of effects) {
    if (!e.visible) continue
    let band: number
    if (e.type === 'BACKGROUND_BLUR') band = Infinity
    else if (e.type === 'LAYER_BLUR') band = e.radius
    else band = (e.offset ? Math.sqrt(e.offset.x * e.offset.x + e.offset.y * e.offset.y) : 0) + e.radius / 2
    const r = w > 0 && h > 0 ? (band * 2 * (w + h)) / (w * h) : 1
    if (r > reach) reach = r > 1 ? 1 : r
  }
  return reach
}

/** An effects change, weighed by how much of the look it reaches. */
export function effectsDimension(a: readonly EffectSnapshot[], b: readonly EffectSnapshot[], aBox: Bounds, bBox: Bounds): number {
  if (a.length === 0 && b.length === 0) return 0
  const change = effectsChange(a, b)
  return change > 0 ? change * Math.max(effectReach(a, aBox.w, aBox.h), effectReach(b, bBox.w, bBox.h)) : 0
}

/**
 * Opacity, blend mode, and effects — its own and those of the groups and frames it is
 * in (a group's shadow is cast by what is in it): `inherited` is the effects change of
 * its ancestors, already weighed by their reach.
 */
export function styleChange(a: Seen, b: Seen, inherited: number): number {
  const opacity = Math.abs(a.opacity - b.opacity)
  const blend = blendOf(a.el.blendMode) === blendOf(b.el.blendMode) ? 0 : BLEND_CHANGE
  const effects = effectsDimension(a.el.effects, b.el.effects, a.el.bounds, b.el.bounds)
  return 1 - (1 - opacity) * (1 - blend) * (1 - effects) * (1 - inherited)
}
