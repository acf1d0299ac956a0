/**
 * The Export tab of the built plugin (build/ui.html + build/main.js on the fake) in
 * headless Chromium, light and dark: one pattern refused and explained, the user
 * confirms, the download is taken, and the file verifies with the CLI. Needs
 * `npm run build` first.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import * as esbuild from 'esbuild'
import { afterEach, describe, expect, test } from 'vitest'
import { openPluginInBrowser, type BrowserPlugin } from '../harness/browser'
import { readBuildOutput } from '../build/paths'
import { cli, TMP } from '../pack/support'
import { ADA } from '../support/plugin-session'

async function prepareScript(): Promise<string> {
  const built = await esbuild.build({
    entryPoints: [path.join(import.meta.dirname, 'browser-prepare.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  })
  return built.outputFiles[0]!.text
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's WCAG A/AA violations in the tab (colour contrast left to Figma's theme tokens, as in the Review test). */
async function axeViolations(frame: import('playwright-core').Frame): Promise<string[]> {
  await frame.addScriptTag({ content: AXE })
  return (await frame.evaluate(
    `axe.run({ include: [['.lp-main']] }, { runOnly: ['wcag2a', 'wcag2aa'], rules: { 'color-contrast': { enabled: false } } }).then(function (r) { return r.violations.map(function (v) { return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' ') }).join(', ') }) })`,
  )) as string[]
}

describe('Export tab in Chromium', () => {
  let plugin: BrowserPlugin | undefined
  afterEach(async () => {
    await plugin?.close()
    plugin = undefined
  })

  for (const theme of ['light', 'dark'] as const) {
    test(`one pattern refused and explained, confirmed, downloaded, verified (${theme})`, async () => {
      plugin = await openPluginInBrowser({
        mainJs: readBuildOutput('build/main.js'),
        uiHtml: readBuildOutput('build/ui.html'),
        user: ADA,
        command: 'export',
        setup: await prepareScript(),
        theme,
      })
      const { frame, page } = plugin
      page.setDefaultTimeout(15_000)
      const fail = async (error: unknown) => {
        const body = await frame.locator('body').innerText()
        throw new Error(`${String(error)}\nUI shows: ${body}\nLogs: ${plugin?.logs.join('\n') ?? ''}`)
      }
      // The file: two licensed patterns, Paisley approved, Ikat never reviewed (made in other sessions).
      expect(await page.evaluate('__prepareExport()')).toEqual(['Paisley', 'Ikat'])
      // The export command opened the tab; switch away and back so it lists the prepared file.
      await frame.getByText('Capture', { exact: true }).click()
      await frame.getByText('Export licensed pack', { exact: true }).click()

      const patterns = frame.getByRole('group', { name: 'Patterns to export' })
      await expect.poll(() => patterns.getByRole('checkbox').count(), { timeout: 15_000 }).toBe(2)
      // Default: every approved, licensed pattern — Paisley only.
      expect(await patterns.getByRole('checkbox', { name: /Paisley/ }).isChecked()).toBe(true)
      expect(await patterns.getByRole('checkbox', { name: /Ikat/ }).isChecked()).toBe(false)
      // Statuses in words, as the Review tab says them, never the record's codes (issue #21, item 17).
      const listed = (await patterns.textContent()) ?? ''
      expect(listed).toMatch(/Paisley \(Approved, license: /)
      expect(listed).toMatch(/Ikat \(Awaiting review, license: /)
      expect(listed).not.toMatch(/unreviewed|approved-out-of-date|not-captured|changes-requested/)
      // From the review table: "Export shown…" chooses every pattern the table shows.
      await frame.getByText('Review', { exact: true }).click()
      await expect.poll(() => frame.getByRole('table', { name: 'Tracked patterns' }).locator('tbody tr').count(), { timeout: 15_000 }).toBe(2)
      await frame.getByRole('button', { name: 'Export shown…' }).click()
      await expect.poll(() => patterns.getByRole('checkbox', { name: /Ikat/ }).isChecked().catch(() => false), { timeout: 15_000 }).toBe(true)
      expect(await patterns.getByRole('checkbox', { name: /Paisley/ }).isChecked()).toBe(true)

      await frame.getByRole('button', { name: 'New signing key' }).click().catch(fail)
      await expect.poll(() => frame.getByRole('list', { name: 'Published signing keys' }).textContent(), { timeout: 10_000 }).toContain('Ada Designer')

      await frame.getByLabel('Territory').fill('FR')
      await frame.getByLabel('Units').fill('5000')
      await frame.getByLabel('Use starts').fill('2026-04-01')
      await frame.getByRole('button', { name: 'Export pack' }).click()

      const refused = frame.getByRole('list', { name: 'Refused patterns' })
      await expect.poll(() => refused.textContent().catch(() => ''), { timeout: 20_000 }).toContain('Ikat')
      expect(await refused.textContent()).toContain('no approved review')
      expect(await refused.textContent()).not.toContain('Paisley')
      // The form and the confirm step have accessible names (axe WCAG A/AA).
      if (theme === 'light') expect(await axeViolations(frame)).toEqual([])

      // The refusal takes the focus (on Back); Escape closes it and the focus goes to Export
      // pack, not to the page body (issue #21, item 19). Nothing was exported.
      const focusedControl = () =>
        frame.evaluate(() => (document.activeElement === null || document.activeElement === document.body ? 'body' : (document.activeElement.textContent ?? '').trim()))
      await expect.poll(focusedControl).toBe('Back')
      await page.keyboard.press('Escape')
      await expect.poll(() => refused.count()).toBe(0)
      await expect.poll(focusedControl).toBe('Export pack')
      await frame.getByRole('button', { name: 'Export pack' }).click()
      await expect.poll(() => refused.textContent().catch(() => ''), { timeout: 20_000 }).toContain('Ikat')

      const downloading = page.waitForEvent('download', { timeout: 60_000 })
      await frame.getByRole('button', { name: 'Leave out and export' }).click()
      const download = await downloading.catch(fail)
      expect(download.suggestedFilename()).toMatch(/\.zip$/)
      const file = path.join(TMP, `chromium-${theme}.zip`)
      await download.saveAs(file)
      expect((await readFile(file)).length).toBeGreaterThan(1000)
      await expect.poll(() => frame.getByRole('status').last().textContent()).toMatch(/Pack ready: Paisley/)

      const run = await cli('verify', file)
      expect(run.err).toBe('')
      expect(run.out).toContain('VERIFIED')
      expect(run.out).not.toContain('Ikat')
      expect(run.code).toBe(0)
      expect(plugin.errors).toEqual([])
    }, 120_000)
  }
})
