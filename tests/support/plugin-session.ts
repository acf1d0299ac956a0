/**
 * A user running Loomprint on the in-memory Figma: the real host (src/host/plugin.ts)
 * and a UI-side client talking to it over the fake's UI bridge, as the iframe does.
 */
import { decodePictureInNode } from './decode-picture'
import { nanoid } from 'nanoid'
import { createClient, type ClientEndpoint, type Transport } from '../../src/channel'
import { startPlugin } from '../../src/host/plugin'
import type { CaptureOutcome, CaptureResult, WorkflowContext } from '../../src/ui/workflows'
import type { FakeSession, FakeUser, FigmaWorld } from '../figma-fake/index'

export const ADA = { id: '1001', name: 'Ada Designer' }
export const BEN = { id: '2002', name: 'Ben Colourist' }

export const ORIGIN = {
  generator: 'ComfyUI',
  model: 'Stable Diffusion XL',
  modelVersion: '1.0',
  prompt: 'a seamless paisley repeat, indigo on cream',
  seed: 1234,
  modelLicense: 'CreativeML OpenRAIL++-M',
  trainingData: 'LAION-5B subset, as declared by the provider',
  intent: 'Spring collection base motif',
  generatedAt: '2025-03-04',
}

export interface PluginUser {
  session: FakeSession
  figma: PluginAPI
  client: ClientEndpoint
  ctx: WorkflowContext
}

/** Opens the plugin for `user` on `world` (its own clock, ids and UI client). */
export function openPlugin(
  world: FigmaWorld,
  user: FakeUser & { id: string } = ADA,
  options: { sameTabAs?: FakeSession; journalChunkChars?: number; clockStart?: number; pluginId?: string } = {},
): PluginUser {
  const session = world.openSession(user, { sameTabAs: options.sameTabAs, pluginId: options.pluginId })
  let clock = options.clockStart ?? Date.UTC(2025, 2, 4, 9, 30)
  const now = () => (clock += 1000)
  startPlugin(session.figma, '<div id="app"></div>', { now, journalChunkChars: options.journalChunkChars })
  const transport: Transport = {
    send: (message) => session.ui.postToMain(message),
    listen: (receive) => session.ui.onMessage(receive),
  }
  const client = createClient(transport)
  return { session, figma: session.figma, client, ctx: { client, now, newId: () => nanoid(), user, decodePicture: decodePictureInNode } }
}

/** A frame of `count` coloured squares in a row, drawn by `by` (one undo step). */
export function drawPattern(world: FigmaWorld, by: PluginUser, count = 3): { frame: FrameNode; tiles: RectangleNode[] } {
  let frame!: FrameNode
  const tiles: RectangleNode[] = []
  world.edit(by.session, () => {
    frame = by.figma.createFrame()
    frame.name = 'Paisley repeat'
    frame.resize(100 * count, 100)
    for (let i = 0; i < count; i++) {
      const tile = by.figma.createRectangle()
      tile.name = `Tile ${String(i + 1)}`
      tile.resize(80, 80)
      tile.x = 10 + i * 100
      tile.y = 10
      tile.fills = [{ type: 'SOLID', color: { r: 0.2 + (0.6 * i) / count, g: 0.3, b: 0.7 } }]
      frame.appendChild(tile)
      tiles.push(tile)
    }
  })
  return { frame, tiles }
}

export function captured(outcome: CaptureOutcome): CaptureResult {
  if (outcome.kind !== 'captured') throw new Error(`expected a capture, got ${outcome.kind}: ${JSON.stringify(outcome)}`)
  return outcome
}
