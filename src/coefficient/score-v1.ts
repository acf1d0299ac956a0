/**
 * Method `loomprint-hcc/1`: each element weighs its bounding box clipped to the
 * pattern (× opacity); changes are compared as numbers (outline signature, position,
 * size, rotation). Kept so that captures scored with it can be recomputed and
 * explained. See docs/coefficient.md ("Method 1").
 */
import { changedItem, curation, NO_CHANGE, summarize, type Item } from './aggregate'
import { colorDimension, diagonal, shapeDimension, styleDimension, textDimension, transformDimension } from './dimensions'
import { METHOD_V1, type ContributionScore, type DimensionChanges } from './method'
import type { ScoringPolicy } from './scoring-policy'
import type { PatternSnapshot } from './snapshot'
import { reordered } from './stacking'
import { see, type Seen } from './visibility'

export interface Pair<S = Seen> {
  key: string
  a: S | null // baseline
  b: S | null // current
}

/** Pairs baseline and current elements by id or by path. */
export function matchElements<S extends { el: { id: string; path: string } }>(baseline: readonly S[], current: readonly S[], byId: boolean): Map<string, Pair<S>> {
  const pairs = new Map<string, Pair<S>>()
  for (const s of baseline) {
    const key = byId ? s.el.id : s.el.path
    pairs.set(key, { key, a: s, b: null })
  }
  for (const s of current) {
    const key = byId ? s.el.id : s.el.path
    const pair = pairs.get(key)
    if (pair) pair.b = s
    else pairs.set(key, { key, a: null, b: s })
  }
  return pairs
}

/** Method 1. */
export function scoreV1(baseline: PatternSnapshot, current: PatternSnapshot, policy: ScoringPolicy, matchedBy: 'id' | 'path'): ContributionScore {
  const byId = matchedBy === 'id'

  // 1. Match.
  const pairs = matchElements(see(baseline), see(current), byId)
  let moved: Set<Pair> | null = null
  if (byId && policy.reorderWeight > 0) {
    const visiblePairs: Pair[] = []
    for (const p of pairs.values()) if (p.a && p.b && p.a.share > 0 && p.b.share > 0) visiblePairs.push(p)
    moved = reordered(visiblePairs)
  }

  const rootDiagonal = Math.max(diagonal(baseline.rootBounds), diagonal(current.rootBounds))
  const alpha = policy.weights
  const alphaRemove = policy.alphaRemove

  // 2–4. Weigh and measure every element of the union.
  const items: Item[] = []
  for (const p of pairs.values()) {
    const { a, b } = p
    if (a && b) {
      if (a.shown && !b.shown && a.share > 0) {
        items.push(curation(p.key, b.el, 'hidden', a.share * alphaRemove))
        continue
      }
      const weight = Math.max(a.share, b.share)
      if (!(weight > 0)) continue // draws nothing in either state
      const dims: DimensionChanges = {
        color: colorDimension(a.el, b.el),
        shape: shapeDimension(a.el, b.el),
        transform: transformDimension(a.el, b.el, rootDiagonal, moved !== null && moved.has(p) ? policy.reorderWeight : 0),
        style: styleDimension(a, b),
        text: textDimension(a.el, b.el),
      }
      items.push(changedItem(p.key, b.el, weight, dims, alpha))
    } else if (a) {
      if (a.share > 0) items.push(curation(p.key, a.el, 'removed', a.share * alphaRemove))
    } else if (b) {
      if (b.share > 0) items.push({ key: p.key, el: b.el, kind: 'added', weight: b.share, change: 1, dims: NO_CHANGE, weighted: NO_CHANGE })
    }
  }
  return summarize(items, policy, { method: METHOD_V1, matchedBy })
}
