/**
 * Pictures through the plugin (issue #20), on the fake: an AI tile delivered as an image
 * fill is marked (its picture sampled into the baseline), edited outside Figma and placed
 * back, and captured. Main hands the bytes over in slices; the UI decodes and samples.
 */
import { decode as decodePng, encode as encodePng } from 'fast-png'
import jpeg from 'jpeg-js'
import { describe, expect, test } from 'vitest'
import { captureAsync, markAsync } from '../../src/ui/workflows'
import { readPicturesAsync } from '../../src/ui/capture/read-pictures'
import { readSnapshotAsync } from '../../src/ui/capture/read-snapshot'
import { createFigmaWorld } from '../figma-fake/index'
import { paintOver, painterly, type Picture } from '../provenance/judged/pictures-set'
import { decodePictureInNode } from '../support/decode-picture'
import { ADA, captured, openPlugin, ORIGIN } from '../support/plugin-session'

const png = (p: Picture) => encodePng({ width: p.width, height: p.height, data: p.data, channels: 4, depth: 8 })
/** The picture saved as a JPEG file (quality 75), as an image editor saves it. */
const jpg = (p: Picture) => new Uint8Array(jpeg.encode({ width: p.width, height: p.height, data: Buffer.from(p.data) }, 75).data)

async function tile() {
  const world = createFigmaWorld()
  const ada = openPlugin(world, ADA)
  const ai = painterly(11)
  let frame!: FrameNode
  let rect!: RectangleNode
  world.edit(ada.session, () => {
    frame = ada.figma.createFrame()
    frame.name = 'AI painterly tile'
    frame.resize(400, 400)
    rect = ada.figma.createRectangle()
    rect.name = 'AI tile picture'
    rect.resize(400, 400)
    const image = ada.figma.createImage(png(ai))
    rect.fills = [{ type: 'IMAGE', imageHash: image.hash, scaleMode: 'FILL' }]
    frame.appendChild(rect)
  })
  const mark = await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
  expect(mark.kind === 'done' && mark.marked.length).toBe(1)
  const placeBack = async (bytes: Uint8Array) => {
    world.edit(ada.session, () => {
      rect.fills = [{ type: 'IMAGE', imageHash: ada.figma.createImage(bytes).hash, scaleMode: 'FILL' }]
    })
    await world.flush()
    return captured(await captureAsync(frame.id, ada.ctx))
  }
  return { world, ada, ai, frame, rect, placeBack }
}

describe('pictures through the plugin', () => {
  test('the same picture re-saved as JPEG and placed back scores below 0.1 (it scored 1.000 before pictures were read)', async () => {
    const t = await tile()
    const result = await t.placeBack(jpg(t.ai))
    expect(result.score.hcc).toBeLessThan(0.1)
    expect(result.score.label).toBe('AI-generated')
    expect(result.pictures).toHaveLength(1)
    expect(result.pictures[0]).toMatchObject({ id: t.rect.id, replaced: true, changedShare: 0 })
  }, 60_000)

  test('painting over a third of the tile scores at least 0.1, and the result says a third of the picture changed', async () => {
    const t = await tile()
    const painted = paintOver(t.ai, painterly(53, 512, [[20, 60, 40], [240, 240, 250], [150, 30, 90]]), (x) => x < 171)
    const result = await t.placeBack(png(painted))
    expect(result.score.hcc).toBeGreaterThanOrEqual(0.1)
    expect(result.pictures[0]!.changedShare).toBeGreaterThan(0.25)
    expect(result.pictures[0]!.changedShare).toBeLessThan(0.45)
    // The heat map marks the painted third, not the whole picture.
    const { width, kinds } = result.heat!
    let left = 0
    let right = 0
    for (let p = 0; p < kinds.length; p++) {
      if (kinds[p] === 0) continue
      if (p % width < width / 3) left++
      else if (p % width > width / 2) right++
    }
    expect(left).toBeGreaterThan(0)
    expect(right).toBe(0)
  }, 60_000)

  test('flipping the picture’s layer in Figma shows the picture mirrored; a mirror is placement, so it stays AI-generated, and back counts nothing', async () => {
    const t = await tile()
    const shot = async () => decodePng(await t.rect.exportAsync({ format: 'PNG', useAbsoluteBounds: true, constraint: { type: 'SCALE', value: 0.25 } }))
    const before = await shot()
    const flip = async () => {
      t.world.edit(t.ada.session, () => {
        const [[a, b, x], [c, d, y]] = t.rect.relativeTransform
        t.rect.relativeTransform = [[-a, b, x + a * t.rect.width], [-c, d, y + c * t.rect.width]]
      })
      await t.world.flush()
      return captured(await captureAsync(t.frame.id, t.ada.ctx))
    }
    const flipped = await flip()
    // The export (the Export tab, the Review thumbnail) shows the picture mirrored in place.
    const after = await shot()
    const px = (img: typeof before, x: number, y: number) => Array.from(img.data.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 3))
    expect(px(after, 10, 40)).toEqual(px(before, before.width - 1 - 10, 40))
    expect(flipped.score.hcc).toBeLessThan(0.1)
    const back = await flip()
    expect(back.score.hcc).toBeLessThan(0.02)
  }, 60_000)

  test('picture bytes come to the UI in slices under the message budget', async () => {
    const t = await tile()
    const reading = await readSnapshotAsync(t.ada.client, t.frame.id)
    const sizes: number[] = []
    const original = t.ada.client.request.bind(t.ada.client)
    const spy = { ...t.ada.client, request: ((name: never, params: never, opts?: { onProgress?: (p: { data?: unknown }) => void }) =>
      original(name, params, { ...opts, onProgress: (p: { data?: unknown }) => {
        const d = p.data as { bytes?: Uint8Array } | undefined
        if (d?.bytes) sizes.push(d.bytes.length)
        opts?.onProgress?.(p as never)
      } } as never)) as typeof t.ada.client.request }
    const withPictures = await readPicturesAsync(spy, reading.snapshot, { decode: decodePictureInNode, messageBudgetBytes: 64 * 1024 })
    expect(Object.keys(withPictures.images!)).toHaveLength(1)
    expect(sizes.length).toBeGreaterThan(1)
    for (const s of sizes) expect(s).toBeLessThanOrEqual(63 * 1024)
  }, 60_000)
})
