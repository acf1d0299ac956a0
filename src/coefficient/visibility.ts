/**
 * What each element shows: its effective opacity (its own × every ancestor's), whether
 * it is shown at all, and — for method 1 — its bounding-box share of the pattern.
 */
import { clamp01 } from './unit-interval'
import type { Bounds, ElementSnapshot, PatternSnapshot } from './snapshot'

/** An element with what the score needs from its ancestors and its place in the root. */
export interface Seen {
  el: ElementSnapshot
  /** Own opacity × every ancestor's (a faded group fades its children). */
  opacity: number
  /** Visible, all ancestors visible, and not fully transparent. */
  shown: boolean
  /** Visible area: bounds (grown by the stroke) clipped to the root, × opacity. 0 if it draws nothing. */
  share: number
}

export function parentPath(path: string): string | null {
  if (path === '') return null
  const dot = path.lastIndexOf('.')
  return dot < 0 ? '' : path.slice(0, dot)
}

/** Does the element put anything on the canvas by itself? Pure containers do not. */
export function drawsSomething(el: ElementSnapshot): boolean {
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

export function see(snapshot: PatternSnapshot): Seen[] {
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
export function effectiveOpacity(elements: readonly ElementSnapshot[]): (el: ElementSnapshot) => number {
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

