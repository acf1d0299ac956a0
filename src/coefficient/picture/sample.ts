/**
 * The sample a baseline keeps of a picture: the picture shrunk by area averaging to at
 * most SAMPLE_BYTES of RGBA, enough to compare against later even after the original
 * image has left the file. Area averaging is what makes a re-saved JPEG, an upscale or
 * another export of the same picture land on (nearly) the same sample: each sample pixel
 * is the mean of many source pixels, so compression noise and resampling average out.
 *
 * Pure and portable: the UI iframe feeds decoded rows in slices (`createSampler`), Node
 * calls `imageSample` on a whole decoded picture.
 */
import { base64ToBytes as base64Decode, bytesToBase64 as base64Encode } from './sample-bytes'

/** A pattern's samples together stay within this many bytes (issue #20: 64 kB per pattern). */
export const PATTERN_SAMPLE_BYTES = 65_536
/** The long side of a sample never exceeds this (a lone picture: 128 × 128 × 4 = 65,536 bytes). */
export const SAMPLE_LONG_SIDE = 128

/** JSON-safe: it travels in snapshots, over the main ↔ UI channel and into the baseline. */
export interface ImageSample {
  width: number
  height: number
  /** The picture's own size in pixels: TILE places it by this, and a crop is fitted by it. */
  sourceWidth: number
  sourceHeight: number
  /** RGBA, row-major, not premultiplied, base64. */
  rgba: string
}

/** RGBA bytes of a decoded picture, row-major (ImageData's and fast-png's layout). */
export interface Pixels {
  width: number
  height: number
  data: Uint8Array | Uint8ClampedArray
}

/** The byte budget of each sample when a pattern holds `count` distinct pictures. */
export function sampleBudget(count: number): number {
  return Math.floor(PATTERN_SAMPLE_BYTES / Math.max(1, count))
}

/** The sample's size for a picture of w × h within `maxBytes`: aspect kept, never larger than the picture. */
export function sampleSize(w: number, h: number, maxBytes: number = PATTERN_SAMPLE_BYTES): { width: number; height: number } {
  if (!(w >= 1) || !(h >= 1)) return { width: 1, height: 1 }
  const long = Math.max(w, h)
  let side = Math.min(SAMPLE_LONG_SIDE, long)
  for (;;) {
    const width = Math.max(1, Math.round((w / long) * side))
    const height = Math.max(1, Math.round((h / long) * side))
    if (width * height * 4 <= maxBytes || side <= 1) return { width, height }
    side--
  }
}

/** Accumulates a picture's rows into its sample; feed rows in any slices, top to bottom. */
export interface Sampler {
  /** Rows [y0, y1) of the picture; `rows` holds exactly those rows. */
  addRows(rows: Uint8Array | Uint8ClampedArray, y0: number, y1: number): void
  finish(): ImageSample
}

