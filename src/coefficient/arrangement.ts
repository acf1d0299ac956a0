/**
 * Arrangement, judged the way a viewer sees it:
 *
 * - **Motifs move as a whole.** Parts that touch and moved together by the same offset
 *   are one motif: what the move uncovered is measured on their union, so a flower
 *   nudged by a fifth of its size is a nudge, even though each of its petals moved
 *   clear of where it was.
 * - **Deleting an AI element and pasting its copy elsewhere is a move.** A removed AI
 *   element and an added copy of it (same outline and paints) are paired, nearest first,
 *   and compared like one element that moved — not counted as curation plus placement.
 * - **A layer remade in place is the same layer.** Flatten, Outline stroke, a boolean of
 *   one shape or a detached instance give a layer a new id, often a new type and path
 *   data, but not a new look: an added layer that covers what a removed AI layer covered,
 *   where it covered it, is compared with it like one layer — a new colour counts as a
 *   recolour, which is all a viewer can see of it. Likewise a new layer that covers just
 *   what several deleted AI layers of its paint covered (Union, or Flatten of a selection)
 *   is those layers merged, not a drawing; and new layers that together cover just what
 *   one deleted AI layer covered, in its paints, are that layer split.
 *
 * See score-v2.ts for the method.
 */
import { deadband, gridCells, intersectionOverUnion, localGrid } from './canvas-change'
import type { Placed } from './canvas-layout'
import { paintsChange } from './color'
import { clamp01 } from './dimensions'
import { compose, Raster, type RenderItem } from './raster/raster'

/** Pixels on the long side of the grid a moved motif is compared on. */
const MOTIF_GRID = 96
/**
 * A layer remade in place may differ from the removed one by at most this share of what
 * they cover: round caps where Figma's outline has flat ends, a curve re-fitted by
 * Flatten. What differs still counts, as a change of shape.
 */
const REMADE_SLACK = deadband(0.1)
/** Above this many parts moving by one offset, parts are measured one by one (cost). */
const MOTIF_MAX = 2000

export interface Moving {
  /** Pair index. */
  index: number
  a: Placed
  b: Placed
}

function box(item: RenderItem, w: number, h: number): [number, number, number, number] {
  const m = item.transform
  const xs = [m.e, m.a * w + m.e, m.c * h + m.e, m.a * w + m.c * h + m.e]
  const ys = [m.f, m.b * w + m.f, m.d * h + m.f, m.b * w + m.d * h + m.f]
  const pad = item.strokeAlpha > 0 ? item.strokeWeight * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 0
  return [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad]
}

/** Was b's placement a pure translation of a's (same outline, paint regions, turn and size)? */
function translation(a: Placed, b: Placed): [number, number] | null {
  const p = a.item.transform
  const q = b.item.transform
  if (a.outlineKey !== b.outlineKey || (a.item.fillAlpha > 0) !== (b.item.fillAlpha > 0)) return null
  if ((a.item.strokeAlpha > 0) !== (b.item.strokeAlpha > 0) || (a.item.strokeAlpha > 0 && a.item.strokeWeight !== b.item.strokeWeight)) return null
  const eps = 1e-9
  if (Math.abs(p.a - q.a) > eps || Math.abs(p.b - q.b) > eps || Math.abs(p.c - q.c) > eps || Math.abs(p.d - q.d) > eps) return null
  const dx = q.e - p.e
  const dy = q.f - p.f
  return dx === 0 && dy === 0 ? null : [dx, dy]
}

/** Intersection over union of two unions of items, on a grid of their own. */
function unionOverlap(as: readonly Moving[]): number {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const m of as) {
    for (const [it, el] of [[m.a.item, m.a.seen.el], [m.b.item, m.b.seen.el]] as const) {
      const bx = box(it, el.bounds.w, el.bounds.h)
      x0 = Math.min(x0, bx[0])
      y0 = Math.min(y0, bx[1])
      x1 = Math.max(x1, bx[2])
      y1 = Math.max(y1, bx[3])
    }
  }
  const grid = localGrid(x0, y0, x1, y1, MOTIF_GRID)
  if (!grid) return 1
  const ca = solidCoverage(as.map((m) => m.a.item), grid)
  const cb = solidCoverage(as.map((m) => m.b.item), grid)
  return intersectionOverUnion(ca, cb)
}

