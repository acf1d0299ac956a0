/**
 * The human-contribution coefficient (HCC), method `loomprint-hcc/1`.
 *
 * It measures the net, visible difference between the AI baseline and the pattern as
 * it is now — not edit counts, not time (US Copyright Office: time and effort do not
 * count; perceptible human expression does). So undo brings it back, and edits made
 * while the plugin was closed still count. See docs/coefficient.md for the method in
 * words, and DESIGN.md "The coefficient (method v1)".
 *
 * Pure and deterministic: the same two snapshots and policy always give the same
 * score, whatever order their elements come in (every floating-point sum runs in a
 * sorted order).
 */
import { paintsChange, colorChange } from './color'
import { outlineDisplacement } from './outline'
import { DEFAULT_POLICY, policyFingerprint, type TeamPolicy } from './policy'
import type { Bounds, EffectSnapshot, ElementSnapshot, PatternSnapshot } from './snapshot'

export const METHOD = 'loomprint-hcc/1'
/** How many of the most-changed elements a score lists for the reviewer. */
export const TOP_ELEMENTS = 20
/**
 * Mean outline displacement (fraction of the element's diagonal) at which a reshape
 * counts fully. Even a circle redrawn as a star moves its outline by only ~15–30 % of
 * the diagonal on average, so the raw displacement would never reach 1.
 */
export const SHAPE_SATURATION = 0.25
/** A blend-mode change: visible, but how much depends on what lies beneath. */
export const BLEND_CHANGE = 0.5

export type Dimension = 'color' | 'shape' | 'transform' | 'style' | 'text'
export type DimensionChanges = Record<Dimension, number>

export type ElementKind = 'changed' | 'added' | 'removed' | 'hidden'

export interface ElementContribution {
  id: string
  path: string
  type: string
  kind: ElementKind
  /** This element's part of the HCC (the contributions of all elements sum to it). */
  contribution: number
  /** Change per dimension, 0..1, before the policy's weights (all 0 unless 'changed'). */
  dimensions: DimensionChanges
}

export interface ContributionBreakdown extends DimensionChanges {
  /** From human-drawn elements. */
  added: number
  /** From removed or hidden AI elements (curation). */
  removed: number
}

export type ContributionLabel = 'AI-generated' | 'AI-assisted' | 'Human-authored, AI-assisted'
export type DigitalSourceType = 'trainedAlgorithmicMedia' | 'compositeWithTrainedAlgorithmicMedia'

export interface ContributionScore {
  /** Human-contribution coefficient, 0..1. */
  hcc: number
  label: ContributionLabel
  /** IPTC digital source type code (cv.iptc.org/newscodes/digitalsourcetype/). */
  digitalSourceType: DigitalSourceType
  /** Each source's part of the HCC; the parts sum to `hcc`. */
  breakdown: ContributionBreakdown
  /** The most-changed elements, largest contribution first (at most TOP_ELEMENTS). */
  elements: ElementContribution[]
  added: number
  /** Removed or hidden. */
  removed: number
  changed: number
  method: typeof METHOD
  matchedBy: 'id' | 'path'
  policyFingerprint: string
}

export interface ScoreOptions {
  /** Default: by id, or by path when the root id differs (a duplicated or pasted copy). */
  matchBy?: 'id' | 'path'
}

/** The label and IPTC source type for a coefficient under a team policy. */
export function labelFor(
  hcc: number,
  policy: TeamPolicy = DEFAULT_POLICY,
): { label: ContributionLabel; digitalSourceType: DigitalSourceType } {
  if (!(hcc >= policy.thresholds.assisted)) {
    return { label: 'AI-generated', digitalSourceType: 'trainedAlgorithmicMedia' }
  }
  if (hcc < policy.thresholds.authored) {
    return { label: 'AI-assisted', digitalSourceType: 'compositeWithTrainedAlgorithmicMedia' }
  }
  return { label: 'Human-authored, AI-assisted', digitalSourceType: 'compositeWithTrainedAlgorithmicMedia' }
}

/** For a pattern with no AI origin at all (nothing to score against). */
export const NO_AI_LABEL = { label: 'Created without generative AI', digitalSourceType: 'digitalCreation' } as const

// ---- preparing a snapshot ------------------------------------------------------------