/** Pixels read four bytes at a time assume little-endian words (every platform Figma runs on; checked). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

export function createSampler(sourceWidth: number, sourceHeight: number, maxBytes: number = PATTERN_SAMPLE_BYTES): Sampler {
  const { width, height } = sampleSize(sourceWidth, sourceHeight, maxBytes)
  // Sums of premultiplied colour and of alpha per sample pixel (a transparent pixel's colour is noise).
  const acc = new Float64Array(width * height * 4)
  // Sample column c averages source columns [x0[c], x0[c + 1]): each sample pixel a box of whole source pixels.
  const x0 = new Int32Array(width + 1)
  for (let c = 0; c <= width; c++) x0[c] = Math.ceil((c * sourceWidth) / width)
  const rowOf = (y: number) => Math.min(height - 1, Math.floor((y * height) / sourceHeight))
  // Source pixels per sample pixel: columns per sample column × rows per sample row.
  const cols = new Float64Array(width)
  const rowsIn = new Float64Array(height)
  for (let c = 0; c < width; c++) cols[c] = x0[c + 1]! - x0[c]!
  for (let y = 0; y < sourceHeight; y++) rowsIn[rowOf(y)]++
  return {
    addRows(rows, y0, y1) {
      const words = LITTLE_ENDIAN && rows.byteOffset % 4 === 0 ? new Uint32Array(rows.buffer, rows.byteOffset, (y1 - y0) * sourceWidth) : null
      for (let y = y0; y < y1; y++) {
        let k = rowOf(y) * width * 4
        let s = (y - y0) * sourceWidth
        // One box of a row at a time, its sums in locals: the accumulator is touched once per box.
        for (let c = 0; c < width; c++, k += 4) {
          const end = s + x0[c + 1]! - x0[c]!
          let r = 0
          let g = 0
          let b = 0
          let al = 0
          if (words) {
            for (; s < end; s++) {
              const p = words[s]!
              const a = p >>> 24
              r += (p & 255) * a
              g += ((p >>> 8) & 255) * a
              b += ((p >>> 16) & 255) * a
              al += a
            }
          } else {
            for (; s < end; s++) {
              const q = s * 4
              const a = rows[q + 3]!
              r += rows[q]! * a
              g += rows[q + 1]! * a
              b += rows[q + 2]! * a
              al += a
            }
          }
          acc[k] += r
          acc[k + 1] += g
          acc[k + 2] += b
          acc[k + 3] += al
        }
      }
    },
    finish() {
      const out = new Uint8Array(width * height * 4)
      for (let o = 0; o < width * height; o++) {
        const k = o * 4
        const a = acc[k + 3]!
        if (a > 0) {
          out[k] = Math.round(acc[k]! / a)
          out[k + 1] = Math.round(acc[k + 1]! / a)
          out[k + 2] = Math.round(acc[k + 2]! / a)
        }
        const count = cols[o % width]! * rowsIn[Math.floor(o / width)]!
        out[k + 3] = count > 0 ? Math.round(a / count) : 0
      }
      return { width, height, sourceWidth, sourceHeight, rgba: base64Encode(out) }
    },
  }
}

/**
 * The sample a baseline keeps for a picture (RGBA bytes, row-major), within `maxBytes`
 * (default: a lone picture's whole 64 kB; see `sampleBudget` for several).
 */
export function imageSample(pixels: Pixels, maxBytes: number = PATTERN_SAMPLE_BYTES): ImageSample {
  const { width, height, data } = pixels
  if (!(width >= 1 && height >= 1) || data.length < width * height * 4) throw new RangeError(`imageSample: ${width} × ${height} needs ${width * height * 4} RGBA bytes, got ${data.length}`)
  const s = createSampler(width, height, maxBytes)
  s.addRows(data, 0, height)
  return s.finish()
}

/** Bytes a sample holds (what counts against the 64 kB per pattern). */
export function sampleBytes(s: ImageSample): number {
  return s.width * s.height * 4
}

/** A sample ready for lookups: colour in 0..1 per channel, not premultiplied. */
export interface DecodedSample {
  width: number
  height: number
  sourceWidth: number
  sourceHeight: number
  r: Float32Array
  g: Float32Array
  b: Float32Array
  a: Float32Array
}

const decoded = new WeakMap<ImageSample, DecodedSample | null>()

/** Decodes (and remembers) a sample; null when it is damaged (its bytes do not match its size). */
export function decodeSample(s: ImageSample): DecodedSample | null {
  const known = decoded.get(s)
  if (known !== undefined) return known
  const bytes = base64Decode(s.rgba)
  let out: DecodedSample | null = null
  const n = s.width * s.height
  if (bytes && Number.isInteger(s.width) && Number.isInteger(s.height) && n > 0 && bytes.length === n * 4) {
    const r = new Float32Array(n)
    const g = new Float32Array(n)
    const b = new Float32Array(n)
    const a = new Float32Array(n)
    for (let i = 0; i < n; i++) {
      r[i] = bytes[i * 4]! / 255
      g[i] = bytes[i * 4 + 1]! / 255
      b[i] = bytes[i * 4 + 2]! / 255
      a[i] = bytes[i * 4 + 3]! / 255
    }
    out = { width: s.width, height: s.height, sourceWidth: s.sourceWidth, sourceHeight: s.sourceHeight, r, g, b, a }
  }
  decoded.set(s, out)
  return out
}
