/**
 * A file ready to export, built through the real host on the fake: two tracked
 * patterns with license terms, one approved for its current capture ("Paisley"), one
 * never reviewed ("Ikat", refused with the reason).
 */
import type { LicenseTerms } from '../../src/license/terms'
import { loadLicenseTargetAsync, saveLicenseAsync } from '../../src/ui/license/license-workflows'
import { decideAsync, listReviewAsync } from '../../src/ui/review/review-workflows'
import { captureAsync, markAsync } from '../../src/ui/workflows'
import type { FigmaWorld } from '../figma-fake/index'
import { sampleTerms } from '../license/fixtures'
import { ADA, captured, drawPattern, openPlugin, ORIGIN, type PluginUser } from '../support/plugin-session'

export const CORA = { id: '3003', name: 'Cora Director' }

/** Non-exclusive Commodity terms: apparel and home textiles in FR, DE and JP, 2026–2027. */
export function exportTerms(): LicenseTerms {
  return { ...sampleTerms(), tier: 'commodity', exclusivity: 'nonExclusive', licensee: { kind: 'anySubscriber' } } as LicenseTerms
}

export const USE = { use: { fieldOfUse: 'apparel' as const, territory: ['FR'], units: 5000 }, at: '2026-04-01' }

/** How a person opens the plugin: the host from source (tests) or the built main.js (the example). */
export type OpenPlugin = (world: FigmaWorld, user: typeof ADA) => PluginUser

export async function licensedFile(world: FigmaWorld, open: OpenPlugin = openPlugin): Promise<{ ada: PluginUser; cora: PluginUser; frames: FrameNode[] }> {
  const ada = open(world, ADA)
  const frames: FrameNode[] = []
  for (const name of ['Paisley', 'Ikat']) {
    const { frame } = drawPattern(world, ada)
    world.edit(ada.session, () => {
      frame.name = name
      frame.y = frames.length * 200
    })
    frames.push(frame)
  }
  const marked = await markAsync(ada.client, frames.map((f) => f.id), ORIGIN, ada.ctx)
  if (marked.kind !== 'done' || marked.failed.length) throw new Error(JSON.stringify(marked))
  for (const frame of frames) captured(await captureAsync(frame.id, ada.ctx))
  const targets = []
  for (const frame of frames) {
    const load = await loadLicenseTargetAsync(ada.client, frame.id)
    if (load.kind !== 'ok') throw new Error(load.reason)
    targets.push(load.target)
  }
  const saved = await saveLicenseAsync(ada.client, targets, exportTerms(), ada.ctx)
  if (saved.refused.length) throw new Error(JSON.stringify(saved.refused))
  const cora = open(world, CORA)
  const rows = await listReviewAsync(cora.client)
  const paisley = rows.find((r) => r.name === 'Paisley')!
  const decided = await decideAsync(cora.client, paisley, { decision: 'approve', comment: 'Good to license' }, { ...cora.ctx, rules: { reviewerMustNotBeEditor: false } })
  if (decided.kind !== 'decided') throw new Error(JSON.stringify(decided))
  return { ada, cora, frames }
}