/** What a set of items covers (1) on a local grid, whatever their paints' opacity. */
function solidCoverage(items: readonly RenderItem[], grid: NonNullable<ReturnType<typeof localGrid>>): Uint8Array {
  const { width, height, rect, toLocal } = grid
  const r = new Raster(width, height)
  items.forEach((it, k) => {
    r.paint(k, { outline: it.outline, transform: compose(toLocal, it.transform), fillAlpha: it.fillAlpha > 0 ? 1 : 0, strokeAlpha: it.strokeAlpha > 0 ? 1 : 0, strokeWeight: it.strokeWeight, clip: rect, flagged: false, evenOdd: it.evenOdd })
  })
  const out = new Uint8Array(width * height)
  for (let i = 0; i < out.length; i++) out[i] = r.top[i]! > 0 ? 1 : 0
  return out
}

/**
 * Motifs that moved as a whole: per pair index, the share of the motif's area its
 * move uncovered (0..1, before the noise floor). Only parts that are pure translations
 * and share their offset with a touching part are listed.
 */
export function motifMoves(moving: readonly Moving[]): Map<number, number> {
  const out = new Map<number, number>()
  const byOffset = new Map<string, { m: Moving; bx: [number, number, number, number] }[]>()
  for (const m of moving) {
    const t = translation(m.a, m.b)
    if (!t) continue
    // Offsets agree to 1/64 px (the same drag moves every selected layer alike).
    const key = `${Math.round(t[0] * 64)},${Math.round(t[1] * 64)}`
    const list = byOffset.get(key)
    const entry = { m, bx: box(m.a.item, m.a.seen.el.bounds.w, m.a.seen.el.bounds.h) }
    if (list) list.push(entry)
    else byOffset.set(key, [entry])
  }
  for (const list of byOffset.values()) {
    if (list.length < 2 || list.length > MOTIF_MAX) continue
    // Touching parts (boxes overlapping, within a pixel) form one motif: union–find.
    list.sort((p, q) => p.bx[0] - q.bx[0] || p.m.index - q.m.index)
    const parent = list.map((_, i) => i)
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
      return i
    }
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!.bx
      for (let j = i + 1; j < list.length && list[j]!.bx[0] <= p[2] + 1; j++) {
        const q = list[j]!.bx
        if (q[1] <= p[3] + 1 && p[1] <= q[3] + 1) parent[find(j)] = find(i)
      }
    }
    const groups = new Map<number, Moving[]>()
    list.forEach((e, i) => {
      const r = find(i)
      const g = groups.get(r)
      if (g) g.push(e.m)
      else groups.set(r, [e.m])
    })
    for (const g of groups.values()) {
      if (g.length < 2) continue
      const uncovered = clamp01(1 - unionOverlap(g))
      for (const m of g) out.set(m.index, uncovered)
    }
  }
  return out
}

/** Does b repeat a (same outline, paint regions and paints)? */
export function sameMaterial(a: Placed, b: Placed): boolean {
  const ea = a.seen.el
  const eb = b.seen.el
  if (ea.type !== eb.type || a.outlineKey !== b.outlineKey) return false
  if (ea.strokes.length > 0 && ea.strokeWeight !== eb.strokeWeight) return false
  return paintsChange(ea.fills, eb.fills) === 0 && paintsChange(ea.strokes, eb.strokes) === 0
}

/**
 * Pairs removed AI elements with added copies of them, nearest first (ties by pair
 * index, so the result does not depend on the order elements came in). Returns
 * removed index → added index.
 */
export function pairMovedCopies(removed: readonly { index: number; p: Placed }[], added: readonly { index: number; p: Placed }[]): Map<number, number> {
  const out = new Map<number, number>()
  if (removed.length === 0 || added.length === 0) return out
  const classOf = (p: Placed) => `${p.seen.el.type}|${p.outlineKey}`
  const addedBy = new Map<string, { index: number; p: Placed }[]>()
  for (const c of added) {
    const k = classOf(c.p)
    const l = addedBy.get(k)
    if (l) l.push(c)
    else addedBy.set(k, [c])
  }
  const centre = (p: Placed): [number, number] => {
    const b = box(p.item, p.seen.el.bounds.w, p.seen.el.bounds.h)
    return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]
  }
  const removedBy = new Map<string, { index: number; p: Placed }[]>()
  for (const r of removed) {
    const k = classOf(r.p)
    if (!addedBy.has(k)) continue
    const l = removedBy.get(k)
    if (l) l.push(r)
    else removedBy.set(k, [r])
  }
  for (const [k, rs] of removedBy) {
    const cs = addedBy.get(k)!
    rs.sort((p, q) => p.index - q.index)
    cs.sort((p, q) => p.index - q.index)
    const grid = new NearestGrid(cs.map((c) => centre(c.p)))
    for (const r of rs) {
      const j = grid.take(centre(r.p), (j) => sameMaterial(r.p, cs[j]!.p))
      if (j >= 0) out.set(r.index, cs[j]!.index)
    }
  }
  return out
}