/** An element with what the score needs from its ancestors and its place in the root. */
interface Seen {
  el: ElementSnapshot
  /** Own opacity × every ancestor's (a faded group fades its children). */
  opacity: number
  /** Visible, all ancestors visible, and not fully transparent. */
  shown: boolean
  /** Visible area: bounds (grown by the stroke) clipped to the root, × opacity. 0 if it draws nothing. */
  share: number
}

function parentPath(path: string): string | null {
  if (path === '') return null
  const dot = path.lastIndexOf('.')
  return dot < 0 ? '' : path.slice(0, dot)
}

/** Does the element put anything on the canvas by itself? Pure containers do not. */
function drawsSomething(el: ElementSnapshot): boolean {
  if (el.fills.length > 0) return true
  if (el.strokes.length > 0 && el.strokeWeight > 0) return true
  for (const fx of el.effects) if (fx.visible) return true
  return false
}

function strokeOutset(el: ElementSnapshot): number {
  return el.strokes.length > 0 && el.strokeWeight > 0 ? el.strokeWeight : 0
}

function clippedArea(b: Bounds, outset: number, root: Bounds): number {
  const half = outset / 2
  const x0 = Math.max(0, b.x - half)
  const y0 = Math.max(0, b.y - half)
  const x1 = Math.min(root.w, b.x + b.w + half)
  const y1 = Math.min(root.h, b.y + b.h + half)
  return x1 > x0 && y1 > y0 ? (x1 - x0) * (y1 - y0) : 0
}

function see(snapshot: PatternSnapshot): Seen[] {
  const elements = snapshot.elements
  const root = snapshot.rootBounds
  // Most patterns hide and fade nothing: then no element needs its ancestors.
  let plain = true
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!
    if (!el.visible || el.opacity !== 1) {
      plain = false
      break
    }
  }
  const effective = plain ? null : effectiveOpacity(elements)
  const out = new Array<Seen>(elements.length)
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!
    const eff = effective === null ? 1 : effective(el)
    const shown = eff > 0
    const opacity = shown ? eff : 0
    const share = shown && drawsSomething(el) ? clippedArea(el.bounds, strokeOutset(el), root) * opacity : 0
    out[i] = { el, opacity, shown, share }
  }
  return out
}

/** Own opacity × every ancestor's; -1 when hidden here or above. Ancestors are found by path. */
function effectiveOpacity(elements: readonly ElementSnapshot[]): (el: ElementSnapshot) => number {
  const byPath = new Map<string, ElementSnapshot>()
  for (const el of elements) byPath.set(el.path, el)
  const memo = new Map<string, number>()
  const effective = (el: ElementSnapshot): number => {
    const cached = memo.get(el.path)
    if (cached !== undefined) return cached
    let own = el.visible ? clamp01(el.opacity) : -1
    const pp = parentPath(el.path)
    const parent = pp === null ? undefined : byPath.get(pp)
    if (own >= 0 && parent !== undefined && parent !== el) {
      const up = effective(parent)
      own = up < 0 ? -1 : own * up
    }
    memo.set(el.path, own)
    return own
  }
  return effective
}

// ---- per-dimension change -------------------------------------------------------------

function clamp01(v: number): number {
  return v > 0 ? (v < 1 ? v : 1) : 0
}

/** 1 − smaller/larger: 0 for equal, ½ for double, → 1 for "from nothing". */
function ratioChange(a: number, b: number): number {
  const hi = a > b ? a : b
  const lo = a > b ? b : a
  return hi > 0 ? 1 - lo / hi : 0
}

function diagonal(b: { w: number; h: number }): number {
  return Math.sqrt(b.w * b.w + b.h * b.h)
}

/**
 * How much of the element its stroke covers: all of it when there is no fill (line
 * art), otherwise the stroke band's area over the element's area.
 */
function strokeShare(a: ElementSnapshot, b: ElementSnapshot): number {
  if (a.fills.length === 0 && b.fills.length === 0) return 1
  const sw = Math.max(a.strokeWeight, b.strokeWeight)
  if (!(sw > 0)) return 0
  const w = Math.max(a.bounds.w, b.bounds.w)
  const h = Math.max(a.bounds.h, b.bounds.h)
  const area = w * h
  return area > 0 ? clamp01((sw * 2 * (w + h)) / area) : 1
}

