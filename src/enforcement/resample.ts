/**
 * Separable resampling of grey images by an exact factor per axis: an area average
 * (box of width 1/factor) when shrinking, so fine lines turn grey instead of
 * vanishing between samples, and a linear tent when enlarging. `wrap` treats the
 * image as one period of a repeat (for pattern tiles); otherwise edges clamp.
 */
import type { GreyImage } from './grey'

type Taps = { start: Int32Array; count: Int32Array; index: Int32Array; weight: Float32Array; stride: number }

function taps(srcSize: number, outSize: number, factor: number, wrap: boolean): Taps {
  const shrinking = factor < 1
  const radius = shrinking ? 0.5 / factor : 1
  const stride = Math.ceil(radius * 2) + 2
  const start = new Int32Array(outSize)
  const count = new Int32Array(outSize)
  const index = new Int32Array(outSize * stride)
  const weight = new Float32Array(outSize * stride)
  for (let o = 0; o < outSize; o++) {
    const centre = (o + 0.5) / factor - 0.5 // in source pixel coordinates
    const lo = Math.floor(centre - radius)
    const hi = Math.ceil(centre + radius)
    let total = 0
    let k = 0
    for (let s = lo; s <= hi && k < stride; s++) {
      let w: number
      if (shrinking) {
        // overlap of [s-0.5, s+0.5] with [centre-radius, centre+radius]
        w = Math.min(s + 0.5, centre + radius) - Math.max(s - 0.5, centre - radius)
      } else {
        w = 1 - Math.abs(s - centre)
      }
      if (w <= 0) continue
      const at = wrap ? ((s % srcSize) + srcSize) % srcSize : Math.min(srcSize - 1, Math.max(0, s))
      index[o * stride + k] = at
      weight[o * stride + k] = w
      total += w
      k++
    }
    for (let j = 0; j < k; j++) weight[o * stride + j]! /= total
    start[o] = o * stride
    count[o] = k
  }
  return { start, count, index, weight, stride }
}

/**
 * Resamples `src` by `fx` horizontally and `fy` vertically into an image of
 * `outWidth` × `outHeight` (normally floor(size × factor)).
 */
export function resampleGrey(src: GreyImage, fx: number, fy: number, outWidth: number, outHeight: number, wrap = false): GreyImage {
  const tx = taps(src.width, outWidth, fx, wrap)
  const ty = taps(src.height, outHeight, fy, wrap)
  const mid = new Float32Array(outWidth * src.height)
  const s = src.data
  for (let y = 0; y < src.height; y++) {
    const row = y * src.width
    for (let x = 0; x < outWidth; x++) {
      let acc = 0
      const base = tx.start[x]!
      for (let k = 0, n = tx.count[x]!; k < n; k++) acc += s[row + tx.index[base + k]!]! * tx.weight[base + k]!
      mid[y * outWidth + x] = acc
    }
  }
  const out = new Float32Array(outWidth * outHeight)
  for (let y = 0; y < outHeight; y++) {
    const base = ty.start[y]!
    const n = ty.count[y]!
    for (let x = 0; x < outWidth; x++) {
      let acc = 0
      for (let k = 0; k < n; k++) acc += mid[ty.index[base + k]! * outWidth + x]! * ty.weight[base + k]!
      out[y * outWidth + x] = acc
    }
  }
  return { width: outWidth, height: outHeight, data: out }
}

/** Shrinks so that the longer side is at most `maxSide` (never enlarges). */
export function fitWithin(src: GreyImage, maxSide: number): { image: GreyImage; factor: number } {
  const longer = Math.max(src.width, src.height)
  if (longer <= maxSide) return { image: src, factor: 1 }
  const factor = maxSide / longer
  const w = Math.max(1, Math.floor(src.width * factor))
  const h = Math.max(1, Math.floor(src.height * factor))
  return { image: resampleGrey(src, factor, factor, w, h), factor }
}

/** Half size by 2 × 2 box averaging (an odd last row or column is dropped). */
export function halve(src: GreyImage): GreyImage {
  const w = src.width >> 1
  const h = src.height >> 1
  const out = new Float32Array(w * h)
  const s = src.data
  for (let y = 0; y < h; y++) {
    const a = 2 * y * src.width
    const b = a + src.width
    for (let x = 0; x < w; x++) out[y * w + x] = (s[a + 2 * x]! + s[a + 2 * x + 1]! + s[b + 2 * x]! + s[b + 2 * x + 1]!) / 4
  }
  return { width: w, height: h, data: out }
}

/**
 * Levels 0 (the image), 1 (half), 2 (quarter), … while both sides stay at least
 * `minSide`. Shrinking by f from level L (factor f·2^L) gives nearly the same area
 * average as from level 0, at a fraction of the work.
 */
export function pyramid(src: GreyImage, minSide: number): GreyImage[] {
  const levels = [src]
  for (;;) {
    const last = levels[levels.length - 1]!
    if ((last.width >> 1) < minSide || (last.height >> 1) < minSide) return levels
    levels.push(halve(last))
  }
}
