/**
 * Which of a capture's measured change no edit journal saw (issue #19, 7). Journals
 * record edits only while Loomprint runs (plugin-api.d.ts:173: events stop with the
 * plugin; FIGMA.md), so a change made with the plugin closed reaches none — and with it
 * the rule "a reviewer must not be one of the pattern's editors" could be sidestepped.
 * The capture measures every change anyway; this names the part no journal covers.
 *
 * Pure: the caller passes the elements' shares of the HCC, the node ids the journals
 * name, and each snapshot's id by path.
 */

export interface AttributionInput {
  /** Every element with a part of the HCC (coefficient `elementShares`). */
  shares: readonly { id: string; path: string; kind: string; contribution: number }[]
  /** Node ids named by any journal entry on the pattern (every person, every session). */
  journaled: ReadonlySet<string>
  /** Node id at a path in the current state, and in the baseline (for removed elements). */
  currentIdAt: (path: string) => string | undefined
  baselineIdAt: (path: string) => string | undefined
}

export interface Attribution {
  /** Share of the measured change (0..1 of the HCC) that no journal covers. */
  share: number
  /** The same in HCC points (0..1). */
  hcc: number
  /** How many changed, added or removed elements no journal covers. */
  elements: number
}

/** No change, or every change covered. */
export const FULLY_ATTRIBUTED: Attribution = Object.freeze({ share: 0, hcc: 0, elements: 0 })

/**
 * A change is covered when a journal names the element or one of its ancestors below the
 * root: Figma reports a CREATE or DELETE only for the highest node (FIGMA.md, "Events"),
 * so a group drawn or deleted with the plugin open covers what is inside it. The root
 * itself covers nothing: an edit of the frame says nothing about its contents.
 */
export function attributeChanges(input: AttributionInput): Attribution {
  let total = 0
  let unattributed = 0
  let elements = 0
  for (const s of input.shares) {
    if (!(s.contribution > 0)) continue
    total += s.contribution
    const idAt = s.kind === 'removed' ? input.baselineIdAt : input.currentIdAt
    if (covered(s.id, s.path, idAt, input.journaled)) continue
    unattributed += s.contribution
    elements++
  }
  if (!(total > 0) || elements === 0) return FULLY_ATTRIBUTED
  return { share: Math.min(1, unattributed / total), hcc: Math.min(1, unattributed), elements }
}

function covered(id: string, path: string, idAt: (path: string) => string | undefined, journaled: ReadonlySet<string>): boolean {
  if (journaled.has(id)) return true
  // Paths are child indices from the root ("0.3.1"); the root is "".
  for (let p = parentPath(path); p !== null && p !== ''; p = parentPath(p)) {
    const ancestor = idAt(p)
    if (ancestor !== undefined && journaled.has(ancestor)) return true
  }
  return false
}

function parentPath(path: string): string | null {
  if (path === '') return null
  const dot = path.lastIndexOf('.')
  return dot < 0 ? '' : path.slice(0, dot)
}

/** Whether `attribution` is over the policy's limit (null: no limit set). */
export function overUnattributedLimit(attribution: Pick<Attribution, 'share'> | undefined, limit: number | null): boolean {
  return limit !== null && attribution !== undefined && attribution.share > limit
}

/** `attributeChanges` for a capture: journals as decoded (only chains that verify count). */
export function attributeCapture(
  shares: AttributionInput['shares'],
  journals: readonly { entries: readonly { nodeId: string }[] }[],
  baseline: { elements: readonly { id: string; path: string }[] },
  current: { elements: readonly { id: string; path: string }[] },
): Attribution {
  if (shares.length === 0) return FULLY_ATTRIBUTED
  const journaled = new Set<string>()
  for (const j of journals) for (const e of j.entries) journaled.add(e.nodeId)
  const byPath = (s: { elements: readonly { id: string; path: string }[] }) => new Map(s.elements.map((e) => [e.path, e.id]))
  const now = byPath(current)
  const then = byPath(baseline)
  return attributeChanges({ shares, journaled, currentIdAt: (p) => now.get(p), baselineIdAt: (p) => then.get(p) })
}
