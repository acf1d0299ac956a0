/**
 * Stacking order: which matched elements moved in the layer order. Paths say it all:
 * a child-index path sorts in z-order, parents below their children.
 */

/** What reordered() needs of a matched pair. */
export interface OrderedPair {
  a: { el: { path: string } } | null
  b: { el: { path: string } } | null
}


/** Compares child-index paths in layer order ("0" < "0.0" < "0.1" < "1" < "10"). */
export function comparePaths(a: string, b: string): number {
  let i = 0
  let j = 0
  for (;;) {
    if (i >= a.length || j >= b.length) return (i >= a.length ? 0 : 1) - (j >= b.length ? 0 : 1)
    let na = 0
    let nb = 0
    let c: number
    while (i < a.length && (c = a.charCodeAt(i)) !== 46) {
      na = na * 10 + (c - 48)
      i++
    }
    while (j < b.length && (c = b.charCodeAt(j)) !== 46) {
      nb = nb * 10 + (c - 48)
      j++
    }
    if (na !== nb) return na - nb
    i++
    j++
    if (i > a.length || j > b.length) return (i > a.length ? 0 : 1) - (j > b.length ? 0 : 1)
  }
}

/**
 * A number that sorts like comparePaths for paths up to 3 levels deep with child
 * indices below 65,535 (16 bits a level, index + 1 so a parent sorts before its
 * children); NaN for anything else.
 */
export function pathRank(path: string): number {
  if (path === '') return 0
  let rank = 0
  let level = 0
  let index = 0
  for (let i = 0; i <= path.length; i++) {
    const c = i < path.length ? path.charCodeAt(i) : 46
    if (c === 46) {
      if (level >= 3 || index >= 65535) return NaN
      rank += (index + 1) * 2 ** (16 * (2 - level))
      level++
      index = 0
    } else {
      index = index * 10 + (c - 48)
    }
  }
  return rank
}

/**
 * Which matched pairs changed stacking order: those outside a longest run that kept
 * its relative order (the fewest moves that explain the new order).
 */
export function reordered<P extends OrderedPair>(pairs: P[]): Set<P> {
  const moved = new Set<P>()
  let anyPathChanged = false
  for (const p of pairs) {
    if (p.a!.el.path !== p.b!.el.path) {
      anyPathChanged = true
      break
    }
  }
  // Paths say everything about stacking order: unchanged paths, unchanged order.
  if (!anyPathChanged) return moved

  const n = pairs.length
  const rankA = new Float64Array(n)
  const rankB = new Float64Array(n)
  let numeric = true
  for (let i = 0; i < n; i++) {
    rankA[i] = pathRank(pairs[i]!.a!.el.path)
    rankB[i] = pathRank(pairs[i]!.b!.el.path)
    if (Number.isNaN(rankA[i]!) || Number.isNaN(rankB[i]!)) numeric = false
  }
  const cmpA = numeric
    ? (i: number, j: number) => rankA[i]! - rankA[j]!
    : (i: number, j: number) => comparePaths(pairs[i]!.a!.el.path, pairs[j]!.a!.el.path)
  const lessB = numeric
    ? (i: number, j: number) => rankB[i]! < rankB[j]!
    : (i: number, j: number) => comparePaths(pairs[i]!.b!.el.path, pairs[j]!.b!.el.path) < 0
  const seq = Array.from({ length: n }, (_, i) => i).sort(cmpA)

  // Longest increasing subsequence of the current order (patience sorting).
  const tails: number[] = [] // position in seq of the smallest tail of each run length
  const prev = new Int32Array(n).fill(-1)
  for (let k = 0; k < n; k++) {
    const item = seq[k]!
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (lessB(seq[tails[mid]!]!, item)) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) prev[k] = tails[lo - 1]!
    tails[lo] = k
  }
  const kept = new Uint8Array(n)
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) kept[k] = 1
  for (let k = 0; k < n; k++) if (!kept[k]) moved.add(pairs[seq[k]!]!)
  return moved
}

