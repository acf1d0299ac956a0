/**
 * How far a colour, a paint, or a stack of paints moved, as a person would see it.
 *
 * Colour distance is CIEDE2000 (ΔE00), the CIE's perceptual difference formula,
 * computed by culori. ΔE ≈ 1 is a just-noticeable difference; ΔE ≥ 30 is "a different
 * colour" — there a change saturates at 1.
 *
 * Alpha: a translucent colour has no single appearance, it depends on what lies
 * beneath. So each colour is composited over white and over black, and the larger of
 * the two differences counts. This makes an alpha change visible whatever the
 * backdrop, and makes two fully transparent colours equal however their RGB differ.
 */
import { differenceCiede2000, modeLab65, useMode } from 'culori/fn'
import type { PaintSnapshot, Rgba } from './snapshot'

/** ΔE00 at which a colour change counts fully. */
export const DELTA_E_SATURATION = 30

/** CIELAB (D65 white), the space CIEDE2000 is defined in. */
export interface Lab {
  l: number
  a: number
  b: number
}

// culori/fn registers nothing by itself (that keeps the bundle small): register only
// Lab D65, which also brings the sRGB → Lab converter.
const toLab65 = useMode(modeLab65)
const de2000 = differenceCiede2000()

/** CIEDE2000 between two CIELAB colours (kL = kC = kH = 1). */
export function ciede2000(x: Lab, y: Lab): number {
  return de2000({ mode: 'lab65', l: x.l, a: x.a, b: x.b }, { mode: 'lab65', l: y.l, a: y.a, b: y.b })
}

function labOf(r: number, g: number, b: number): Lab {
  const lab = toLab65({ mode: 'rgb', r, g, b })
  return { l: lab.l, a: lab.a, b: lab.b }
}

function clamp01(v: number): number {
  return v > 0 ? (v < 1 ? v : 1) : 0 // also maps NaN to 0
}

/**
 * ΔE00 between two sRGB colours with alpha, the larger of the differences seen over
 * a white and over a black backdrop.
 */
export function deltaE(x: Rgba, y: Rgba): number {
  if (x.r === y.r && x.g === y.g && x.b === y.b && x.a === y.a) return 0
  const xa = clamp01(x.a)
  const ya = clamp01(y.a)
  const xr = clamp01(x.r) * xa
  const xg = clamp01(x.g) * xa
  const xb = clamp01(x.b) * xa
  const yr = clamp01(y.r) * ya
  const yg = clamp01(y.g) * ya
  const yb = clamp01(y.b) * ya
  const overBlack = ciede2000(labOf(xr, xg, xb), labOf(yr, yg, yb))
  if (xa === 1 && ya === 1) return overBlack // opaque: the backdrop does not show
  const xw = 1 - xa
  const yw = 1 - ya
  const overWhite = ciede2000(labOf(xr + xw, xg + xw, xb + xw), labOf(yr + yw, yg + yw, yb + yw))
  return overBlack > overWhite ? overBlack : overWhite
}

/** A colour change in 0..1: ΔE00 over DELTA_E_SATURATION, capped at 1. */
export function colorChange(x: Rgba, y: Rgba): number {
  const d = deltaE(x, y)
  return d >= DELTA_E_SATURATION ? 1 : d / DELTA_E_SATURATION
}

type Stop = { position: number; color: Rgba }

function stopsOf(paint: PaintSnapshot): Stop[] | null {
  if (paint.kind === 'solid') return [{ position: 0, color: paint.color }]
  if (paint.kind === 'gradient') return paint.stops.length > 0 ? paint.stops : null
  return null
}

/** The colour a gradient shows at `p` (0..1), interpolated between its stops. */
function colorAt(stops: Stop[], p: number): Rgba {
  const first = stops[0]!
  if (stops.length === 1 || p <= first.position) return first.color
  for (let i = 1; i < stops.length; i++) {
    const hi = stops[i]!
    if (p <= hi.position) {
      const lo = stops[i - 1]!
      const span = hi.position - lo.position
      const t = span > 0 ? (p - lo.position) / span : 1
      const a = lo.color
      const b = hi.color
      return {
        r: a.r + (b.r - a.r) * t,
        g: a.g + (b.g - a.g) * t,
        b: a.b + (b.b - a.b) * t,
        a: a.a + (b.a - a.a) * t,
      }
    }
  }
  return stops[stops.length - 1]!.color
}