/**
 * Are a and b painted the same way: 'same' (fill with fill, stroke with stroke of one
 * weight), 'crossed' (a's stroke is b's fill: Outline stroke), or not (null)? Their
 * colours may differ: that is measured as a colour change.
 */
function paintedAlike(a: Placed, b: Placed): 'same' | 'crossed' | null {
  const fa = a.item.fillAlpha > 0
  const sa = a.item.strokeAlpha > 0
  const fb = b.item.fillAlpha > 0
  const sb = b.item.strokeAlpha > 0
  if (fa === fb && sa === sb) return sa && a.seen.el.strokeWeight !== b.seen.el.strokeWeight ? null : 'same'
  return !fa && sa && fb && !sb ? 'crossed' : null
}

type Indexed = { index: number; p: Placed }

/** Raster pixels on the side of the cells parts are bucketed in, by their centre. */
const BUCKET = 16

/**
 * Wholes made of parts: for each whole (lowest index first), the parts inside its box in
 * one class (`classOf`, null: not a part of it; classes tried in order of their first
 * part) whose union differs from what the whole covers by at most REMADE_SLACK. Returns
 * whole index → its part indices (at least `least`), each part used once.
 */
function madeOf(wholes: readonly Indexed[], parts: readonly Indexed[], classOf: (whole: Indexed, part: Indexed) => string | null, least: number): Map<number, number[]> {
  const out = new Map<number, number[]>()
  if (wholes.length === 0 || parts.length < least) return out
  const boxOf = (p: Placed) => box(p.item, p.seen.el.bounds.w, p.seen.el.bounds.h)
  const used = new Set<number>()
  const cells = new Map<string, (Indexed & { bx: number[] })[]>()
  for (const r of [...parts].sort((p, q) => p.index - q.index)) {
    const bx = boxOf(r.p)
    const k = `${Math.floor((bx[0] + bx[2]) / 2 / BUCKET)},${Math.floor((bx[1] + bx[3]) / 2 / BUCKET)}`
    cells.set(k, [...(cells.get(k) ?? []), { ...r, bx }])
  }
  for (const w of [...wholes].sort((p, q) => p.index - q.index)) {
    const wb = boxOf(w.p)
    const classes = new Map<string, (Indexed & { bx: number[] })[]>()
    const inside = []
    for (let cy = Math.floor(wb[1] / BUCKET); cy <= Math.floor(wb[3] / BUCKET); cy++) {
      for (let cx = Math.floor(wb[0] / BUCKET); cx <= Math.floor(wb[2] / BUCKET); cx++) inside.push(...(cells.get(`${cx},${cy}`) ?? []))
    }
    for (const r of inside.sort((p, q) => p.index - q.index)) {
      if (used.has(r.index) || r.bx[0]! < wb[0] - 1 || r.bx[1]! < wb[1] - 1 || r.bx[2]! > wb[2] + 1 || r.bx[3]! > wb[3] + 1) continue
      const k = classOf(w, r)
      if (k !== null) classes.set(k, [...(classes.get(k) ?? []), r])
    }
    for (const members of classes.values()) {
      if (members.length < least) continue
      const cells = gridCells([{ item: w.p.item, box: wb }, ...members.map((r) => ({ item: r.p.item, box: r.bx }))], wb[2] - wb[0] + 2, wb[3] - wb[1] + 2)
      const grid = localGrid(wb[0] - 1, wb[1] - 1, wb[2] + 1, wb[3] + 1, cells)
      if (!grid) continue
      const whole = solidCoverage([w.p.item], grid)
      const union = solidCoverage(members.map((r) => r.p.item), grid)
      if (deadband(1 - intersectionOverUnion(union, whole)) > REMADE_SLACK) continue
      for (const r of members) used.add(r.index)
      out.set(w.index, members.map((r) => r.index))
      break
    }
  }
  return out
}

/**
 * Removed AI elements remade in place: an added element, painted the same way (or its
 * stroke become a fill: Outline stroke), covering what it covered. Its colour may differ
 * (a recolour). Removed index → added index, and the removed indices whose stroke became
 * the added element's fill.
 */
export function pairRemade(removed: readonly Indexed[], added: readonly Indexed[]): { pairs: Map<number, number>; crossed: Set<number> } {
  const pairs = new Map<number, number>()
  const crossed = new Set<number>()
  // One class per added element: each is tried alone.
  const way = new Map<string, 'same' | 'crossed'>()
  const classOf = (r: Indexed, f: Indexed) => {
    const alike = paintedAlike(r.p, f.p)
    if (alike) way.set(`${r.index},${f.index}`, alike)
    return alike && String(f.index)
  }
  for (const [r, [f]] of madeOf(removed, added, classOf, 1)) {
    pairs.set(r, f!)
    if (way.get(`${r},${f}`) === 'crossed') crossed.add(r)
  }
  return { pairs, crossed }
}

