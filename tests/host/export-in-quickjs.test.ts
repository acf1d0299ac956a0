/**
 * Export's main-thread side as Figma runs it: the built build/main.js in QuickJS on the
 * fake, with a per-message budget. Assets cross the VM boundary in slices under the
 * budget; a signing key goes to clientStorage and only its public half to the document.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { SIGNER_NAMESPACE, SIGNER_KEY_PREFIX } from '../../src/host/keys'
import { loadSigningKeyAsync, newSigningKeyAsync } from '../../src/ui/license/export-workflow'
import { readBuildOutput } from '../build/paths'
import { startInQuickJs, type QuickJsPlugin } from '../harness/quickjs'
import { ADA } from '../support/plugin-session'
import { clientFor } from '../support/quickjs-client'

const SETUP = `
  (function () {
    var figma = __session.figma;
    __world.edit(__session, function () {
      var frame = figma.createFrame();
      frame.name = 'Paisley';
      frame.resize(300, 100);
      for (var i = 0; i < 3; i++) {
        var r = figma.createRectangle();
        r.resize(80, 80); r.x = 10 + i * 100; r.y = 10;
        r.fills = [{ type: 'SOLID', color: { r: 0.3 * i, g: 0.5, b: 0.7 } }];
        frame.appendChild(r);
      }
      globalThis.__frame = frame;
    });
  })();`

let plugin: QuickJsPlugin | null = null
afterEach(() => {
  plugin?.dispose()
  plugin = null
})

describe('export in QuickJS (build/main.js)', () => {
  it('sends a large PNG in slices under the message budget; keeps the key on the device', async () => {
    const budget = 2500
    plugin = await startInQuickJs({ mainJs: readBuildOutput('build/main.js'), setup: SETUP, user: ADA, command: 'export', worldOptions: { uiMessageBudgetBytes: budget } })
    const vm = plugin
    const { client } = clientFor(vm, ADA)
    const nodeId = vm.evalInVm('__frame.id') as string
    const parts: Uint8Array[] = []
    const result = await client.request(
      'exportAsset',
      { nodeId, format: 'PNG', width: 1200, sliceBytes: budget - 1024 },
      { onProgress: (p) => parts.push((p.data as { bytes: Uint8Array }).bytes) },
    )
    expect(result.slices).toBeGreaterThan(1)
    expect(parts.every((p) => p.length <= budget - 1024)).toBe(true)
    const bytes = Buffer.concat(parts)
    expect(bytes.length).toBe(result.size)
    expect([...bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47])
    expect(result.scale).toBe(4)

    const seed = (n: number) => new Uint8Array(n).fill(9)
    const key = await newSigningKeyAsync(client, ADA, { randomBytes: seed, now: () => Date.UTC(2026, 0, 1) })
    expect(key.kind).toBe('ready')
    const fingerprint = key.kind === 'ready' ? key.record.fingerprint : ''
    const published = vm.evalInVm(`figma.root.getSharedPluginData(${JSON.stringify(SIGNER_NAMESPACE)}, ${JSON.stringify(SIGNER_KEY_PREFIX + fingerprint)})`) as string
    expect(published).toContain(fingerprint)
    expect(published).not.toContain('09090909')
    expect((await loadSigningKeyAsync(client, ADA)).kind).toBe('ready')
    expect(vm.errors).toEqual([])
  })
})
