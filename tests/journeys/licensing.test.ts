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
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ROOT } from '../build/paths'
import { EXPORT, LICENSE, PERSON, REVIEW } from './names'
import { decide, eventually, JOURNEY_TIMEOUT_MS, reviewRow, runCommandAs, seriousViolations, startJourneyHost, type JourneyHost } from './support'

/**
 * Why this journey does not run yet: the License tab (branch review) and the Export tab
 * with the pack and `loomprint verify` (branch pack, then the export work) are not merged
 * into main. Set to null once `git merge main` brings them in.
 */
const PENDING: string | null = 'the License tab (branch review) and the Export tab with loomprint verify (branch pack) are not merged yet'

let host: JourneyHost | undefined
beforeAll(async () => {
  if (PENDING === null) host = await startJourneyHost('licensing')
})
afterAll(async () => {
  await host?.close()
})

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

describe.skipIf(PENDING !== null)(`licensing team journey${PENDING ? ` (skipped: ${PENDING})` : ''}`, () => {
  test(
    'sets terms on the approved pattern, sees a rule fail on the other, exports, and the pack verifies until a byte changes',
    async () => {
      const journey = await host!.open({ search: '?plugin=0' })
      const { page } = journey
      const dir = mkdtempSync(path.join(tmpdir(), 'loomprint-journey-'))
      try {
        await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Patterns', exact: true }).click()

        // The art director's decisions (the art-director journey shows them in detail).
        const director = await runCommandAs(journey, PERSON.artDirector, REVIEW.command)
        await eventually(() => reviewRow(director, 'Indigo paisley repeat').count(), { timeout: 20_000 }).toBe(1)
        await decide(director, 'Indigo paisley repeat', REVIEW.approve, 'Approved for licensing.')
        await eventually(() => reviewRow(director, 'Indigo paisley repeat').innerText()).toMatch(REVIEW.approved)
        await decide(director, 'Botanical line art', REVIEW.requestChanges, 'Redraw the leaves by hand first.')
        await eventually(() => reviewRow(director, 'Botanical line art').innerText()).toMatch(REVIEW.changesRequested)

        // Terms on the approved pattern.
        const plugin = await runCommandAs(journey, PERSON.licensing, REVIEW.command)
        await page.getByRole('listbox', { name: 'Layers' }).getByRole('option', { name: 'Indigo paisley repeat', exact: true }).click()
        await plugin.getByText(LICENSE.tab, { exact: true }).click()
        const form = plugin.getByRole('form', { name: LICENSE.form })
        await eventually(() => form.count(), { timeout: 15_000 }).toBe(1)
        await journey.screen('license-form', { playground: true })
        await form.getByRole('button', { name: LICENSE.save }).click()
        await eventually(() => plugin.getByText(/Saved/).count(), { timeout: 15_000 }).toBeGreaterThan(0)

        // The other pattern: an eligibility rule fails (no approved review).
        await page.getByRole('listbox', { name: 'Layers' }).getByRole('option', { name: 'Botanical line art', exact: true }).click()
        const eligibility = plugin.getByRole('region', { name: LICENSE.eligibility })
        await eventually(() => eligibility.innerText(), { timeout: 15_000 }).toMatch(/review/i)
        await journey.screen('license-eligibility')

        // Export both: the refused one is explained, the pack downloads.
        await page.getByRole('listbox', { name: 'Layers' }).getByRole('option', { name: 'Indigo paisley repeat', exact: true }).click()
        await page.getByRole('listbox', { name: 'Layers' }).getByRole('option', { name: 'Botanical line art', exact: true }).click({ modifiers: ['Shift'] })
        const exporter = await runCommandAs(journey, PERSON.licensing, EXPORT.command)
        await eventually(() => exporter.getByRole('button', { name: EXPORT.export }).count(), { timeout: 15_000 }).toBeGreaterThan(0)
        await journey.screen('export', { playground: true })
        await exporter.getByRole('button', { name: EXPORT.export }).first().click()
        await eventually(() => exporter.getByText(/Botanical line art/).allInnerTexts(), { timeout: 30_000 }).toEqual(
          expect.arrayContaining([expect.stringMatching(/review|approv/i)]),
        )
        await journey.screen('export-refused')
        const downloading = page.waitForEvent('download', { timeout: 60_000 })
        const confirm = exporter.getByRole('button', { name: /leave .* out|export without|continue/i })
        if ((await confirm.count()) > 0) await confirm.first().click()
        const download = await downloading
        const pack = path.join(dir, download.suggestedFilename() || 'pack.zip')
        await download.saveAs(pack)
        await journey.screen('exported')

        const good = verify(pack)
        expect(good.output).toMatch(/\bVERIFIED\b/)
        expect(good.status).toBe(0)
        const tampered = path.join(dir, 'tampered.zip')
        writeFileSync(tampered, flipAssetByte(new Uint8Array(readFileSync(pack))))
        const bad = verify(tampered)
        expect(bad.output).toMatch(/NOT VERIFIED/)
        expect(bad.status).toBe(1)

        expect(journey.errors).toEqual([])
        expect(seriousViolations(journey.reports)).toEqual([])
      } finally {
        await journey.close()
        rmSync(dir, { recursive: true, force: true })
      }
    },
    JOURNEY_TIMEOUT_MS,
  )
})
