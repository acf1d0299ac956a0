/**
 * The licensing team's export, in the playground: the art director approves the paisley
 * and requests changes on the line art; the licensing team sets terms on the approved
 * pattern, sees an eligibility rule fail on the other, exports a pack for an intended use,
 * sees the refused pattern explained, downloads the pack; `loomprint verify` on the
 * downloaded file says VERIFIED, and NOT VERIFIED once one byte of an asset is changed.
 * Everything in the plugin is found by accessible name (names.ts).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Download, Frame, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ROOT } from '../build/paths'
import { EXPORT, LICENSE, PERSON, REVIEW } from './names'
import {
  decide,
  eventually,
  JOURNEY_TIMEOUT_MS,
  openTab,
  reviewRow,
  runCommandAs,
  axeFailures,
  startJourneyHost,
  type JourneyHost,
  type JourneyPage,
} from './support'

/**
 * Why parts of this journey do not run yet. Terms and eligibility need the License tab
 * (branch review); the export needs the Export tab, the pack and `loomprint verify`
 * (branches pack and export). Set each to null once `git merge main` brings them in.
 */
const PENDING_LICENSE: string | null = null
const PENDING_EXPORT: string | null = null

let host: JourneyHost | undefined
beforeAll(async () => {
  if (PENDING_LICENSE === null || PENDING_EXPORT === null) host = await startJourneyHost('licensing')
})
afterAll(async () => {
  await host?.close()
})

const layer = (page: Page, name: string) => page.getByRole('listbox', { name: 'Layers' }).getByRole('option', { name, exact: true })

/**
 * The art director approves the paisley and requests changes on the line art (the
 * art-director journey shows this in detail); then the licensing team opens the License
 * tab on the approved pattern, saves its terms, and sees a rule fail on the other.
 */
/** The terms the licensing team agrees: the required fields of the License form. */
async function fillTerms(form: Locator): Promise<void> {
  await form.getByRole('textbox', { name: LICENSE.licensor, exact: true }).fill('Indigo & Co. Studio')
  const fields = form.getByRole('group', { name: LICENSE.allowedFields })
  await fields.getByRole('checkbox', { name: 'Home textiles', exact: true }).check()
  await fields.getByRole('checkbox', { name: 'Apparel', exact: true }).check()
  await form.getByRole('textbox', { name: LICENSE.amount, exact: true }).fill('1200')
}

async function licenseThePaisley(journey: JourneyPage, screens: boolean): Promise<Frame> {
  const { page } = journey
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Patterns', exact: true }).click()
  const director = await runCommandAs(journey, PERSON.artDirector, REVIEW.command)
  const table = director.getByRole('table', { name: REVIEW.table })
  await eventually(() => table.getByRole('row').count(), { timeout: 20_000 }).toBeGreaterThan(2)
  // Capture what was never captured (the line art), so both can be decided on.
  const captureAll = director.getByRole('button', { name: REVIEW.captureAll })
  if (await captureAll.isEnabled()) await captureAll.click()
  await eventually(() => reviewRow(director, 'Botanical line art').innerText(), { timeout: 30_000 }).toMatch(/Awaiting review/)
  await decide(director, 'Indigo paisley repeat', REVIEW.approve, 'Approved for licensing.')
  await eventually(() => reviewRow(director, 'Indigo paisley repeat').innerText()).toMatch(REVIEW.approved)
  await decide(director, 'Botanical line art', REVIEW.requestChanges, 'Redraw the leaves by hand first.')
  await eventually(() => reviewRow(director, 'Botanical line art').innerText()).toMatch(REVIEW.changesRequested)

  const plugin = await runCommandAs(journey, PERSON.licensing, REVIEW.command)
  await layer(page, 'Indigo paisley repeat').click()
  await openTab(plugin, LICENSE.tab)
  const form = plugin.getByRole('form', { name: LICENSE.form })
  await eventually(() => form.count()).toBe(1)
  await fillTerms(form)
  if (screens) await journey.screen('license-form', { playground: true })
  await form.getByRole('button', { name: LICENSE.save }).click()
  await eventually(() => plugin.getByText(/Saved|stamped/i).count()).toBeGreaterThan(0)
  await plugin.getByText(/Saved|stamped/i).first().scrollIntoViewIfNeeded()
  if (screens) await journey.screen('license-saved')

  // The same terms for both: the line art's model licence allows no commercial use.
  await layer(page, 'Botanical line art').click({ modifiers: ['Shift'] })
  await eventually(() => plugin.getByText(/The same terms for 2 patterns/).count()).toBe(1)
  await fillTerms(form)
  const eligibility = plugin.getByRole('region', { name: LICENSE.eligibility })
  await eventually(() => eligibility.innerText()).toMatch(/Botanical line art[\s\S]*✗[\s\S]*commercial/i)
  await eligibility.getByText(/✗/).first().scrollIntoViewIfNeeded()
  if (screens) await journey.screen('license-eligibility')
  return plugin
}

/** `loomprint verify <pack>`: exit code and output. */
function verify(pack: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/loomprint.mjs'), 'verify', pack], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { status: run.status, output: `${run.stdout}${run.stderr}` }
}

