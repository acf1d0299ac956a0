/**
 * Method `loomprint-hcc/2`: the coefficient measured on the canvas.
 *
 * 1. Both states are rasterized in z-order on a grid over the baseline's frame
 *    (raster.ts): each element's weight is the paint it visibly puts there — later
 *    layers occlude earlier ones, strokes count by their band, clipping applies,
 *    transparency lets what lies beneath show through. Plain fields (a ground, a
 *    tile's backdrop, a border round them) weigh as the setting of the figures, by a
 *    sublinear law of their area (ground.ts).
 * 2. The whole pattern's own similarity transform (similarity.ts) is factored out:
 *    the current state is compared in the baseline's frame.
 * 3. A matched element's outline and position changes are measured by what it covers
 *    (intersection over union on a grid of its own), so a rotation or flip that leaves
 *    its painted area the same changes nothing; parts that moved together as one motif
 *    are measured on their union (arrangement.ts). Colour counts over its visible fill
 *    and stroke, style and text as in method 1; a stacking change by what it makes
 *    appear or disappear.
 * 4. Human-drawn elements count by what they visibly paint; where they cover AI
 *    content they take its share. An added element that repeats an AI element (same
 *    outline and paints) is a placed copy: arrangement, like a move, not drawing; if
 *    the AI element it repeats was deleted, the two are one element that moved.
 *    Removed and hidden AI elements are curation, as in method 1.
 *
 * See docs/coefficient.md for the method in words.
 */
import { changedItem, curation, NO_CHANGE, summarize, type Item } from './aggregate'
import { pairMerged, pairMovedCopies, pairRemade, pairSplit, motifMoves, sameMaterial, type Moving } from './arrangement'
import { deadband, effectsDimension, geometryChange, styleChange } from './canvas-change'
import { layout, OutlineCache, paintAll, weighStates, boxPixels, intersect, RASTER_LONG_SIDE, type Painted, type Placed } from './canvas-layout'
import { paintsChange } from './color'
import { clamp01, textDimension } from './dimensions'
import { METHOD_V2, type ContributionScore, type DimensionChanges } from './method'
import type { ScoringPolicy } from './scoring-policy'
import { compose, IDENTITY, rasterSize, type Affine, type PixelRect, type Raster } from './raster/raster'
import { matchElements, type Pair } from './score-v1'
import { fitSimilarity, fitStretch, followsFrame, inverseAffine, nearestSimilarity } from './raster/similarity'
import type { ElementSnapshot, PatternSnapshot } from './snapshot'
import { reordered } from './stacking'
import { parentPath, see, type Seen } from './visibility'

export { CANVAS_DEADBAND } from './canvas-change'
export { RASTER_LONG_SIDE, TEXT_INK } from './canvas-layout'
export { fieldSalience, GROUND_SCALE } from './ground'

type PairV2 = Pair<Seen>

/**
 * Arrangement (moving an element, placing a copy of an AI element) counts at most this
 * much of drawing: the Copyright Office counts arrangement, but it is less than making.
 */
export const PLACEMENT = 0.5

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
  /** The current state's elements in the current raster's paint order: `current.top` − 1 indexes it (the heat map's backdrop). */
  rendered: Seen[]
}