function colorDimension(a: ElementSnapshot, b: ElementSnapshot): number {
  const fills = paintsChange(a.fills, b.fills)
  if (fills >= 1) return 1
  const hasStrokes = a.strokes.length > 0 || b.strokes.length > 0
  const strokes = hasStrokes ? paintsChange(a.strokes, b.strokes) * strokeShare(a, b) : 0
  return 1 - (1 - fills) * (1 - strokes)
}

function shapeDimension(a: ElementSnapshot, b: ElementSnapshot): number {
  // Outlines are quantized to their own bounds, so proportions are measured apart.
  const outline = a.geometry && b.geometry ? clamp01(outlineDisplacement(a.geometry, b.geometry) / SHAPE_SATURATION) : 0
  let aspect = 0
  if (a.bounds.w !== b.bounds.w || a.bounds.h !== b.bounds.h) {
    const ta = Math.atan2(a.bounds.h, a.bounds.w)
    const tb = Math.atan2(b.bounds.h, b.bounds.w)
    aspect = clamp01(Math.abs(ta - tb) / (Math.PI / 4))
  }
  return 1 - (1 - outline) * (1 - aspect)
}

function transformDimension(a: ElementSnapshot, b: ElementSnapshot, rootDiagonal: number, reorder: number): number {
  const dx = b.bounds.x + b.bounds.w / 2 - (a.bounds.x + a.bounds.w / 2)
  const dy = b.bounds.y + b.bounds.h / 2 - (a.bounds.y + a.bounds.h / 2)
  const move = rootDiagonal > 0 ? clamp01(Math.sqrt(dx * dx + dy * dy) / rootDiagonal) : 0
  const scale = ratioChange(diagonal(a.bounds), diagonal(b.bounds))
  let turn = Math.abs((((b.rotation - a.rotation) % 360) + 360) % 360)
  if (turn > 180) turn = 360 - turn
  const rotation = clamp01(turn / 90)
  return 1 - (1 - move) * (1 - scale) * (1 - rotation) * (1 - reorder)
}

function blendOf(mode: string): string {
  // PASS_THROUGH (groups) and NORMAL look the same.
  return mode === 'PASS_THROUGH' ? 'NORMAL' : mode
}

function effectChange(a: EffectSnapshot, b: EffectSnapshot): number {
  if (a.type !== b.type) return 1
  if (!a.visible && !b.visible) return 0
  if (a.visible !== b.visible) return 1
  let m = ratioChange(a.radius, b.radius)
  if (a.color || b.color) m = Math.max(m, a.color && b.color ? colorChange(a.color, b.color) : 1)
  const oa = a.offset ?? { x: 0, y: 0 }
  const ob = b.offset ?? { x: 0, y: 0 }
  const shift = Math.hypot(ob.x - oa.x, ob.y - oa.y)
  if (shift > 0) {
    const scale = Math.max(1, Math.hypot(oa.x, oa.y), Math.hypot(ob.x, ob.y), a.radius, b.radius)
    m = Math.max(m, clamp01(shift / scale))
  }
  return m
}

function effectsChange(a: readonly EffectSnapshot[], b: readonly EffectSnapshot[]): number {
  const n = Math.max(a.length, b.length)
  let worst = 0
  for (let i = 0; i < n; i++) {
    const ea = a[i]
    const eb = b[i]
    if (!ea || !eb) {
      // An invisible effect added or removed changes nothing on screen.
      if ((ea ?? eb)!.visible) return 1
      continue
    }
    worst = Math.max(worst, effectChange(ea, eb))
  }
  return worst
}

function styleDimension(a: Seen, b: Seen): number {
  const ea = a.el
  const eb = b.el
  const opacity = Math.abs(a.opacity - b.opacity)
  const blend = blendOf(ea.blendMode) === blendOf(eb.blendMode) ? 0 : BLEND_CHANGE
  const hasStrokes = ea.strokes.length > 0 || eb.strokes.length > 0
  const stroke = hasStrokes ? ratioChange(ea.strokeWeight, eb.strokeWeight) * strokeShare(ea, eb) : 0
  const effects = ea.effects.length === 0 && eb.effects.length === 0 ? 0 : effectsChange(ea.effects, eb.effects)
  return 1 - (1 - opacity) * (1 - blend) * (1 - stroke) * (1 - effects)
}

/** Cells above which the edit distance is bounded instead of computed (text layers in patterns are short). */
const LEVENSHTEIN_MAX_CELLS = 4_000_000

