/**
 * Issue #19, problem 7: edits made while Loomprint was closed reach no journal
 * (plugin-api.d.ts:173; FIGMA.md "Events"). The capture still measures them, and now
 * says how much of its change no journal saw; the team policy can refuse approval
 * while that share is above a limit it sets.
 */
import { describe, expect, it } from 'vitest'
import { attributeChanges } from '../../src/provenance/attribution'
import { decideAsync, listReviewAsync, reviewRulesOf } from '../../src/ui/review/review-workflows'
import { captureAsync, markAsync } from '../../src/ui/workflows'
import { parsePolicy } from '../../src/provenance/policy'
import { createFigmaWorld } from '../figma-fake/index'
import { ADA, captured, drawPattern, openPlugin, ORIGIN } from '../support/plugin-session'

const CORA = { id: '3003', name: 'Cora Art Director' }

async function editedWhileClosed() {
  const world = createFigmaWorld()
  let ada = openPlugin(world, ADA)
  const { frame, tiles } = drawPattern(world, ada)
  await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
  await world.flush()
  ada.figma.closePlugin()
  // With Loomprint closed: a recolour no listener sees.
  world.edit(ada.session, () => (tiles[1].fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }]))
  await world.flush()
  ada = openPlugin(world, ADA, { sameTabAs: ada.session })
  // With it open: the same kind of recolour, journaled.
  world.edit(ada.session, () => (tiles[0].fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }]))
  await world.flush()
  const result = captured(await captureAsync(frame.id, ada.ctx))
  return { world, ada, frame, result }
}

describe('changes no journal saw', () => {
  it('are shown as not attributed at capture: how much, and in the record', async () => {
    const { result } = await editedWhileClosed()
    expect(result.score.hcc).toBeGreaterThan(0)
    // Two recolours of equal tiles: about half the change, one layer.
    expect(result.unattributed.elements).toBe(1)
    expect(result.unattributed.share).toBeGreaterThan(0.3)
    expect(result.unattributed.share).toBeLessThan(0.7)
    expect(result.record.capture?.unattributed).toEqual(result.unattributed)
    expect(result.warnings.join(' ')).toMatch(/not attributed/)
  })

  it('refuse approval above the policy’s share; allow it with no limit or a higher one', async () => {
    const { world, result } = await editedWhileClosed()
    const cora = openPlugin(world, CORA)
    const rows = await listReviewAsync(cora.client)
    const row = rows.find((r) => r.nodeId === result.nodeId)!
    const policy = (max: number | undefined) => {
      const parsed = parsePolicy({ version: 1, ...(max === undefined ? {} : { maxUnattributedShare: max }) })
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
      return reviewRulesOf(parsed.policy)
    }
    const strict = await decideAsync(cora.client, row, { decision: 'approve', comment: '' }, { ...cora.ctx, rules: policy(0.2) })
    expect(strict.kind).toBe('refused')
    expect(strict.kind === 'refused' && strict.reason).toMatch(/made while Loomprint was closed.*at most 20%.*Nothing was written/)
    // Asking for changes is always allowed.
    const changes = await decideAsync(cora.client, row, { decision: 'request-changes', comment: 'Redo the tile 2 recolour with Loomprint open.' }, { ...cora.ctx, rules: policy(0.2) })
    expect(changes.kind).toBe('decided')
    const fresh = (await listReviewAsync(cora.client)).find((r) => r.nodeId === result.nodeId)!
    const lenient = await decideAsync(cora.client, fresh, { decision: 'approve', comment: '' }, { ...cora.ctx, rules: policy(0.9) })
    expect(lenient.kind).toBe('decided')
  })

  it('rule table: covered by the element, by an ancestor below the root, never by the root', () => {
    const ids: Record<string, string> = { '': 'root', '0': 'group', '0.1': 'leaf', '1': 'other' }
    const idAt = (p: string) => ids[p]
    const shares = [
      { id: 'leaf', path: '0.1', kind: 'changed', contribution: 0.3 },
      { id: 'other', path: '1', kind: 'changed', contribution: 0.1 },
    ]
    const run = (journaled: string[]) =>
      attributeChanges({ shares, journaled: new Set(journaled), currentIdAt: idAt, baselineIdAt: idAt })
    expect(run(['leaf', 'other'])).toEqual({ share: 0, hcc: 0, elements: 0 })
    expect(run(['group', 'other']).elements).toBe(0)
    expect(run(['root'])).toEqual({ share: 1, hcc: 0.4, elements: 2 })
    const some = run(['other'])
    expect([some.elements, Math.round(some.share * 100)]).toEqual([1, 75])
  })
})