/**
 * Added elements that are several removed AI elements of one paint merged (Union, or
 * Flatten of a selection), painted the same way as them; its colour may differ (a
 * recolour). Added index → the removed indices it merges.
 */
export function pairMerged(removed: readonly Indexed[], added: readonly Indexed[]): Map<number, number[]> {
  return madeOf(added, removed, (f, r) => (paintedAlike(r.p, f.p) === 'same' ? JSON.stringify([r.p.seen.el.fills, r.p.seen.el.strokes]) : null), 2)
}

/**
 * Removed AI elements split into several added ones, each painted with its fills or its
 * strokes (Outline stroke on a filled and stroked layer gives a fill and a stroke layer;
 * scissors cut a shape in pieces). Removed index → the added indices it was split into.
 */
export function pairSplit(removed: readonly Indexed[], added: readonly Indexed[]): Map<number, number[]> {
  const inPaintsOf = (a: Placed, b: Placed) => {
    const paints = [...(b.item.fillAlpha > 0 ? [b.seen.el.fills] : []), ...(b.item.strokeAlpha > 0 ? [b.seen.el.strokes] : [])]
    return paints.length > 0 && paints.every((ps) => (a.item.fillAlpha > 0 && paintsChange(a.seen.el.fills, ps) === 0) || (a.item.strokeAlpha > 0 && paintsChange(a.seen.el.strokes, ps) === 0))
  }
  return madeOf(removed, added, (r, f) => (inPaintsOf(r.p, f.p) ? '' : null), 2)
}

/**
 * Points in grid cells, for taking the nearest one still free (ties: the lower index).
 * Pairing thousands of identical copies stays linear rather than quadratic.
 */
class NearestGrid {
  private readonly cells = new Map<number, number[]>()
  private readonly taken: Uint8Array
  private readonly x0: number
  private readonly y0: number
  private readonly size: number
  private readonly n: number

  constructor(private readonly points: readonly [number, number][]) {
    this.taken = new Uint8Array(points.length)
    let x0 = Infinity
    let y0 = Infinity
    let x1 = -Infinity
    let y1 = -Infinity
    for (const [x, y] of points) {
      x0 = Math.min(x0, x)
      y0 = Math.min(y0, y)
      x1 = Math.max(x1, x)
      y1 = Math.max(y1, y)
    }
    this.n = Math.max(1, Math.min(1024, Math.ceil(Math.sqrt(points.length))))
    this.x0 = x0
    this.y0 = y0
    this.size = Math.max(x1 - x0, y1 - y0, 1e-9) / this.n
    points.forEach(([x, y], j) => {
      const key = this.cell(x, y)
      const list = this.cells.get(key)
      if (list) list.push(j)
      else this.cells.set(key, [j])
    })
  }

  private col(v: number, from: number): number {
    const c = Math.floor((v - from) / this.size)
    return c < 0 ? 0 : c >= this.n ? this.n - 1 : c
  }

  private cell(x: number, y: number): number {
    return this.col(y, this.y0) * this.n + this.col(x, this.x0)
  }

  /** The nearest free point that `fits` (then taken), or -1. */
  take([x, y]: [number, number], fits: (j: number) => boolean): number {
    const cx = this.col(x, this.x0)
    const cy = this.col(y, this.y0)
    let best = -1
    let bestD = Infinity
    for (let ring = 0; ring <= this.n; ring++) {
      for (let gy = cy - ring; gy <= cy + ring; gy++) {
        if (gy < 0 || gy >= this.n) continue
        for (let gx = cx - ring; gx <= cx + ring; gx++) {
          if (gx < 0 || gx >= this.n || (Math.abs(gx - cx) !== ring && Math.abs(gy - cy) !== ring)) continue
          for (const j of this.cells.get(gy * this.n + gx) ?? []) {
            if (this.taken[j]) continue
            const [px, py] = this.points[j]!
            const d = (px - x) * (px - x) + (py - y) * (py - y)
            if ((d < bestD || (d === bestD && j < best)) && fits(j)) {
              best = j
              bestD = d
            }
          }
        }
      }
      // Every point in the next ring lies at least `ring` cells away.
      const reach = ring * this.size
      if (best >= 0 && bestD <= reach * reach) break
    }
    if (best >= 0) this.taken[best] = 1
    return best
  }
}
