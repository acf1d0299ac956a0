/**
 * The third judged set in the shape of sets.ts's entries: per scenario, its baseline and
 * edited snapshots built fresh, the band the reviewer gave it, and the orderings.
 */
import { renderTree } from './patterns-2'
import { PATTERNS_3 } from './patterns-3'
import { PAIRS_3, SCENARIOS_3 } from './scenarios-3'
import type { JudgedSet } from './sets'

export const JUDGED_SET_3: JudgedSet = {
  name: 'set 3',
  cases: SCENARIOS_3.map((s) => ({
    id: s.id,
    pattern: s.pattern,
    edit: s.edit,
    band: s.band,
    build: () => {
      const edited = PATTERNS_3[s.pattern]()
      s.apply(edited)
      return [renderTree(PATTERNS_3[s.pattern]()), renderTree(edited)]
    },
  })),
  pairs: PAIRS_3.map(([a, b]) => [a, b]),
}