/** Levenshtein distance, after trimming the common prefix and suffix. */
export function editDistance(a: string, b: string): number {
  let start = 0
  const minLen = Math.min(a.length, b.length)
  while (start < minLen && a.charCodeAt(start) === b.charCodeAt(start)) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--
    endB--
  }
  const n = endA - start
  const m = endB - start
  if (n === 0) return m
  if (m === 0) return n
  if (n * m > LEVENSHTEIN_MAX_CELLS) return Math.max(n, m) // an upper bound, and close for rewrites this large
  let prev = new Uint32Array(m + 1)
  let row = new Uint32Array(m + 1)
  for (let j = 0; j <= m; j++) prev[j] = j
  for (let i = 1; i <= n; i++) {
    row[0] = i
    const ca = a.charCodeAt(start + i - 1)
    for (let j = 1; j <= m; j++) {
      const cost = ca === b.charCodeAt(start + j - 1) ? 0 : 1
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost)
    }
    const t = prev
    prev = row
    row = t
  }
  return prev[m]!
}

function textDimension(a: ElementSnapshot, b: ElementSnapshot): number {
  const ta = a.text ?? ''
  const tb = b.text ?? ''
  if (ta === tb) return 0
  return clamp01(editDistance(ta, tb) / Math.max(ta.length, tb.length))
}

// ---- stacking order ----------------------------------------------------------------------

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
function pathRank(path: string): number {
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
function reordered(pairs: Pair[]): Set<Pair> {
  const moved = new Set<Pair>()
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

// ---- the score --------------------------------------------------------------------------

interface Pair {
  key: string
  a: Seen | null // baseline
  b: Seen | null // current
}

interface Item {
  key: string
  el: ElementSnapshot
  kind: ElementKind
  weight: number
  change: number
  dims: DimensionChanges
  /** αᵈ·mᵈ per dimension, to split this element's change over the breakdown. */
  weighted: DimensionChanges
}

const NO_CHANGE: DimensionChanges = Object.freeze({ color: 0, shape: 0, transform: 0, style: 0, text: 0 })

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
class Terms {
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
 */
export function scoreContribution(
  baseline: PatternSnapshot,
  current: PatternSnapshot,
  policy: TeamPolicy = DEFAULT_POLICY,
  options: ScoreOptions = {},
): ContributionScore {
  const matchedBy = options.matchBy ?? (current.rootId !== baseline.rootId ? 'path' : 'id')
  const byId = matchedBy === 'id'

  // 1. Match.
  const pairs = new Map<string, Pair>()
  for (const s of see(baseline)) {
    const key = byId ? s.el.id : s.el.path
    pairs.set(key, { key, a: s, b: null })
  }
  for (const s of see(current)) {
    const key = byId ? s.el.id : s.el.path
    const pair = pairs.get(key)
    if (pair) pair.b = s
    else pairs.set(key, { key, a: null, b: s })
  }

  // Stacking order only means something when elements keep their ids.
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
      const weighted: DimensionChanges = {
        color: clamp01(alpha.color * dims.color),
        shape: clamp01(alpha.shape * dims.shape),
        transform: clamp01(alpha.transform * dims.transform),
        style: clamp01(alpha.style * dims.style),
        text: clamp01(alpha.text * dims.text),
      }
      // 1 − Π(1 − αᵈ·mᵈ): dimensions compound, none can push the change past 1.
      const keep = (1 - weighted.color) * (1 - weighted.shape) * (1 - weighted.transform) * (1 - weighted.style) * (1 - weighted.text)
      items.push({ key: p.key, el: b.el, kind: 'changed', weight, change: 1 - keep, dims, weighted })
    } else if (a) {
      if (a.share > 0) items.push(curation(p.key, a.el, 'removed', a.share * alphaRemove))
    } else if (b) {
      if (b.share > 0) items.push({ key: p.key, el: b.el, kind: 'added', weight: b.share, change: 1, dims: NO_CHANGE, weighted: NO_CHANGE })
    }
  }

  // 5. HCC = Σ weight · change over Σ weight. Every sum is order-free (determinism).
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
    method: METHOD,
    matchedBy,
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

/** A removed or hidden AI element: curation, weighted α_remove, counted fully. */
function curation(key: string, el: ElementSnapshot, kind: 'removed' | 'hidden', weight: number): Item {
  return { key, el, kind, weight, change: 1, dims: NO_CHANGE, weighted: NO_CHANGE }
}
