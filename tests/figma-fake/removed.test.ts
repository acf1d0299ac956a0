import { describe, expect, test } from 'vitest'
import { createFigmaWorld } from './index'

describe('removed nodes fail as in Figma', () => {
  test('a node another person deleted: removed/id/type readable, everything else throws "does not exist"', async () => {
    const world = createFigmaWorld()
    const ada = world.openSession()
    const bo = world.openSession({ id: '2002', name: 'Bo' })
    const frame = ada.figma.createFrame()
    const rect = ada.figma.createRectangle()
    frame.appendChild(rect)
    rect.setPluginData('record', '{}')
    world.edit(bo, () => frame.remove())
    await world.flush()
    expect([rect.removed, rect.id, rect.type]).toEqual([true, rect.id, 'RECTANGLE'])
    const gone = `The node with id "${rect.id}" does not exist`
    expect(() => rect.getPluginData('record')).toThrow(`in getPluginData: ${gone}`)
    expect(() => rect.setPluginData('record', '')).toThrow(`in setPluginData: ${gone}`)
    expect(() => rect.remove()).toThrow(`in remove: ${gone}`)
    expect(() => {
      rect.x = 10
    }).toThrow(`in set_x: ${gone}`)
    expect(() => rect.name).toThrow(`in name: ${gone}`)
    expect(() => rect.exportAsync()).toThrow(`in exportAsync: ${gone}`)
    expect(() => ada.figma.currentPage.appendChild(rect)).toThrow(`in appendChild: ${gone}`)
    // Probes for members a node does not have stay quiet (await, matchers), and matchers can print it.
    expect((rect as unknown as { then?: unknown }).then).toBeUndefined()
    expect(() => expect(rect).toBe(frame)).toThrow(/expected/)
    expect(await ada.figma.getNodeByIdAsync(rect.id)).toBeNull()
  })

  test('undo brings a removed node back, and it works again', () => {
    const world = createFigmaWorld()
    const ada = world.openSession()
    const rect = ada.figma.createRectangle()
    ada.figma.commitUndo()
    world.edit(ada, () => rect.remove())
    expect(() => rect.x).toThrow(/does not exist/)
    ada.undo()
    expect([rect.removed, rect.x]).toEqual([false, 0])
  })
})
