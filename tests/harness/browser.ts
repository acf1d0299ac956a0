/**
 * Opens a plugin in headless Chromium the way Figma runs it (FIGMA.md "Runtime"):
 *
 * - The host page plays the Figma editor: it runs the in-memory Figma
 *   (tests/figma-fake, bundled) and the plugin's main.js *outside* the UI iframe.
 * - The UI (ui.html) runs in an `<iframe>` loaded from a `data:` URL, so it has a null
 *   origin and is not a secure context, as in Figma.
 * - Messages cross like Figma's: main's `figma.ui.postMessage(m)` arrives in the UI as
 *   a `message` event with `data = { pluginMessage: m }`; the UI's
 *   `parent.postMessage({ pluginMessage: m }, '*')` reaches main's `figma.ui.onmessage`.
 *   The iframe exists only once main has called `figma.showUI(html, options)`, as in
 *   Figma; messages main posts before it has loaded are held and delivered after
 *   `load` (a plugin may post right after showUI).
 * - For `showUI(…, { themeColors: true })` the UI document gets Figma's `figma-light`
 *   / `figma-dark` class on `<html>` and the `--figma-color-*` variables before its
 *   own code runs (`theme` option, default 'light').
 * - `figma.ui.resize(w, h)` resizes the iframe, as Figma resizes the plugin window.
 *
 * The browser is Debian's Chromium driven by playwright-core — never a downloaded one.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import type { BrowserContext, Frame, Page } from 'playwright-core'
import { bundleFake } from './bundle-fake'

export interface BrowserPluginOptions {
  /** The plugin's main-thread bundle (e.g. build/main.js). */
  mainJs: string
  /** The plugin's UI document (e.g. build/ui.html); also what `__html__` holds. */
  uiHtml: string
  /** JS run in the host page after the session is installed, before main (sees `FigmaFake`, `__world`, `__session`). */
  setup?: string
  /** Passed to `world.openSession(user, …)`. JSON-serializable. */
  user?: unknown
  /** `figma.command` for this run. */
  command?: string
  /** Passed to `FigmaFake.createFigmaWorld(options)`. JSON-serializable. */
  worldOptions?: unknown
  /**
   * The editor's theme (default 'light'), applied when main calls showUI with
   * `themeColors: true`; 'none' never applies one.
   */
  theme?: 'light' | 'dark' | 'none'
  /** How long to wait for main to call figma.showUI (default 10 s). */
  showUiTimeoutMs?: number
  /** Also print the host page's and the UI's console output (default false). */
  echoConsole?: boolean
  /** Use this script instead of the bundled tests/figma-fake (for harness tests). */
  fakeJs?: string
}

