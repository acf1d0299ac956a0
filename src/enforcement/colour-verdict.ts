/**
 * How a found copy was recoloured, from the matched period itself: the image's
 * colours sampled at the same 32 × 32 points as the exact check, beside the tile's
 * colours at the aligned shift.
 */
import type { RgbaImage } from './decode-image'
import type { PatternDescriptor } from './pattern-descriptor'
import { TILE_SAMPLES } from './reference'
import { samplePoint, type Correlated, type PoseGuess } from './verify-copy'

export type ColourChange = 'original colours' | 'recoloured' | 'light and dark swapped' | 'greyscale' | 'greyscale, light and dark swapped'

/** Mean per-channel difference (0..1) under which colours count as the original's: JPEG and a slight hue drift stay below it. */
const SAME_COLOURS = 0.1
/** Mean chroma (max − min channel, 0..1) under which a picture counts as grey. */
const GREY = 0.03

export function colourVerdict(image: RgbaImage, factor: number, d: PatternDescriptor, pose: PoseGuess, result: Correlated): ColourChange {
  const n = TILE_SAMPLES
  let imageChroma = 0
  let tileChroma = 0
  let difference = 0
  for (let v = 0; v < n; v++) {
    for (let u = 0; u < n; u++) {
      const [fx, fy] = samplePoint(pose, d, u, v)
      const x = Math.min(image.width - 1, Math.max(0, Math.round(fx / factor)))
      const y = Math.min(image.height - 1, Math.max(0, Math.round(fy / factor)))
      const at = (y * image.width + x) * 4
      const alpha = image.data[at + 3]! / 255
      const rgb = [0, 1, 2].map((c) => (image.data[at + c]! / 255) * alpha + (1 - alpha))
      // Window sample (u, v) sits on tile sample (u − dx, v − dy) — (dx − u, dy − v) for the half-turned tile.
      const tu = (((result.halfTurn ? result.dx - u : u - result.dx) % n) + n) % n
      const tv = (((result.halfTurn ? result.dy - v : v - result.dy) % n) + n) % n
      const t = [0, 1, 2].map((c) => d.colour[(tv * n + tu) * 3 + c]!)
      imageChroma += Math.max(...rgb) - Math.min(...rgb)
      tileChroma += Math.max(...t) - Math.min(...t)
      difference += (Math.abs(rgb[0]! - t[0]!) + Math.abs(rgb[1]! - t[1]!) + Math.abs(rgb[2]! - t[2]!)) / 3
    }
  }
  const count = n * n
  if (imageChroma / count < GREY && tileChroma / count >= 2 * GREY) return result.inverted ? 'greyscale, light and dark swapped' : 'greyscale'
  if (result.inverted) return 'light and dark swapped'
  return difference / count <= SAME_COLOURS ? 'original colours' : 'recoloured'
}
