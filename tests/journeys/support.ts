/**
 * What the journeys share: the playground served in-process (playground/server.ts, on
 * the build `npm test` just made), one Chromium per test file (Debian's, driven by
 * playwright-core with the harness's flags), and `screen()` — run at every screen of the
 * plugin: axe-core on the plugin UI in light and dark (no violation of any impact allowed
 * in the plugin; none serious or critical in the playground around it), and, with LOOMPRINT_SCREENSHOTS=1 (`npm run screenshots`), a screenshot of
 * the whole playground in both themes into docs/screenshots/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { expect } from 'vitest'
import { createRequire } from 'node:module'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core'
import { startPlayground, type Playground } from '../../playground/server'
import { CHROMIUM_FLAGS, findChromium } from '../harness/browser'
import { ROOT } from '../build/paths'
import { REVIEW } from './names'

export const SCREENSHOTS = process.env.LOOMPRINT_SCREENSHOTS === '1'
export const SCREENSHOT_DIR = path.join(ROOT, 'docs/screenshots')
/**
 * A journey is a whole day's work in one test: give it room on a busy CI machine (the keyboard
 * designer journey took 140–170 s with four engineers on two cores). A guard against a hang,
 * not a timing claim.
 */
export const JOURNEY_TIMEOUT_MS = 300_000

/**
 * `expect.poll` with room for a loaded machine (vitest's default gives up after 1 s): the
 * page, the plugin's iframe and the fake all answer asynchronously.
 */
export function eventually<T>(read: () => T | Promise<T>, options: { timeout?: number; interval?: number } = {}) {
  return expect.poll(read, { timeout: 15_000, interval: 100, ...options })
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export type Theme = 'light' | 'dark'

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

export interface ScreenReport {
  screen: string
  theme: Theme
  /** What was checked: the plugin UI, or the playground around it. */
  scope: 'plugin' | 'playground'
  violations: AxeViolation[]
}

export interface JourneyHost {
  open(options?: { search?: string }): Promise<JourneyPage>
  close(): Promise<void>
}

export interface JourneyPage {
  page: Page
  context: BrowserContext
  /** The visible plugin window's UI frame (the active person's). */
  plugin(): Promise<Frame>
  /** axe (light + dark) and, when asked for, screenshots of one screen. */
  screen(name: string, options?: { playground?: boolean }): Promise<void>
  reports: ScreenReport[]
  /** Uncaught errors on the page and in the plugin. */
  errors: string[]
  close(): Promise<void>
}

/** Starts the playground server and one browser for a test file. */
export async function startJourneyHost(journey: string): Promise<JourneyHost> {
  const playground: Playground = await startPlayground({ build: false, log: () => undefined })
  let browser: Browser
  try {
    browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS })
  } catch (error) {
    await playground.close()
    throw error
  }
  const allReports: ScreenReport[] = []
  return {
    async open(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(playground.url + (options.search ?? ''))
      await page.waitForSelector('#playground[data-ready="true"]', { timeout: 30_000 }).catch(async (error: unknown) => {
        throw new Error(`the playground did not start: ${String(error)}\npage: ${await page.locator('body').innerText()}\nerrors: ${errors.join('\n')}`)
      })
      const reports: ScreenReport[] = []
      const plugin = async (): Promise<Frame> => {
        const handle = await page.waitForSelector('.pg-plugin-window:not(.pg-away):not([hidden]) iframe.pg-plugin-ui', { timeout: 15_000 })
        const frame = await handle.contentFrame()
        if (!frame) throw new Error('the plugin window has no frame')
        return frame
      }
      const setTheme = async (theme: Theme): Promise<void> => {
        await page.selectOption('#pg-theme', theme)
        const frame = await plugin()
        await frame.waitForFunction((t) => document.documentElement.classList.contains(`figma-${t}`), theme)
      }
      return {
        page,
        context,
        plugin,
        reports,
        errors,
        async screen(name, screenOptions = {}) {
          const start = await page.inputValue('#pg-theme')
          for (const theme of ['light', 'dark'] as const) {
            await setTheme(theme)
            const frame = await plugin()
            const report: ScreenReport = { screen: name, theme, scope: 'plugin', violations: await axe(frame) }
            reports.push(report)
            allReports.push(report)
            if (screenOptions.playground) {
              const around: ScreenReport = { screen: name, theme, scope: 'playground', violations: await axe(page.mainFrame()) }
              reports.push(around)
              allReports.push(around)
            }
            if (SCREENSHOTS) {
              mkdirSync(SCREENSHOT_DIR, { recursive: true })
              await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${journey}-${name}-${theme}.png`) })
            }
          }
          await setTheme(start === 'dark' ? 'dark' : 'light')
        },
        close: () => context.close(),
      }
    },
    async close() {
      if (SCREENSHOTS) writeIndex(journey, allReports)
      await browser.close().catch(() => undefined)
      await playground.close()
    },
  }
}

/** axe-core on one frame's document (not into its iframes); the violations only. */
export async function axe(frame: Frame): Promise<AxeViolation[]> {
  if (!(await frame.evaluate('typeof axe !== "undefined"'))) await frame.addScriptTag({ content: AXE_SOURCE })
  return (await frame.evaluate(`axe.run(document, { resultTypes: ['violations'], iframes: false }).then(function (r) {
    return r.violations.map(function (v) {
      return { id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 8).map(function (n) { var why = (n.any[0] || n.all[0] || n.none[0] || {}).message; return String(n.target) + (why ? ' (' + why + ')' : '') }) }
    })
  })`)) as AxeViolation[]
}

/**
 * The violations a journey fails on, one line each (empty when there are none): any in
 * the plugin UI (what we ship), serious or critical ones in the simulated Figma around it.
 */
export function axeFailures(reports: readonly ScreenReport[]): string[] {
  return reports.flatMap((r) =>
    r.violations
      .filter((v) => r.scope === 'plugin' || v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${r.scope} · ${r.screen} (${r.theme}): ${v.impact ?? ''} ${v.id} — ${v.help} at ${v.targets.join(' | ')}`),
  )
}

/** docs/screenshots/<journey>.md: every screen in both themes, with its axe figures. */
function writeIndex(journey: string, reports: readonly ScreenReport[]): void {
  const screens = Array.from(new Set(reports.map((r) => r.screen)))
  const count = (screen: string, theme: Theme, scope: ScreenReport['scope']): string => {
    const r = reports.find((x) => x.screen === screen && x.theme === theme && x.scope === scope)
    if (!r) return '—'
    const by = (impact: string) => r.violations.filter((v) => v.impact === impact).length
    return `${String(by('critical'))} / ${String(by('serious'))} / ${String(by('moderate') + by('minor'))}`
  }
  const lines = [
    `# ${journey[0]!.toUpperCase()}${journey.slice(1)} journey: screens`,
    '',
    `Written by \`npm run screenshots\` (tests/journeys/${journey}.test.ts). axe-core ${axeVersion()} on the plugin UI,`,
    'per theme: critical / serious / moderate+minor violations.',
    '',
    ...screens.flatMap((screen) => [
      `## ${screen}`,
      '',
      `axe (plugin UI): light ${count(screen, 'light', 'plugin')}, dark ${count(screen, 'dark', 'plugin')}`,
      '',
      `| light | dark |`,
      `|---|---|`,
      `| ![${screen}, light](${journey}-${screen}-light.png) | ![${screen}, dark](${journey}-${screen}-dark.png) |`,
      '',
    ]),
  ]
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  writeFileSync(path.join(SCREENSHOT_DIR, `${journey}.md`), lines.join('\n'))
}

function axeVersion(): string {
  const pkg = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('axe-core/package.json'), 'utf8')) as { version: string }
  return pkg.version
}

