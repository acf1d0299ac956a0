/**
 * The relaunch button: a designer selects a tracked pattern and presses "Capture
 * provenance" in the properties panel. Figma starts the plugin with that command
 * (figma.command, plugin-api.d.ts) and the UI captures at once, no extra click.
 *
 * The tracked pattern is prepared in Node (marked through the real host on the fake),
 * then its plugin data is put on the same layers in the browser's fake document.
 */
import { afterEach, expect, test } from 'vitest'
import { markAsync } from '../../src/ui/workflows'
import { readBuildOutput } from '../build/paths'
import { createFigmaWorld, type FigmaWorld } from '../figma-fake/index'
import { openPluginInBrowser, type BrowserPlugin } from '../harness/browser'
import { openPlugin, ORIGIN } from '../support/plugin-session'

/** Builds the pattern; runs in Node and in the browser page alike. */
const BUILD = `
  var figma = __session.figma, frame;
  __world.edit(__session, function () {
    frame = figma.createFrame();
    frame.name = 'Damask panel';
    frame.resize(200, 200);
    var dot = figma.createEllipse();
    dot.resize(60, 60); dot.x = 70; dot.y = 70;
    dot.fills = [{ type: 'SOLID', color: { r: 0.55, g: 0.1, b: 0.2 } }];
    frame.appendChild(dot);
  });
  return frame;`

async function trackedPluginData(): Promise<Record<string, string>> {
  const world: FigmaWorld = createFigmaWorld()
  const ada = openPlugin(world)
  const frame = new Function('__session', '__world', BUILD)(ada.session, world) as FrameNode
  const marked = await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
  expect(marked).toMatchObject({ kind: 'done', failed: [] })
  return Object.fromEntries(frame.getPluginDataKeys().map((key) => [key, frame.getPluginData(key)]))
}

let plugin: BrowserPlugin | undefined
afterEach(async () => {
  await plugin?.close()
  plugin = undefined
})

test('the relaunch button on a tracked layer captures straight away', async () => {
  const data = await trackedPluginData()
  plugin = await openPluginInBrowser({
    mainJs: readBuildOutput('build/main.js'),
    uiHtml: readBuildOutput('build/ui.html'),
    command: 'capture',
    setup: `(function () {
      var frame = (function () { ${BUILD} })();
      var data = ${JSON.stringify(data)};
      __world.edit(__session, function () {
        Object.keys(data).forEach(function (key) { frame.setPluginData(key, data[key]); });
        __session.figma.currentPage.selection = [frame];
      });
      globalThis.__frame = frame;
    })();`,
  })
  const { frame, page } = plugin
  await expect.poll(() => frame.locator('.lp-hcc').textContent(), { timeout: 15_000 }).toBe('0.00')
  const record = JSON.parse(String(await page.evaluate('__frame.getPluginData("record")'))) as { capture: { hcc: number } | null }
  expect(record.capture?.hcc).toBe(0)
  expect(plugin.errors).toEqual([])
})
