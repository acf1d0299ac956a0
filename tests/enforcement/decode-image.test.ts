import { describe, expect, it } from 'vitest'
import { decodeImage } from '../../src/enforcement/decode-image'
import { readImageHeader } from '../../src/enforcement/image-header'
import { renderTile, toJpeg, toPng } from './corpus'

/** A PNG signature and an IHDR that declares `width` × `height`, and nothing else. */
function pngHeaderOnly(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  new DataView(bytes.buffer).setUint32(16, width)
  new DataView(bytes.buffer).setUint32(20, height)
  bytes[24] = 8
  bytes[25] = 6
  return bytes
}

describe('decodeImage', () => {
  const tile = renderTile('textile', 3, 48, 40)

  it('reads back a PNG and a JPEG at their size', () => {
    const png = decodeImage(toPng(tile))
    const jpeg = decodeImage(toJpeg(tile, 60))
    expect(png.ok && png.image.width === 48 && png.image.height === 40).toBe(true)
    expect(png.ok && png.image.data).toEqual(tile.data)
    expect(jpeg.ok && jpeg.format === 'jpeg' && jpeg.image.width === 48 && jpeg.image.height === 40).toBe(true)
  })

  it('refuses a huge declared size before decoding anything', () => {
    const r = decodeImage(pngHeaderOnly(100_000, 100_000))
    expect(r).toEqual({ ok: false, error: expect.stringContaining('over the 40000000-pixel limit') as string })
  })

  it('reads the declared size of a JPEG from its frame header', () => {
    expect(readImageHeader(toJpeg(tile))).toEqual({ ok: true, format: 'jpeg', width: 48, height: 40 })
  })

  it.each([
    ['empty file', new Uint8Array(0)],
    ['text', new TextEncoder().encode('hello, this is not a picture')],
    ['PNG cut after its header', toPng(tile).slice(0, 40)],
    ['PNG with its data scrambled', scramble(toPng(tile))],
    ['JPEG cut in half', toJpeg(tile).slice(0, 300)],
    ['JPEG header only', toJpeg(tile).slice(0, 4)],
  ])('reports a %s instead of throwing', (_name, bytes) => {
    let result: ReturnType<typeof decodeImage> | undefined
    expect(() => {
      result = decodeImage(bytes)
    }).not.toThrow()
    // A truncated JPEG may still decode (jpeg-js is tolerant); anything else must be refused.
    if (result && !result.ok) expect(result.error.length).toBeGreaterThan(5)
    if (result?.ok) expect(result.format).toBe('jpeg')
  })
})

function scramble(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes)
  for (let i = 40; i < out.length - 12; i += 7) out[i] = out[i]! ^ 0x5a
  return out
}
