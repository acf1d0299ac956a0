/**
 * Runs the built plugin for one person, the way tests/harness/browser.ts does (FIGMA.md,
 * "Runtime"):
 *
 * - build/main.js runs in a sandbox over that person's session of the in-memory Figma: a
 *   function scope whose `figma`, `__html__`, timers are the session's, and in which the
 *   browser globals Figma's main thread lacks (`window`, `document`, `localStorage`,
 *   `fetch`, …) are undefined. Each person gets their own sandbox, so two people can run
 *   the plugin on one document at once.
 * - build/ui.html is shown in an <iframe> loaded from a data: URL (null origin, not a
 *   secure context), created only when main calls figma.showUI, sized from its options,
 *   hidden with `visible: false`.
 * - main's `figma.ui.postMessage(m)` arrives in the UI as `{ pluginMessage: m }`; the UI's
 *   `parent.postMessage({ pluginMessage }, '*')` reaches `figma.ui.onmessage`. Messages
 *   main posts before the iframe has loaded are held until `load`.
 * - With `themeColors: true` the UI gets Figma's `figma-light`/`figma-dark` class and colour
 *   variables before its own code runs. A small script (Figma's part, not the plugin's)
 *   lets the editor switch the theme live, as Figma does when the user changes it.
 */
import type { FakeSession } from '../../tests/figma-fake/index'

export type Theme = 'light' | 'dark'

export interface PluginWindowOptions {
  session: FakeSession
  mainJs: string
  uiHtml: string
  /** Where the plugin window goes. */
  container: HTMLElement
  /** The window's title bar text, e.g. "Loomprint — Ada Designer". */
  title: string
  theme: Theme
  /** Both theme blocks (`:root.figma-light{…}` `:root.figma-dark{…}`). */
  themeCss: string
  /** figma.notify(message). */
  onNotify(message: string, error: boolean): void
  /** The plugin closed itself (figma.closePlugin) or the person closed its window. */
  onClosed(): void
  /** The plugin moved the person to another page (figma.setCurrentPageAsync). */
  onPage(page: PageNode): void
  /** An error thrown by main.js while starting. */
  onError(message: string): void
}

export interface PluginWindow {
  readonly session: FakeSession
  readonly element: HTMLElement
  setTheme(theme: Theme): void
  /** The person closes the plugin window (Figma's × button): figma.closePlugin(). */
  close(): void
}

/** Globals Figma's main thread does not have (FIGMA.md "Runtime"); undefined inside the sandbox. */
const ABSENT_GLOBALS = ['window', 'document', 'self', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'TextEncoder', 'TextDecoder', 'crypto', 'atob', 'btoa', 'WebAssembly']

