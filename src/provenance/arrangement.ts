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
import { deadband, geometryChange, intersectionOverUnion, localGrid } from './canvas-change'
import type { Placed } from './canvas-layout'
import { paintsChange } from './color'
import { clamp01 } from './dimensions'
import { compose, Raster, type RenderItem } from './raster'

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

/**
 * Pairs removed AI elements with added elements that cover the same thing in the same
 * place (centred alike, their coverages differing by at most REMADE_SLACK, painted the
 * same way), lowest index first.
 * Returns removed index → added index, and the removed indices whose stroke became the
 * added element's fill.
 */
export function pairRemade(removed: readonly { index: number; p: Placed }[], added: readonly { index: number; p: Placed }[]): { pairs: Map<number, number>; crossed: Set<number> } {
  const pairs = new Map<number, number>()
  const crossed = new Set<number>()
  if (removed.length === 0 || added.length === 0) return { pairs, crossed }
  // Remade in place keeps the centre: bucket the added by their centre's raster pixel.
  const centre = (p: Placed): [number, number] => {
    const b = box(p.item, p.seen.el.bounds.w, p.seen.el.bounds.h)
    return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]
  }
  const cell = (x: number, y: number) => `${Math.floor(x)},${Math.floor(y)}`
  const byCell = new Map<string, { index: number; p: Placed }[]>()
  for (const c of [...added].sort((p, q) => p.index - q.index)) {
    const [x, y] = centre(c.p)
    const k = cell(x, y)
    const l = byCell.get(k)
    if (l) l.push(c)
    else byCell.set(k, [c])
  }
  const taken = new Set<number>()
  for (const r of [...removed].sort((p, q) => p.index - q.index)) {
    const [x, y] = centre(r.p)
    let best: { index: number; alike: 'same' | 'crossed' } | null = null
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        for (const c of byCell.get(cell(x + dx, y + dy)) ?? []) {
          if (taken.has(c.index) || (best && best.index < c.index)) continue
          const [cx, cy] = centre(c.p)
          if ((cx - x) * (cx - x) + (cy - y) * (cy - y) > 1) continue
          const alike = paintedAlike(r.p, c.p)
          if (!alike) continue
          const g = geometryChange(r.p, c.p)
          if (g.shape <= REMADE_SLACK && g.move === 0) best = { index: c.index, alike }
        }
      }
    }
    if (best) {
      taken.add(best.index)
      pairs.set(r.index, best.index)
      if (best.alike === 'crossed') crossed.add(r.index)
    }
  }
  return { pairs, crossed }
}

/**
 * Added elements that are several removed AI elements merged (Union, or Flatten of a
 * selection): removed elements of one paint lying inside the added one's box, painted
 * the same way as it, whose union differs from what the added element covers by at
 * most REMADE_SLACK (its colour may differ: a recolour). Returns added index → the
 * removed indices it merges (at least two), each removed element used once, added
 * elements taken by index.
 */
export function pairMerged(removed: readonly { index: number; p: Placed }[], added: readonly { index: number; p: Placed }[]): Map<number, number[]> {
  const out = new Map<number, number[]>()
  if (removed.length < 2 || added.length === 0) return out
  const boxOf = (p: Placed) => box(p.item, p.seen.el.bounds.w, p.seen.el.bounds.h)
  const used = new Set<number>()
  const rs = [...removed].sort((p, q) => p.index - q.index).map((r) => ({ ...r, bx: boxOf(r.p) }))
  const samePaints = (a: Placed, b: Placed) => paintsChange(a.seen.el.fills, b.seen.el.fills) === 0 && paintsChange(a.seen.el.strokes, b.seen.el.strokes) === 0
  for (const f of [...added].sort((p, q) => p.index - q.index)) {
    const fb = boxOf(f.p)
    const inside = rs.filter(
      (r) => !used.has(r.index) && r.bx[0] >= fb[0] - 1 && r.bx[1] >= fb[1] - 1 && r.bx[2] <= fb[2] + 1 && r.bx[3] <= fb[3] + 1 && paintedAlike(r.p, f.p) === 'same',
    )
    if (inside.length < 2) continue
    const grid = localGrid(fb[0] - 1, fb[1] - 1, fb[2] + 1, fb[3] + 1, MOTIF_GRID * 2)
    if (!grid) continue
    const merged = solidCoverage([f.p.item], grid)
    // One paint at a time (the deleted layers inside may be of several), first index first.
    const tried = new Set<number>()
    for (const first of inside) {
      if (tried.has(first.index)) continue
      const parts = inside.filter((r) => samePaints(first.p, r.p))
      for (const r of parts) tried.add(r.index)
      if (parts.length < 2) continue
      const union = solidCoverage(parts.map((r) => r.p.item), grid)
      if (deadband(1 - intersectionOverUnion(union, merged)) > REMADE_SLACK) continue
      for (const r of parts) used.add(r.index)
      out.set(f.index, parts.map((r) => r.index))
      break
    }
  }
  return out
}

/**
 * Removed AI elements split into several added ones (Outline stroke on a filled and
 * stroked layer gives a fill and a stroke layer; scissors cut a shape in pieces): added
 * elements inside the removed one's box, each painted with the removed one's fills or
 * its strokes, whose union differs from what it covered by at most REMADE_SLACK. Returns
 * removed index → the added indices it was split into (at least two), each used once.
 */
export function pairSplit(removed: readonly { index: number; p: Placed }[], added: readonly { index: number; p: Placed }[]): Map<number, number[]> {
  const out = new Map<number, number[]>()
  if (removed.length === 0 || added.length < 2) return out
  const boxOf = (p: Placed) => box(p.item, p.seen.el.bounds.w, p.seen.el.bounds.h)
  const used = new Set<number>()
  const fs = [...added].sort((p, q) => p.index - q.index).map((f) => ({ ...f, bx: boxOf(f.p) }))
  /** Does piece b paint with a's fills, or with a's strokes? */
  const paintOf = (a: Placed, b: Placed) => {
    const paints = [...(b.item.fillAlpha > 0 ? [b.seen.el.fills] : []), ...(b.item.strokeAlpha > 0 ? [b.seen.el.strokes] : [])]
    return paints.length > 0 && paints.every((ps) => (a.item.fillAlpha > 0 && paintsChange(a.seen.el.fills, ps) === 0) || (a.item.strokeAlpha > 0 && paintsChange(a.seen.el.strokes, ps) === 0))
  }
  for (const r of [...removed].sort((p, q) => p.index - q.index)) {
    const rb = boxOf(r.p)
    const pieces = fs.filter((f) => !used.has(f.index) && f.bx[0] >= rb[0] - 1 && f.bx[1] >= rb[1] - 1 && f.bx[2] <= rb[2] + 1 && f.bx[3] <= rb[3] + 1 && paintOf(r.p, f.p))
    if (pieces.length < 2) continue
    const grid = localGrid(rb[0] - 1, rb[1] - 1, rb[2] + 1, rb[3] + 1, MOTIF_GRID * 2)
    if (!grid) continue
    const whole = solidCoverage([r.p.item], grid)
    const union = solidCoverage(pieces.map((f) => f.p.item), grid)
    if (deadband(1 - intersectionOverUnion(whole, union)) > REMADE_SLACK) continue
    for (const f of pieces) used.add(f.index)
    out.set(r.index, pieces.map((f) => f.index))
  }
  return out
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