/** Changes one byte of the first `assets/` entry's data in a zip (local file headers, APPNOTE 4.3.7). */
function flipAssetByte(zip: Uint8Array): Uint8Array {
  const out = zip.slice()
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength)
  for (let at = 0; at + 30 <= out.length; ) {
    if (view.getUint32(at, true) !== 0x04034b50) break
    const compressed = view.getUint32(at + 18, true)
    const nameLength = view.getUint16(at + 26, true)
    const extraLength = view.getUint16(at + 28, true)
    const name = new TextDecoder().decode(out.subarray(at + 30, at + 30 + nameLength))
    const data = at + 30 + nameLength + extraLength
    if (name.startsWith('assets/') && compressed > 0) {
      out[data + Math.floor(compressed / 2)]! ^= 0x01
      return out
    }
    at = data + compressed
  }
  throw new Error('no assets/ entry with data in the pack')
}

describe(`licensing team journey`, () => {
  test.skipIf(PENDING_LICENSE !== null)(
    `sets terms on the approved pattern and sees a rule fail on the other${PENDING_LICENSE ? ` (skipped: ${PENDING_LICENSE})` : ''}`,
    async () => {
      const journey = await host!.open({ search: '?plugin=0' })
      try {
        await licenseThePaisley(journey, true)
        expect(journey.errors).toEqual([])
        expect(axeFailures(journey.reports)).toEqual([])
      } finally {
        await journey.close()
      }
    },
    JOURNEY_TIMEOUT_MS,
  )

  test.skipIf(PENDING_LICENSE !== null || PENDING_EXPORT !== null)(
    `exports a pack for an intended use, the refused pattern explained; the pack verifies until a byte changes${PENDING_EXPORT ? ` (skipped: ${PENDING_EXPORT})` : ''}`,
    async () => {
      const journey = await host!.open({ search: '?plugin=0' })
      const { page } = journey
      const dir = mkdtempSync(path.join(tmpdir(), 'loomprint-journey-'))
      try {
        await licenseThePaisley(journey, false)

        // Export both for an intended use: the refused one is explained, the pack downloads.
        await layer(page, 'Indigo paisley repeat').click()
        await layer(page, 'Botanical line art').click({ modifiers: ['Shift'] })
        const exporter = await runCommandAs(journey, PERSON.licensing, EXPORT.command)
        const exportButton = exporter.getByRole('button', { name: EXPORT.export, exact: true })
        await eventually(() => exportButton.count()).toBe(1)
        // A signing key, once per device.
        const newKey = exporter.getByRole('button', { name: EXPORT.newKey, exact: true })
        await eventually(() => newKey.count()).toBe(1)
        if (!(await exportButton.isEnabled())) await newKey.click()
        await eventually(() => exportButton.isEnabled()).toBe(true)
        await exporter.getByRole('button', { name: EXPORT.useSelection, exact: true }).click()
        await exporter.getByLabel(EXPORT.fieldOfUse, { exact: true }).selectOption({ label: 'Home textiles' })
        await exporter.getByLabel(EXPORT.territory, { exact: true }).fill('FR, DE')
        await exporter.getByLabel(EXPORT.units, { exact: true }).fill('5000')
        await journey.screen('export', { playground: true })
        await exportButton.click()
        const refused = exporter.getByRole('list', { name: EXPORT.refused })
        // Refused with its reason (it has no license terms; its model's licence allows no commercial use).
        await eventually(() => refused.innerText(), { timeout: 30_000 }).toMatch(/Botanical line art\s*\n[\s\S]*(license|commercial)/i)
        await exporter.getByRole('button', { name: EXPORT.leaveOut, exact: true }).scrollIntoViewIfNeeded()
        await journey.screen('export-refused')

        const downloads: Download[] = []
        page.on('download', (d) => downloads.push(d))
        await exporter.getByRole('button', { name: EXPORT.leaveOut, exact: true }).click()
        const link = exporter.getByRole('link', { name: EXPORT.download })
        await eventually(() => link.count(), { timeout: 60_000 }).toBe(1)
        await link.scrollIntoViewIfNeeded()
        await journey.screen('exported')
        if (downloads.length === 0) await link.click()
        await eventually(() => downloads.length, { timeout: 30_000 }).toBeGreaterThan(0)
        const download = downloads[0]!
        const pack = path.join(dir, download.suggestedFilename() || 'pack.zip')
        await download.saveAs(pack)

        const good = verify(pack)
        expect(good.output).toMatch(/\bVERIFIED\b/)
        expect(good.status).toBe(0)
        const tampered = path.join(dir, 'tampered.zip')
        writeFileSync(tampered, flipAssetByte(new Uint8Array(readFileSync(pack))))
        const bad = verify(tampered)
        expect(bad.output).toMatch(/NOT VERIFIED/)
        expect(bad.status).toBe(1)

        expect(journey.errors).toEqual([])
        expect(axeFailures(journey.reports)).toEqual([])
      } finally {
        await journey.close()
        rmSync(dir, { recursive: true, force: true })
      }
    },
    JOURNEY_TIMEOUT_MS,
  )
})
