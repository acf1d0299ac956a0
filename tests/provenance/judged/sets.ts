/**
 * The judged sets in one shape: per scenario, a way to build its baseline and edited
 * snapshots, the band a reviewer gave it, and the orderings. Used by the agreement test
 * (judged-set.test.ts), the cross-engine raster check (raster-digests.ts) and reports.
 */
import type { PatternSnapshot } from '../../../src/provenance/snapshot'
import { render } from './patterns'
import { PATTERNS_2, renderTree } from './patterns-2'
import { PAIRS, PATTERNS, SCENARIOS, type Band } from './scenarios'
import { PAIRS_2, SCENARIOS_2 } from './scenarios-2'
import { JUDGED_SET_3 } from './sets-3'

export type { Band }

export interface JudgedCase {
  id: string
  pattern: string
  edit: string
  band: Band
  /** Baseline and edited snapshots, built fresh on every call. */
  build: () => [PatternSnapshot, PatternSnapshot]
}

export interface JudgedSet {
  name: string
  cases: JudgedCase[]
  /** [more human, less human]. */
  pairs: [string, string][]
}

export const JUDGED_SETS: JudgedSet[] = [
  {
    name: 'set 1',
    cases: SCENARIOS.map((s) => ({
      id: s.id,
      pattern: s.pattern,
      edit: s.edit,
      band: s.band,
      build: () => {
        const edited = PATTERNS[s.pattern]()
        s.apply(edited)
        return [render(PATTERNS[s.pattern]()), render(edited)]
      },
    })),
    pairs: PAIRS,
  },
  {
    name: 'set 2',
    cases: SCENARIOS_2.map((s) => ({
      id: s.id,
      pattern: s.pattern,
      edit: s.edit,
      band: s.band,
      build: () => {
        const edited = PATTERNS_2[s.pattern]()
        s.apply(edited)
        return [renderTree(PATTERNS_2[s.pattern]()), renderTree(edited)]
      },
    })),
    pairs: PAIRS_2.map(([a, b]) => [a, b]),
  },
  // Written blind and scored first in the commit that added it to this list (issue #9's note).
  JUDGED_SET_3,
]
