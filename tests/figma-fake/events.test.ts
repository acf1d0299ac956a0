import { describe, expect, test } from 'vitest'
import { createFigmaWorld, type FakeSession } from './index'

type Row = [string, string, string, string[] | null]
const rows = (e: NodeChangeEvent | DocumentChangeEvent): Row[] =>
  ('nodeChanges' in e ? e.nodeChanges : e.documentChanges).map((c) => [
    c.type,
    c.id,
    c.origin,
    c.type === 'PROPERTY_CHANGE' ? c.properties.slice().sort() : null,
  ])

function twoUsers() {
  const world = createFigmaWorld()
  const ada = world.openSession() // first session: plugin writes outside edit() are attributed to it
  const bo = world.openSession({ id: '2002', name: 'Bo Remote' })
  const seen = new Map<FakeSession, Row[][]>()
  for (const s of [ada, bo]) {
    seen.set(s, [])
    s.figma.currentPage.on('nodechange', (e) => seen.get(s)!.push(rows(e)))
  }
  return { world, ada, bo, seen }
}

describe('nodechange', () => {
  test('an edit is LOCAL to its author and REMOTE to the other user; batched and async', async () => {
    const { world, ada, bo, seen } = twoUsers()
    let rect!: RectangleNode
    world.edit(bo, () => {
      rect = bo.figma.createRectangle()
      rect.x = 10
      rect.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }]
      rect.x = 20
    })
    expect(seen.get(ada)).toEqual([]) // nothing synchronously
    await world.flush()
    expect(seen.get(bo)).toEqual([
      [
        ['CREATE', rect.id, 'LOCAL', null],
        ['PROPERTY_CHANGE', rect.id, 'LOCAL', ['fills', 'x']],
      ],
    ])
    expect(seen.get(ada)).toEqual([
      [
        ['CREATE', rect.id, 'REMOTE', null],
        ['PROPERTY_CHANGE', rect.id, 'REMOTE', ['fills', 'x']],
      ],
    ])
  })

  test('plugin writes outside edit() are attributed to the first session', async () => {
    const { world, ada, bo, seen } = twoUsers()
    const r = ada.figma.createRectangle()
    await world.flush()
    expect(seen.get(ada)![0]).toEqual([['CREATE', r.id, 'LOCAL', null]])
    expect(seen.get(bo)![0]).toEqual([['CREATE', r.id, 'REMOTE', null]])
  })

  test('CREATE/DELETE only for the highest-level node; deleted node is a RemovedNode', async () => {
    const { world, ada, seen } = twoUsers()
    const frame = ada.figma.createFrame()
    const child = ada.figma.createRectangle()
    frame.appendChild(child)
    await world.flush()
    seen.get(ada)!.length = 0
    const events: NodeChangeEvent[] = []
    ada.figma.currentPage.on('nodechange', (e) => events.push(e))
    frame.remove()
    await world.flush()
    expect(seen.get(ada)).toEqual([[['DELETE', frame.id, 'LOCAL', null]]])
    expect(events[0].nodeChanges[0].node).toEqual({ removed: true, type: 'FRAME', id: frame.id })
    // Re-creating a subtree (clone) reports only the top node.
    const copy = ada.figma.createFrame()
    copy.appendChild(ada.figma.createRectangle())
    await world.flush()
    seen.get(ada)!.length = 0
    const dup = copy.clone()
    await world.flush()
    expect(seen.get(ada)).toEqual([[['CREATE', dup.id, 'LOCAL', null]]])
  })

  test('plugin data writes are PROPERTY_CHANGE "pluginData" without the key', async () => {
    const { world, ada, seen } = twoUsers()
    const r = ada.figma.createRectangle()
    await world.flush()
    seen.get(ada)!.length = 0
    r.setPluginData('record', '{}')
    r.setSharedPluginData('loomprint', 'summary', '{}')
    await world.flush()
    expect(seen.get(ada)).toEqual([[['PROPERTY_CHANGE', r.id, 'LOCAL', ['pluginData']]]])
  })

  test('changes made inside the change callback are not reported back to that plugin', async () => {
    const world = createFigmaWorld()
    const ada = world.openSession()
    const bo = world.openSession({ id: '2', name: 'Bo' })
    const adaSeen: Row[][] = []
    const boSeen: Row[][] = []
    ada.figma.currentPage.on('nodechange', (e) => {
      adaSeen.push(rows(e))
      for (const c of e.nodeChanges) if (c.type === 'PROPERTY_CHANGE' && !c.node.removed) (c.node as SceneNode).setPluginData('seen', String(Date.now()))
    })
    bo.figma.currentPage.on('nodechange', (e) => boSeen.push(rows(e)))
    let r!: RectangleNode
    world.edit(bo, () => {
      r = bo.figma.createRectangle()
    })
    await world.flush()
    world.edit(bo, () => {
      r.opacity = 0.5
    })
    await world.flush()
    expect(adaSeen).toEqual([[['CREATE', r.id, 'REMOTE', null]], [['PROPERTY_CHANGE', r.id, 'REMOTE', ['opacity']]]])
    // Bo sees Ada's plugin-data write as a REMOTE change.
    expect(boSeen[boSeen.length - 1]).toEqual([['PROPERTY_CHANGE', r.id, 'REMOTE', ['pluginData']]])
  })

  test('off() unsubscribes; once() fires once; nodes on other pages are not reported', async () => {
    const world = createFigmaWorld({ pageNames: ['A', 'B'] })
    const s = world.openSession()
    const onA: number[] = []
    const cb = () => onA.push(1)
    const page = s.figma.currentPage
    page.on('nodechange', cb)
    let once = 0
    page.once('nodechange', () => once++)
    s.figma.createRectangle()
    await world.flush()
    const other = world.document.children[1]
    const moved = s.figma.createRectangle()
    world.edit(s, () => other.appendChild(moved)) // the user moves it to page B (reported on A as DELETE)
    await world.flush()
    page.off('nodechange', cb)
    s.figma.createRectangle()
    await world.flush()
    expect([onA.length, once]).toEqual([2, 1])
  })
})

