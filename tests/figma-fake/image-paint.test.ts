/**
 * The fake's PNG export paints image fills as Figma places them (image-paint.ts,
 * plugin-api.d.ts:4807-4839): a test of an exported picture or heat map sees the picture.
 */
import { decode as decodePng, encode as encodePng } from 'fast-png'
import jpeg from 'jpeg-js'
import { describe, expect, it } from 'vitest'
import { decodeImage } from '../../src/enforcement/decode-image'
import { decodeFakeImage } from './image-decode'
import { createFigmaWorld } from './index'

/** A 4 × 2 picture whose eight pixels all differ (so any turn, mirror or shift shows). */
const COLOURS: [number, number, number][] = [
  [255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 0],
  [255, 0, 255], [0, 255, 255], [128, 64, 0], [0, 0, 0],
]
function picture(): Uint8Array {
  const data = new Uint8Array(4 * 2 * 4)
  COLOURS.forEach((c, i) => data.set([...c, 255], i * 4))
  return encodePng({ width: 4, height: 2, data, channels: 4, depth: 8 })
}
/** The picture's pixel (x, y) colour, or null for nothing painted. */
const at = (x: number, y: number) => [...COLOURS[y * 4 + x]!, 255]
const NONE = [0, 0, 0, 0]
/** Which of the picture's pixels (or NONE) an exported pixel shows: the nearest (pixel centres blend a little with neighbours). */
function shown(px: number[]): number[] {
  const all = [...COLOURS.map((c) => [...c, 255]), NONE]
  const d = (q: number[]) => q.reduce((s, v, i) => s + Math.abs(v - px[i]!), 0)
  return all.reduce((best, q) => (d(q) < d(best) ? q : best))
}

async function exported(w: number, h: number, paint: Partial<ImagePaint>, bytes = picture()): Promise<(x: number, y: number) => number[]> {
  const figma = createFigmaWorld().openSession().figma
  const rect = figma.createRectangle()
  rect.resize(w, h)
  rect.fills = [{ type: 'IMAGE', imageHash: figma.createImage(bytes).hash, scaleMode: 'FILL', ...paint } as ImagePaint]
  const png = decodePng(await rect.exportAsync({ format: 'PNG', useAbsoluteBounds: true }))
  expect([png.width, png.height]).toEqual([w, h])
  return (x, y) => Array.from(png.data.slice((y * png.width + x) * 4, (y * png.width + x) * 4 + 4))
}

