/**
 * Pixels for the pack, in pure code: PNG decode (fast-png, the same bytes in the UI
 * and the CLI), compositing onto a fixed background, the perceptual hash, and the
 * 3 × 3 repeat preview.
 *
 * blockhash-core treats only fully transparent pixels as white, so a half-transparent
 * motif would hash by its raw colour; every image is composited onto opaque white
 * first, which also makes a PNG and its flattened JPEG copy hash alike.
 */
import { bmvbhash } from 'blockhash-core'
import { decode, encode, convertIndexedToRgb, type DecodedPng } from 'fast-png'
import { decodeSimplePngAsync, type InflateAsync } from './png-decode'

export interface Rgba {
  width: number
  height: number
  /** width × height × 4 bytes, straight (not premultiplied) alpha. */
  data: Uint8Array
}

/** Decoding refuses images above this many pixels (a hostile PNG can claim 2³¹). */
export const MAX_PIXELS = 64_000_000

function toRgba8(png: DecodedPng): Uint8Array {
  const { width, height } = png
  const n = width * height
  let src: ArrayLike<number> = png.data
  let channels = png.channels
  let shift = png.depth === 16 ? 8 : 0
  if (png.palette) {
    src = convertIndexedToRgb(png)
    channels = src.length / n
    shift = 0
  } else if (png.depth < 8) {
    // fast-png unpacks sub-byte greyscale into one value per pixel at that depth
    const max = (1 << png.depth) - 1
    const out = new Uint8Array(n * 4)
    for (let i = 0; i < n; i++) {
      const v = Math.round(((png.data[i] ?? 0) * 255) / max)
      out[i * 4] = out[i * 4 + 1] = out[i * 4 + 2] = v
      out[i * 4 + 3] = 255
    }
    return out
  }
  const out = new Uint8Array(n * 4)
  for (let i = 0, s = 0; i < n; i++, s += channels) {
    const a = (k: number) => (src[s + k]! >> shift) & 0xff
    if (channels >= 3) {
      out[i * 4] = a(0)
      out[i * 4 + 1] = a(1)
      out[i * 4 + 2] = a(2)
      out[i * 4 + 3] = channels === 4 ? a(3) : 255
    } else {
      out[i * 4] = out[i * 4 + 1] = out[i * 4 + 2] = a(0)
      out[i * 4 + 3] = channels === 2 ? a(1) : 255
    }
  }
  return out
}

/** Decodes a PNG to 8-bit RGBA with fast-png; null when it is not a decodable PNG within MAX_PIXELS. */
export function decodePng(bytes: Uint8Array): Rgba | null {
  try {
    // Read the IHDR size before decoding: refuse giant canvases without allocating them.
    const size = pngSize(bytes)
    if (!size || size.width === 0 || size.height === 0 || size.width * size.height > MAX_PIXELS) return null
    const png = decode(bytes)
    return { width: png.width, height: png.height, data: toRgba8(png) }
  } catch {
    return null
  }
}

/** The same, through the fast path for Figma's 8-bit exports first (png-decode.ts). */
export async function decodePngAsync(bytes: Uint8Array, inflate?: InflateAsync): Promise<Rgba | null> {
  const size = pngSize(bytes)
  if (!size || size.width === 0 || size.height === 0 || size.width * size.height > MAX_PIXELS) return null
  return (await decodeSimplePngAsync(bytes, MAX_PIXELS, inflate)) ?? decodePng(bytes)
}

/** Width and height from a PNG's IHDR, or null. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || bytes[12] !== 0x49 || bytes[13] !== 0x48 || bytes[14] !== 0x44 || bytes[15] !== 0x52) return null
  const w = ((bytes[16]! << 24) | (bytes[17]! << 16) | (bytes[18]! << 8) | bytes[19]!) >>> 0
  const h = ((bytes[20]! << 24) | (bytes[21]! << 16) | (bytes[22]! << 8) | bytes[23]!) >>> 0
  return { width: w, height: h }
}

/** The image over opaque white (the fixed background of every perceptual hash). */
export function compositeOnWhite(img: Rgba): Rgba {
  const d = img.data
  // Most exports are opaque (the pattern has a background): nothing to composite.
  let opaque = true
  for (let i = 3; i < d.length; i += 4) {
    if (d[i] !== 255) {
      opaque = false
      break
    }
  }
  if (opaque) return img
  const out = new Uint8Array(img.data.length)
  for (let i = 0; i < d.length; i += 4) {
    const a = d[i + 3]!
    const inv = 255 - a
    out[i] = (d[i]! * a + 255 * inv + 127) / 255
    out[i + 1] = (d[i + 1]! * a + 255 * inv + 127) / 255
    out[i + 2] = (d[i + 2]! * a + 255 * inv + 127) / 255
    out[i + 3] = 255
  }
  return { width: img.width, height: img.height, data: out }
}

/** 256-bit blockhash (64 hex) of an image composited onto white. */
export function perceptualHash(img: Rgba): string {
  return bmvbhash(compositeOnWhite(img), 16)
}

/** Hamming distance between two equal-length hex hashes (bits). */
export function hammingDistance(a: string, b: string): number {
  let d = 0
  for (let i = 0; i < a.length; i++) {
    let x = parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16)
    while (x) {
      d += x & 1
      x >>= 1
    }
  }
  return d
}

/** The repeat preview's longest side is at most this many pixels. */
export const REPEAT_PREVIEW_MAX = 3072

/**
 * The tile repeated 3 × 3, as RGBA. A tile wider than a third of REPEAT_PREVIEW_MAX
 * is first reduced (nearest neighbour: exact, deterministic, no filter choices).
 */
export function repeatTile(tile: Rgba, max = REPEAT_PREVIEW_MAX): Rgba {
  const f = Math.min(1, max / 3 / Math.max(tile.width, tile.height))
  const tw = Math.max(1, Math.floor(tile.width * f))
  const th = Math.max(1, Math.floor(tile.height * f))
  const w = tw * 3
  const h = th * 3
  const out = new Uint8Array(w * h * 4)
  const row = new Uint8Array(tw * 4)
  for (let y = 0; y < th; y++) {
    const sy = Math.min(tile.height - 1, Math.floor((y * tile.height) / th))
    for (let x = 0; x < tw; x++) {
      const sx = Math.min(tile.width - 1, Math.floor((x * tile.width) / tw))
      const s = (sy * tile.width + sx) * 4
      row.set(tile.data.subarray(s, s + 4), x * 4)
    }
    for (let ry = 0; ry < 3; ry++) {
      for (let rx = 0; rx < 3; rx++) out.set(row, ((ry * th + y) * w + rx * tw) * 4)
    }
  }
  return { width: w, height: h, data: out }
}

/** Encodes RGBA as an 8-bit PNG (fast-png over fflate: deterministic for the same pixels). */
export function encodePng(img: Rgba): Uint8Array {
  // Level 1: the preview is a convenience; it is most of the assembly's own work on big packs.
  return encode({ width: img.width, height: img.height, data: img.data, channels: 4, depth: 8 }, { zlib: { level: 1 } })
}
