/**
 * The journal under undo at any moment (issue #19, 1): random afternoons of edits, a
 * colleague's edits, journal writes, Cmd+Z and reopening the plugin in the same tab, on
 * the in-memory Figma with the real host — the scenario of
 * tests/host/journal-undo.property.test.ts, more of them, under both readings of how
 * Figma mixes uncommitted plugin writes into a person's undo history.
 *
 *   npm run bench -- journal-undo
 *
 * Figures:
 *   journal.undoTorn        afternoons that ended with a journal that does not verify or
 *                           refuses appends (target 0)
 *   journal.undoLostEdits   afternoons whose stored journal lacks an edit made while the
 *                           plugin ran (target 0)
 *   journal.undoAfternoons  afternoons run (both readings)
 */
import fc from 'fast-check'
import { runAfternoon, type Reading, type Step } from '../tests/host/journal-undo-scenario'

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), tile: fc.integer({ min: 0, max: 2 }), recolour: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remote' as const), tile: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'flush' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
)

/** Afternoons per reading; a fixed seed, so the figure is the same run to run. */
const AFTERNOONS = 60

export async function run(): Promise<Record<string, number>> {
  let torn = 0
  let lost = 0
  let runs = 0
  const quiet = console.warn
  console.warn = () => undefined // refusals are counted below, not printed
  try {
    for (const reading of ['own-step', 'join-last-step'] as Reading[]) {
      const days = fc.sample(fc.array(step, { minLength: 5, maxLength: 60 }), { numRuns: AFTERNOONS, seed: 19 })
      for (const steps of days) {
        const r = await runAfternoon(steps, reading, 300)
        runs++
        if (r.damaged.length > 0 || r.refusesAppends) torn++
        if (r.stored < r.edits) lost++
      }
    }
  } finally {
    console.warn = quiet
  }
  return { 'journal.undoTorn': torn, 'journal.undoLostEdits': lost, 'journal.undoAfternoons': runs }
}
