/**
 * Grey images in floating point: the matcher's working form. Colour is dropped on
 * purpose — a copy is often slightly recoloured, and the structure of a pattern
 * (where its motifs and lines are) survives a hue shift far better than its hues.
 */
import type { RgbaImage } from './decode-image'

export type GreyImage = { width: number; height: number; data: Float32Array }

/** Rec. 601 luma in 0..1, composited over white (a transparent tile ground prints white). */
export function toGrey(image: RgbaImage): GreyImage {
  const n = image.width * image.height
  const out = new Float32Array(n)
  const d = image.data
  for (let i = 0; i < n; i++) {
    const a = d[i * 4 + 3]! / 255
    const luma = (0.299 * d[i * 4]! + 0.587 * d[i * 4 + 1]! + 0.114 * d[i * 4 + 2]!) / 255
    out[i] = luma * a + (1 - a)
  }
  return { width: image.width, height: image.height, data: out }
}
