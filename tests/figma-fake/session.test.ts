import { describe, expect, test } from 'vitest'
import { createFigmaWorld, installGlobals, uninstallGlobals } from './index'

describe('session services', () => {
  test('currentUser: default user, logged-out user', () => {
    const world = createFigmaWorld()
    const ada = world.openSession()
    const anon = world.openSession({ id: null, name: 'whoever' })
    expect(ada.figma.currentUser).toMatchObject({ id: '1001', name: 'Ada Designer', sessionId: 1 })
    expect(typeof ada.figma.currentUser!.color).toBe('string')
    expect(anon.figma.currentUser).toMatchObject({ id: null, name: 'Anonymous', photoUrl: null, sessionId: 2 })
  })

  test('notify is recorded (truncated to 100 characters); base64 round trip', () => {
    const s = createFigmaWorld().openSession()
    s.figma.notify('Saved', { timeout: 1000 })
    s.figma.notify('x'.repeat(150))
    expect(s.notifications[0]).toEqual({ message: 'Saved', options: { timeout: 1000 } })
    expect(s.notifications[1].message).toHaveLength(100)
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255])
    expect(s.figma.base64Encode(bytes)).toBe('AAEC+vv8/f7/')
    expect(Array.from(s.figma.base64Decode(s.figma.base64Encode(bytes)))).toEqual(Array.from(bytes))
    expect(s.figma.base64Encode(new Uint8Array([104, 105]))).toBe('aGk=')
  })

  test('clientStorage: async get/set/delete/keys, copies values, 5 MB total limit rejects', async () => {
    const world = createFigmaWorld()
    const s = world.openSession()
    const cs = s.figma.clientStorage
    const value = { a: [1, 2], bytes: new Uint8Array([1, 2, 3]) }
    await cs.setAsync('k', value)
    value.a.push(3)
    expect(await cs.getAsync('k')).toEqual({ a: [1, 2], bytes: new Uint8Array([1, 2, 3]) })
    expect(await cs.getAsync('missing')).toBeUndefined()
    expect(await cs.keysAsync()).toEqual(['k'])
    await cs.setAsync('big1', new Uint8Array(3 * 1024 * 1024))
    await expect(cs.setAsync('big2', new Uint8Array(2 * 1024 * 1024))).rejects.toThrow(/5 MB/)
    expect(await cs.keysAsync()).toEqual(['k', 'big1'])
    await cs.setAsync('big1', new Uint8Array(1024)) // replacing a key frees its old size
    await cs.setAsync('big2', new Uint8Array(2 * 1024 * 1024))
    await cs.deleteAsync('k')
    expect((await cs.keysAsync()).sort()).toEqual(['big1', 'big2'])
    // Storage is per user (device), shared by that user's sessions only.
    expect(await world.openSession({ id: '7', name: 'Other' }).figma.clientStorage.keysAsync()).toEqual([])
  })

  test('UI bridge round trip: showUI, postMessage both ways, structured copies, async delivery', async () => {
    const world = createFigmaWorld()
    const s = world.openSession()
    const toUi: unknown[] = []
    const toMain: unknown[] = []
    s.figma.showUI('<html>ui</html>', { visible: false, width: 320 })
    expect([s.ui.shown, s.ui.visible, s.ui.html]).toEqual([true, false, '<html>ui</html>'])
    s.figma.ui.onmessage = (msg, props) => {
      toMain.push([msg, props.origin])
      s.figma.ui.postMessage({ type: 'pong', echo: msg })
    }
    const payload = { type: 'ping', bytes: new Uint8Array([9]) }
    const unsubscribe = s.ui.onMessage((m) => toUi.push(m))
    s.ui.postToMain(payload)
    payload.type = 'mutated'
    expect(toMain).toEqual([]) // asynchronous
    await world.flush()
    expect(toMain).toEqual([[{ type: 'ping', bytes: new Uint8Array([9]) }, 'null']])
    expect(toUi).toEqual([{ type: 'pong', echo: { type: 'ping', bytes: new Uint8Array([9]) } }])
    unsubscribe()
    s.figma.ui.show()
    expect(s.ui.visible).toBe(true)
    expect(() => s.figma.ui.postMessage({ fn: () => 1 })).toThrow(/clon/)
    s.figma.ui.close()
    expect(s.ui.shown).toBe(false)
  })

  test('messages posted before the UI listens are delivered once it subscribes', async () => {
    const world = createFigmaWorld()
    const s = world.openSession()
    s.figma.showUI('<p/>')
    s.figma.ui.postMessage('early')
    await world.flush()
    const got: unknown[] = []
    s.ui.onMessage((m) => got.push(m))
    await world.flush()
    expect(got).toEqual(['early'])
  })

  test('installGlobals sets figma/__html__; closePlugin stops plugin timers', async () => {
    const world = createFigmaWorld()
    const s = world.openSession()
    installGlobals(s, '<html>built</html>')
    try {
      const g = globalThis as unknown as { figma: PluginAPI; __html__: string }
      expect(g.figma).toBe(s.figma)
      expect(g.__html__).toBe('<html>built</html>')
      let fired = 0
      setTimeout(() => fired++, 0)
      const id = setInterval(() => fired++, 1)
      figma.closePlugin()
      await new Promise((r) => setTimeout(r, 20))
      clearInterval(id)
      expect(fired).toBe(0)
    } finally {
      uninstallGlobals()
    }
    expect('figma' in globalThis).toBe(false)
  })
})
