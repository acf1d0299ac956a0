/**
 * Records across a change of plugin id (issue #19, problem 9; README "Before the first real
 * use: the plugin id"). Private plugin data "is specific to your plugin ID. Plugins with other
 * IDs won't be able to read this data" and "Data will become inaccessible if your plugin ID
 * changes" (plugin-api.d.ts:6537-6541, getPluginData/setPluginData); shared plugin data is keyed
 * by namespace, not id (:6556-6560). The fake keeps private data per plugin id, so a document
 * written by a development build opened by a build with the real id shows what the README
 * promises: the private evidence is gone for the new id (the pattern reads as not tracked,
 * nothing is overwritten), the public summary survives, and marking again under the real id works.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { SUMMARY_KEY, SUMMARY_NAMESPACE } from '../../src/provenance/record'
import { captureAsync, markAsync } from '../../src/ui/workflows'
import { createFigmaWorld } from '../figma-fake/index'
import { ADA, captured, drawPattern, openPlugin, ORIGIN } from '../support/plugin-session'

const ROOT = join(import.meta.dirname, '../..')
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { id: string }
const REAL_ID = '1499999999999999999'

/** A pattern marked and captured by a build with the manifest's (placeholder) id, then that build closed. */
async function writtenInDevelopment() {
  const world = createFigmaWorld({ pluginId: manifest.id })
  const dev = openPlugin(world, ADA)
  const { frame, tiles } = drawPattern(world, dev)
  const mark = await markAsync(dev.client, [frame.id], ORIGIN, dev.ctx)
  expect(mark.kind === 'done' && mark.marked.length).toBe(1)
  world.edit(dev.session, () => (tiles[0]!.fills = [{ type: 'SOLID', color: { r: 0.9, g: 0.2, b: 0.1 } }]))
  await world.flush()
  const first = captured(await captureAsync(frame.id, dev.ctx))
  expect(first.score.hcc).toBeGreaterThan(0)
  await world.flush()
  const devKeys = frame.getPluginDataKeys().sort()
  const devData = devKeys.map((k) => frame.getPluginData(k))
  const summary = frame.getSharedPluginData(SUMMARY_NAMESPACE, SUMMARY_KEY)
  dev.figma.closePlugin()
  return { world, frame, tiles, devKeys, devData, summary, hcc: first.score.hcc }
}

describe('a document written under one plugin id, opened under another', () => {
  test('the README names the manifest id it tells you to replace before the first real use', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme).toContain('### Before the first real use: the plugin id')
    expect(readme).toContain(`(\`${manifest.id}\`) is a placeholder`)
  })

  test('the private evidence is unreadable under the new id: the pattern reads as not tracked', async () => {
    const dev = await writtenInDevelopment()
    expect(dev.devKeys).toEqual(expect.arrayContaining(['record']))
    const real = openPlugin(dev.world, ADA, { pluginId: REAL_ID })
    expect(real.figma.pluginId).toBe(REAL_ID)
    expect(dev.frame.getPluginDataKeys()).toEqual([]) // read as the real build: nothing of its own
    const outcome = await captureAsync(dev.frame.id, real.ctx)
    expect(outcome.kind).toBe('not-tracked')
  })

  test('the public summary (shared plugin data, namespace loomprint) survives the change', async () => {
    const dev = await writtenInDevelopment()
    expect(dev.summary).not.toBe('')
    const real = openPlugin(dev.world, ADA, { pluginId: REAL_ID })
    await dev.world.flush()
    expect(real.figma.pluginId).toBe(REAL_ID)
    expect(dev.frame.getSharedPluginData(SUMMARY_NAMESPACE, SUMMARY_KEY)).toBe(dev.summary)
  })

  test('marking again under the real id works, scores from the new baseline, and leaves the old id\'s data as it was', async () => {
    const dev = await writtenInDevelopment()
    const real = openPlugin(dev.world, ADA, { pluginId: REAL_ID })
    const mark = await markAsync(real.client, [dev.frame.id], ORIGIN, real.ctx)
    expect(mark.kind === 'done' && mark.marked.length).toBe(1)
    // The new baseline is the pattern as it is now (with the development-time recolour).
    expect(captured(await captureAsync(dev.frame.id, real.ctx)).score.hcc).toBe(0)
    await dev.world.flush()
    expect(dev.frame.getPluginDataKeys()).toEqual(expect.arrayContaining(['record']))
    real.figma.closePlugin()
    // A development build opened again still finds its own evidence, byte for byte.
    const again = openPlugin(dev.world, ADA)
    expect(again.figma.pluginId).toBe(manifest.id)
    expect(dev.devKeys.map((k) => dev.frame.getPluginData(k))).toEqual(dev.devData)
    expect(captured(await captureAsync(dev.frame.id, again.ctx)).score.hcc).toBeCloseTo(dev.hcc, 9)
  })
})
