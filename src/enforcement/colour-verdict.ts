/**
 * How a found copy was recoloured, from the matched period itself: the image's
 * colours sampled at the same 32 × 32 points as the exact check, beside the tile's
 * colours at the aligned shift.
 */
import type { RgbaImage } from './decode-image'
import type { PatternDescriptor } from './pattern-descriptor'
import { TILE_SAMPLES } from './reference'
import type { Correlated, PoseGuess } from './verify-copy'

export type ColourChange = 'original colours' | 'recoloured' | 'light and dark swapped' | 'greyscale' | 'greyscale, light and dark swapped'

/** Median per-channel difference (0..1) under which colours count as the original's: JPEG and a slight hue drift stay below it. */
const SAME_COLOURS = 0.1
/** Mean chroma (max − min channel, 0..1) under which a picture counts as grey. */
const GREY = 0.03

export function colourVerdict(image: RgbaImage, factor: number, d: PatternDescriptor, pose: PoseGuess, result: Correlated): ColourChange {
  const n = TILE_SAMPLES
  let imageChroma = 0
  let tileChroma = 0
  const differences = new Float64Array(n * n)
  // samplePoint's formula with the turn's cosine and sine taken once (it runs for every
  // candidate of every image), to the bit what samplePoint gives.
  const c = Math.cos(pose.angle)
  const s = Math.sin(pose.angle)
  for (let v = 0; v < n; v++) {
    const yt = (((v + 0.5 - n / 2) * d.tileHeight) / n) * (pose.mirrored ? -1 : 1)
    for (let u = 0; u < n; u++) {
      const xt = ((u + 0.5 - n / 2) * d.tileWidth) / n
      const fx = pose.x + pose.sigma * (c * xt - s * yt)
      const fy = pose.y + pose.sigma * (s * xt + c * yt)
      const x = Math.min(image.width - 1, Math.max(0, Math.round(fx / factor)))
      const y = Math.min(image.height - 1, Math.max(0, Math.round(fy / factor)))
      const at = (y * image.width + x) * 4
      const alpha = image.data[at + 3]! / 255
      // Plain numbers, no arrays: this runs for 1,024 samples of every candidate of every image.
      const r = (image.data[at]! / 255) * alpha + (1 - alpha)
      const g = (image.data[at + 1]! / 255) * alpha + (1 - alpha)
      const b = (image.data[at + 2]! / 255) * alpha + (1 - alpha)
      // Window sample (u, v) sits on tile sample (dx − u, dy − v) — (u − dx, v − dy) for the half-turned tile
      // (the inverse FFT's index runs the other way round from the shift; measured on unturned copies).
      const tu = (((result.halfTurn ? u - result.dx : result.dx - u) % n) + n) % n
      const tv = (((result.halfTurn ? v - result.dy : result.dy - v) % n) + n) % n
      const ti = (tv * n + tu) * 3
      const tr = d.colour[ti]!
      const tg = d.colour[ti + 1]!
      const tb = d.colour[ti + 2]!
      imageChroma += Math.max(r, g, b) - Math.min(r, g, b)
      tileChroma += Math.max(tr, tg, tb) - Math.min(tr, tg, tb)
      differences[v * n + u] = (Math.abs(r - tr) + Math.abs(g - tg) + Math.abs(b - tb)) / 3
    }
  }
  const count = n * n
  if (imageChroma / count < GREY && tileChroma / count >= 2 * GREY) return result.inverted ? 'greyscale, light and dark swapped' : 'greyscale'
  if (result.inverted) return 'light and dark swapped'
  // The median, not the mean: at the edges of motifs a point sample and the tile's area average differ whatever the colours.
  differences.sort()
  return differences[count >> 1]! <= SAME_COLOURS ? 'original colours' : 'recoloured'
}
