import { describe, expect, test } from 'vitest'
import { createFigmaWorld } from './index'

describe('figma.notify', () => {
  test('validates its message and options with Figma’s wording', () => {
    const s = createFigmaWorld().openSession()
    const notify = s.figma.notify as (message: unknown, options?: unknown) => NotificationHandler
    expect(() => notify(42)).toThrow('in notify: Expected "message" to have type string but got number instead')
    expect(() => notify('Saved', { timeout: '3s' })).toThrow('Expected "options.timeout" to have type number but got string instead')
    expect(() => notify('Saved', { colour: 'red' })).toThrow(/Expected "options" to have type \{timeout: \(optional\) number, .*\} but got additional property "colour"/)
    expect(() => notify('Saved', { button: { text: 'Undo' } })).toThrow('Expected "options.button.action" to have type function but got undefined instead')
    expect(s.notifications).toHaveLength(0)
  })

  test('tests can cancel, dismiss, expire and click the button; onDequeue gets the reason', () => {
    const s = createFigmaWorld().openSession()
    const reasons: string[] = []
    const onDequeue = (r: NotifyDequeueReason): void => {
      reasons.push(r)
    }
    let clicks = 0
    const handler = s.figma.notify('Exported', { onDequeue })
    handler.cancel()
    expect([s.notifications[0].open, s.notifications[0].dequeueReason]).toEqual([false, 'dismiss'])
    s.figma.notify('Slow', { onDequeue, timeout: 1000 })
    s.notifications[1].expire()
    // An action that returns false keeps the message up.
    s.figma.notify('Pack refused', { onDequeue, button: { text: 'Retry', action: () => (++clicks === 1 ? false : undefined) } })
    s.notifications[2].clickButton()
    expect(s.notifications[2].open).toBe(true)
    s.notifications[2].clickButton()
    expect(reasons).toEqual(['dismiss', 'timeout', 'action_button_click'])
    expect(() => s.notifications[2].clickButton()).toThrow(/no open notification/)
  })

  test('a notification with a button closes with the plugin, without callbacks', () => {
    const s = createFigmaWorld().openSession()
    let called = false
    s.figma.notify('Key missing', { onDequeue: () => (called = true), button: { text: 'Fix', action: () => undefined } })
    s.figma.closePlugin('Bye')
    expect([s.notifications[0].open, called]).toEqual([false, false])
    expect(s.notifications[1]).toEqual({ message: 'Bye' })
  })
})

describe('commitUndo / triggerUndo act on the calling session', () => {
  test('Bo’s plugin undoes Bo’s plugin writes, not Ada’s', async () => {
    const world = createFigmaWorld()
    const ada = world.openSession()
    const bo = world.openSession({ id: '2002', name: 'Bo' })
    const adas = ada.figma.createRectangle()
    const bos = bo.figma.createEllipse()
    bo.figma.commitUndo()
    bos.name = 'renamed by Bo'
    bo.figma.triggerUndo()
    expect([bos.name, bos.removed, adas.removed]).toEqual(['Ellipse', false, false])
    bo.figma.triggerUndo()
    expect([bos.removed, adas.removed]).toEqual([true, false])
    ada.figma.triggerUndo()
    expect(adas.removed).toBe(true)
  })

  test('a plugin write is LOCAL to the session whose plugin made it', async () => {
    const world = createFigmaWorld()
    const ada = world.openSession()
    const bo = world.openSession({ id: '2002', name: 'Bo' })
    const seen: string[] = []
    bo.figma.currentPage.on('nodechange', (e) => seen.push(...e.nodeChanges.map((c) => c.origin)))
    await world.flush()
    bo.figma.createRectangle()
    await world.flush()
    expect(seen).toEqual(['LOCAL'])
    expect(ada.closed).toBe(false)
  })
})
