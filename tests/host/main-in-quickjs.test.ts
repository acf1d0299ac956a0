/**
 * The built build/main.js inside QuickJS compiled to WebAssembly — the closest model of
 * Figma's main-thread VM (FIGMA.md, "Runtime") — on the fake, with the UI's workflows
 * on the other end of the channel. Catches syntax and globals that V8 forgives.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { captureAsync, markAsync } from '../../src/ui/workflows'
import { readBuildOutput } from '../build/paths'
import { startInQuickJs, type QuickJsPlugin } from '../harness/quickjs'
import { ADA, ORIGIN } from '../support/plugin-session'
import { clientFor } from '../support/quickjs-client'

const SETUP = `
  (function () {
    var figma = __session.figma;
    __world.edit(__session, function () {
      var frame = figma.createFrame();
      frame.name = 'Ikat stripe';
      frame.resize(300, 100);
      for (var i = 0; i < 3; i++) {
        var v = figma.createVector();
        v.vectorPaths = [{ windingRule: 'NONZERO', data: 'M 0 0 L 40 0 L 20 60 Z' }];
        v.resize(40, 60); v.x = 20 + i * 90; v.y = 20;
        v.fills = [{ type: 'SOLID', color: { r: 0.2 * i, g: 0.4, b: 0.6 } }];
        frame.appendChild(v);
      }
      figma.currentPage.selection = [frame];
      globalThis.__frame = frame;
    });
  })();`

let plugin: QuickJsPlugin | null = null
afterEach(() => {
  plugin?.dispose()
  plugin = null
})

async function start(): Promise<QuickJsPlugin> {
  plugin = await startInQuickJs({ mainJs: readBuildOutput('build/main.js'), setup: SETUP, user: ADA, command: 'capture' })
  return plugin
}

describe('build/main.js in QuickJS', () => {
  it('starts, shows its UI and answers hello', async () => {
    const vm = await start()
    const { client } = clientFor(vm, ADA)
    const hello = await client.request('hello', {})
    expect(hello).toMatchObject({ user: ADA, command: 'capture', selection: [{ name: 'Ikat stripe', state: 'untracked' }] })
    expect(vm.errors).toEqual([])
  })

  it('answers a malformed message with a clear error and keeps working', async () => {
    const vm = await start()
    vm.postToMain({ kind: 'request', id: 'bad-1', method: 'focusNode', params: { nodeId: 42 } })
    vm.postToMain('garbage')
    const reply = await vm.waitForMessage((m) => (m as { id?: string }).id === 'bad-1')
    expect(reply).toEqual({ kind: 'error', id: 'bad-1', message: 'Invalid focusNode request: nodeId: expected string' })
    const { client } = clientFor(vm, ADA)
    await expect(client.request('selection', {})).resolves.toHaveLength(1)
    expect(vm.errors).toEqual([])
  })

  it('marks, journals an edit, and captures a recoloured pattern', async () => {
    const vm = await start()
    const { ctx } = clientFor(vm, ADA)
    const frameId = vm.evalInVm('__frame.id') as string
    const marked = await markAsync(ctx.client, [frameId], ORIGIN, ctx)
    expect(marked).toMatchObject({ kind: 'done', failed: [] })
    vm.evalInVm(`__world.edit(__session, function () {
      __frame.children[0].fills = [{ type: 'SOLID', color: { r: 1, g: 0.85, b: 0 } }];
    })`)
    await new Promise((resolve) => setTimeout(resolve, 20)) // change events arrive on a timer
    const outcome = await captureAsync(frameId, ctx)
    if (outcome.kind !== 'captured') throw new Error(outcome.kind)
    expect(outcome.score.hcc).toBeGreaterThan(0)
    expect(outcome.score.breakdown.color).toBeGreaterThan(0)
    expect(outcome.journal.edits).toBe(1)
    expect(outcome.journalChecks).toEqual([expect.objectContaining({ userId: ADA.id, ok: true })])
    expect(vm.evalInVm(`__frame.getRelaunchData().capture`)).toMatch(/^Last capture: HCC 0\.\d\d/)
    expect(vm.errors).toEqual([])
  })
})
