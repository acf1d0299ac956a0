/**
 * Issue #21, "what the screen says is what the file holds", played in the playground by
 * the three people (axe in light and dark at every screen, as every journey):
 * - Bo double-clicks Approve on the paisley: one approval (item 2);
 * - Lu selects it and runs Plugins → Capture provenance: nothing changed, so nothing is
 *   written, the approval stands and Ada stays the measurer (item 1);
 * - Ada recolours a motif, captures, presses Undo: the plugin stops showing the capture
 *   the file no longer holds and shows the stored one (item 6);
 * - with a team threshold between the score and its two-decimal rounding, the number shown
 *   keeps its label's side (item 10).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Frame, Page } from 'playwright-core'
import { PERSON, POLICY, REVIEW } from './names'
import { axeFailures, eventually, JOURNEY_TIMEOUT_MS, openTab, pluginData, reviewOf, reviewRow, runCommandAs, selectLayer, shownHcc, startJourneyHost, type JourneyHost } from './support'

const PAISLEY = 'Indigo paisley repeat'

let host: JourneyHost | undefined
beforeAll(async () => {
  host = await startJourneyHost('screen-follows-file')
})
afterAll(async () => {
  await host?.close()
})

async function goToPatterns(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Patterns', exact: true }).click()
}

interface StoredCapture {
  hcc: number
  label: string
  by: { name: string }
  at: string
}

async function storedCapture(page: Page): Promise<StoredCapture> {
  return (JSON.parse(await pluginData(page, PAISLEY, 'record')) as { capture: StoredCapture }).capture
}

async function decisions(page: Page): Promise<string[]> {
  const raw = await pluginData(page, PAISLEY, 'review')
  return raw ? (JSON.parse(raw) as { decisions: { decision: string }[] }).decisions.map((d) => d.decision) : []
}

async function capture(plugin: Frame): Promise<void> {
  await plugin.getByRole('button', { name: 'Capture provenance', exact: true }).click()
}

describe('the screen follows the file', () => {
  test(
    'one approval per double click; re-measuring keeps it; Undo of a capture is followed; a shown number keeps its label',
    async () => {
      const journey = await host!.open({ search: '?plugin=0' })
      const { page } = journey
      try {
        await goToPatterns(page)

        // Item 2: Bo double-clicks Approve.
        const review = await runCommandAs(journey, PERSON.artDirector, REVIEW.command)
        await reviewRow(review, PAISLEY).getByRole('button', { name: PAISLEY, exact: true }).click({ timeout: 20_000 })
        await reviewOf(review, PAISLEY).getByRole('button', { name: REVIEW.approve, exact: true }).dblclick()
        await eventually(() => reviewRow(review, PAISLEY).innerText(), { timeout: 20_000 }).toMatch(REVIEW.approved)
        await page.waitForTimeout(500)
        expect(await decisions(page)).toEqual(['approve'])
        await eventually(() => review.getByRole('list', { name: 'Review history' }).getByRole('listitem').count()).toBe(1)
        await journey.screen('follow-one-approval')
        const approved = await storedCapture(page)

        // Item 1: Lu runs Capture provenance on the unchanged paisley.
        await page.selectOption('#pg-person', PERSON.licensing)
        await selectLayer(page, PAISLEY)
        const lu = await runCommandAs(journey, PERSON.licensing, 'Capture provenance')
        await eventually(() => lu.getByText(/Nothing changed since the capture of .* by Ada/).count(), { timeout: 30_000 }).toBe(1)
        expect(await storedCapture(page)).toEqual(approved)
        expect(await decisions(page)).toEqual(['approve'])
        await journey.screen('follow-unchanged-capture')
        await openTab(lu, REVIEW.tab)
        await eventually(() => reviewRow(lu, PAISLEY).innerText(), { timeout: 20_000 }).toMatch(/Approved(?!, out of date)/)

        // Item 6: Ada recolours a motif, captures, then presses Undo once.
        await page.selectOption('#pg-person', PERSON.designer)
        await selectLayer(page, 'Paisley 2')
        await page.getByLabel('Fill colour', { exact: true }).fill('#c0392b')
        await page.getByRole('button', { name: 'Recolour' }).click()
        await selectLayer(page, PAISLEY)
        const ada = await runCommandAs(journey, PERSON.designer, 'Capture provenance')
        const result = ada.getByRole('region', { name: `Capture result for ${PAISLEY}` })
        await eventually(() => result.count(), { timeout: 30_000 }).toBe(1)
        const captured = await storedCapture(page)
        expect(captured.by.name).toMatch(/Ada/)
        await page.getByRole('button', { name: 'Undo', exact: true }).click()
        // The capture is the last undo step (its own, after the recolour): Undo reverts it,
        // and the plugin stops showing what the file no longer holds.
        await eventually(async () => (await storedCapture(page)).at, { timeout: 20_000 }).not.toBe(captured.at)
        await eventually(() => result.count(), { timeout: 20_000 }).toBe(0)
        await eventually(() => ada.getByText(/is no longer what “Indigo paisley repeat” holds/).count(), { timeout: 20_000 }).toBe(1)
        const held = await storedCapture(page)
        const stored = ada.getByRole('region', { name: `Stored capture of ${PAISLEY}` })
        await eventually(() => stored.innerText(), { timeout: 20_000 }).toContain(`by ${held.by.name}`)
        await journey.screen('follow-undone-capture')

        // Item 10: a team threshold between the score and its two-decimal rounding.
        await selectLayer(page, PAISLEY)
        const hcc = (await storedCapture(page)).hcc
        const rounded = Number(hcc.toFixed(2))
        const threshold = rounded > hcc ? rounded : Math.floor(hcc * 1e4) / 1e4
        expect(threshold).toBeGreaterThan(0)
        await openTab(ada, POLICY.tab)
        const policy = ada.getByRole('form', { name: 'Team policy' })
        await policy.getByLabel('“AI-assisted” from HCC').fill(String(threshold))
        await policy.getByRole('button', { name: POLICY.save }).click()
        await eventually(() => ada.getByText(/Saved\. The next capture uses policy/).count(), { timeout: 20_000 }).toBe(1)
        await openTab(ada, 'Capture')
        await capture(ada)
        await eventually(() => result.count(), { timeout: 30_000 }).toBe(1)
        const shown = await shownHcc(ada)
        const label = await result.locator('.lp-hcc-label').innerText()
        const expected = (await storedCapture(page)).hcc >= threshold ? 'AI-assisted' : 'AI-generated'
        expect(label).toBe(expected)
        expect(shown >= threshold ? 'AI-assisted' : 'AI-generated').toBe(label)
        await journey.screen('follow-label-threshold')

        expect(journey.errors).toEqual([])
        expect(axeFailures(journey.reports)).toEqual([])
      } finally {
        await journey.close()
      }
    },
    JOURNEY_TIMEOUT_MS * 2,
  )

  test(
    'Reset document asks first: declining keeps every change, accepting starts over (item 19)',
    async () => {
      const journey = await host!.open({ search: '?plugin=0' })
      const { page } = journey
      try {
        const layers = page.getByRole('listbox', { name: 'Layers' }).getByRole('option')
        // The last layer listed; its name is the option's text after the type glyph.
        const name = await layers.last().evaluate((el) => (el.lastChild?.textContent ?? '').trim())
        expect(name).not.toBe('')
        const count = () => page.getByRole('listbox', { name: 'Layers' }).getByRole('option', { name, exact: true }).count()
        const before = await count()
        await selectLayer(page, name)
        await page.keyboard.press('Delete')
        await eventually(count).toBe(before - 1)

        // Declined: the question was asked, and the deletion is still there.
        const asked: string[] = []
        page.once('dialog', (dialog) => {
          asked.push(`${dialog.type()}: ${dialog.message()}`)
          void dialog.dismiss()
        })
        await page.getByRole('button', { name: 'Reset document' }).click()
        await eventually(() => asked.length).toBe(1)
        expect(asked[0]).toMatch(/^confirm: Reset the document\?.*lost/)
        expect(await count()).toBe(before - 1)

        // Accepted: the page starts over with the layer back.
        page.once('dialog', (dialog) => void dialog.accept())
        await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reset document' }).click()])
        await page.waitForSelector('#playground[data-ready="true"]', { timeout: 30_000 })
        await eventually(count).toBe(before)
        expect(journey.errors).toEqual([])
      } finally {
        await journey.close()
      }
    },
    JOURNEY_TIMEOUT_MS,
  )
})
