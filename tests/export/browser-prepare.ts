/**
 * Bundled into the Chromium host page (tests/export/browser.test.ts): prepares the
 * file the Export tab is tested on — two licensed patterns, one approved — through
 * the real host and the UI workflows in other sessions of the same world.
 */
import type { FigmaWorld } from '../figma-fake/index'
import { licensedFile } from './support'

;(globalThis as unknown as { __prepareExport: () => Promise<string[]> }).__prepareExport = async () => {
  const world = (globalThis as unknown as { __world: FigmaWorld }).__world
  const { frames } = await licensedFile(world)
  return frames.map((f) => f.name)
}
