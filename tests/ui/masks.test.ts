/**
 * Masks read from Figma (issue #9, "not painted: masks"): the host sends `isMask`, the
 * baseline keeps it (format 5), and method 2 paints a mask as the clip it is — layers
 * above it in its parent show only inside it (plugin-api.d.ts:7597 BlendMixin.isMask).
 */
import { describe, expect, test } from 'vitest'
import { captureAsync, markAsync, readSnapshotAsync } from '../../src/ui/workflows'
import { createFigmaWorld } from '../figma-fake/index'
import { ADA, captured, openPlugin, ORIGIN } from '../support/plugin-session'

const RED = { r: 0.9, g: 0.1, b: 0.1 }
const BLUE = { r: 0.1, g: 0.2, b: 0.9 }

/**
 * A 400 × 400 cream frame; in a group, a 200 × 400 mask over the left half, then two
 * blue motifs above it — one inside the mask, one outside — and a red motif outside the group.
 */
async function session(masked: boolean) {
  const world = createFigmaWorld()
  const ada = openPlugin(world, ADA)
  let frame!: FrameNode
  let mask!: RectangleNode
  let outside!: EllipseNode
  world.edit(ada.session, () => {
    frame = ada.figma.createFrame()
    frame.name = 'Masked repeat'
    frame.resize(400, 400)
    frame.fills = [{ type: 'SOLID', color: { r: 0.98, g: 0.95, b: 0.88 } }]
    mask = ada.figma.createRectangle()
    mask.resize(200, 400)
    mask.fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }]
    mask.isMask = masked
    const inside = ada.figma.createEllipse()
    outside = ada.figma.createEllipse()
    for (const [motif, x] of [[inside, 50], [outside, 250]] as const) {
      motif.resize(100, 100)
      motif.x = x
      motif.y = 50
      motif.fills = [{ type: 'SOLID', color: BLUE }]
    }
    const red = ada.figma.createEllipse()
    red.resize(100, 100)
    red.x = 150
    red.y = 250
    red.fills = [{ type: 'SOLID', color: RED }]
    for (const n of [mask, inside, outside]) frame.appendChild(n)
    ada.figma.group([mask, inside, outside], frame)
    frame.appendChild(red)
  })
  const mark = await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
  expect(mark.kind === 'done' && mark.marked.length).toBe(1)
  const captureAfter = async (change: () => void) => {
    world.edit(ada.session, change)
    await world.flush()
    return captured(await captureAsync(frame.id, ada.ctx)).score.hcc
  }
  return { ada, frame, mask, outside, captureAfter }
}

describe('masks, read from Figma and painted', () => {
  test('the reading carries the mask flag, and an unchanged masked pattern scores 0', async () => {
    const s = await session(true)
    const read = await readSnapshotAsync(s.ada.client, s.frame.id)
    const masks = read.snapshot.elements.filter((e) => e.isMask)
    expect(masks.map((e) => e.id)).toEqual([s.mask.id])
    expect(await s.captureAfter(() => undefined)).toBe(0)
  })

  test('recolouring a motif the mask hides changes nothing anyone sees; without the mask it counts', async () => {
    const masked = await session(true)
    const plain = await session(false)
    const recolour = (motif: EllipseNode) => () => {
      motif.fills = [{ type: 'SOLID', color: { r: 0.1, g: 0.6, b: 0.2 } }]
    }
    expect(await masked.captureAfter(recolour(masked.outside))).toBe(0)
    expect(await plain.captureAfter(recolour(plain.outside))).toBeGreaterThan(0.05)
  })

  test('turning the mask off shows what it hid: a visible change', async () => {
    const s = await session(true)
    expect(await s.captureAfter(() => (s.mask.isMask = false))).toBeGreaterThan(0.1)
  })
})
