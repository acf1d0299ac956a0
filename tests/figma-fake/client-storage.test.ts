import { describe, expect, test } from 'vitest'
import { createFigmaWorld } from './index'

describe('clientStorage as the docs describe it', () => {
  test('only the documented value types are stored', async () => {
    const s = createFigmaWorld().openSession()
    const cs = s.figma.clientStorage
    const ok: unknown[] = [{ a: [1, 'x', true, null] }, 'text', 3.5, false, null, undefined, new Uint8Array([1, 2])]
    for (const v of ok) await cs.setAsync('k', v)
    const refused: [string, unknown][] = [
      ['Map', new Map([[1, 2]])],
      ['Set', new Set([1])],
      ['Date', new Date(0)],
      ['ArrayBuffer', new ArrayBuffer(4)],
      ['Uint16Array', new Uint16Array(2)],
      ['function', () => 1],
      ['nested Map', { keys: [{ m: new Map() }] }],
    ]
    for (const [what, v] of refused) {
      await expect(cs.setAsync('bad', v), what).rejects.toThrow(/clientStorage stores objects, arrays/)
    }
    await expect(cs.setAsync('bad', { keys: [{ m: new Map() }] })).rejects.toThrow('value.keys[0].m is a Map')
    expect(await cs.keysAsync()).toEqual(['k'])
  })

  test('the quota is 5,000,000 bytes: key + value as JSON, Uint8Array by length', async () => {
    const s = createFigmaWorld().openSession()
    const cs = s.figma.clientStorage
    await cs.setAsync('a', new Uint8Array(4_999_999)) // 1 + 4,999,999
    await expect(cs.setAsync('b', '')).rejects.toThrow(/5 MB exceeded.*Nothing was stored/) // + 1 + '""'
    await cs.setAsync('a', new Uint8Array(4_999_990))
    await cs.setAsync('b', 'xxxxxx') // 1 + 8 ('"xxxxxx"') → 5,000,000 exactly
    await expect(cs.setAsync('c', 0)).rejects.toThrow(/5 MB/)
    // 5 × 1024 × 1024 would have let this through: the fake counts conservatively.
    await cs.deleteAsync('b')
    await expect(cs.setAsync('b', new Uint8Array(100))).rejects.toThrow(/5 MB/)
  })

  test('a person clearing their storage, and the same person on a second device, start empty', async () => {
    const world = createFigmaWorld()
    const ada = world.openSession({ id: '1001', name: 'Ada' })
    await ada.figma.clientStorage.setAsync('signing-key', new Uint8Array(32))
    const adaAgain = world.openSession({ id: '1001', name: 'Ada' })
    expect(await adaAgain.figma.clientStorage.keysAsync()).toEqual(['signing-key'])
    const adaLaptop = world.openSession({ id: '1001', name: 'Ada' }, { device: 'laptop-2' })
    expect(await adaLaptop.figma.clientStorage.getAsync('signing-key')).toBeUndefined()
    world.clearClientStorage(ada)
    expect(await ada.figma.clientStorage.keysAsync()).toEqual([])
    expect(await adaAgain.figma.clientStorage.keysAsync()).toEqual([])
  })
})
