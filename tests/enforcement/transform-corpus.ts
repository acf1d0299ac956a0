/**
 * Copies as they come at catalogue scale (issue #23): the repeat cropped at any
 * offset, scaled 0.5×–2×, and then turned by any angle, mirrored, put in another
 * colourway (light and dark swapped, or a new palette), or made grey; placed
 * inside a larger photo-like picture; saved as JPEG at quality 50. Deterministic
 * for a seed. Used by tests/enforcement and bench/catalogue-match.bench.ts.
 */
import type { RgbaImage } from '../../src/enforcement/decode-image'
import { embed, photoNoise, toJpeg, toPng, type Rng } from './corpus'

export const TRANSFORMS = ['plain', 'turned', 'mirrored', 'recoloured', 'lightDarkSwapped', 'greyscale'] as const
export type Transform = (typeof TRANSFORMS)[number]

export type Geometry = { angle: number; mirrored: boolean; scale: number; offsetX: number; offsetY: number; width: number; height: number }

/**
 * A width × height view of the infinite repeat of `tile`, turned by `angle`
 * (radians), mirrored (top–bottom) before turning, at `scale` × the tile, starting
 * at an offset of the repeat. 3 × 3 supersampled bilinear: a different resampler
 * from the matcher's.
 */
export function viewRepeat(tile: RgbaImage, g: Geometry): RgbaImage {
  const data = new Uint8Array(g.width * g.height * 4)
  const c = Math.cos(-g.angle)
  const s = Math.sin(-g.angle)
  const sub = g.scale < 1 ? 3 : 2
  const t = tile.data
  const acc = [0, 0, 0]
  /** Adds the bilinear sample of the repeat at tile point (x, y) to `acc`, per channel. */
  const add = (x: number, y: number): void => {
    const xi = ((Math.floor(x) % tile.width) + tile.width) % tile.width
    const yi = ((Math.floor(y) % tile.height) + tile.height) % tile.height
    const x1 = (xi + 1) % tile.width
    const y1 = (yi + 1) % tile.height
    const ax = x - Math.floor(x)
    const ay = y - Math.floor(y)
    const i00 = (yi * tile.width + xi) * 4
    const i10 = (yi * tile.width + x1) * 4
    const i01 = (y1 * tile.width + xi) * 4
    const i11 = (y1 * tile.width + x1) * 4
    for (let ch = 0; ch < 3; ch++) acc[ch]! += (t[i00 + ch]! * (1 - ax) + t[i10 + ch]! * ax) * (1 - ay) + (t[i01 + ch]! * (1 - ax) + t[i11 + ch]! * ax) * ay
  }
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      acc[0] = acc[1] = acc[2] = 0
      for (let j = 0; j < sub; j++) {
        for (let i = 0; i < sub; i++) {
          const px = (x + (i + 0.5) / sub - g.width / 2) / g.scale
          const py = (y + (j + 0.5) / sub - g.height / 2) / g.scale
          // Undo the turn, then the mirror: image → tile coordinates.
          const tx = c * px - s * py
          let ty = s * px + c * py
          if (g.mirrored) ty = -ty
          add(tx + g.offsetX, ty + g.offsetY)
        }
      }
      for (let ch = 0; ch < 3; ch++) data[(y * g.width + x) * 4 + ch] = Math.round(acc[ch]! / (sub * sub))
      data[(y * g.width + x) * 4 + 3] = 255
    }
  }
  return { width: g.width, height: g.height, data }
}

function mapColours(img: RgbaImage, f: (r: number, g: number, b: number) => [number, number, number]): RgbaImage {
  const data = new Uint8Array(img.data)
  for (let i = 0; i < img.width * img.height; i++) {
    const out = f(img.data[i * 4]! / 255, img.data[i * 4 + 1]! / 255, img.data[i * 4 + 2]! / 255)
    for (let c = 0; c < 3; c++) data[i * 4 + c] = Math.round(Math.min(1, Math.max(0, out[c]!)) * 255)
  }
  return { width: img.width, height: img.height, data }
}

/** Hue turned by `turn` radians about the grey axis (YIQ), lightness through `curve`. */
function colourway(turn: number, curve: (l: number) => number): (r: number, g: number, b: number) => [number, number, number] {
  const cos = Math.cos(turn)
  const sin = Math.sin(turn)
  return (r, g, b) => {
    const y = curve(0.299 * r + 0.587 * g + 0.114 * b)
    const i = 0.596 * r - 0.274 * g - 0.322 * b
    const q = 0.211 * r - 0.523 * g + 0.312 * b
    const i2 = i * cos - q * sin
    const q2 = i * sin + q * cos
    return [y + 0.956 * i2 + 0.621 * q2, y - 0.272 * i2 - 0.647 * q2, y - 1.106 * i2 + 1.703 * q2]
  }
}

/** Another palette (hue turned 60°–300°, lightness curved), light and dark swapped, or grey. */
export function recolour(img: RgbaImage, how: 'recoloured' | 'lightDarkSwapped' | 'greyscale', rng: Rng): RgbaImage {
  const turn = ((60 + rng() * 240) * Math.PI) / 180
  if (how === 'greyscale') return mapColours(img, (r, g, b) => [0.299 * r + 0.587 * g + 0.114 * b, 0.299 * r + 0.587 * g + 0.114 * b, 0.299 * r + 0.587 * g + 0.114 * b])
  const gamma = 0.6 + rng() * 1.0
  if (how === 'recoloured') return mapColours(img, colourway(turn, (l) => l ** gamma))
  return mapColours(img, colourway(turn, (l) => 1 - l ** gamma))
}

/** `centre`: where the view's centre (tile point offsetX, offsetY) lies in the final picture, pixels. */
export type TransformedCopy = { transform: Transform; inPicture: boolean; jpeg: boolean; geometry: Geometry; centre: { x: number; y: number }; bytes: Uint8Array }

/**
 * One copy of `tile` under `transform`: always at a random offset and scale
 * 2^U(−1, 1); 1.3–2.5 periods across; `inPicture` pastes it into a photo-like
 * picture 1.4–2.2 × larger; `jpeg` saves at quality 50.
 */
export function transformedCopy(tile: RgbaImage, transform: Transform, rng: Rng, inPicture: boolean, jpeg: boolean): TransformedCopy {
  const scale = 2 ** (rng() * 2 - 1)
  const period = Math.sqrt(tile.width * tile.height) * scale
  const geometry: Geometry = {
    angle: transform === 'turned' ? rng() * 2 * Math.PI : 0,
    mirrored: transform === 'mirrored',
    scale,
    offsetX: rng() * tile.width,
    offsetY: rng() * tile.height,
    width: Math.round(period * (1.3 + rng() * 1.2)),
    height: Math.round(period * (1.3 + rng() * 1.2)),
  }
  let img = viewRepeat(tile, geometry)
  if (transform === 'recoloured' || transform === 'lightDarkSwapped' || transform === 'greyscale') img = recolour(img, transform, rng)
  const centre = { x: geometry.width / 2, y: geometry.height / 2 }
  if (inPicture) {
    const bw = Math.round(img.width * (1.4 + rng() * 0.8))
    const bh = Math.round(img.height * (1.4 + rng() * 0.8))
    const background = photoNoise(bw, bh, rng)
    const x = Math.floor(rng() * (bw - img.width))
    const y = Math.floor(rng() * (bh - img.height))
    img = embed(background, img, x, y)
    centre.x += x
    centre.y += y
  }
  return { transform, inPicture, jpeg, geometry, centre, bytes: jpeg ? toJpeg(img, 50) : toPng(img) }
}
