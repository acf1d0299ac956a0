/**
 * The heat map as a small PNG, for the record's own plugin-data entry and the
 * licensed pattern pack: an indexed PNG with only the palette colours the map uses
 * (1, 2, 4 or 8 bits a pixel), no ancillary chunks — nothing but the picture. Kept
 * apart from heatmap.ts so code that only draws the map does not carry the encoder.
 *
 * At most RASTER_MAX_BYTES (64 kB, the limit for any stored raster): a map
 * that encodes larger is halved (heatmap.ts halveHeatImage, highlights kept) until it
 * fits, rather than refused — a capture never fails for its picture. A 128 px palette
 * image is at most ~16.5 kB even incompressible, so one halving always suffices.
 */
import { encode } from 'fast-png'
import { RASTER_MAX_BYTES } from './entry-limit'
import { halveHeatImage, PALETTE, type HeatImage } from '../coefficient/heatmap'

export interface HeatMapPng {
  png: Uint8Array
  /** The pixels the PNG holds: the map itself, or its halved form when that did not fit. */
  image: HeatImage
  /** How many times it was halved to fit (0 normally). */
  halved: number
}

/** Encodes the map; halves it until the PNG is within `maxBytes`. Deterministic: same pixels, same bytes. */
export function heatMapPng(image: HeatImage, maxBytes: number = RASTER_MAX_BYTES): HeatMapPng {
  let current = image
  let halved = 0
  for (;;) {
    const png = encodeIndexed(current)
    if (png.length <= maxBytes || (current.width <= 1 && current.height <= 1)) return { png, image: current, halved }
    current = halveHeatImage(current)
    halved++
  }
}

/** An indexed PNG of the palette entries the image uses, in palette order. */
export function encodeIndexed(image: HeatImage): Uint8Array {
  const { width, height, index } = image
  const used = new Uint8Array(PALETTE.length)
  for (const v of index) used[v] = 1
  const remap = new Uint8Array(PALETTE.length)
  const palette: number[][] = []
  for (let v = 0; v < PALETTE.length; v++) {
    if (!used[v]) continue
    remap[v] = palette.length
    palette.push([...PALETTE[v]!])
  }
  const depth = palette.length <= 2 ? 1 : palette.length <= 4 ? 2 : palette.length <= 16 ? 4 : 8
  // Rows are packed most significant bits first and start on a byte (PNG spec, 7.2).
  const perByte = 8 / depth
  const rowBytes = Math.ceil(width / perByte)
  const data = new Uint8Array(rowBytes * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = remap[index[y * width + x]!]!
      data[y * rowBytes + Math.floor(x / perByte)]! |= v << (8 - depth * ((x % perByte) + 1))
    }
  }
  return encode({ width, height, data, channels: 1, depth, palette }, { zlib: { level: 9 } })
}
