/**
 * The host against the stricter fake (issue #6): pages that must be loaded, nodes another
 * person deleted, page switches that settle later, undo that belongs to the calling user.
 */
import { describe, expect, it } from 'vitest'
import { markAsync } from '../../src/ui/workflows'
import { createFigmaWorld } from '../figma-fake/index'
import { BEN, drawPattern, openPlugin, ORIGIN } from '../support/plugin-session'

describe('the host under Figma’s stricter rules', () => {
  it('reveals a layer on a page the plugin has not loaded: switches, selects, scrolls', async () => {
    const world = createFigmaWorld({ pageNames: ['Patterns', 'Archive'] })
    const ada = openPlugin(world)
    const { frame } = drawPattern(world, ada)
    const archive = world.document.children[1]
    world.edit(ada.session, () => archive.appendChild(frame))
    await world.flush()
    expect(await ada.client.request('focusNode', { nodeId: frame.id })).toEqual({ found: true })
    expect(ada.figma.currentPage).toBe(archive)
    expect(archive.selection).toEqual([frame])
    expect(ada.figma.viewport.center).toEqual({ x: 150, y: 50 })
  })

  it('a pattern another person deleted reads as gone, and the journal flush does not trip over it', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world)
    const ben = openPlugin(world, BEN)
    const { frame, tiles } = drawPattern(world, ada)
    const marked = await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
    expect(marked.kind).toBe('done')
    world.edit(ada.session, () => (tiles[0].x += 5))
    await world.flush()
    world.edit(ben.session, () => frame.remove())
    await world.flush()
    await expect(ada.client.request('readStored', { nodeId: frame.id })).rejects.toThrow(/no longer exists/)
    expect(await ada.client.request('flushJournal', {})).toEqual({ patterns: 0 })
    expect(await ada.client.request('focusNode', { nodeId: frame.id })).toEqual({ found: false })
  })

  it('a policy write is one undo step of the person who wrote it', async () => {
    const world = createFigmaWorld()
    openPlugin(world)
    const ben = openPlugin(world, BEN)
    await ben.client.request('writePolicy', { raw: '{"v":1}' })
    await ben.client.request('writePolicy', { raw: '{"v":2}' })
    ben.session.undo()
    expect(world.read(() => world.document.getPluginData('policy'))).toBe('{"v":1}')
  })
})
