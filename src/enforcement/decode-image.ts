/**
 * PNG and JPEG bytes → 8-bit RGBA, within limits, never throwing.
 *
 * Hazard: both decoders allocate what the file declares. A 30-byte PNG can declare
 * 4 billion pixels, so the declared size is checked (image-header.ts) before either
 * decoder sees the bytes, and jpeg-js is given its own resolution and memory caps
 * as a second fence.
 */
import { decode as decodePng, convertIndexedToRgb } from 'fast-png'
import { decode as decodeJpeg } from 'jpeg-js'
import { readImageHeader, type ImageFormat } from './image-header'

export type RgbaImage = { width: number; height: number; data: Uint8Array }

export type ImageLimits = {
  /** Largest file read, bytes. */
  maxBytes: number
  /** Largest declared width × height. */
  maxPixels: number
}

/** 40 MP: an 8K photo fits; decoded RGBA stays under 160 MB. */
export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxBytes: 64 * 1024 * 1024, maxPixels: 40_000_000 }

export type DecodedImage =
  | { ok: true; format: ImageFormat; image: RgbaImage }
  | { ok: false; error: string }

function message(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err)
  return text.length > 200 ? text.slice(0, 200) + '…' : text
}

export function decodeImage(bytes: Uint8Array, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): DecodedImage {
  if (bytes.length > limits.maxBytes) {
    return { ok: false, error: `File is ${bytes.length} bytes, over the ${limits.maxBytes}-byte limit; not decoded.` }
  }
  const header = readImageHeader(bytes)
  if (!header.ok) return header
  const pixels = header.width * header.height
  if (pixels > limits.maxPixels) {
    return {
      ok: false,
      error: `Image declares ${header.width} × ${header.height} pixels, over the ${limits.maxPixels}-pixel limit; not decoded.`,
    }
  }
  try {
    const image = header.format === 'png' ? pngToRgba(bytes) : jpegToRgba(bytes, limits)
    if (image.width !== header.width || image.height !== header.height) {
      return { ok: false, error: `Decoded size ${image.width} × ${image.height} differs from the declared ${header.width} × ${header.height}.` }
    }
    return { ok: true, format: header.format, image }
  } catch (err) {
    return { ok: false, error: `${header.format === 'png' ? 'PNG' : 'JPEG'} does not decode: ${message(err)}` }
  }
}

function jpegToRgba(bytes: Uint8Array, limits: ImageLimits): RgbaImage {
  const decoded = decodeJpeg(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    tolerantDecoding: true,
    maxResolutionInMP: Math.ceil(limits.maxPixels / 1_000_000),
    maxMemoryUsageInMB: Math.ceil((limits.maxPixels * 12) / 1_000_000),
  })
  return { width: decoded.width, height: decoded.height, data: decoded.data }
}

function pngToRgba(bytes: Uint8Array): RgbaImage {
  const png = decodePng(bytes)
  const { width, height } = png
  const n = width * height
  const out = new Uint8Array(n * 4)
  if (png.palette) {
    const rgb = convertIndexedToRgb(png)
    const channels = rgb.length / n
    for (let i = 0; i < n; i++) {
      out[i * 4] = rgb[i * channels]!
      out[i * 4 + 1] = rgb[i * channels + 1]!
      out[i * 4 + 2] = rgb[i * channels + 2]!
      out[i * 4 + 3] = channels === 4 ? rgb[i * channels + 3]! : 255
    }
    return { width, height, data: out }
  }
  const channels = png.channels
  // fast-png leaves 1/2/4-bit greyscale packed, MSB first, rows byte-aligned.
  const data = png.depth < 8 ? unpackBits(png.data, width, height, png.depth) : png.data
  // 16-bit samples keep their high byte; low-depth grey is scaled to 0..255.
  const scale = png.depth === 16 ? 1 / 257 : png.depth < 8 ? 255 / ((1 << png.depth) - 1) : 1
  const sample = (i: number): number => Math.round(data[i]! * scale)
  for (let i = 0; i < n; i++) {
    const s = i * channels
    if (channels <= 2) {
      const g = sample(s)
      out[i * 4] = g
      out[i * 4 + 1] = g
      out[i * 4 + 2] = g
      out[i * 4 + 3] = channels === 2 ? sample(s + 1) : 255
    } else {
      out[i * 4] = sample(s)
      out[i * 4 + 1] = sample(s + 1)
      out[i * 4 + 2] = sample(s + 2)
      out[i * 4 + 3] = channels === 4 ? sample(s + 3) : 255
    }
  }
  return { width, height, data: out }
}

function unpackBits(packed: ArrayLike<number>, width: number, height: number, depth: number): Uint8Array {
  const out = new Uint8Array(width * height)
  const rowBytes = Math.ceil((width * depth) / 8)
  const mask = (1 << depth) - 1
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * depth
      const byte = packed[y * rowBytes + (bit >> 3)]!
      out[y * width + x] = (byte >> (8 - depth - (bit & 7))) & mask
    }
  }
  return out
}