// ── driving the playground ─────────────────────────────────────────────────────

/** Clicks a layer in the playground's layer list. */
export async function selectLayer(page: Page, name: string, options: { shift?: boolean } = {}): Promise<void> {
  await page.getByRole('listbox', { name: 'Layers' }).getByRole('option', { name, exact: true }).click({ modifiers: options.shift ? ['Shift'] : [] })
}

/** Where a layer is on screen (its centre). */
export async function locate(page: Page, name: string): Promise<{ x: number; y: number }> {
  const point = (await page.evaluate(`__playground.locate(${JSON.stringify(name)})`)) as { x: number; y: number } | null
  if (!point) throw new Error(`no layer “${name}” on the current page`)
  return point
}

/** Drags on the canvas from one client point to another. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 3 })
  await page.mouse.move(to.x, to.y, { steps: 3 })
  await page.mouse.up()
}

/** The HCC the plugin shows, from its accessible label. */
export async function shownHcc(frame: Frame): Promise<number> {
  const label = await frame.getByLabel(/^Human-contribution coefficient /).first().getAttribute('aria-label', { timeout: 20_000 })
  const value = Number(/([0-9.]+)\s*$/.exec(label ?? '')?.[1])
  if (!Number.isFinite(value)) throw new Error(`no coefficient in “${label ?? ''}”`)
  return value
}

/** Evaluates in the playground page: the active person's plugin data on a layer. */
export async function pluginData(page: Page, layer: string, key: string): Promise<string> {
  return (await page.evaluate(
    `(function () { var e = __playground.editor; return e.as(e.active, function () { var n = e.pageOf().findOne(function (n) { return n.name === ${JSON.stringify(layer)} }); return n ? n.getPluginData(${JSON.stringify(key)}) : null }) })()`,
  )) as string
}

// ── the keyboard ───────────────────────────────────────────────────────────────

export interface Focus {
  /** The playground page, or inside the plugin's iframe. */
  where: 'page' | 'plugin'
  role: string
  name: string
  /** The focused element (or a near ancestor) looks different focused than blurred. */
  visible: boolean
}

/**
 * Runs in the focused frame: who has focus, by role and accessible-ish name, and whether
 * focus is visible — the element's and its two nearest ancestors' outline, shadow,
 * border and background, compared focused against blurred.
 */
