/**
 * The fast PNG path (src/pack/png-decode.ts) against fast-png, on PNGs whose scanlines
 * use every filter type, in every 8-bit colour type, through both inflaters.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decode } from 'fast-png'
import { zlibSync } from 'fflate'
import { crc32 } from '../../src/pack/crc32'
import { decodeSimplePngAsync, inflateWithFflate, nativeInflate } from '../../src/pack/png-decode'

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** Encodes with the given filter per row (0 none, 1 sub, 2 up, 3 average, 4 Paeth). */
function filteredPng(width: number, height: number, channels: 1 | 2 | 3 | 4, pixels: Uint8Array, filters: number[]): Uint8Array {
  const stride = width * channels
  const raw = new Uint8Array((stride + 1) * height)
  for (let y = 0; y < height; y++) {
    const f = filters[y % filters.length]!
    raw[y * (stride + 1)] = f
    for (let i = 0; i < stride; i++) {
      const x = pixels[y * stride + i]!
      const a = i >= channels ? pixels[y * stride + i - channels]! : 0
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0
      const c = i >= channels && y > 0 ? pixels[(y - 1) * stride + i - channels]! : 0
      const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c)
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      raw[y * (stride + 1) + 1 + i] = (x - pred) & 0xff
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = channels === 1 ? 0 : channels === 2 ? 4 : channels === 3 ? 2 : 6
  const z = zlibSync(raw)
  // Split IDAT in two, as encoders do for large images.
  const half = Math.floor(z.length / 2)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', z.subarray(0, half)), chunk('IDAT', z.subarray(half)), chunk('IEND', new Uint8Array())])
}

function rgbaFromFastPng(png: Uint8Array): Uint8Array {
  const d = decode(png)
  const n = d.width * d.height
  const out = new Uint8Array(n * 4)
  for (let i = 0; i < n; i++) {
    const s = i * d.channels
    const g = d.data[s]!
    out[i * 4] = d.channels >= 3 ? d.data[s]! : g
    out[i * 4 + 1] = d.channels >= 3 ? d.data[s + 1]! : g
    out[i * 4 + 2] = d.channels >= 3 ? d.data[s + 2]! : g
    out[i * 4 + 3] = d.channels === 4 ? d.data[s + 3]! : d.channels === 2 ? d.data[s + 1]! : 255
  }
  return out
}

describe('the fast PNG decoder', () => {
  it('decodes every filter and 8-bit colour type exactly as fast-png does', async () => {
    expect(nativeInflate()).not.toBeNull() // Node 20 has DecompressionStream, like Chromium
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(1, 2, 3, 4),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 8 }),
        fc.integer(),
        async (w, h, channels, filters, seed) => {
          let s = seed
          const pixels = new Uint8Array(w * h * channels).map(() => ((s = (s * 1103515245 + 12345) | 0) >>> 16) & 0xff)
          const png = filteredPng(w, h, channels as 1 | 2 | 3 | 4, pixels, filters)
          const want = rgbaFromFastPng(png)
          for (const inflate of [inflateWithFflate, nativeInflate()!]) {
            const got = await decodeSimplePngAsync(png, 1e8, inflate)
            expect(got).not.toBeNull()
            expect(Buffer.from(got!.data).equals(Buffer.from(want))).toBe(true)
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  it('returns null (never throws) for damaged data, sizes that lie, and what it does not handle', async () => {
    const png = filteredPng(8, 8, 4, new Uint8Array(256).fill(7), [4])
    const damaged = Buffer.from(png)
    damaged[60] ^= 0xff
    expect(await decodeSimplePngAsync(damaged, 1e8)).toBeNull()
    const taller = Buffer.from(png)
    taller.writeUInt32BE(9, 20) // IHDR height 9: more rows than the data holds
    expect(await decodeSimplePngAsync(taller, 1e8)).toBeNull()
    expect(await decodeSimplePngAsync(png, 63)).toBeNull() // over the pixel cap
    const sixteen = Buffer.from(png)
    sixteen[24] = 16
    expect(await decodeSimplePngAsync(sixteen, 1e8)).toBeNull()
    expect(await decodeSimplePngAsync(new Uint8Array([1, 2, 3]), 1e8)).toBeNull()
  })
})
