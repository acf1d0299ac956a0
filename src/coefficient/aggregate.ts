/**
 * The last step of both methods: HCC = Σ weight · change over Σ weight, with the
 * breakdown by source and the most-changed elements. Every sum runs in an order that
 * does not depend on the order elements arrive in (determinism).
 */
import { clamp01 } from './dimensions'
import { labelFor, TOP_ELEMENTS, type ContributionBreakdown, type ContributionScore, type DimensionChanges, type ElementContribution, type ElementKind, type Method } from './method'
import { policyFingerprint, type ScoringPolicy } from './scoring-policy'
import type { ElementSnapshot } from './snapshot'

/** One element of the union of baseline and current, weighed and measured. */
export interface Item {
  key: string
  el: ElementSnapshot
  kind: ElementKind
  weight: number
  change: number
  dims: DimensionChanges
  /** αᵈ·mᵈ per dimension, to split this element's change over the breakdown. */
  weighted: DimensionChanges
}

export const NO_CHANGE: DimensionChanges = Object.freeze({ color: 0, shape: 0, transform: 0, style: 0, text: 0 })

/**
 * Sum that does not depend on the order values arrive in: floating-point addition is
 * not associative, so values are summed smallest first. (Sorting a Float64Array is
 * much cheaper than sorting the elements by key.)
 */
function orderFreeSum(values: Float64Array, length: number): number {
  const v = values.subarray(0, length).sort()
  let sum = 0
  for (let i = 0; i < v.length; i++) sum += v[i]!
  return sum
}

/** Collects the terms of one sum. */
export class Terms {
  private values: Float64Array
  private length = 0
  constructor(capacity: number) {
    this.values = new Float64Array(Math.max(1, capacity))
  }
  add(v: number): void {
    if (v !== 0) this.values[this.length++] = v
  }
  sum(): number {
    return orderFreeSum(this.values, this.length)
  }
}

/**
 * Score how much of `current` is human work on top of the AI `baseline`.
 * See the file comment and docs/coefficient.md for the method.

/** Sums the items into a score. */
export function summarize(
  items: readonly Item[],
  policy: ScoringPolicy,
  meta: { method: Method; matchedBy: 'id' | 'path' },
): ContributionScore {
  const n = items.length
  const weights = new Terms(n)
  for (let i = 0; i < n; i++) weights.add(items[i]!.weight)
  const total = weights.sum()
  const parts = {
    hcc: new Terms(n),
    color: new Terms(n),
    shape: new Terms(n),
    transform: new Terms(n),
    style: new Terms(n),
    text: new Terms(n),
    added: new Terms(n),
    removed: new Terms(n),
  }
  const contributions = new Float64Array(n)
  let added = 0
  let removed = 0
  let changed = 0
  if (total > 0) {
    for (let i = 0; i < n; i++) {
      const it = items[i]!
      const c = (it.weight * it.change) / total
      contributions[i] = c
      parts.hcc.add(c)
      if (it.kind === 'added') {
        added++
        parts.added.add(c)
      } else if (it.kind === 'copied') {
        // Placing a copy of an AI element is arrangement.
        added++
        parts.transform.add(c)
      } else if (it.kind === 'removed' || it.kind === 'hidden') {
        removed++
        parts.removed.add(c)
      } else if (it.change > 0) {
        changed++
        // Split the element's change in proportion to each dimension's weighted change.
        const w = it.weighted
        const share = c / (w.color + w.shape + w.transform + w.style + w.text)
        parts.color.add(share * w.color)
        parts.shape.add(share * w.shape)
        parts.transform.add(share * w.transform)
        parts.style.add(share * w.style)
        parts.text.add(share * w.text)
      }
    }
  }
  const hcc = clamp01(parts.hcc.sum())
  const breakdown: ContributionBreakdown = {
    color: parts.color.sum(),
    shape: parts.shape.sum(),
    transform: parts.transform.sum(),
    style: parts.style.sum(),
    text: parts.text.sum(),
    added: parts.added.sum(),
    removed: parts.removed.sum(),
  }

  return {
    hcc,
    ...labelFor(hcc, policy),
    breakdown,
    elements: mostChanged(items, contributions),
    added,
    removed,
    changed,
    method: meta.method,
    matchedBy: meta.matchedBy,
    policyFingerprint: policyFingerprint(policy),
  }
}

/** The TOP_ELEMENTS largest contributions (ties by key), without sorting them all. */
function mostChanged(items: readonly Item[], contributions: Float64Array): ElementContribution[] {
  const before = (i: number, j: number) =>
    contributions[i]! > contributions[j]! || (contributions[i] === contributions[j] && items[i]!.key < items[j]!.key)
  const top: number[] = []
  for (let i = 0; i < items.length; i++) {
    if (!(contributions[i]! > 0)) continue
    if (top.length === TOP_ELEMENTS && !before(i, top[top.length - 1]!)) continue
    let at = top.length
    while (at > 0 && before(i, top[at - 1]!)) at--
    top.splice(at, 0, i)
    if (top.length > TOP_ELEMENTS) top.pop()
  }
  return top.map((i) => {
    const it = items[i]!
    return {
      id: it.el.id,
      path: it.el.path,
      type: it.el.type,
      kind: it.kind,
      contribution: contributions[i]!,
      dimensions: { ...it.dims },
    }
  })
}

/**
 * A changed AI element: each dimension's change times its policy weight αᵈ, combined as
 * 1 − Π(1 − αᵈ·mᵈ), so dimensions compound and none can push the change past 1.
 */
export function changedItem(key: string, el: ElementSnapshot, weight: number, dims: DimensionChanges, alpha: ScoringPolicy['weights']): Item {
  const weighted: DimensionChanges = {
    color: clamp01(alpha.color * dims.color),
    shape: clamp01(alpha.shape * dims.shape),
    transform: clamp01(alpha.transform * dims.transform),
    style: clamp01(alpha.style * dims.style),
    text: clamp01(alpha.text * dims.text),
  }
  const keep = (1 - weighted.color) * (1 - weighted.shape) * (1 - weighted.transform) * (1 - weighted.style) * (1 - weighted.text)
  return { key, el, kind: 'changed', weight, change: 1 - keep, dims, weighted }
}

/** A removed or hidden AI element: curation, weighted α_remove, counted fully. */
export function curation(key: string, el: ElementSnapshot, kind: 'removed' | 'hidden', weight: number): Item {
  return { key, el, kind, weight, change: 1, dims: NO_CHANGE, weighted: NO_CHANGE }
}
