/**
 * The review's main-thread side as Figma runs it: the built build/main.js in QuickJS on
 * the fake. Lists patterns on several pages, exports a thumbnail (bytes cross the VM
 * boundary), writes a decision and refuses a stale one.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { REVIEW_KEY } from '../../src/provenance/review'
import { decideAsync, listReviewAsync } from '../../src/ui/review/review-workflows'
import { captureAsync, markAsync } from '../../src/ui/workflows'
import { readBuildOutput } from '../build/paths'
import { startInQuickJs, type QuickJsPlugin } from '../harness/quickjs'
import { ADA, ORIGIN } from '../support/plugin-session'
import { clientFor } from '../support/quickjs-client'

/** Two frames on page A, one on page B. */
const SETUP = `
  (function () {
    var figma = __session.figma;
    var pages = figma.root.children;
    globalThis.__frames = [];
    __world.edit(__session, function () {
      ['Paisley', 'Ikat', 'Toile'].forEach(function (name, k) {
        var frame = figma.createFrame();
        frame.name = name;
        frame.resize(200, 100);
        for (var i = 0; i < 3; i++) {
          var r = figma.createRectangle();
          r.resize(40, 40); r.x = 10 + i * 60; r.y = 30;
          r.fills = [{ type: 'SOLID', color: { r: 0.3 * i, g: 0.5, b: 0.7 } }];
          frame.appendChild(r);
        }
        (k < 2 ? pages[0] : pages[1]).appendChild(frame);
        __frames.push(frame);
      });
    });
  })();`

let plugin: QuickJsPlugin | null = null
afterEach(() => {
  plugin?.dispose()
  plugin = null
})

describe('review in QuickJS (build/main.js)', () => {
  it('lists across pages, exports a thumbnail, appends a decision and refuses a stale one', async () => {
    plugin = await startInQuickJs({
      mainJs: readBuildOutput('build/main.js'),
      setup: SETUP,
      user: ADA,
      command: 'review',
      worldOptions: { pageNames: ['A', 'B'] },
    })
    const vm = plugin
    const { client, ctx } = clientFor(vm, ADA)
    const ids = vm.evalInVm('__frames.map(function (f) { return f.id })') as string[]
    expect(await markAsync(client, ids, ORIGIN, ctx)).toMatchObject({ kind: 'done', failed: [] })
    for (const id of ids) expect((await captureAsync(id, ctx)).kind).toBe('captured')

    const rows = await listReviewAsync(client)
    expect(rows.map((r) => [r.name, r.pageName, r.status])).toEqual([
      ['Paisley', 'A', 'unreviewed'],
      ['Ikat', 'A', 'unreviewed'],
      ['Toile', 'B', 'unreviewed'],
    ])
    const { png } = await client.request('thumbnail', { nodeId: ids[2]!, height: 32 })
    expect(png).toBeInstanceOf(Uint8Array)
    expect([...png!.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47])

    const toile = rows[2]!
    const rules = { reviewerMustNotBeEditor: false }
    expect((await decideAsync(client, toile, { decision: 'approve', comment: '' }, { ...ctx, rules })).kind).toBe('decided')
    // The same row as read before that decision: refused, the first decision kept.
    await expect(decideAsync(client, toile, { decision: 'reject', comment: 'no' }, { ...ctx, rules })).rejects.toThrow(/Someone else recorded a decision/)
    const stored = JSON.parse(vm.evalInVm(`__frames[2].getPluginData(${JSON.stringify(REVIEW_KEY)})`) as string) as { decisions: { decision: string }[] }
    expect(stored.decisions.map((d) => d.decision)).toEqual(['approve'])
    expect((await listReviewAsync(client))[2]!.status).toBe('approved')
    expect(vm.errors).toEqual([])
  })
})