type Timer = (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => number

export function openPluginWindow(options: PluginWindowOptions): PluginWindow {
  const { session } = options
  const api = session.figma
  let theme = options.theme
  let closedReported = false

  const element = document.createElement('section')
  element.className = 'pg-plugin-window'
  element.setAttribute('aria-label', options.title)
  const bar = document.createElement('div')
  bar.className = 'pg-plugin-bar'
  const title = document.createElement('span')
  title.className = 'pg-plugin-title'
  title.textContent = options.title
  const closeButton = document.createElement('button')
  closeButton.type = 'button'
  closeButton.className = 'pg-icon-button'
  closeButton.textContent = '×'
  closeButton.setAttribute('aria-label', 'Close plugin')
  closeButton.addEventListener('click', () => close())
  bar.append(title, closeButton)
  const body = document.createElement('div')
  body.className = 'pg-plugin-body'
  element.append(bar, body)
  options.container.append(element)

  let iframe: HTMLIFrameElement | null = null
  let loaded = false
  let pending: unknown[] = []

  const deliver = (message: unknown): void => {
    iframe?.contentWindow?.postMessage({ pluginMessage: message }, '*')
  }

  const themeScript = (): string =>
    '<style id="figma-style">' +
    options.themeCss +
    '</style><script>(function(){var d=document.documentElement;d.classList.add(' +
    JSON.stringify(`figma-${theme}`) +
    ');addEventListener("message",function(e){if(e.source!==parent||!e.data||typeof e.data.figmaTheme!=="string")return;' +
    'd.classList.remove("figma-light","figma-dark");d.classList.add("figma-"+e.data.figmaTheme)})})()<\/script>'

  const withTheme = (html: string): string => {
    for (const anchor of [/<head\b[^>]*>/i, /<html\b[^>]*>/i, /<!doctype[^>]*>/i]) {
      const match = anchor.exec(html)
      if (match) return html.slice(0, match.index + match[0].length) + themeScript() + html.slice(match.index + match[0].length)
    }
    return themeScript() + html
  }

  const size = (width: number, height: number): void => {
    if (!iframe) return
    iframe.style.width = `${String(width)}px`
    iframe.style.height = `${String(height)}px`
  }

  const openUi = (html: string, showOptions: ShowUIOptions): void => {
    iframe?.remove()
    const frame = document.createElement('iframe')
    iframe = frame
    loaded = false
    pending = []
    frame.className = 'pg-plugin-ui'
    frame.title = `${options.title} (plugin UI)`
    size(showOptions.width ?? 300, showOptions.height ?? 200)
    element.hidden = showOptions.visible === false
    frame.addEventListener('load', () => {
      if (frame !== iframe) return
      loaded = true
      pending.splice(0).forEach(deliver)
    })
    frame.src = 'data:text/html;charset=utf-8,' + encodeURIComponent(showOptions.themeColors ? withTheme(html) : html)
    body.append(frame)
  }

  const onWindowMessage = (event: MessageEvent): void => {
    if (!iframe || event.source !== iframe.contentWindow) return
    const data: unknown = event.data
    if (!data || typeof data !== 'object' || !('pluginMessage' in data)) return
    if (!session.closed) session.ui.postToMain((data as { pluginMessage: unknown }).pluginMessage)
  }
  window.addEventListener('message', onWindowMessage)

  const teardown = (): void => {
    window.removeEventListener('message', onWindowMessage)
    iframe?.remove()
    iframe = null
    element.remove()
    if (!closedReported) {
      closedReported = true
      options.onClosed()
    }
  }

  // Figma's side of the plugin API calls that change what the editor shows.
  const showUI = api.showUI.bind(api)
  api.showUI = (html: string, showOptions?: ShowUIOptions) => {
    showUI(html, showOptions)
    openUi(html, showOptions ?? {})
  }
  const ui = api.ui
  const resize = ui.resize.bind(ui)
  ui.resize = (width: number, height: number) => {
    resize(width, height)
    size(Math.max(70, width), Math.max(0, height))
  }
  const hide = ui.hide.bind(ui)
  ui.hide = () => {
    hide()
    element.hidden = true
  }
  const show = ui.show.bind(ui)
  ui.show = () => {
    show()
    if (iframe) element.hidden = false
  }
  const uiClose = ui.close.bind(ui)
  ui.close = () => {
    uiClose()
    iframe?.remove()
    iframe = null
    element.hidden = true
  }
  const notify = api.notify.bind(api)
  api.notify = (message: string, notifyOptions?: NotificationOptions) => {
    const handler = notify(message, notifyOptions)
    options.onNotify(String(message).slice(0, 100), notifyOptions?.error === true)
    return handler
  }
  const setCurrentPageAsync = api.setCurrentPageAsync.bind(api)
  api.setCurrentPageAsync = async (page: PageNode) => {
    await setCurrentPageAsync(page)
    options.onPage(page)
  }
  const closePlugin = api.closePlugin.bind(api)
  api.closePlugin = (message?: string) => {
    closePlugin(message)
    if (message) options.onNotify(String(message).slice(0, 100), false)
    teardown()
  }

  session.ui.onMessage((message) => {
    if (iframe && loaded) deliver(message)
    else pending.push(message)
  })

  try {
    runMainInSandbox(session, options.mainJs, options.uiHtml)
  } catch (error) {
    options.onError(error instanceof Error ? error.message : String(error))
  }

  function close(): void {
    if (!session.closed) api.closePlugin()
    else teardown()
  }

  return {
    session,
    element,
    setTheme(next) {
      theme = next
      iframe?.contentWindow?.postMessage({ figmaTheme: next }, '*')
    },
    close,
  }
}

/**
 * Runs build/main.js for `session` in a function scope of its own: its free `figma`,
 * `__html__` and timers are the session's, and the browser globals Figma's main thread
 * lacks are undefined. Throws what main.js throws while starting.
 */
export function runMainInSandbox(session: FakeSession, mainJs: string, uiHtml: string): void {
  // Timers stop when the plugin closes (plugin-api.d.ts closePlugin: "any setTimeout or
  // setInterval timers will be cancelled").
  const live =
    (real: Timer): Timer =>
    (callback, ms, ...args) =>
      real(() => {
        if (!session.closed) callback(...args)
      }, ms)
  const globals: Record<string, unknown> = {
    figma: session.figma,
    __html__: uiHtml,
    __uiFiles__: {},
    setTimeout: live(window.setTimeout.bind(window) as Timer),
    setInterval: live(window.setInterval.bind(window) as Timer),
    clearTimeout: window.clearTimeout.bind(window),
    clearInterval: window.clearInterval.bind(window),
    console,
  }
  for (const name of ABSENT_GLOBALS) globals[name] = undefined
  const names = Object.keys(globals)
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const run = new Function(...names, mainJs) as (...values: unknown[]) => void
  run(...names.map((name) => globals[name]))
}