describe('image fills in the fake’s PNG export', () => {
  // [case, layer size, paint, [layer point (pixel), the picture's pixel shown there or NONE]]
  const cases: [string, [number, number], Partial<ImagePaint>, [[number, number], number[]][]][] = [
    ['FILL, same aspect: the whole picture', [40, 20], { scaleMode: 'FILL' }, [[[5, 5], at(0, 0)], [[35, 5], at(3, 0)], [[15, 15], at(1, 1)], [[25, 15], at(2, 1)]]],
    ['FILL, a square layer: covers it, centred, the sides cut', [40, 40], { scaleMode: 'FILL' }, [[[10, 10], at(1, 0)], [[30, 30], at(2, 1)], [[6, 30], at(1, 1)], [[34, 10], at(2, 0)]]],
    ['FIT, a square layer: inside it, centred, margins empty', [40, 40], { scaleMode: 'FIT' }, [[[5, 15], at(0, 0)], [[35, 25], at(3, 1)], [[20, 5], NONE], [[20, 35], NONE]]],
    ['TILE at scalingFactor 5: repeats from the top-left', [40, 20], { scaleMode: 'TILE', scalingFactor: 5 }, [[[2, 2], at(0, 0)], [[22, 12], at(0, 0)], [[17, 7], at(3, 1)], [[37, 17], at(3, 1)]]],
    ['CROP by imageTransform: the right half over the whole layer', [40, 20], { scaleMode: 'CROP', imageTransform: [[0.5, 0, 0.5], [0, 1, 0]] }, [[[10, 5], at(2, 0)], [[30, 15], at(3, 1)]]],
    ['FILL turned 90° clockwise: the left column on top, read right to left', [20, 40], { scaleMode: 'FILL', rotation: 90 }, [[[5, 5], at(0, 1)], [[15, 5], at(0, 0)], [[5, 35], at(3, 1)], [[15, 35], at(3, 0)]]],
    ['FILL turned 180°', [40, 20], { scaleMode: 'FILL', rotation: 180 }, [[[5, 5], at(3, 1)], [[35, 15], at(0, 0)]]],
    ['hidden paint: nothing', [40, 20], { visible: false }, [[[5, 5], NONE]]],
  ]
  it.each(cases)('%s', async (_name, [w, h], paint, points) => {
    const pixel = await exported(w, h, paint)
    for (const [[x, y], want] of points) expect(shown(pixel(x, y)), `at ${x}, ${y}: ${pixel(x, y).join(' ')}`).toEqual(want)
  })

  it('paint opacity and the picture’s own alpha multiply', async () => {
    const data = new Uint8Array(4 * 4 * 4)
    for (let i = 0; i < 16; i++) data.set([200, 100, 50, i < 8 ? 255 : 102], i * 4)
    const pixel = await exported(4, 4, { opacity: 0.5 }, encodePng({ width: 4, height: 4, data, channels: 4, depth: 8 }))
    expect(pixel(1, 0)).toEqual([200, 100, 50, 128])
    expect(pixel(1, 3)).toEqual([200, 100, 50, 51])
  })

  it('a large picture exported small averages its pixels (no aliasing to one of them)', async () => {
    const n = 256
    const data = new Uint8Array(n * n * 4)
    for (let i = 0; i < n * n; i++) {
      const v = ((i % n) + Math.floor(i / n)) % 2 ? 255 : 0
      data.set([v, v, v, 255], i * 4)
    }
    const pixel = await exported(16, 16, { scaleMode: 'FILL' }, encodePng({ width: n, height: n, data, channels: 4, depth: 8 }))
    for (const [x, y] of [[0, 0], [7, 9], [15, 15]] as const) expect(Math.abs(pixel(x, y)[0]! - 128)).toBeLessThanOrEqual(2)
  })

  it('refuses image adjustments rather than guessing Figma’s formulas', async () => {
    await expect(exported(8, 8, { filters: { exposure: 0.3 } })).rejects.toThrow(/filters .* not modelled/)
    // All-zero adjustments are no adjustment.
    const pixel = await exported(40, 20, { filters: { exposure: 0, contrast: 0 } })
    expect(shown(pixel(5, 5))).toEqual(at(0, 0))
  })

  it('a flipped layer shows its picture mirrored (the layer’s transform applies to its fill)', async () => {
    const figma = createFigmaWorld().openSession().figma
    const rect = figma.createRectangle()
    rect.resize(40, 20)
    rect.fills = [{ type: 'IMAGE', imageHash: figma.createImage(picture()).hash, scaleMode: 'FILL' }]
    rect.relativeTransform = [[-1, 0, 40], [0, 1, 0]]
    const png = decodePng(await rect.exportAsync({ format: 'PNG', useAbsoluteBounds: true }))
    const pixel = (x: number, y: number) => Array.from(png.data.slice((y * png.width + x) * 4, (y * png.width + x) * 4 + 4))
    expect(shown(pixel(5, 5))).toEqual(at(3, 0))
    expect(shown(pixel(35, 15))).toEqual(at(0, 1))
  })
})

describe('the fake reads image fills’ files as the plugin’s own decoder does', () => {
  const w = 7
  const h = 5
  const pixel = (i: number, c: number) => (i * 37 + c * 91 + ((i * c) % 13)) & 255
  const of = (channels: number) => Uint8Array.from({ length: w * h * channels }, (_, k) => pixel(Math.floor(k / channels), k % channels))
  const files: [string, Uint8Array][] = [
    ['PNG, RGBA', encodePng({ width: w, height: h, data: of(4), channels: 4, depth: 8 })],
    ['PNG, RGB', encodePng({ width: w, height: h, data: of(3), channels: 3, depth: 8 })],
    ['PNG, grey', encodePng({ width: w, height: h, data: of(1), channels: 1, depth: 8 })],
    ['PNG, grey and alpha', encodePng({ width: w, height: h, data: of(2), channels: 2, depth: 8 })],
    ['PNG, palette', encodePng({ width: w, height: h, data: Uint8Array.from({ length: w * h }, (_, i) => i % 3), channels: 1, depth: 8, palette: [[10, 20, 30], [200, 100, 0], [5, 250, 128]] })],
    ['JPEG', new Uint8Array(jpeg.encode({ width: w, height: h, data: Buffer.from(of(4)) }, 90).data)],
  ]
  it.each(files)('%s', (_name, bytes) => {
    const theirs = decodeImage(bytes)
    if (!theirs.ok) throw new Error(theirs.error)
    const mine = decodeFakeImage(bytes)
    expect([mine.width, mine.height]).toEqual([w, h])
    expect(mine.data).toEqual(theirs.image.data)
  })
})