function sameStops(a: Stop[], b: Stop[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    if (x.position !== y.position) return false
    const cx = x.color
    const cy = y.color
    if (cx.r !== cy.r || cx.g !== cy.g || cx.b !== cy.b || cx.a !== cy.a) return false
  }
  return true
}

function sortedStops(stops: Stop[]): Stop[] {
  for (let i = 1; i < stops.length; i++) {
    if (stops[i]!.position < stops[i - 1]!.position) {
      return [...stops].sort((a, b) => a.position - b.position)
    }
  }
  return stops
}

/**
 * Change between two colour ramps (a solid is a one-stop ramp): the mean colour
 * change along the ramp, integrated over every stop position of either ramp and the
 * midpoints between them. Moving a stop, recolouring it, or adding one all show up
 * in proportion to how much of the ramp they affect.
 */
function rampChange(a: Stop[], b: Stop[]): number {
  if (a.length === 1 && b.length === 1) return colorChange(a[0]!.color, b[0]!.color)
  if (sameStops(a, b)) return 0 // the common case: an untouched gradient
  const sa = sortedStops(a)
  const sb = sortedStops(b)
  const breaks: number[] = [0, 1]
  for (const s of sa) breaks.push(clamp01(s.position))
  for (const s of sb) breaks.push(clamp01(s.position))
  breaks.sort((x, y) => x - y)
  const samples: number[] = []
  for (let i = 0; i < breaks.length; i++) {
    const p = breaks[i]!
    if (i > 0) {
      const prev = breaks[i - 1]!
      if (p === prev) continue
      samples.push((prev + p) / 2)
    }
    samples.push(p)
  }
  // Trapezoid rule over the samples (0 and 1 are always present, so span = 1).
  let total = 0
  let prevP = samples[0]!
  let prevC = colorChange(colorAt(sa, prevP), colorAt(sb, prevP))
  for (let i = 1; i < samples.length; i++) {
    const p = samples[i]!
    const c = colorChange(colorAt(sa, p), colorAt(sb, p))
    total += ((prevC + c) / 2) * (p - prevP)
    prevP = p
    prevC = c
  }
  return clamp01(total)
}

/** Change between two single paints, in 0..1. */
export function paintChange(a: PaintSnapshot, b: PaintSnapshot): number {
  if (a.kind === 'image' || b.kind === 'image') {
    if (a.kind !== b.kind) return 1
    const ia = a as Extract<PaintSnapshot, { kind: 'image' }>
    const ib = b as Extract<PaintSnapshot, { kind: 'image' }>
    // A replaced image is a different picture; we cannot see inside it.
    if (ia.imageHash !== ib.imageHash) return 1
    return clamp01(Math.abs(ia.opacity - ib.opacity))
  }
  if (a.kind === 'other' || b.kind === 'other') {
    if (a.kind !== b.kind) return 1
    const oa = a as Extract<PaintSnapshot, { kind: 'other' }>
    const ob = b as Extract<PaintSnapshot, { kind: 'other' }>
    if (oa.type !== ob.type) return 1
    return clamp01(Math.abs(oa.opacity - ob.opacity))
  }
  const ra = stopsOf(a)
  const rb = stopsOf(b)
  if (ra === null && rb === null) return 0
  if (ra === null || rb === null) return 1
  return rampChange(ra, rb)
}

/**
 * Change between two paint stacks (fills or strokes, bottom to top), in 0..1: the
 * largest change of any layer of the stack, compared position by position. A paint
 * added or removed counts fully.
 */
export function paintsChange(a: readonly PaintSnapshot[], b: readonly PaintSnapshot[]): number {
  const n = a.length > b.length ? a.length : b.length
  let worst = 0
  for (let i = 0; i < n; i++) {
    const pa = a[i]
    const pb = b[i]
    if (pa === undefined || pb === undefined) return 1
    if (pa === pb) continue
    const c = paintChange(pa, pb)
    if (c > worst) {
      worst = c
      if (worst >= 1) return 1
    }
  }
  return worst
}
