/**
 * The declared format and size of an image, read from its first bytes without
 * decoding anything: a PNG's IHDR, a JPEG's first SOF segment. The matcher looks
 * here before it decodes, so a 100,000 × 100,000 image is refused while it is
 * still a few bytes.
 */

export type ImageFormat = 'png' | 'jpeg'

export type ImageHeader =
  | { ok: true; format: ImageFormat; width: number; height: number }
  | { ok: false; error: string }

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!
}

/** PNG or JPEG by signature; null for anything else. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png'
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  return null
}

export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const format = sniffImageFormat(bytes)
  if (format === 'png') return readPngHeader(bytes)
  if (format === 'jpeg') return readJpegHeader(bytes)
  return { ok: false, error: 'Not a PNG or JPEG file.' }
}

function readPngHeader(bytes: Uint8Array): ImageHeader {
  // IHDR must be the first chunk: length 13 at byte 8, type at 12, width at 16.
  if (bytes.length < 24) return { ok: false, error: 'PNG is truncated before its header.' }
  const isIhdr = bytes[12] === 0x49 && bytes[13] === 0x48 && bytes[14] === 0x44 && bytes[15] === 0x52
  if (!isIhdr || u32(bytes, 8) !== 13) return { ok: false, error: 'PNG does not start with an IHDR chunk.' }
  const width = u32(bytes, 16)
  const height = u32(bytes, 20)
  if (width === 0 || height === 0) return { ok: false, error: 'PNG declares an empty image.' }
  return { ok: true, format: 'png', width, height }
}

function isStartOfFrame(marker: number): boolean {
  // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
}

function readJpegHeader(bytes: Uint8Array): ImageHeader {
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return { ok: false, error: `JPEG has no marker at byte ${at}.` }
    const marker = bytes[at + 1]!
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2 // markers without a length
      continue
    }
    if (marker === 0xd9 || marker === 0xda) return { ok: false, error: 'JPEG has no frame header before its image data.' }
    const length = u16(bytes, at + 2)
    if (length < 2) return { ok: false, error: `JPEG segment at byte ${at} has an impossible length.` }
    if (isStartOfFrame(marker)) {
      if (at + 9 > bytes.length) return { ok: false, error: 'JPEG is truncated inside its frame header.' }
      const height = u16(bytes, at + 5)
      const width = u16(bytes, at + 7)
      if (width === 0 || height === 0) return { ok: false, error: 'JPEG declares an empty image (or a height set later, which is not supported).' }
      return { ok: true, format: 'jpeg', width, height }
    }
    at += 2 + length
  }
  return { ok: false, error: 'JPEG is truncated before its frame header.' }
}
