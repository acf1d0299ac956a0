/**
 * The bench mode without the fake's checks (FigmaWorldOptions.checks false; README "Bench mode
 * without checks"): the plugin must read and write exactly what it does on the checked fake, so
 * the `*.pluginOnly.*` bench figures measure the same work.
 */
import { describe, expect, test } from 'vitest'
import { captureAsync, markAsync } from '../../src/ui/workflows'
import { ADA, captured, drawPattern, openPlugin, ORIGIN } from '../support/plugin-session'
import { createFigmaWorld } from './index'

async function markEditCapture(checks: boolean) {
  const world = createFigmaWorld({ checks })
  const ada = openPlugin(world, ADA)
  const { frame, tiles } = drawPattern(world, ada, 6)
  const mark = await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
  expect(mark.kind === 'done' && mark.marked.length).toBe(1)
  world.edit(ada.session, () => {
    tiles[1]!.x += 12
    tiles[3]!.fills = [{ type: 'SOLID', color: { r: 0.1, g: 0.7, b: 0.3 } }]
    tiles[4]!.remove()
  })
  await world.flush()
  const result = captured(await captureAsync(frame.id, ada.ctx))
  await world.flush()
  const keys = frame.getPluginDataKeys().sort()
  return { hcc: result.score.hcc, keys, sizes: keys.map((k) => frame.getPluginData(k).length), removed: tiles[4]! }
}

describe('the bench mode without checks', () => {
  test('the plugin marks, journals and captures the same as on the checked fake', async () => {
    const checked = await markEditCapture(true)
    const unchecked = await markEditCapture(false)
    expect(unchecked.hcc).toBe(checked.hcc)
    expect(unchecked.keys).toEqual(checked.keys)
    expect(unchecked.sizes).toEqual(checked.sizes)
  })

  test('what it turns off: a removed node still reads, children arrays are not frozen', async () => {
    const checked = await markEditCapture(true)
    const unchecked = await markEditCapture(false)
    expect(() => checked.removed.name).toThrow(/does not exist/)
    expect(unchecked.removed.name).toBe('Tile 5')
    const world = createFigmaWorld({ checks: false })
    const s = world.openSession()
    expect(Object.isFrozen(s.figma.currentPage.children)).toBe(false)
  })
})