/** Method 2, with the raster it was measured on. */
export function compareOnCanvas(baseline: PatternSnapshot, current: PatternSnapshot, policy: ScoringPolicy, matchedBy: 'id' | 'path'): CanvasComparison {
  const byId = matchedBy === 'id'
  const seenA = see(baseline)
  const seenB = see(current)
  const pairs = matchElements(seenA, seenB, byId)
  const effectsA = withEffects(baseline)
  const effectsB = withEffects(current)

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
  const diagonal = Math.sqrt(root.w * root.w + root.h * root.h)
  // A stretch is normalized by the similarity nearest to it: only its distortion remains.
  const framed = followsFrame(xa, ya, xb, yb, root, current.rootBounds)
  let similarity = framed ? nearestSimilarity(framed, root.w / 2, root.h / 2) : fitSimilarity(xa, ya, xb, yb, diagonal)
  if (!similarity) {
    const stretch = fitStretch(xa, ya, xb, yb, diagonal)
    if (stretch) similarity = nearestSimilarity(stretch, root.w / 2, root.h / 2)
  }
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
  // A frame clips, and a mask masks, where both states say it does (a baseline that does
  // not store the flag must not turn an unchanged layer into a change); when both states
  // read every mask, each state masks as it says, so turning a mask on or off counts.
  const clips = new Uint8Array(n)
  const masksA = new Uint8Array(n)
  const masksB = new Uint8Array(n)
  const ownMasks = baseline.masksRead === true && current.masksRead === true
  list.forEach((p, i) => {
    clips[i] = (p.a ? p.a.el.clipsContent === true : true) && (p.b ? p.b.el.clipsContent === true : true) ? 1 : 0
    const ma = p.a?.el.isMask === true
    const mb = p.b?.el.isMask === true
    const both = (p.a ? ma : true) && (p.b ? mb : true) ? 1 : 0
    masksA[i] = ownMasks ? (ma ? 1 : 0) : both
    masksB[i] = ownMasks ? (mb ? 1 : 0) : both
    const ha = !!p.a?.el.pathData?.length
    const hb = !!p.b?.el.pathData?.length
    exact[i] = (p.a && p.b ? ha && hb : ha || hb) ? 1 : 0
    added[i] = p.a ? 0 : 1
  })
  const cache = new OutlineCache()
  const layA = layout(statesA, exact, toRaster, frameClip, new Uint8Array(n), clips, masksA, cache)
  const layB = layout(statesB, exact, currentFrame, currentClip, added, clips, masksB, cache)
  // Deleting an AI element and pasting a copy of it elsewhere is a move (arrangement.ts):
  // the copy is then no new drawing, so it takes no share of what it covers.
  const gone: { index: number; p: Placed }[] = []
  const fresh: { index: number; p: Placed }[] = []
  for (let i = 0; i < n; i++) {
    const p = list[i]!
    if (p.a && !p.b && layA.placed[i]) gone.push({ index: i, p: layA.placed[i]! })
    else if (!p.a && p.b && layB.placed[i]) fresh.push({ index: i, p: layB.placed[i]! })
  }
  // Each finder below sees only the deleted and added layers the ones before it left.
  const pastedFrom = pairMovedCopies(gone, fresh)
  const pasted = new Set(pastedFrom.values())
  const grouped = new Set<number>()
  const left = () => [gone.filter((g) => !pastedFrom.has(g.index) && !grouped.has(g.index)), fresh.filter((f) => !pasted.has(f.index) && !grouped.has(f.index))] as const
  // A layer remade in place (Flatten, Outline stroke) is compared like one that stayed.
  const remade = pairRemade(...left())
  for (const [i, j] of remade.pairs) {
    pastedFrom.set(i, j)
    pasted.add(j)
  }
  // Several deleted AI layers merged into one (Union, Flatten of a selection), and one
  // split into several (Outline stroke of a filled, stroked layer): each is one layer.
  const groups: { a: number[]; b: number[] }[] = []
  const group = (a: number[], b: number[]) => {
    groups.push({ a, b })
    for (const k of [...a, ...b]) grouped.add(k)
  }
  for (const [j, parts] of pairMerged(...left())) group(parts, [j])
  for (const [i, pieces] of pairSplit(...left())) group([i], pieces)
  for (const j of [...pasted, ...grouped]) if (layB.placed[j]) layB.placed[j]!.item.flagged = false
  const A = paintAll(layA, width, height)
  const B = paintAll(layB, width, height)
  weighStates(layA, A, layB, B, pastedFrom)

  // Human-drawn elements take the visible share of the AI content they cover.
  const stolen = new Float64Array(n)
  {
    const ra = A.raster
    const fl = B.raster.flagged
    for (let p = 0; p < fl.length; p++) {
      const f = fl[p]!
      if (f > 0 && ra.top[p]! > 0) {
        const i = A.order[ra.top[p]! - 1]!
        stolen[i] += f * ra.topShare[p]! * A.salience[i]!
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

  const wA = (i: number) => A.fill[i]! + A.stroke[i]!
  const wB = (i: number) => B.fill[i]! + B.stroke[i]!
  // Motifs that moved as a whole, measured on their union.
  const moving: Moving[] = []
  for (let i = 0; i < n; i++) {
    const pa = layA.placed[i]
    const pb = layB.placed[pastedFrom.get(i) ?? i]
    // Only what was placed elsewhere can have moved.
    if (pa && pb && (pa.item.transform.e !== pb.item.transform.e || pa.item.transform.f !== pb.item.transform.f)) moving.push({ index: i, a: pa, b: pb })
  }
  const motif = motifMoves(moving)

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
    for (const pa of byOutline.get(`${pb.seen.el.type}|${pb.outlineKey}`) ?? []) if (sameMaterial(pa, pb)) return true
    return false
  }

  const alpha = policy.weights
  const items: Item[] = []
  const itemOf = new Array<Item | undefined>(n)
  const push = (i: number, it: Item) => {
    items.push(it)
    itemOf[i] = it
  }
  /** An AI element (A index i) in its current state (B index j): what changed. */
  const changed = (key: string, i: number, j: number, a: Seen, b: Seen, restacked: boolean): Item | null => {
    const wa = wA(i)
    const wb = wB(j)
    const weight = Math.max(wa - stolen[i]!, wb)
    if (!(weight > 0)) return null // paints nothing visible in either state
    const pa = layA.placed[i]
    const pb = layB.placed[j]
    const wf = Math.max(A.fill[i]!, B.fill[j]!)
    const ws = Math.max(A.stroke[i]!, B.stroke[j]!)
    const color = remade.crossed.has(i)
      ? paintsChange(a.el.strokes, b.el.fills)
      : wf + ws > 0 ? clamp01((wf * paintsChange(a.el.fills, b.el.fills) + ws * paintsChange(a.el.strokes, b.el.strokes)) / (wf + ws)) : 0
    // The root's box is the frame: cropping or extending it is not a change of shape.
    const geo = pa && pb && a.el.path !== '' ? geometryChange(pa, pb) : { shape: 0, move: 0 }
    const whole = motif.get(i)
    if (whole !== undefined) geo.move = deadband(whole)
    // A stacking change counts by what it makes appear or disappear (at least reorderWeight).
    const shift = Math.abs(wa - wb) / Math.max(wa, wb)
    const reorder = restacked && shift > 0.01 ? Math.max(policy.reorderWeight, PLACEMENT * shift) : 0
    const dims: DimensionChanges = {
      color,
      shape: geo.shape,
      transform: 1 - (1 - PLACEMENT * geo.move) * (1 - reorder),
      style: styleChange(a, b, inheritedEffects(a.el.path, b.el.path, effectsA, effectsB)),
      text: textDimension(a.el, b.el),
    }
    return changedItem(key, b.el, weight, dims, alpha)
  }
  for (let i = 0; i < n; i++) {
    const p = list[i]!
    const { a, b } = p
    if (a && b) {
      if (a.shown && !b.shown) {
        if (wA(i) > 0) push(i, curation(p.key, b.el, 'hidden', wA(i) * policy.alphaRemove))
        continue
      }
      // A mask turned on hides its own paint (curation, like hiding it); turned off, its
      // paint appears as new (what it uncovers beyond itself is not measured).
      if (masksA[i] !== masksB[i]) {
        if (masksB[i]) {
          if (wA(i) > 0) push(i, curation(p.key, b.el, 'hidden', wA(i) * policy.alphaRemove))
        } else if (wB(i) > 0) {
          const weighted = { ...NO_CHANGE, style: clamp01(alpha.style) }
          push(i, { key: p.key, el: b.el, kind: 'changed', weight: wB(i), change: weighted.style, dims: { ...NO_CHANGE, style: 1 }, weighted })
        }
        continue
      }
      const it = changed(p.key, i, i, a, b, moved !== null && moved.has(p))
      if (it) push(i, it)
    } else if (a) {
      const j = pastedFrom.get(i)
      if (j !== undefined) {
        const it = changed(list[j]!.key, i, j, a, list[j]!.b!, false)
        if (it) {
          push(i, it)
          itemOf[j] = it
        }
      } else if (grouped.has(i)) {
        continue // weighed with its group, below
      } else if (wA(i) > 0) push(i, curation(p.key, a.el, 'removed', wA(i) * policy.alphaRemove))
    } else if (b) {
      const wb = wB(i)
      if (!(wb > 0) || pasted.has(i) || grouped.has(i)) continue // fully hidden (nobody sees it), a moved AI element, or in a group
      if (isCopy(layB.placed[i]!)) {
        const weighted = { ...NO_CHANGE, transform: clamp01(alpha.transform * PLACEMENT) }
        push(i, { key: p.key, el: b.el, kind: 'copied', weight: wb, change: weighted.transform, dims: { ...NO_CHANGE, transform: PLACEMENT }, weighted })
      } else {
        push(i, { key: p.key, el: b.el, kind: 'added', weight: wb, change: 1, dims: NO_CHANGE, weighted: NO_CHANGE })
      }
    }
  }

  // A group shows what its AI layers showed, weighed as the larger; only a new colour
  // is a change (the merged layers share one paint; a split keeps its layer's paints).
  for (const g of groups) {
    let shown = 0
    for (const k of g.a) shown += wA(k) - stolen[k]!
    let now = 0
    for (const k of g.b) now += wB(k)
    const a = statesA[g.a[0]!]!.el
    const b = statesB[g.b[0]!]!.el
    const fill = B.fill[g.b[0]!]! / (B.fill[g.b[0]!]! + B.stroke[g.b[0]!]! || 1)
    const color = g.b.length > 1 ? 0 : clamp01(fill * paintsChange(a.fills, b.fills) + (1 - fill) * paintsChange(a.strokes, b.strokes))
    const it = changedItem(list[g.b.length > 1 ? g.a[0]! : g.b[0]!]!.key, g.b.length > 1 ? a : b, Math.max(shown, now), { ...NO_CHANGE, color }, alpha)
    if (it.weight > 0) {
      items.push(it)
      for (const k of [...g.a, ...g.b]) itemOf[k] = it
    }
  }

  const score = summarize(items, policy, { method: METHOD_V2, matchedBy })
  const rendered = Array.from(B.order, (i) => statesB[i]!)
  return { score, map: changeMap(A, B, itemOf), baseline: A.raster, current: B.raster, rendered }
}

/** Groups and frames (not the root) with effects, by path: their effects reach what is in them. */
function withEffects(s: PatternSnapshot): Map<string, ElementSnapshot> {
  const out = new Map<string, ElementSnapshot>()
  for (const el of s.elements) if (el.path !== '' && el.effects.length > 0) out.set(el.path, el)
  return out
}

/** The effects change of an element's ancestors (nearest first, level by level), weighed by their reach. */
function inheritedEffects(pathA: string, pathB: string, inA: Map<string, ElementSnapshot>, inB: Map<string, ElementSnapshot>): number {
  if (inA.size === 0 && inB.size === 0) return 0
  const chain = (path: string, m: Map<string, ElementSnapshot>) => {
    const out: ElementSnapshot[] = []
    for (let p = parentPath(path); p !== null && p !== ''; p = parentPath(p)) {
      const el = m.get(p)
      if (el) out.push(el)
    }
    return out
  }
  const ca = chain(pathA, inA)
  const cb = chain(pathB, inB)
  let keep = 1
  for (let k = 0; k < Math.max(ca.length, cb.length); k++) {
    const ea = ca[k]
    const eb = cb[k]
    keep *= 1 - effectsDimension(ea?.effects ?? [], eb?.effects ?? [], (ea ?? eb)!.bounds, (eb ?? ea)!.bounds)
  }
  return 1 - keep
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
export function scoreV2(baseline: PatternSnapshot, current: PatternSnapshot, policy: ScoringPolicy, matchedBy: 'id' | 'path'): ContributionScore {
  return compareOnCanvas(baseline, current, policy, matchedBy).score
}

