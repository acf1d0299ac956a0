/**
 * The designer's day, in the playground (the built plugin on the simulated Figma):
 * marks an untracked AI pattern with its origin, edits it on the canvas (recolour, move,
 * delete, draw), captures and reads the score and the journal, undoes an edit and
 * captures again. Then the same journey with the keyboard only, and every tab of the
 * plugin through axe. Needs `npm run build` (npm test builds first).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Frame, Page } from 'playwright-core'
import { CAPTURE } from './names'
import {
  drag,
  openTab,
  eventually,
  focused,
  press,
  tabTo,
  type Focus,
  JOURNEY_TIMEOUT_MS,
  locate,
  pluginData,
  selectLayer,
  axeFailures,
  shownHcc,
  startJourneyHost,
  type JourneyHost,
} from './support'

/** Origin fields by their visible label (a required field's label ends in “*”). */
const ORIGIN: [label: RegExp, value: string][] = [
  [/^Generator \(tool\)/, 'Adobe Firefly'],
  [/^Model( \*)?$/, 'Firefly Image 3'],
  [/^Prompt$/, 'geometric tile, four colours, mid-century textile'],
]

let host: JourneyHost | undefined
beforeAll(async () => {
  host = await startJourneyHost('designer')
})
afterAll(async () => {
  await host?.close()
})

async function goToPage(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name, exact: true }).click()
  await eventually(() => page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name, exact: true }).getAttribute('aria-current')).toBe('page')
}

async function captureShown(plugin: Frame): Promise<number> {
  await plugin.getByRole('button', { name: 'Capture provenance', exact: true }).click()
  await eventually(() => plugin.getByRole('region', { name: /^Capture result for / }).count(), { timeout: 20_000 }).toBe(1)
  return shownHcc(plugin)
}

