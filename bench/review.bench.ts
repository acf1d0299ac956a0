/**
 * Listing a file for review with the main-thread side as Figma would run it: the built
 * build/main.js inside QuickJS on the fake, the UI-side workflow in Node.
 *
 * The document: 20 pages, each with 25 tracked patterns (frames of 12 shapes, each with
 * a captured v2 record, half with a review history, most with a journal) and 150
 * untracked layers around them: 500 tracked patterns, 3,000 + 6,500 layers.
 *
 * review.list500.ms       all main-thread time the listing used
 * review.list.maxSliceMs  its longest synchronous stretch: how long the editor freezes
 *                         at worst (target ≤ 50)
 * review.list500.slices   how many slices it took
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ProvenanceRecord } from '../src/provenance/record'
import { captureRef, emptyReviewLog } from '../src/provenance/review'
import { listReviewAsync } from '../src/ui/review/review-workflows'
import { startInQuickJs } from '../tests/harness/quickjs'
import { ADA, ORIGIN } from '../tests/support/plugin-session'
import { clientFor } from '../tests/support/quickjs-client'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PAGES = 20
const PER_PAGE = 25

const round = (ms: number) => Math.round(ms * 10) / 10
const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0)
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

function template(): { record: ProvenanceRecord; review: string; journal: string } {
  const person = { id: ADA.id, name: ADA.name }
  const record: ProvenanceRecord = {
    schema: 'loomprint/record',
    version: 2,
    patternId: 'V1StGXR8_Z5jdHi6B-myT',
    rootNodeId: '__NODE__',
    origin: ORIGIN,
    baseline: { generation: 1, chunks: 1, hash: 'b'.repeat(64), elements: 13, bytes: 900, capturedAt: '2025-03-04T09:30:00.000Z', capturedBy: person },
    capture: {
      hcc: 0.31,
      label: 'AI-assisted',
      digitalSourceType: 'compositeWithTrainedAlgorithmicMedia',
      breakdown: { color: 0.2, shape: 0.05, transform: 0.03, style: 0, text: 0, added: 0.03, removed: 0 },
      top: Array.from({ length: 12 }, (_, i) => ({ id: `9:${String(i)}`, path: String(i), type: 'RECTANGLE', kind: 'changed', contribution: 0.02 })),
      added: 1,
      removed: 0,
      changed: 11,
      method: 'loomprint-hcc/1',
      policyFingerprint: 'fnv1a-1234abcd',
      matchedBy: 'id',
      at: '2025-03-05T10:00:00.000Z',
      by: person,
      journal: { edits: 40, people: [{ ...person, edits: 40 }], heads: [{ userId: ADA.id, head: 'a'.repeat(64), entries: 12 }] },
    },
    lineage: null,
  }
  const decision = { decision: 'approve' as const, by: { id: '3003', name: 'Cora' }, at: '2025-03-06T10:00:00.000Z', comment: 'ok', capture: captureRef(record.capture!) }
  const review = JSON.stringify({ ...emptyReviewLog(record.patternId), decisions: [decision, decision] })
  const header = JSON.stringify({ f: 'loomprint-journal/1', user: person, chunk: 0, from: 0, entries: 12, prev: '0'.repeat(64), head: 'a'.repeat(64) })
  const journal = header + '\n=12:345\n' + Array.from({ length: 12 }, (_, i) => `lx0cs${String(i)}kT0,1k`).join('\n')
  return { record, review, journal }
}

function buildScript(): string {
  const t = template()
  return `
  (function () {
    var figma = __session.figma;
    var record = ${JSON.stringify(JSON.stringify(t.record))};
    var review = ${JSON.stringify(t.review)};
    var journal = ${JSON.stringify(t.journal)};
    var pages = figma.root.children;
    __world.edit(__session, function () {
      for (var p = 0; p < pages.length; p++) {
        var page = pages[p];
        for (var k = 0; k < 150; k++) {
          var loose = figma.createRectangle();
          loose.x = k * 12; loose.y = -200;
          page.appendChild(loose);
        }
        for (var i = 0; i < ${PER_PAGE}; i++) {
          var frame = figma.createFrame();
          frame.name = 'Pattern ' + (p + 1) + '.' + (i + 1);
          frame.resize(200, 200);
          frame.x = i * 220;
          for (var s = 0; s < 12; s++) {
            var r = figma.createRectangle();
            r.resize(20, 20); r.x = (s % 4) * 40; r.y = Math.floor(s / 4) * 40;
            frame.appendChild(r);
          }
          page.appendChild(frame);
          frame.setPluginData('record', record.replace('__NODE__', frame.id));
          if (i % 2 === 0) frame.setPluginData('review', review);
          if (i % 5 !== 0) frame.setPluginData('journal.${ADA.id}.0', journal);
          frame.setSharedPluginData('loomprint', 'summary', '{}');
        }
      }
    });
  })();`
}

export async function run(): Promise<Record<string, number>> {
  const mainFile = path.join(ROOT, 'build/main.js')
  if (!existsSync(mainFile)) throw new Error('build/main.js is missing: run npm run build first')
  const pageNames = Array.from({ length: PAGES }, (_, i) => `Collection ${String(i + 1)}`)
  const plugin = await startInQuickJs({
    mainJs: readFileSync(mainFile, 'utf8'),
    setup: buildScript(),
    user: ADA,
    command: 'review',
    worldOptions: { pageNames },
    sliceTimeoutMs: 120_000,
  })
  try {
    await new Promise((resolve) => setTimeout(resolve, 300)) // the fixture's own change events
    const { client } = clientFor(plugin, ADA)
    const from = plugin.slicesMs.length
    const rows = await listReviewAsync(client)
    const slices = plugin.slicesMs.slice(from)
    if (rows.length !== PAGES * PER_PAGE) throw new Error(`listed ${String(rows.length)} patterns`)
    if (rows.some((r) => r.record === null)) throw new Error('a fixture record did not parse')
    if (plugin.errors.length > 0) throw new Error(plugin.errors.join('\n'))
    return {
      'review.list500.ms': round(sum(slices)),
      'review.list.maxSliceMs': round(max(slices)),
      'review.list500.slices': slices.length,
    }
  } finally {
    plugin.dispose()
  }
}
