/**
 * Issue #19, problem 1, as a property: whatever a designer does — edits, a colleague's
 * edits, journal writes, Cmd+Z at any moment (right after each kind of write, across a
 * chunk boundary, several in a row), closing and reopening the plugin — the journal
 * still verifies, still takes appends, and keeps every edit made while the plugin ran
 * (an undone edit stays in it too: the journal is evidence of the process).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runAfternoon, type Reading, type Step } from './journal-undo-scenario'

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), tile: fc.integer({ min: 0, max: 2 }), recolour: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remote' as const), tile: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'flush' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
)

describe('a journal under undo at any moment', () => {
  for (const reading of ['own-step', 'join-last-step'] as Reading[]) {
    it(`verifies, takes appends and loses no edit (${reading})`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
          // 300 characters a chunk: a few dozen edits cross several chunk boundaries.
          const result = await runAfternoon(steps, reading, 300)
          expect(result.damaged).toEqual([])
          expect(result.refusesAppends).toBe(false)
          expect(result.stored).toBeGreaterThanOrEqual(result.edits)
        }),
        {
          numRuns: 25,
          examples: [
            // Found by the bench: an undo right after reopening takes back the previous run's
            // last write, whose entry was compacted into since (the stored chunk is then an
            // earlier state, not a prefix, of the chain in memory).
            [
              [
                { kind: 'edit', tile: 2, recolour: true },
                { kind: 'flush' },
                { kind: 'edit', tile: 2, recolour: true },
                { kind: 'reopen' },
                { kind: 'undo' },
                { kind: 'flush' },
                { kind: 'edit', tile: 0, recolour: false },
                { kind: 'undo' },
                { kind: 'edit', tile: 0, recolour: false },
              ],
            ],
          ],
        },
      )
    }, 120_000)
  }
})