export interface BrowserPlugin {
  /** The host page (the "editor", running the fake and main.js). */
  page: Page
  /** The plugin UI's frame (the data: iframe of main's first figma.showUI call). */
  frame: Frame
  /** Every message main has posted to the UI so far. */
  messagesToUi(): Promise<unknown[]>
  /** Every message the UI has posted to main so far. */
  messagesToMain(): Promise<unknown[]>
  /** Console lines and uncaught errors from the host page and the UI. */
  logs: string[]
  /** Uncaught errors (host page and UI). */
  errors: string[]
  close(): Promise<void>
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Where Chromium is: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. Throws if absent. */
export function findChromium(): string {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium not found at ${candidate} — install it with: sudo apt-get install -y chromium` +
        ' (or set CHROMIUM_PATH to a Chromium binary)',
    )
  }
  return candidate
}

let themeCssCache: Promise<Record<'light' | 'dark', string>> | undefined

/**
 * Figma's theme variables, from the copy of Figma's color tokens that
 * @create-figma-plugin/ui ships (lib/css/theme.css, "From
 * https://figma.com/plugin-docs/css-variables/"). Its selectors are
 * `:root .figma-light`; Figma puts the class on `<html>` itself, so they are
 * rewritten to `:root.figma-light`.
 */
function themeCss(): Promise<Record<'light' | 'dark', string>> {
  themeCssCache ??= (async () => {
    const require = createRequire(import.meta.url)
    const uiEntry = require.resolve('@create-figma-plugin/ui')
    const css = await readFile(path.join(path.dirname(uiEntry), 'css/theme.css'), 'utf8')
    const block = (name: string): string => {
      const match = new RegExp(`:root \\.${name}\\s*\\{([^}]*)\\}`).exec(css)
      return match ? `:root.${name}{${match[1]}}` : ''
    }
    return { light: block('figma-light'), dark: block('figma-dark') }
  })()
  return themeCssCache
}

/**
 * Runs in the host page: installs the world and the session, and plays Figma's part
 * around `figma.showUI(html, options)`: each call (re)creates the plugin iframe from
 * `html` as a data: URL (so the UI can never talk before main has shown it), sized
 * from the options, hidden with `visible: false`, and — with `themeColors: true` —
 * with the theme class and color variables injected before the UI's own code runs.
 * Kept as source text (not a function passed to page.evaluate) so that no transpiler
 * helper (tsx/esbuild `__name`) leaks into the page.
 */
const HOST_BOOTSTRAP = String.raw`
(function (args) {
  var g = globalThis;
  if (!g.FigmaFake) throw new Error('the fake bundle did not define globalThis.FigmaFake');
  g.__toUi = [];
  g.__toMain = [];
  g.__world = g.FigmaFake.createFigmaWorld(args.worldOptions);
  g.__session = g.__world.openSession(args.user === null ? undefined : args.user, { command: args.command });
  g.FigmaFake.installGlobals(g.__session, args.uiHtml);

  var iframe = null;
  var loaded = false;
  var pending = [];

  function deliver(message) {
    iframe.contentWindow.postMessage({ pluginMessage: message }, '*');
  }

  function withTheme(html) {
    if (!args.theme) return html;
    var inject = '<style id="figma-style">' + args.themeCss + '</style>' +
      '<script>document.documentElement.classList.add(' + JSON.stringify('figma-' + args.theme) + ')<\/script>';
    var anchors = [/<head\b[^>]*>/i, /<html\b[^>]*>/i, /<!doctype[^>]*>/i];
    for (var i = 0; i < anchors.length; i++) {
      var match = anchors[i].exec(html);
      if (match) return html.slice(0, match.index + match[0].length) + inject + html.slice(match.index + match[0].length);
    }
    return inject + html;
  }

  function openUi(html, options) {
    if (iframe) iframe.remove();
    var frame = document.createElement('iframe');
    iframe = frame;
    loaded = false;
    pending = [];
    frame.id = 'plugin-ui';
    var width = options.width === undefined ? 300 : options.width;
    var height = options.height === undefined ? 200 : options.height;
    frame.setAttribute('style', 'border:0;width:' + width + 'px;height:' + height + 'px' + (options.visible === false ? ';display:none' : ''));
    frame.addEventListener('load', function () {
      if (frame !== iframe) return;
      loaded = true;
      pending.splice(0).forEach(deliver);
    });
    var source = options.themeColors ? withTheme(html) : html;
    frame.src = 'data:text/html;charset=utf-8,' + encodeURIComponent(source);
    document.body.appendChild(frame);
  }

  var api = g.__session.figma;
  var showUI = api.showUI;
  api.showUI = function (html, options) {
    showUI.call(api, html, options);
    openUi(html, options || {});
  };

  // "Changes the size of the UI, after it has been created" (plugin-api.d.ts, UIAPI.resize):
  // the window follows, as in Figma and the playground (playground/client/plugin-window.ts),
  // so a tab that asks for a wider window is laid out in one. The fake keeps the minimum.
  var resize = api.ui.resize;
  api.ui.resize = function (width, height) {
    resize.call(api.ui, width, height);
    if (iframe) {
      iframe.style.width = Math.max(70, width) + 'px';
      iframe.style.height = Math.max(0, height) + 'px';
    }
  };

  g.__session.ui.onMessage(function (message) {
    g.__toUi.push(message);
    if (iframe && loaded) deliver(message);
    else pending.push(message);
  });
  window.addEventListener('message', function (event) {
    if (!iframe || event.source !== iframe.contentWindow) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || !('pluginMessage' in data)) return;
    g.__toMain.push(data.pluginMessage);
    g.__session.ui.postToMain(data.pluginMessage);
  });
})
`

/** Evaluates source text in the page's global scope; a throw rejects with the error. */
async function evalInPage(page: Page, code: string): Promise<void> {
  await page.evaluate(`(0, eval)(${JSON.stringify(code)}); undefined`)
}

export async function openPluginInBrowser(options: BrowserPluginOptions): Promise<BrowserPlugin> {
  const executablePath = findChromium()
  const [fakeJs, themes] = await Promise.all([options.fakeJs ?? bundleFake(), themeCss()])
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'loomprint-chromium-'))
  let context: BrowserContext | undefined
  const logs: string[] = []
  const errors: string[] = []
  const note = (line: string): void => {
    logs.push(line)
    if (options.echoConsole) console.log(line)
  }

  const close = async (): Promise<void> => {
    await context?.close().catch(() => undefined)
    await rm(userDataDir, { recursive: true, force: true })
  }

  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
      ignoreDefaultArgs: ['--enable-automation'],
    })
    const page = context.pages()[0] ?? (await context.newPage())
    page.on('console', (message) => note(`[${message.type()}] ${message.text()}`))
    page.on('pageerror', (error) => {
      errors.push(error.message)
      note(`[pageerror] ${error.message}`)
    })

    await page.setContent('<!doctype html><html><head><title>Figma (fake)</title></head><body></body></html>')
    await page.addScriptTag({ content: fakeJs })
    const theme = options.theme ?? 'light'
    const bootstrapArgs = {
      worldOptions: options.worldOptions ?? {},
      user: options.user ?? null,
      command: options.command ?? '',
      uiHtml: options.uiHtml,
      theme: theme === 'none' ? null : theme,
      themeCss: theme === 'none' ? '' : themes[theme],
    }
    await evalInPage(page, `${HOST_BOOTSTRAP}(${JSON.stringify(bootstrapArgs)})`)

    // Main runs as a script in the host page's global scope, the UI appears when it
    // calls figma.showUI. Indirect eval: global scope; a throw rejects with the error.
    if (options.setup) await evalInPage(page, options.setup)
    await evalInPage(page, options.mainJs)

    const frameElement = await page
      .waitForSelector('iframe#plugin-ui', { state: 'attached', timeout: options.showUiTimeoutMs ?? 10_000 })
      .catch(() => {
        throw new Error('main did not call figma.showUI, so there is no plugin UI to open')
      })
    const frame = await frameElement.contentFrame()
    if (!frame) throw new Error('the plugin UI iframe has no frame')
    await frame.waitForLoadState('load')

    return {
      page,
      frame,
      logs,
      errors,
      messagesToUi: () => page.evaluate('globalThis.__toUi.slice()') as Promise<unknown[]>,
      messagesToMain: () => page.evaluate('globalThis.__toMain.slice()') as Promise<unknown[]>,
      close,
    }
  } catch (error) {
    await close()
    if (error instanceof Error && logs.length > 0) {
      error.message += `\nbrowser console (last 20):\n${logs.slice(-20).join('\n')}`
    }
    throw error
  }
}