const FOCUS_PROBE = String.raw`(function () {
  var el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  var props = ['outline-style', 'outline-width', 'outline-color', 'box-shadow', 'border-top-color', 'border-bottom-color', 'border-left-color', 'background-color', 'text-decoration-line', 'color'];
  // The element, its ancestors, and its siblings (components often draw focus on a sibling: input:focus ~ .border).
  var watched = [];
  for (var n = el, i = 0; i < 3 && n && n.nodeType === 1; i++, n = n.parentElement) watched.push(n);
  if (el.parentElement) Array.prototype.slice.call(el.parentElement.children, 0, 12).forEach(function (s) { if (s !== el) watched.push(s) });
  function snap() {
    var out = [];
    watched.forEach(function (n) {
      var cs = getComputedStyle(n);
      props.forEach(function (p) { out.push(cs.getPropertyValue(p)) });
      ['::before', '::after'].forEach(function (pseudo) {
        var ps = getComputedStyle(n, pseudo);
        ['border-top-color', 'box-shadow', 'outline-style', 'background-color'].forEach(function (p) { out.push(ps.getPropertyValue(p)) });
      });
    });
    return out.join('|');
  }
  var focused = snap();
  el.blur();
  var blurred = snap();
  el.focus({ preventScroll: true });
  var clone = el.cloneNode(true);
  if (clone.querySelectorAll) clone.querySelectorAll('[aria-hidden="true"]').forEach(function (n) { n.remove() });
  var labelled = el.labels && el.labels[0] ? el.labels[0].textContent : '';
  var name = el.getAttribute('aria-label') || labelled || (el.tagName === 'INPUT' && (el.type === 'radio' || el.type === 'checkbox') ? el.value : '') || clone.textContent || el.value || el.title || '';
  return { role: el.getAttribute('role') || el.tagName.toLowerCase() + (el.type ? ':' + el.type : ''), name: name.replace(/\s+/g, ' ').trim().slice(0, 80), visible: focused !== blurred };
})()`

/** Where the keyboard focus is now. */
export async function focused(journey: JourneyPage): Promise<Focus | null> {
  const inPlugin = (await journey.page.evaluate(`!!(document.activeElement && document.activeElement.classList.contains('pg-plugin-ui'))`)) as boolean
  const frame = inPlugin ? await journey.plugin() : journey.page.mainFrame()
  const probe = (await frame.evaluate(FOCUS_PROBE)) as Omit<Focus, 'where'> | null
  return probe ? { where: inPlugin ? 'plugin' : 'page', ...probe } : null
}

/**
 * Presses Tab (or Shift+Tab) until the focus matches; every stop on the way is recorded
 * in `stops`, so a test can require that focus was visible at each.
 */
export async function tabTo(
  journey: JourneyPage,
  stops: Focus[],
  match: (focus: Focus) => boolean,
  options: { backward?: boolean; max?: number } = {},
): Promise<Focus> {
  const seen: string[] = []
  for (let i = 0; i < (options.max ?? 80); i++) {
    await journey.page.keyboard.press(options.backward ? 'Shift+Tab' : 'Tab')
    const focus = await focused(journey)
    if (!focus) continue
    stops.push(focus)
    seen.push(`${focus.where}:${focus.role}:${focus.name}`)
    if (match(focus)) return focus
  }
  throw new Error(`Tab never reached the target; it went through:\n${seen.join('\n')}`)
}

/** Presses a key (while the focus stays where it is) and records the stop. */
export async function press(journey: JourneyPage, stops: Focus[], key: string): Promise<Focus | null> {
  await journey.page.keyboard.press(key)
  const focus = await focused(journey)
  if (focus) stops.push(focus)
  return focus
}

// ── people and the plugin's menu ─────────────────────────────────────────────────

/** Switches to a person and runs a Plugins-menu command for them; their plugin's frame. */
export async function runCommandAs(journey: JourneyPage, personId: string, command: string): Promise<Frame> {
  await journey.page.selectOption('#pg-person', personId)
  await journey.page.getByRole('group', { name: /^Plugins: / }).getByRole('button', { name: command, exact: true }).click()
  return journey.plugin()
}

export function reviewRow(plugin: Frame, pattern: string) {
  return plugin.getByRole('table', { name: REVIEW.table }).getByRole('row').filter({ hasText: pattern })
}

/** Opens one of the plugin's tabs (Figma-style tabs are radio inputs, named by their value). */
export async function openTab(plugin: Frame, tab: string): Promise<void> {
  await plugin.locator(`label:has(> input[type="radio"][value="${tab}"])`).click()
}

/** A pattern's review section (shown for the pattern chosen in the table). */
export function reviewOf(plugin: Frame, pattern: string) {
  return plugin.getByRole('region', { name: `${REVIEW.section}${pattern}` })
}

/** Chooses a pattern in the review table and records a decision with a comment. */
export async function decide(plugin: Frame, pattern: string, decision: string, comment: string): Promise<void> {
  await reviewRow(plugin, pattern).getByRole('button', { name: pattern, exact: true }).click()
  const section = reviewOf(plugin, pattern)
  await section.getByRole('textbox', { name: REVIEW.comment }).fill(comment)
  await section.getByRole('button', { name: decision, exact: true }).click()
}
