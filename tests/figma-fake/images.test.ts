import { encode as encodePng } from 'fast-png'
import jpeg from 'jpeg-js'
import { describe, expect, it } from 'vitest'
import { createFigmaWorld } from './index'

const png = (w: number, h: number, v = 128) => encodePng({ width: w, height: h, data: new Uint8Array(w * h * 4).fill(v), channels: 4, depth: 8 })

describe('images in the fake', () => {
  it('createImage hashes real PNG and JPEG bytes; getImageByHash finds them; bytes and size come back', async () => {
    const world = createFigmaWorld()
    const figma = world.openSession().figma
    const bytes = png(30, 20)
    const image = figma.createImage(bytes)
    expect(image.hash).toMatch(/^[0-9a-f]{40}$/)
    expect(figma.createImage(png(30, 20)).hash).toBe(image.hash)
    expect(await image.getSizeAsync()).toEqual({ width: 30, height: 20 })
    expect(await figma.getImageByHash(image.hash)!.getBytesAsync()).toEqual(bytes)
    const jpg = jpeg.encode({ width: 16, height: 8, data: Buffer.alloc(16 * 8 * 4, 90) }, 80).data
    const j = figma.createImage(new Uint8Array(jpg))
    expect(j.hash).not.toBe(image.hash)
    expect(await j.getSizeAsync()).toEqual({ width: 16, height: 8 })
    expect(figma.getImageByHash('0'.repeat(40))).toBe(null)
  })

  it('refuses what Figma refuses: not an image, over 4096 px a side', () => {
    const figma = createFigmaWorld().openSession().figma
    expect(() => figma.createImage(new Uint8Array([1, 2, 3, 4]))).toThrow(/unsupported/)
    expect(() => figma.createImage(png(4097, 1))).toThrow(/too large/)
  })

  it('keeps image paints with their placement and adjustments on a rectangle', () => {
    const figma = createFigmaWorld().openSession().figma
    const image = figma.createImage(png(8, 8))
    const r = figma.createRectangle()
    r.fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode: 'CROP', imageTransform: [[0.5, 0, 0], [0, 0.5, 0]], filters: { exposure: 0.2 } }]
    const f = r.fills[0] as ImagePaint
    expect(f).toMatchObject({ type: 'IMAGE', imageHash: image.hash, scaleMode: 'CROP', imageTransform: [[0.5, 0, 0], [0, 0.5, 0]], filters: { exposure: 0.2 }, opacity: 1, visible: true })
  })
})
