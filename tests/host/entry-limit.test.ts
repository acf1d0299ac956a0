/**
 * Issue #19, problem 8: Figma counts the plugin id (or namespace) + key + value against
 * an entry's 100 kB (plugin-api.d.ts:6530, :6556), read as 100,000 bytes. A write over it
 * is refused before anything is written, with a reason.
 */
import { describe, expect, it } from 'vitest'
import { checkEntrySize } from '../../src/host/storage'
import { ENTRY_LIMIT_BYTES } from '../../src/storage/entry-limit'
import { createFigmaWorld } from '../figma-fake/index'

const ID = '1480000000000000001' // the manifest's id: 19 bytes

describe('an entry’s size as Figma counts it', () => {
  it.each([
    ['exactly 100,000 bytes with id and key', ENTRY_LIMIT_BYTES - ID.length - 'review'.length, 'a', true],
    ['one byte more', ENTRY_LIMIT_BYTES - ID.length - 'review'.length + 1, 'a', false],
    ['under 102,400 without the id, over 100,000 with it', 100_500, 'a', false],
    ['multi-byte text counted in UTF-8 bytes', 33_330, 'é', true], // 66,660 bytes
    ['multi-byte text over the limit', 50_000, 'é', false], // 100,000 bytes + key + id
  ])('%s', (_label, count, ch, fits) => {
    const value = ch.repeat(count)
    const check = () => checkEntrySize(ID, 'review', value)
    if (fits) expect(check).not.toThrow()
    else expect(check).toThrow(/Nothing was written/)
  })

  it('agrees with the fake: what the check lets through, the fake stores; one byte more, both refuse', () => {
    const world = createFigmaWorld({ pluginId: ID })
    const s = world.openSession()
    const rect = s.figma.createRectangle()
    const room = ENTRY_LIMIT_BYTES - ID.length - 'k'.length
    expect(() => checkEntrySize(ID, 'k', 'x'.repeat(room))).not.toThrow()
    rect.setPluginData('k', 'x'.repeat(room))
    expect(rect.getPluginData('k')).toHaveLength(room)
    expect(() => checkEntrySize(ID, 'k', 'x'.repeat(room + 1))).toThrow(/Nothing was written/)
    expect(() => rect.setPluginData('k', 'x'.repeat(room + 1))).toThrow(/100 kB/)
  })
})
