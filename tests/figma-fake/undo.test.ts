import { describe, expect, test } from 'vitest'
import { createFigmaWorld } from './index'

describe('undo', () => {
  test('session.undo() reverts the last world.edit of that user as one step, reported as its change', async () => {
    const world = createFigmaWorld()
    const ada = world.openSession()
    const bo = world.openSession({ id: '2', name: 'Bo' })
    const rect = ada.figma.createRectangle()
    ada.figma.commitUndo()
    world.edit(bo, () => {
      rect.x = 50
      rect.opacity = 0.3
      rect.fills = []
    })
    world.edit(bo, () => {
      rect.name = 'renamed'
    })
    const seen: [string, string, string[]][] = []
    ada.figma.currentPage.on('nodechange', (e) => {
      for (const c of e.nodeChanges) if (c.type === 'PROPERTY_CHANGE') seen.push([c.id, c.origin, c.properties.slice().sort()])
    })
    await world.flush()
    seen.length = 0
    bo.undo()
    expect(rect.name).toBe('Rectangle')
    expect(rect.x).toBe(50)
    bo.undo()
    expect([rect.x, rect.opacity, (rect.fills as readonly Paint[]).length]).toEqual([0, 1, 1])
    bo.undo() // nothing left for Bo: Ada's rectangle stays
    expect(rect.removed).toBe(false)
    await world.flush()
    expect(seen).toEqual([[rect.id, 'REMOTE', ['fills', 'name', 'opacity', 'x']]])
  })

  test('uncommitted plugin writes form one undo group (plugin-api.d.ts:273-294)', () => {
    const world = createFigmaWorld()
    const s = world.openSession()
    const rect = s.figma.createRectangle()
    const ellipse = s.figma.createEllipse()
    s.undo()
    expect([rect.removed, ellipse.removed]).toEqual([true, true])
  })

  test('commitUndo splits plugin writes into groups', () => {
    const world = createFigmaWorld()
    const s = world.openSession()
    const rect = s.figma.createRectangle()
    s.figma.commitUndo()
    const ellipse = s.figma.createEllipse()
    s.undo()
    expect([rect.removed, ellipse.removed]).toEqual([false, true])
    s.undo()
    expect(rect.removed).toBe(true)
  })

  test('undo reverts plugin-data writes and deletions', () => {
    const world = createFigmaWorld()
    const s = world.openSession()
    const rect = s.figma.createRectangle()
    rect.setPluginData('record', 'v1')
    rect.setSharedPluginData('loomprint', 'summary', 's1')
    s.figma.commitUndo()
    rect.setPluginData('record', 'v2')
    rect.setPluginData('baseline.0', 'chunk')
    rect.setSharedPluginData('loomprint', 'summary', '')
    s.figma.commitUndo()
    s.undo()
    expect([rect.getPluginData('record'), rect.getPluginDataKeys(), rect.getSharedPluginData('loomprint', 'summary')]).toEqual([
      'v1',
      ['record'],
      's1',
    ])
  })

  test('undo restores removed subtrees with their ids and position, and a reparent', () => {
    const world = createFigmaWorld()
    const s = world.openSession()
    const frame = s.figma.createFrame()
    const a = s.figma.createRectangle()
    const b = s.figma.createRectangle()
    frame.appendChild(a)
    frame.appendChild(b)
    s.figma.commitUndo()
    world.edit(s, () => frame.insertChild(0, b))
    world.edit(s, () => frame.remove())
    s.undo()
    expect(frame.removed).toBe(false)
    expect(frame.children.map((n) => n.id)).toEqual([b.id, a.id])
    s.undo()
    expect(frame.children.map((n) => n.id)).toEqual([a.id, b.id])
  })

  test('figma.triggerUndo reverts to the last commitUndo state', () => {
    const world = createFigmaWorld()
    const s = world.openSession()
    const rect = s.figma.createRectangle()
    s.figma.commitUndo()
    rect.x = 40
    rect.setPluginData('k', 'v')
    s.figma.triggerUndo()
    expect([rect.removed, rect.x, rect.getPluginData('k')]).toEqual([false, 0, ''])
  })

  test('a world.edit commits the pending plugin writes first (separate steps)', () => {
    const world = createFigmaWorld()
    const s = world.openSession()
    const rect = s.figma.createRectangle()
    world.edit(s, () => {
      rect.x = 5
    })
    s.undo()
    expect([rect.removed, rect.x]).toEqual([false, 0])
    s.undo()
    expect(rect.removed).toBe(true)
  })
})

describe('undo of uncommitted plugin writes: the undocumented readings (FigmaWorldOptions.uncommittedPluginWrites)', () => {
  test("'own-step': the plugin's uncommitted writes are one step of their own, before the person's next edit", () => {
    const world = createFigmaWorld()
    const s = world.openSession()
    const rect = s.figma.createRectangle()
    s.figma.commitUndo()
    world.edit(s, () => (rect.x = 10))
    rect.setPluginData('k', 'v')
    s.undo()
    expect([rect.getPluginData('k'), rect.x]).toEqual(['', 10])
  })

  test("'join-last-step': they join the person's last step, so one undo takes back both", () => {
    const world = createFigmaWorld({ uncommittedPluginWrites: 'join-last-step' })
    const s = world.openSession()
    const rect = s.figma.createRectangle()
    s.figma.commitUndo()
    world.edit(s, () => (rect.x = 10))
    rect.setPluginData('k', 'v')
    s.undo()
    expect([rect.getPluginData('k'), rect.x]).toEqual(['', 0])
  })

  test("'join-last-step': commitUndo() still makes the plugin's writes a step of their own (plugin-api.d.ts:273-294)", () => {
    const world = createFigmaWorld({ uncommittedPluginWrites: 'join-last-step' })
    const s = world.openSession()
    const rect = s.figma.createRectangle()
    s.figma.commitUndo()
    world.edit(s, () => (rect.x = 10))
    rect.setPluginData('k', 'v')
    s.figma.commitUndo()
    s.undo()
    expect([rect.getPluginData('k'), rect.x]).toEqual(['', 10])
  })
})

describe('tabs: currentUser.sessionId (plugin-api.d.ts:12794-12799)', () => {
  test('two tabs of one person have different session ids; the plugin opened again in a tab keeps its id and its undo history', () => {
    const world = createFigmaWorld()
    const tab1 = world.openSession()
    const tab2 = world.openSession()
    const id1 = tab1.figma.currentUser?.sessionId
    expect(id1).not.toBe(tab2.figma.currentUser?.sessionId)
    const rect = tab1.figma.createRectangle()
    tab1.figma.commitUndo()
    tab1.figma.closePlugin()
    const again = world.openSession(undefined, { sameTabAs: tab1 })
    expect(again.figma.currentUser?.sessionId).toBe(id1)
    again.undo() // the person's Cmd+Z in that tab reaches the earlier run's write
    expect(rect.removed).toBe(true)
  })
})