describe('designer journey', () => {
  test(
    'marks a pattern with its AI origin, edits it, captures, undoes an edit and captures again',
    async () => {
      const journey = await host!.open()
      const { page } = journey
      try {
        const plugin = await journey.plugin()
        await eventually(() => plugin.getByText('Nothing is selected.').count(), { timeout: 15_000 }).toBe(1)
        await journey.screen('start', { playground: true })

        // Untracked AI artwork on page 2.
        await goToPage(page, 'Artwork')
        await selectLayer(page, 'Geometric tile')
        await plugin.getByRole('button', { name: 'Mark as AI-generated' }).click()
        const form = plugin.getByRole('form', { name: 'AI origin' })
        for (const [label, value] of ORIGIN) await form.getByLabel(label).fill(value)
        await journey.screen('mark-origin')
        await form.getByRole('button', { name: 'Mark as AI-generated' }).click()
        await eventually(() => plugin.getByText(/Marked 1 layer/).count(), { timeout: 15_000 }).toBeGreaterThan(0)
        expect(await pluginData(page, 'Geometric tile', 'record')).toContain('Adobe Firefly')
        await journey.screen('marked')

        // Edits on the canvas: recolour, move, delete, draw.
        await selectLayer(page, 'Square 1')
        await page.getByLabel('Fill colour', { exact: true }).fill('#1b998b')
        await page.getByRole('button', { name: 'Recolour' }).click()
        await selectLayer(page, 'Circle 2')
        const circle = await locate(page, 'Circle 2')
        await drag(page, circle, { x: circle.x + 30, y: circle.y + 24 })
        await eventually(() => page.locator('.pg-props').innerText()).toMatch(/Position\s+\d+, \d+/)
        await selectLayer(page, 'Square 9')
        await page.getByRole('button', { name: 'Delete', exact: true }).click()
        await expect(page.getByRole('option', { name: 'Square 9', exact: true }).count()).resolves.toBe(0)
        await page.getByRole('button', { name: 'Rectangle', exact: true }).click()
        const from = (await page.evaluate('__playground.toClient(104, 104)')) as { x: number; y: number }
        await drag(page, from, { x: from.x + 50, y: from.y + 36 })
        const drawn = page.getByRole('listbox', { name: 'Layers' }).getByRole('option', { name: /^Rectangle \d+$/ })
        await eventually(() => drawn.count()).toBe(1)

        // Capture: the score, why, and the journal.
        await selectLayer(page, 'Geometric tile')
        const first = await captureShown(plugin)
        expect(first).toBeGreaterThan(0)
        const result = plugin.getByRole('region', { name: /^Capture result for Geometric tile/ })
        await eventually(() => result.innerText()).toMatch(/Edit journal/)
        await eventually(() => result.innerText()).toMatch(/Ada Designer/)
        await eventually(() => result.innerText()).toMatch(/chain verified/)
        await eventually(() => result.innerText()).toMatch(/Square 1/)
        await journey.screen('captured', { playground: true })
        // Method 2 draws where the human contribution is.
        const heatMap = result.getByRole('figure', { name: CAPTURE.heatMap })
        await eventually(() => heatMap.count()).toBe(1)
        await eventually(() => heatMap.innerText()).toMatch(/changed [\d.]+ ?%[\s\S]*added [\d.]+ ?%/)
        await heatMap.scrollIntoViewIfNeeded()
        await journey.screen('heat-map')

        // Undo the drawing (Figma's undo also reverts plugin writes: press until it is gone).
        for (let i = 0; i < 3 && (await drawn.count()) > 0; i++) {
          await page.getByRole('button', { name: 'Undo', exact: true }).click()
        }
        expect(await drawn.count()).toBe(0)
        await selectLayer(page, 'Geometric tile')
        const again = await captureShown(plugin)
        expect(again).toBeLessThan(first)
        expect(again).toBeGreaterThan(0)
        await journey.screen('captured-after-undo')

        expect(journey.errors).toEqual([])
        expect(axeFailures(journey.reports)).toEqual([])
      } finally {
        await journey.close()
      }
    },
    JOURNEY_TIMEOUT_MS,
  )

  test(
    'every tab of the plugin passes axe in light and dark',
    async () => {
      const journey = await host!.open({ search: '?person=1001' })
      try {
        const plugin = await journey.plugin()
        await selectLayer(journey.page, 'Indigo paisley repeat')
        await eventually(() => plugin.getByRole('button', { name: 'Capture provenance', exact: true }).count(), { timeout: 15_000 }).toBe(1)
        await journey.screen('tracked-selected')
        const tabs = await plugin.getByRole('radio').evaluateAll((inputs) =>
          inputs.map((input) => (input as HTMLInputElement).value).filter((value) => value !== ''),
        )
        expect(tabs.length).toBeGreaterThan(1)
        for (const tab of tabs.slice(1)) {
          await openTab(plugin, tab)
          await journey.page.waitForTimeout(300)
          await journey.screen(`tab-${tab.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`)
        }
        expect(journey.errors).toEqual([])
        expect(axeFailures(journey.reports)).toEqual([])
      } finally {
        await journey.close()
      }
    },
    JOURNEY_TIMEOUT_MS,
  )

  test(
    'the same journey with the keyboard only (Tab, Enter, Space, Escape, arrows), focus always visible',
    async () => {
      const journey = await host!.open()
      const { page } = journey
      const stops: Focus[] = []
      const is = (where: Focus['where'], name: string | RegExp) => (f: Focus) =>
        f.where === where && (typeof name === 'string' ? f.name === name : name.test(f.name))
      const layer = async (name: string): Promise<void> => {
        // In the layer list: arrows move through the layers (and select), Home goes to the top. The
        // Artwork page holds a repeat of 16 instances (issue #19) above the tile, hence the long walk.
        await press(journey, stops, 'Home')
        for (let i = 0; i < 400; i++) {
          const f = await focused(journey)
          if (f?.name === name) {
            await press(journey, stops, 'Space')
            return
          }
          await press(journey, stops, 'ArrowDown')
        }
        throw new Error(`no layer “${name}” in the list`)
      }
      const layerList = (f: Focus) => f.where === 'page' && f.role === 'option'
      try {
        const plugin = await journey.plugin()
        await eventually(() => plugin.getByText('Nothing is selected.').count(), { timeout: 15_000 }).toBe(1)

        await tabTo(journey, stops, is('page', 'Artwork'))
        await press(journey, stops, 'Enter')
        await tabTo(journey, stops, layerList)
        await layer('Geometric tile')

        // Mark, in the plugin.
        await tabTo(journey, stops, is('plugin', 'Mark as AI-generated'))
        await press(journey, stops, 'Enter')
        for (const [label, value] of ORIGIN) {
          await tabTo(journey, stops, (f) => f.where === 'plugin' && label.test(f.name))
          await page.keyboard.type(value)
        }
        await tabTo(journey, stops, is('plugin', 'Mark as AI-generated'))
        await press(journey, stops, 'Enter')
        await eventually(() => plugin.getByText(/Marked 1 layer/).count(), { timeout: 15_000 }).toBeGreaterThan(0)

        // Recolour Square 1.
        await tabTo(journey, stops, layerList, { backward: true })
        await layer('Square 1')
        await tabTo(journey, stops, is('page', 'Fill colour'))
        await page.keyboard.press('ControlOrMeta+A')
        await page.keyboard.type('#1b998b')
        await press(journey, stops, 'Enter')
        await eventually(() => page.locator('.pg-props').innerText()).toMatch(/#1b998b/)

        // Move Circle 2 with the arrows on the canvas.
        await tabTo(journey, stops, layerList, { backward: true })
        await layer('Circle 2')
        await tabTo(journey, stops, (f) => f.where === 'page' && f.role === 'img')
        for (let i = 0; i < 3; i++) await press(journey, stops, 'Shift+ArrowRight')
        await eventually(() => page.locator('.pg-props').innerText()).toMatch(/Position\s+170, 20/)

        // Delete Square 9 from the layer list; Escape on the canvas clears the selection.
        await tabTo(journey, stops, layerList, { backward: true })
        await layer('Square 9')
        await press(journey, stops, 'Delete')
        await eventually(() => page.getByRole('option', { name: 'Square 9', exact: true }).count()).toBe(0)

        // Draw a rectangle in the tile: the tool, from the keyboard, draws at once.
        await layer('Circle 8')
        await tabTo(journey, stops, is('page', 'Rectangle'))
        await press(journey, stops, 'Enter')
        const drawn = page.getByRole('listbox', { name: 'Layers' }).getByRole('option', { name: /^Rectangle \d+$/ })
        await eventually(() => drawn.count()).toBe(1)
        await tabTo(journey, stops, (f) => f.where === 'page' && f.role === 'img')
        await press(journey, stops, 'Escape')
        await eventually(() => page.locator('.pg-properties').innerText()).toMatch(/Nothing selected/)

        // Capture.
        await tabTo(journey, stops, layerList, { backward: true })
        await layer('Geometric tile')
        await tabTo(journey, stops, is('plugin', 'Capture provenance'))
        await press(journey, stops, 'Enter')
        await eventually(() => plugin.getByRole('region', { name: /^Capture result for Geometric tile/ }).count(), { timeout: 20_000 }).toBe(1)
        const first = await shownHcc(plugin)
        expect(first).toBeGreaterThan(0)

        // A confirmation in the plugin: Escape cancels it, nothing is unmarked.
        await tabTo(journey, stops, is('plugin', 'Unmark…'), { backward: true })
        await press(journey, stops, 'Enter')
        const dialog = plugin.getByRole('alertdialog')
        await eventually(() => dialog.count()).toBe(1)
        await press(journey, stops, 'Escape')
        await eventually(() => dialog.count()).toBe(0)
        expect(await pluginData(page, 'Geometric tile', 'record')).not.toBe('')

        // Undo the drawing with the editor's shortcut, capture again.
        await tabTo(journey, stops, layerList, { backward: true })
        for (let i = 0; i < 3 && (await drawn.count()) > 0; i++) await press(journey, stops, 'ControlOrMeta+Z')
        expect(await drawn.count()).toBe(0)
        await layer('Geometric tile')
        await tabTo(journey, stops, is('plugin', 'Capture provenance'))
        await press(journey, stops, 'Space')
        await eventually(async () => shownHcc(plugin), { timeout: 20_000 }).toBeLessThan(first)

        const invisible = stops.filter((f) => !f.visible).map((f) => `${f.where}: ${f.role} “${f.name}”`)
        expect(Array.from(new Set(invisible))).toEqual([])
        expect(journey.errors).toEqual([])
      } finally {
        await journey.close()
      }
    },
    JOURNEY_TIMEOUT_MS,
  )
})
