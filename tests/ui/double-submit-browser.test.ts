/**
 * Issue #21: double-clicking any button that writes writes once. The built plugin in
 * headless Chromium (build/ui.html + build/main.js on the fake), one table row per button:
 * a double click, then the count of the write requests the UI sent to main for it, and
 * what the file holds. Needs `npm run build` first.
 */
import type { Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openPluginInBrowser, type BrowserPlugin } from '../harness/browser'
import { readBuildOutput } from '../build/paths'
import { ADA } from '../support/plugin-session'

/** One frame of three rectangles, selected. */
const SETUP = `
  (function () {
    var figma = __session.figma, frame;
    __world.edit(__session, function () {
      frame = figma.createFrame();
      frame.name = 'Paisley repeat';
      frame.resize(300, 120);
      [[0.9, 0.2, 0.2], [0.2, 0.6, 0.3], [0.2, 0.3, 0.8]].forEach(function (c, i) {
        var rect = figma.createRectangle();
        rect.name = 'Motif ' + (i + 1);
        rect.resize(80, 80);
        rect.x = 20 + i * 90;
        rect.y = 20;
        rect.fills = [{ type: 'SOLID', color: { r: c[0], g: c[1], b: c[2] } }];
        frame.appendChild(rect);
      });
      figma.currentPage.selection = [frame];
    });
    globalThis.__frame = frame;
  })();
`

/** How many requests of `method` the UI has sent to main. */
async function requests(plugin: BrowserPlugin, method: string): Promise<number> {
  const sent = await plugin.messagesToMain()
  return sent.filter((m) => {
    const envelope = (m as { pluginMessage?: { kind?: string; method?: string } } | null)?.pluginMessage ?? (m as { kind?: string; method?: string })
    return envelope?.kind === 'request' && envelope.method === method
  }).length
}

interface Row {
  button: string
  /** The request that writes (for Export: one per asset of the pack). */
  writes: string
  /** Brings the UI to where the button is. */
  before: (frame: Frame, page: Page) => Promise<void>
  /** Waits until the first click's work is done. */
  settled: (frame: Frame, page: Page) => Promise<void>
  /** How many write requests one click makes. */
  once: number
  /** Anything else a person would notice afterwards. */
  after?: (frame: Frame) => Promise<void>
}

const reviewOf = (frame: Frame) => frame.getByRole('region', { name: 'Review of Paisley repeat' })
const historyCount = (frame: Frame) => frame.getByRole('list', { name: 'Review history' }).locator('li').count()

