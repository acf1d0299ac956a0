import { build } from 'esbuild'
import { getQuickJS } from 'quickjs-emscripten'
import { describe, expect, test } from 'vitest'

// vitest runs from the repository root.
const entry = 'tests/figma-fake/global.ts'

async function bundle(): Promise<string> {
  const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', target: 'es2020', write: false, platform: 'neutral', mainFields: ['module', 'main'] })
  return out.outputFiles[0].text
}

describe('the fake as an es2020 iife bundle', () => {
  test('has no Node.js imports and runs inside QuickJS with only setTimeout/Promise/Uint8Array', async () => {
    const code = await bundle()
    // `\bBuffer` so that ArrayBuffer.isView (in @noble/hashes, which the fake hashes image bytes with) is not taken for Node's Buffer.
    // jpeg-js's decoder (image-decode.ts) names Buffer only on its `useTArray: false` branch; the fake always asks for typed arrays.
    const guarded = code.replace('opts.useTArray ? new Uint8Array(bytesNeeded) : Buffer.alloc(bytesNeeded)', '')
    // (?<![\w$]): esbuild's own `__require` wrapper of a CommonJS module is no call of Node's require.
    expect(guarded).not.toMatch(/(?<![\w$])require\(|from "node:|\bBuffer\.|TextEncoder|structuredClone/)
    const QuickJS = await getQuickJS()
    const vm = QuickJS.newContext()
    try {
      const script = `
        var timers = [];
        globalThis.setTimeout = function (cb, ms) { timers.push(cb); return timers.length; };
        globalThis.setInterval = function () { return 0; };
        ${code}
        var log = [];
        var world = FigmaFake.createFigmaWorld({ pluginId: 'qjs' });
        var s = world.openSession();
        FigmaFake.installGlobals(s, '<p>ui</p>');
        var r = figma.createRectangle();
        r.setPluginData('k', 'v');
        figma.currentPage.on('nodechange', function (e) { log.push(e.nodeChanges.length + ':' + e.nodeChanges[0].origin); });
        r.opacity = 0.5;
        r.exportAsync({ format: 'PNG' }).then(function (b) { log.push('png:' + b.length + ':' + b[1]); });
        function drain() { while (timers.length) { timers.shift()(); } }
        JSON.stringify([r.id, r.getPluginData('k'), figma.base64Encode(new Uint8Array([104, 105])), __html__]);
      `
      const result = vm.unwrapResult(vm.evalCode(script))
      expect(JSON.parse(vm.getString(result))).toEqual(['1:1', 'v', 'aGk=', '<p>ui</p>'])
      result.dispose()
      for (let i = 0; i < 5; i++) {
        vm.unwrapResult(vm.evalCode('drain()')).dispose()
        vm.runtime.executePendingJobs()
      }
      const log = vm.unwrapResult(vm.evalCode('JSON.stringify(log)'))
      const entries = JSON.parse(vm.getString(log)) as string[]
      log.dispose()
      // Only the change made after subscribing is heard (world.ts addPageListener).
      expect(entries).toContain('1:LOCAL')
      expect(entries.some((e) => e.startsWith('png:') && e.endsWith(':80'))).toBe(true) // 'P' of \\x89PNG
    } finally {
      vm.dispose()
    }
  })
})
