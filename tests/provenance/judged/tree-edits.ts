/**
 * What the tree-shaped judged sets (2 and 3) share: the shape of a scenario, the edits a
 * designer's gestures make on a pattern tree (patterns-2.ts), and the set they make.
 */
import { renderTree, type Node, type Tree } from './patterns-2'
import type { Band } from './scenarios'
import type { JudgedSet } from './sets'

export interface TreeScenario<Pattern extends string> {
  id: string
  pattern: Pattern
  /** What the designer did, in words. */
  edit: string
  band: Band
  /** Why that band, in one line. */
  reason: string
  apply: (t: Tree) => void
}

/** Pasting: a deep copy of a node with new ids from `newId`, shifted by (dx, dy). */
export function paster(newId: () => string): (n: Node, dx: number, dy: number) => Node {
  const pasted = (n: Node, dx: number, dy: number): Node => ({ ...n, id: newId(), cx: n.cx + dx, cy: n.cy + dy, ...(n.children ? { children: n.children.map((c) => pasted(c, dx, dy)) } : {}) })
  return pasted
}

/** Moves a node and everything in it. */
export function shift(n: Node, dx: number, dy: number): void {
  n.cx += dx
  n.cy += dy
  n.children?.forEach((c) => shift(c, dx, dy))
}

/** Scales a node and everything in it about (fx, fy). */
export function scaleAbout(n: Node, fx: number, fy: number, f: number): void {
  n.cx = fx + (n.cx - fx) * f
  n.cy = fy + (n.cy - fy) * f
  n.w *= f
  n.h *= f
  if (n.strokeWeight) n.strokeWeight *= f
  n.children?.forEach((c) => scaleAbout(c, fx, fy, f))
}

/** A judged set of tree scenarios: each case builds its pattern twice, edits one, renders both. */
export function treeJudgedSet<Pattern extends string>(
  name: string,
  scenarios: readonly TreeScenario<Pattern>[],
  patterns: Record<Pattern, () => Tree>,
  pairs: readonly (readonly [string, string, ...string[]])[],
): JudgedSet {
  return {
    name,
    cases: scenarios.map((s) => ({
      id: s.id,
      pattern: s.pattern,
      edit: s.edit,
      band: s.band,
      build: () => {
        const edited = patterns[s.pattern]()
        s.apply(edited)
        return [renderTree(patterns[s.pattern]()), renderTree(edited)]
      },
    })),
    pairs: pairs.map(([a, b]) => [a, b]),
  }
}
