/**
 * Smoke tests of the two harnesses, with tiny inline plugins (not the real build):
 * the fake loads in both environments, messages go both ways in Figma's shapes, and
 * the QuickJS VM is as bare as Figma's main thread.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openPluginInBrowser, type BrowserPlugin } from './browser'
import { startInQuickJs, type QuickJsPlugin } from './quickjs'

/** A minimal main thread: says ready, echoes every message back. ES2017-safe. */
const ECHO_MAIN = `
  figma.showUI(__html__, { themeColors: true });
  figma.ui.onmessage = function (message) {
    Promise.resolve().then(function () {
      figma.ui.postMessage({ type: 'echo', message: message, command: figma.command });
    });
  };
  figma.ui.postMessage({ type: 'ready' });
`

type Msg = { type?: string; message?: unknown; command?: string }

describe('QuickJS harness', () => {
  let plugin: QuickJsPlugin | undefined
  afterEach(() => {
    plugin?.dispose()
    plugin = undefined
  })

  it('runs main against the fake and carries messages both ways', async () => {
    plugin = await startInQuickJs({ mainJs: ECHO_MAIN, command: 'capture' })
    expect(await plugin.waitForMessage((m) => (m as Msg).type === 'ready')).toEqual({ type: 'ready' })

    plugin.postToMain({ type: 'ping', bytes: new Uint8Array([1, 2, 3]) })
    const reply = (await plugin.waitForMessage((m) => (m as Msg).type === 'echo')) as Msg
    expect(reply.command).toBe('capture')
    expect(reply.message).toEqual({ type: 'ping', bytes: new Uint8Array([1, 2, 3]) })

    expect(plugin.slicesMs.length).toBeGreaterThanOrEqual(2)
    expect(plugin.totalMs()).toBeGreaterThan(0)
    expect(plugin.errors).toEqual([])
  })

  it('has timers and a console, like Figma main', async () => {
    plugin = await startInQuickJs({
      mainJs: `
        figma.showUI(__html__, { visible: false });
        console.log('hello', { from: 'main' });
        var ticks = 0;
        var id = setInterval(function () {
          ticks++;
          if (ticks === 3) { clearInterval(id); figma.ui.postMessage({ type: 'ticks', ticks: ticks }); }
        }, 1);
      `,
    })
    expect(await plugin.waitForMessage((m) => (m as Msg).type === 'ticks')).toEqual({ type: 'ticks', ticks: 3 })
    expect(plugin.logs).toContainEqual({ level: 'log', text: 'hello {"from":"main"}' })
    expect(plugin.evalInVm('typeof figma.ui.postMessage')).toBe('function')
  })

  it('has no browser globals: TextEncoder is a ReferenceError inside the VM', async () => {
    await expect(startInQuickJs({ mainJs: 'var bytes = new TextEncoder().encode("x");' })).rejects.toThrow(
      /ReferenceError: 'TextEncoder' is not defined/,
    )
    plugin = await startInQuickJs({ mainJs: '' })
    expect(
      plugin.evalInVm(
        '["TextEncoder", "TextDecoder", "crypto", "atob", "btoa", "WebAssembly", "window", "document", "process", "require"].filter(function (name) { return typeof globalThis[name] !== "undefined" })',
      ),
    ).toEqual([])
  })
})

describe('browser harness', () => {
  let plugin: BrowserPlugin | undefined
  afterEach(async () => {
    await plugin?.close()
    plugin = undefined
  })

  /** A minimal UI: a button that posts to main, and the last reply rendered. */
  const UI_HTML = `<!doctype html><html><body>
    <button id="ping">Ping</button>
    <output id="reply"></output>
    <script>
      document.getElementById('ping').addEventListener('click', function () {
        parent.postMessage({ pluginMessage: { type: 'ping' } }, '*');
      });
      window.addEventListener('message', function (event) {
        var message = event.data && event.data.pluginMessage;
        if (message) document.getElementById('reply').textContent = message.type + ':' + JSON.stringify(message.message || null);
      });
    </script>
  </body></html>`

  it('hosts main outside a null-origin data: iframe, bridged with pluginMessage envelopes', async () => {
    plugin = await openPluginInBrowser({ mainJs: ECHO_MAIN, uiHtml: UI_HTML, command: 'review' })
    const { frame } = plugin
    // The message main posted before the iframe loaded was delivered after load.
    await expect.poll(() => frame.locator('#reply').textContent()).toBe('ready:null')

    await frame.locator('#ping').click()
    await expect.poll(() => frame.locator('#reply').textContent()).toBe('echo:{"type":"ping"}')

    expect(await plugin.messagesToMain()).toEqual([{ type: 'ping' }])
    expect(await plugin.messagesToUi()).toEqual([
      { type: 'ready' },
      { type: 'echo', message: { type: 'ping' }, command: 'review' },
    ])
    // As in Figma: null origin, not a secure context (no crypto.subtle), and themed
    // because main asked for themeColors.
    expect(
      await frame.evaluate(
        '[location.origin, isSecureContext, document.documentElement.className, getComputedStyle(document.documentElement).getPropertyValue("--figma-color-bg").trim()]',
      ),
    ).toEqual(['null', false, 'figma-light', 'rgba(255, 255, 255, 1)'])
    expect(plugin.errors).toEqual([])
  })
})
