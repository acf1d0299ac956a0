/**
 * Change per dimension (colour, shape, transform, style, text), each 0..1, between a
 * baseline element and its current state. Method 1 uses all of them; method 2 measures
 * shape and transform on the canvas instead (score-v2.ts) and reuses the rest.
 */
import { paintsChange, colorChange } from './color'
import { outlineDisplacement } from './outline'
import type { EffectSnapshot, ElementSnapshot } from './snapshot'
import { clamp01 } from './unit-interval'
import type { Seen } from './visibility'

/**
 * Mean outline displacement (fraction of the element's diagonal) at which a reshape
 * counts fully. Even a circle redrawn as a star moves its outline by only ~15–30 % of
 * the diagonal on average, so the raw displacement would never reach 1.
 */
export const SHAPE_SATURATION = 0.25
/** A blend-mode change: visible, but how much depends on what lies beneath. */
export const BLEND_CHANGE = 0.5

export { clamp01 }

/** 1 − smaller/larger: 0 for equal, ½ for double, → 1 for "from nothing". */
export function ratioChange(a: number, b: number): number {
  const hi = a > b ? a : b
  const lo = a > b ? b : a
  return hi > 0 ? 1 - lo / hi : 0
}

export function diagonal(b: { w: number; h: number }): number {
  return Math.sqrt(b.w * b.w + b.h * b.h)
}

/**
 * How much of the element its stroke covers: all of it when there is no fill (line
 * art), otherwise the stroke band's area over the element's area.
 */
export function strokeShare(a: ElementSnapshot, b: ElementSnapshot): number {
  if (a.fills.length === 0 && b.fills.length === 0) return 1
  const sw = Math.max(a.strokeWeight, b.strokeWeight)
  if (!(sw > 0)) return 0
  const w = Math.max(a.bounds.w, b.bounds.w)
  const h = Math.max(a.bounds.h, b.bounds.h)
  const area = w * h
  return area > 0 ? clamp01((sw * 2 * (w + h)) / area) : 1
}

export function colorDimension(a: ElementSnapshot, b: ElementSnapshot): number {
  const fills = paintsChange(a.fills, b.fills)
  if (fills >= 1) return 1
  const hasStrokes = a.strokes.length > 0 || b.strokes.length > 0
  const strokes = hasStrokes ? paintsChange(a.strokes, b.strokes) * strokeShare(a, b) : 0
  return 1 - (1 - fills) * (1 - strokes)
}

export function shapeDimension(a: ElementSnapshot, b: ElementSnapshot): number {
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

export function transformDimension(a: ElementSnapshot, b: ElementSnapshot, rootDiagonal: number, reorder: number): number {
  const dx = b.bounds.x + b.bounds.w / 2 - (a.bounds.x + a.bounds.w / 2)
  const dy = b.bounds.y + b.bounds.h / 2 - (a.bounds.y + a.bounds.h / 2)
  const move = rootDiagonal > 0 ? clamp01(Math.sqrt(dx * dx + dy * dy) / rootDiagonal) : 0
  const scale = ratioChange(diagonal(a.bounds), diagonal(b.bounds))
  let turn = Math.abs((((b.rotation - a.rotation) % 360) + 360) % 360)
  if (turn > 180) turn = 360 - turn
  const rotation = clamp01(turn / 90)
  return 1 - (1 - move) * (1 - scale) * (1 - rotation) * (1 - reorder)
}

export function blendOf(mode: string): string {
  // PASS_THROUGH (groups) and NORMAL look the same.
  return mode === 'PASS_THROUGH' ? 'NORMAL' : mode
}

export function effectChange(a: EffectSnapshot, b: EffectSnapshot): number {
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

export function effectsChange(a: readonly EffectSnapshot[], b: readonly EffectSnapshot[]): number {
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

export function styleDimension(a: Seen, b: Seen): number {
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

export function textDimension(a: ElementSnapshot, b: ElementSnapshot): number {
  const ta = a.text ?? ''
  const tb = b.text ?? ''
  if (ta === tb) return 0
  return clamp01(editDistance(ta, tb) / Math.max(ta.length, tb.length))
}
