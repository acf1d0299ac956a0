/**
 * The judged sets in one shape: per scenario, a way to build its baseline and edited
 * snapshots, the band a reviewer gave it, and the orderings. Used by the agreement test
 * (judged-set.test.ts), the cross-engine raster check (raster-digests.ts) and reports.
 */
import type { PatternSnapshot } from '../../../src/coefficient/snapshot'
import { render } from './patterns'
import { PATTERNS_2 } from './patterns-2'
import { PATTERNS_3 } from './patterns-3'
import { PAIRS, PATTERNS, SCENARIOS, type Band } from './scenarios'
import { PAIRS_2, SCENARIOS_2 } from './scenarios-2'
import { PAIRS_3, SCENARIOS_3 } from './scenarios-3'
import { treeJudgedSet } from './tree-edits'

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
  treeJudgedSet('set 2', SCENARIOS_2, PATTERNS_2, PAIRS_2),
  // Written blind and scored first in the commit that added it to this list (issue #9's note).
  treeJudgedSet('set 3', SCENARIOS_3, PATTERNS_3, PAIRS_3),
]
