/**
 * The first edit of a session on a pattern with a long history: the recorder must
 * verify the stored journal before appending. Runs the built main.js in QuickJS (as
 * capture.bench.ts does) with a week of one designer's journal already stored.
 *
 * journal.load.entries    entries in the stored journal
 * journal.load.maxSliceMs longest synchronous stretch while loading it and journaling the edit
 * journal.load.ms         main-thread time for that
 * journal.load.cpuMs      the same in CPU time (capture.bench.ts)
 * journal.load.pluginOnly.*  the same on the fake without its checks (capture.bench.ts says
 *                         what that leaves out)
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { appendEdit, createJournal, encodeJournalChunks } from '../src/storage/journal'
import { startInQuickJs } from '../tests/harness/quickjs'
import { clientFor } from '../tests/support/quickjs-client'
import { ADA } from '../tests/support/plugin-session'
import { editingSession } from './fixtures/editing-session'

const SESSION = 1
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const round = (ms: number) => Math.round(ms * 10) / 10

/** About a working week: twenty two-hour sessions, one after the other. */
function weekOfJournal(): { chunks: string[]; entries: number } {
  // The chain of the plugin's own Figma session (the harness's only session, id 1): the
  // recorder loads the journal of its session (docs/storage.md, "Journal").
  const journal = createJournal(ADA, SESSION)
  let offset = 0
  for (let day = 0; day < 20; day++) {
    const events = editingSession({ seed: day + 1 })
    for (const event of events) appendEdit(journal, { ...event, at: event.at + offset })
    offset += 24 * 3600 * 1000
  }
  return { chunks: encodeJournalChunks(journal), entries: journal.entries.length }
}

export async function run(): Promise<Record<string, number>> {
  const mainFile = path.join(ROOT, 'build/main.js')
  if (!existsSync(mainFile)) throw new Error('build/main.js is missing: run npm run build first')
  const week = weekOfJournal()
  return { ...(await measure(mainFile, week, true, '')), ...(await measure(mainFile, week, false, '.pluginOnly')) }
}

async function measure(mainFile: string, { chunks, entries }: { chunks: string[]; entries: number }, checks: boolean, tag: string): Promise<Record<string, number>> {
  const plugin = await startInQuickJs({
    mainJs: readFileSync(mainFile, 'utf8'),
    user: ADA,
    worldOptions: { checks },
    setup: `(function () {
      var figma = __session.figma, chunks = ${JSON.stringify(chunks)};
      if (figma.currentUser.sessionId !== ${String(SESSION)}) throw new Error('the bench expects session ${String(SESSION)}');
      __world.edit(__session, function () {
        var frame = figma.createFrame();
        var tile = figma.createRectangle();
        frame.appendChild(tile);
        // Any record marks the frame as a pattern for the recorder; the journal is what is measured.
        frame.setPluginData('record', '{}');
        for (var n = 0; n < chunks.length; n++) frame.setPluginData('journal.${ADA.id}.s${String(SESSION)}.' + n, chunks[n]);
        globalThis.__tile = tile;
      });
    })();`,
  })
  try {
    await new Promise((resolve) => setTimeout(resolve, 100))
    const { client } = clientFor(plugin, ADA)
    const from = plugin.slicesMs.length
    plugin.evalInVm(`__world.edit(__session, function () { __tile.x += 5; })`)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await client.request('flushJournal', {})
    const slices = plugin.slicesMs.slice(from)
    if (plugin.errors.length > 0) throw new Error(plugin.errors.join('\n'))
    return {
      'journal.load.entries': entries,
      [`journal.load${tag}.maxSliceMs`]: round(slices.reduce((a, b) => Math.max(a, b), 0)),
      [`journal.load${tag}.ms`]: round(slices.reduce((a, b) => a + b, 0)),
      [`journal.load${tag}.cpuMs`]: round(plugin.slicesCpuMs.slice(from).reduce((a, b) => a + b, 0)),
    }
  } finally {
    plugin.dispose()
  }
}
