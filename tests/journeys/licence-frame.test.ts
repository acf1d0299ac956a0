/**
 * Issue #24: the License form stays usable with the contract frame. Counsel's frame is
 * typed once and kept as the team default; after that a licensing team completes a
 * non-exclusive licence for another pattern with three inputs (two fields of use and
 * the fee) — everything else comes from the team policy — in light and dark (axe on
 * both themes through `journey.screen`). The time taken is printed as a figure, never
 * asserted (house rule: no timings in tests); what is asserted is that those three
 * inputs are all it takes, and that the saved terms carry the frame.
 */
import type { Frame, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { LICENSE, PERSON, REVIEW } from './names'
import { axeFailures, eventually, JOURNEY_TIMEOUT_MS, openTab, runCommandAs, startJourneyHost, type JourneyHost } from './support'

/** The frame's accessible names (contract-frame.tsx). */
const FRAME = {
  heading: 'Contract frame',
  status: /^Needs contract frame|^The schedule incorporates/,
  templateId: 'Template id',
  templateVersion: 'Template version',
  templateSha256: 'Template SHA-256',
  lawCountry: 'Governing law country',
  forum: 'Forum',
  licensorName: 'Licensor legal name',
  licensorAddress: 'Licensor registered address',
  licensorNotice: 'Licensor notice contact',
  licensorSignatory: 'Licensor signatory',
  makeDefault: 'Make this frame the team default',
} as const

let host: JourneyHost | undefined
beforeAll(async () => {
  host = await startJourneyHost('licence-frame')
})
afterAll(async () => {
  await host?.close()
})

const layer = (page: Page, name: string) => page.getByRole('listbox', { name: 'Layers' }).getByRole('option', { name, exact: true })
const box = (scope: Locator | Frame, name: string) => scope.getByRole('textbox', { name, exact: true })

describe('licensing team with a contract frame', () => {
  test(
    'types counsel’s frame once; the next non-exclusive licence takes three inputs from the team defaults',
    async () => {
      const journey = await host!.open({ search: '?plugin=0' })
      const { page } = journey
      try {
        await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Patterns', exact: true }).click()
        const plugin = await runCommandAs(journey, PERSON.licensing, REVIEW.command)
        await layer(page, 'Indigo paisley repeat').click()
        await openTab(plugin, LICENSE.tab)
        const form = plugin.getByRole('form', { name: LICENSE.form })
        await eventually(() => form.count()).toBe(1)
        await eventually(() => plugin.getByRole('status').filter({ hasText: FRAME.status }).innerText()).toMatch(/^Needs contract frame/)

        // Counsel's frame, once: the agreement group is open while the frame is blank.
        await box(form, FRAME.templateId).fill('AN-PATTERN-LICENCE')
        await box(form, FRAME.templateVersion).fill('2026.1')
        await box(form, FRAME.templateSha256).fill('a'.repeat(64))
        await box(form, FRAME.lawCountry).fill('FR')
        await box(form, FRAME.forum).fill('Tribunal judiciaire de Paris')
        await form.locator('summary', { hasText: /^Parties/ }).click()
        await box(form, FRAME.licensorName).fill('Indigo & Co. Studio SAS')
        await box(form, FRAME.licensorAddress).fill('12 rue des Tisserands, 75011 Paris')
        await box(form, FRAME.licensorNotice).fill('legal@indigo.example')
        await box(form, FRAME.licensorSignatory).fill('Claire Indigo')
        await box(form, LICENSE.licensor).fill('Indigo & Co. Studio')
        const fields = form.getByRole('group', { name: LICENSE.allowedFields })
        await fields.getByRole('checkbox', { name: 'Home textiles', exact: true }).check()
        await box(form, LICENSE.amount).fill('1200')
        await form.getByRole('button', { name: FRAME.makeDefault }).click()
        await eventually(() => plugin.getByRole('status').filter({ hasText: FRAME.status }).innerText()).toMatch(/defaults come from the team policy/)
        await form.getByRole('button', { name: LICENSE.save }).click()
        await eventually(() => plugin.getByText(/Saved|stamped/i).count()).toBeGreaterThan(0)

        // The next pattern: the frame comes from the team policy; three inputs complete the licence.
        await layer(page, 'Botanical line art').click()
        await eventually(() => plugin.getByText(/License terms for “Botanical line art”/).count()).toBe(1)
        await eventually(() => plugin.getByRole('status').filter({ hasText: FRAME.status }).innerText()).toMatch(/defaults come from the team policy/)
        await plugin.getByRole('heading', { name: FRAME.heading }).scrollIntoViewIfNeeded()
        await journey.screen('license-frame-defaults', { playground: true })
        const started = Date.now()
        const next = plugin.getByRole('form', { name: LICENSE.form })
        const nextFields = next.getByRole('group', { name: LICENSE.allowedFields })
        await nextFields.getByRole('checkbox', { name: 'Home textiles', exact: true }).check()
        await nextFields.getByRole('checkbox', { name: 'Apparel', exact: true }).check()
        await box(next, LICENSE.amount).fill('800')
        await next.getByRole('button', { name: LICENSE.save }).click()
        await eventually(() => plugin.getByText(/Saved|stamped/i).count()).toBeGreaterThan(0)
        expect(await plugin.getByRole('alert').allInnerTexts()).toEqual([])
        console.log(`licence-frame journey: a complete non-exclusive licence from the defaults in ${((Date.now() - started) / 1000).toFixed(1)} s of automated input (3 inputs)`)
        // What was saved carries the frame: eligibility names the template, no "needs contract frame".
        const eligibility = plugin.getByRole('region', { name: LICENSE.eligibility })
        await eventually(() => eligibility.innerText()).toMatch(/Contract frame: template AN-PATTERN-LICENCE 2026\.1, law of FR/)
        expect(await eligibility.innerText()).not.toMatch(/needs contract frame/)
        await eligibility.scrollIntoViewIfNeeded()
        await journey.screen('license-frame-saved')

        expect(journey.errors).toEqual([])
        expect(axeFailures(journey.reports)).toEqual([])
      } finally {
        await journey.close()
      }
    },
    JOURNEY_TIMEOUT_MS,
  )
})