describe('documentchange and other figma events', () => {
  test('documentchange requires loadAllPagesAsync, then reports changes on all pages', async () => {
    const world = createFigmaWorld({ pageNames: ['A', 'B'] })
    const s = world.openSession()
    expect(() => s.figma.on('documentchange', () => undefined)).toThrow(
      'Cannot register documentchange handler in incremental mode without calling figma.loadAllPagesAsync first.',
    )
    await s.figma.loadAllPagesAsync()
    const seen: Row[][] = []
    s.figma.on('documentchange', (e) => seen.push(rows(e)))
    const r = s.figma.createRectangle()
    world.document.children[1].appendChild(r)
    await world.flush()
    expect(seen).toEqual([[['CREATE', r.id, 'LOCAL', null], ['DELETE', r.id, 'LOCAL', null], ['CREATE', r.id, 'LOCAL', null]]])
  })

  test('selectionchange, currentpagechange and run are async', async () => {
    const world = createFigmaWorld({ pageNames: ['A', 'B'] })
    const s = world.openSession(undefined, { command: 'capture' })
    const log: string[] = []
    s.figma.on('run', (e) => log.push('run:' + e.command))
    s.figma.on('selectionchange', () => log.push('selection'))
    s.figma.on('currentpagechange', () => log.push('page'))
    expect(s.figma.command).toBe('capture')
    s.figma.currentPage.selection = [s.figma.createRectangle()]
    expect(log).toEqual([])
    await world.flush()
    await s.figma.setCurrentPageAsync(world.document.children[1])
    expect(() => {
      ;(s.figma as { currentPage: PageNode }).currentPage = world.document.children[0]
    }).toThrow('Use figma.setCurrentPageAsync instead')
    await world.flush()
    expect(log).toEqual(['run:capture', 'selection', 'page', 'selection'])
  })

  test('closePlugin fires close, stops events and UI messages, disables the API', async () => {
    const world = createFigmaWorld()
    const ada = world.openSession()
    const bo = world.openSession({ id: '2', name: 'Bo' })
    const seen: string[] = []
    ada.figma.currentPage.on('nodechange', () => seen.push('node'))
    ada.figma.on('close', () => seen.push('close'))
    ada.figma.showUI('<p>hi</p>')
    ada.figma.ui.onmessage = () => seen.push('ui')
    ada.figma.closePlugin('Bye')
    ada.ui.postToMain({ type: 'late' })
    world.edit(bo, () => bo.figma.createRectangle())
    await world.flush()
    expect(seen).toEqual(['close'])
    expect(ada.closed).toBe(true)
    expect(ada.ui.shown).toBe(false)
    expect(ada.notifications[ada.notifications.length - 1]).toEqual({ message: 'Bye' })
    expect(() => ada.figma.currentPage).toThrow(/closed/)
  })

  test('a session opened later does not see earlier edits', async () => {
    const world = createFigmaWorld()
    const ada = world.openSession()
    world.edit(ada, () => ada.figma.createRectangle())
    const bo = world.openSession({ id: '2', name: 'Bo' })
    const seen: unknown[] = []
    bo.figma.currentPage.on('nodechange', (e) => seen.push(e))
    await world.flush()
    expect(seen).toEqual([])
  })
})
