/**
 * Decoding the fake's images for its rasteriser (image-paint.ts), in any of the fake's
 * homes: Node, the QuickJS VM and the Chromium host page. So no fast-png here (its
 * iobuffer makes a TextEncoder when loaded, which QuickJS lacks): PNG is read with fflate
 * (the fake already deflates its exports with it), 8-bit, not interlaced, every colour
 * type (PNG spec, ISO/IEC 15948 §11.2.2 IHDR, §9 filters); anything else is refused as not
 * modelled. JPEG is jpeg-js's decoder module alone (its encoder needs Node's Buffer), asked
 * for typed arrays.
 */
import { unzlibSync } from 'fflate'
// @ts-expect-error jpeg-js types its package entry only; lib/decoder.js is that entry's `decode`.
import decodeJpegModule from 'jpeg-js/lib/decoder.js'
import { readImageHeader } from '../../src/enforcement/image-header'

export interface Rgba {
  width: number
  height: number
  data: Uint8Array
}

const decodeJpeg = decodeJpegModule as (bytes: Uint8Array, opts: { useTArray: true; formatAsRGBA: true; tolerantDecoding: boolean }) => Rgba

export function decodeFakeImage(bytes: Uint8Array): Rgba {
  const header = readImageHeader(bytes)
  if (!header.ok) throw new Error(`in exportAsync: an image fill does not decode (${header.error})`)
  if (header.format === 'jpeg') {
    const d = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, tolerantDecoding: true })
    return { width: d.width, height: d.height, data: d.data }
  }
  return decodePng(bytes)
}

const u32 = (b: Uint8Array, o: number): number => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0

function decodePng(b: Uint8Array): Rgba {
  let width = 0
  let height = 0
  let type = -1
  let palette: Uint8Array | null = null
  let trns: Uint8Array | null = null
  const idat: Uint8Array[] = []
  for (let o = 8; o + 8 <= b.length; ) {
    const len = u32(b, o)
    const kind = String.fromCharCode(b[o + 4]!, b[o + 5]!, b[o + 6]!, b[o + 7]!)
    const data = b.subarray(o + 8, o + 8 + len)
    if (kind === 'IHDR') {
      width = u32(data, 0)
      height = u32(data, 4)
      type = data[9]!
      if (data[8] !== 8) throw new Error(`in exportAsync: a ${data[8]}-bit PNG image fill is not modelled by the fake (8-bit only)`)
      if (data[12] !== 0) throw new Error('in exportAsync: an interlaced PNG image fill is not modelled by the fake')
    } else if (kind === 'PLTE') palette = data
    else if (kind === 'tRNS') trns = data
    else if (kind === 'IDAT') idat.push(data)
    else if (kind === 'IEND') break
    o += 12 + len
  }
  const channels = type === 0 ? 1 : type === 2 ? 3 : type === 3 ? 1 : type === 4 ? 2 : type === 6 ? 4 : 0
  if (!channels || !width || !height) throw new Error('in exportAsync: an image fill is not a PNG the fake reads')
  let total = 0
  for (const c of idat) total += c.length
  const z = new Uint8Array(total)
  total = 0
  for (const c of idat) {
    z.set(c, total)
    total += c.length
  }
  const raw = unzlibSync(z)
  const stride = width * channels
  const pixels = new Uint8Array(stride * height)
  // Filters (§9.2): each row's first byte names how its bytes are predicted from the left (a), above (b), above-left (c).
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!
    const src = y * (stride + 1) + 1
    const row = y * stride
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[row + x - channels]! : 0
      const up = y > 0 ? pixels[row - stride + x]! : 0
      const c = x >= channels && y > 0 ? pixels[row - stride + x - channels]! : 0
      let p = 0
      if (f === 1) p = a
      else if (f === 2) p = up
      else if (f === 3) p = (a + up) >> 1
      else if (f === 4) {
        const pa = Math.abs(up - c)
        const pb = Math.abs(a - c)
        const pc = Math.abs(a + up - 2 * c)
        p = pa <= pb && pa <= pc ? a : pb <= pc ? up : c
      }
      pixels[row + x] = (raw[src + x]! + p) & 255
    }
  }
  const out = new Uint8Array(width * height * 4)
  for (let i = 0; i < width * height; i++) {
    const s = i * channels
    let r: number
    let g: number
    let bl: number
    let al = 255
    if (type === 3) {
      const k = pixels[s]!
      if (!palette || k * 3 + 2 >= palette.length) throw new Error('in exportAsync: a palette PNG image fill points outside its palette')
      r = palette[k * 3]!
      g = palette[k * 3 + 1]!
      bl = palette[k * 3 + 2]!
      if (trns && k < trns.length) al = trns[k]!
    } else if (channels <= 2) {
      r = g = bl = pixels[s]!
      if (channels === 2) al = pixels[s + 1]!
      else if (trns && trns.length >= 2 && pixels[s] === trns[1]) al = 0
    } else {
      r = pixels[s]!
      g = pixels[s + 1]!
      bl = pixels[s + 2]!
      if (channels === 4) al = pixels[s + 3]!
      else if (trns && trns.length >= 6 && r === trns[1] && g === trns[3] && bl === trns[5]) al = 0
    }
    out[i * 4] = r
    out[i * 4 + 1] = g
    out[i * 4 + 2] = bl
    out[i * 4 + 3] = al
  }
  return { width, height, data: out }
}