const ROWS: Row[] = [
  {
    button: 'Mark as AI-generated',
    writes: 'writeProvenance',
    once: 1,
    before: async (frame) => {
      await frame.getByRole('button', { name: 'Mark as AI-generated' }).click()
      await frame.locator('#origin-generator').fill('ComfyUI')
      await frame.locator('#origin-model').fill('SDXL')
    },
    settled: async (frame) => {
      await expect.poll(() => frame.locator('.lp-note').first().textContent(), { timeout: 10_000 }).toMatch(/Marked/)
    },
  },
  {
    button: 'Capture provenance',
    writes: 'writeProvenance',
    once: 1,
    before: async (_frame, page) => {
      await page.evaluate('__world.edit(__session, function () { __frame.children[0].fills = [{ type: "SOLID", color: { r: 0.9, g: 0.8, b: 0.1 } }] })')
    },
    settled: async (frame) => {
      await frame.getByRole('region', { name: 'Capture result for Paisley repeat' }).waitFor({ timeout: 15_000 })
    },
    // Issue #21, item 19: focus comes back to the button, not to the page body.
    after: async (frame) => {
      await expect.poll(() => frame.evaluate('document.activeElement === document.body ? "body" : document.activeElement.textContent')).toMatch(/Capture provenance/)
    },
  },
  {
    button: 'Request changes',
    writes: 'writeReview',
    once: 1,
    before: async (frame) => {
      await frame.getByText('Review', { exact: true }).click()
      await frame.getByRole('table', { name: 'Tracked patterns' }).getByRole('button', { name: 'Paisley repeat' }).click({ timeout: 15_000 })
      await frame.getByLabel('Review comment').fill('Warmer ground, please')
    },
    settled: async (frame) => {
      await expect.poll(() => historyCount(frame), { timeout: 10_000 }).toBe(1)
    },
  },
  {
    button: 'Reject',
    writes: 'writeReview',
    once: 1,
    before: async (frame) => {
      await frame.getByLabel('Review comment').fill('Still raw AI output')
    },
    settled: async (frame) => {
      await expect.poll(() => historyCount(frame), { timeout: 10_000 }).toBe(2)
    },
  },
  {
    button: 'Approve',
    writes: 'writeReview',
    once: 1,
    before: async () => undefined,
    settled: async (frame) => {
      await expect.poll(() => historyCount(frame), { timeout: 10_000 }).toBe(3)
    },
  },
  {
    button: 'Save license',
    writes: 'writeLicense',
    once: 1,
    before: async (frame) => {
      await reviewOf(frame).getByRole('button', { name: 'License…' }).click()
      const form = frame.getByRole('form', { name: 'License terms' })
      await form.waitFor({ timeout: 10_000 })
      await frame.locator('#lic-licensor').fill('Atelier Nord')
      // Issue #21, item 15: a look at another tab keeps the unsaved terms.
      await frame.locator('label:has(> input[type="radio"][value="Capture"])').click()
      await frame.locator('label:has(> input[type="radio"][value="License"])').click()
      await form.waitFor({ timeout: 10_000 })
      expect(await frame.locator('#lic-licensor').inputValue()).toBe('Atelier Nord')
      await form.getByRole('group', { name: 'Allowed fields of use' }).getByLabel('Apparel').check()
      await frame.locator('#lic-territory').fill('FR, DE')
      await form.getByLabel('Amount', { exact: true }).fill('1200')
      // Issue #21, item 14: the caps keep a visible label once typed in.
      await form.getByLabel('Units produced cap', { exact: true }).fill('5000')
      expect(await form.locator('input[placeholder]').count()).toBe(0)
      expect(await form.locator('label.lp-cap-label').first().innerText()).toMatch(/Units produced/)
    },
    settled: async (frame) => {
      await expect.poll(() => frame.getByRole('status').last().textContent(), { timeout: 10_000 }).toMatch(/Saved the license on “Paisley repeat”/)
    },
  },
  {
    button: 'Export pack',
    writes: 'exportAsset',
    once: -1, // the number of assets of one pack: measured from the first click's requests
    before: async (frame) => {
      await frame.getByText('Export licensed pack', { exact: true }).click()
      await frame.getByRole('button', { name: 'New signing key' }).click({ timeout: 15_000 })
      await expect.poll(() => frame.getByRole('list', { name: 'Published signing keys' }).textContent(), { timeout: 10_000 }).toContain('Ada Designer')
      await frame.getByLabel('Territory').fill('FR')
    },
    settled: async (frame) => {
      await expect.poll(() => frame.getByRole('status').last().textContent(), { timeout: 150_000 }).toMatch(/Pack ready: Paisley repeat/)
    },
  },
]

describe('a double click on a button that writes writes once', () => {
  let plugin: BrowserPlugin
  const downloads: string[] = []
  beforeAll(async () => {
    plugin = await openPluginInBrowser({ mainJs: readBuildOutput('build/main.js'), uiHtml: readBuildOutput('build/ui.html'), user: ADA, setup: SETUP })
    plugin.page.setDefaultTimeout(15_000)
    plugin.page.on('download', (d) => downloads.push(d.suggestedFilename()))
  }, 60_000)
  afterAll(async () => {
    await plugin?.close()
  })

  // In order: each row starts where the one before left the file.
  for (const row of ROWS) {
    test(`${row.button}: one write`, async () => {
      const { frame, page } = plugin
      const fail = async (error: unknown) => {
        throw new Error(`${String(error)}\nUI shows: ${await frame.locator('body').innerText()}\nLogs: ${plugin.logs.slice(-20).join('\n')}`)
      }
      await row.before(frame, page).catch(fail)
      const before = await requests(plugin, row.writes)
      const button = frame.getByRole('button', { name: row.button, exact: true }).last()
      await button.dblclick().catch(fail)
      await row.settled(frame, page).catch(fail)
      // Anything a second click started would have sent its request by now.
      await page.waitForTimeout(500)
      const made = (await requests(plugin, row.writes)) - before
      if (row.once > 0) expect(made).toBe(row.once)
      else {
        expect(downloads).toHaveLength(1)
        expect(made).toBeGreaterThan(0)
        // One pack's assets, not two packs': the PNG, SVG and PDF of one pattern at most a handful.
        expect(made).toBeLessThanOrEqual(8)
      }
      await row.after?.(frame)
      expect(plugin.errors).toEqual([])
    }, 240_000)
  }

  test('the file holds one decision per decision and one license stamp', async () => {
    const review = JSON.parse(String(await plugin.page.evaluate('__frame.getPluginData("review")'))) as { decisions: { decision: string }[] }
    expect(review.decisions.map((d) => d.decision)).toEqual(['request-changes', 'reject', 'approve'])
    const license = JSON.parse(String(await plugin.page.evaluate('__frame.getPluginData("license")'))) as { history: unknown[] }
    expect(license.history).toHaveLength(1)
  })
})
