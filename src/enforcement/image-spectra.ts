/**
 * An image's side of the short list: square windows at two sizes (the image's
 * shorter side, and half of it on a half-overlapping grid), each window's power
 * spectrum on log-polar axes, and, per size, the windows' spectra summed (Welch's
 * method). A copy's spectrum does not depend on where a window sits on it, so the
 * sum keeps the copy's peaks sharp wherever the copy is, while the rest of a photo
 * adds a smooth background.
 */
import type { GreyImage } from './grey'
import { addWindowPower, ANGLES, RINGS, ringHarmonics, sampleWindow, WINDOW_SAMPLES, type LogPolarPlan, type RingHarmonics } from './log-polar'

export type SpectrumWindow = { x: number; y: number; side: number; power: Float64Array; harmonics: RingHarmonics | null }

export type WindowLevel = { side: number; windows: SpectrumWindow[]; harmonics: RingHarmonics }

/** Start positions of windows of `side` along `size`, half-overlapping, at most `max`. */
function starts(size: number, side: number, max: number): number[] {
  const span = size - side
  if (span <= 0) return [0]
  const count = Math.min(max, Math.ceil(span / (side / 2)) + 1)
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round((span * i) / (count - 1))))]
}

export function imageSpectra(plan: LogPolarPlan, levels: readonly GreyImage[]): WindowLevel[] {
  const image = levels[0]!
  const shorter = Math.min(image.width, image.height)
  const nn = WINDOW_SAMPLES * WINDOW_SAMPLES
  const block = new Float64Array(nn)
  const re = new Float64Array(nn)
  const im = new Float64Array(nn)
  const out: WindowLevel[] = []
  for (const [side, max] of [[shorter, 3], [Math.floor(shorter / 2), 5]] as const) {
    if (side < WINDOW_SAMPLES / 2) continue
    const total = new Float64Array(RINGS * ANGLES)
    const windows: SpectrumWindow[] = []
    for (const y of starts(image.height, side, max)) {
      for (const x of starts(image.width, side, max)) {
        sampleWindow(levels, x, y, side, block)
        const power = new Float64Array(RINGS * ANGLES)
        if (addWindowPower(plan, block, power, re, im) === 0) continue
        for (let k = 0; k < power.length; k++) total[k]! += power[k]!
        windows.push({ x, y, side, power, harmonics: null })
      }
    }
    if (windows.length > 0) out.push({ side, windows, harmonics: ringHarmonics(plan, total) })
  }
  return out
}

/** The harmonics of one window, computed when first asked for (only candidates' best levels need them). */
export function windowHarmonics(plan: LogPolarPlan, w: SpectrumWindow): RingHarmonics {
  w.harmonics ??= ringHarmonics(plan, w.power)
  return w.harmonics
}
