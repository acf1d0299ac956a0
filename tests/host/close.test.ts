/**
 * Issue #19, 9: the UI's `close` request gets its answer, then the plugin closes —
 * closePlugin() disables the API (plugin-api.d.ts:173, :735-742), so an answer sent
 * after it is lost and the UI waits forever.
 */
import { describe, expect, it } from 'vitest'
import { createFigmaWorld } from '../figma-fake/index'
import { ADA, openPlugin } from '../support/plugin-session'

describe('closing from the UI', () => {
  it('answers the close request, then closes the plugin', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    await ada.client.request('hello', {})
    const answer = ada.client.request('close', {}).then(() => 'answered')
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('no answer'), 1000))
    expect(await Promise.race([answer, timeout])).toBe('answered')
    expect(ada.session.closed).toBe(false) // the answer came while the plugin was still open
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(ada.session.closed).toBe(true)
  })
})
