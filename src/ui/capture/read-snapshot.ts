/**
 * Reading a pattern from main into the snapshot model. Main streams raw readings;
 * the outlines' SVG path data is parsed here (outline.ts), in the UI iframe, because
 * parsing thousands of paths is the work Figma's main thread must not do.
 */
import { describeIssues, type ClientEndpoint } from '../../channel'
import { parseProgressData, type ElementReading } from '../../messages'
import type { RootFrame } from '../../coefficient/legacy-placement'
import { placedOutline, placementFromTransform } from '../../coefficient/placement'
import { elementFromShape } from '../../coefficient/shape'
import { OWN_BOX, type ElementSnapshot, type PatternSnapshot } from '../../coefficient/snapshot'
import { errorMessage, WorkflowError } from '../shared/workflow-context'

export interface PatternReading {
  snapshot: PatternSnapshot
  /** Node id → layer name, for display (names are not part of the snapshot). */
  names: Map<string, string>
  /** The pattern root's name. */
  name: string
  /** Where the root sits on the page (not part of the snapshot): for baselines before format 4. */
  frame: RootFrame
}

/**
 * One reading → the snapshot model: Figma's transform becomes the own box, rotation
 * and flip (a flipped layer's outline mirrored in its box), the raw outline a compact
 * signature and, for method 2, the path data itself (the baseline keeps it while it fits).
 */
export function toElementSnapshot(reading: ElementReading): ElementSnapshot {
  const placement = placementFromTransform(reading.transform, reading.width, reading.height)
  return elementFromShape({
    id: reading.id,
    path: reading.path,
    type: reading.type,
    bounds: placement.bounds,
    rotation: placement.rotation,
    flipped: placement.flipped,
    opacity: reading.opacity,
    visible: reading.visible,
    blendMode: reading.blendMode,
    fills: reading.fills,
    strokes: reading.strokes,
    strokeWeight: reading.strokeWeight,
    effects: reading.effects,
    pathData: reading.outline === null ? null : placedOutline(placement, reading.outline),
    text: reading.text,
    clipsContent: reading.clipsContent === true,
    isMask: reading.isMask === true,
  })
}

/**
 * Reads a pattern from main. Elements arrive as progress batches; each batch is
 * validated (an invalid batch fails the whole read: a partial snapshot would score
 * the missing elements as removed).
 */
export async function readSnapshotAsync(
  client: ClientEndpoint,
  nodeId: string,
  onProgress?: (done: number, total: number) => void,
): Promise<PatternReading> {
  const elements: ElementSnapshot[] = []
  const names = new Map<string, string>()
  let failure: string | null = null
  let batches = 0
  const result = await client.request(
    'readPattern',
    { nodeId },
    {
      onProgress: (progress) => {
        if (progress.data !== undefined && failure === null) {
          batches++
          const parsed = parseProgressData('readPattern', progress.data)
          if (!parsed.ok) {
            failure = `Layer batch ${String(batches)} from the plugin is malformed (${describeIssues(parsed.issues)}).`
          } else {
            try {
              for (const reading of parsed.data) {
                elements.push(toElementSnapshot(reading))
                names.set(reading.id, reading.name)
              }
            } catch (error) {
              failure = `Could not read an outline in batch ${String(batches)}: ${errorMessage(error)}`
            }
          }
        }
        onProgress?.(progress.done, progress.total)
      },
    },
  )
  if (failure !== null) throw new WorkflowError(failure)
  if (result.elements !== elements.length) {
    throw new WorkflowError(
      `The plugin reported ${String(result.elements)} layers but sent ${String(elements.length)}; the read was incomplete.`,
    )
  }
  return {
    snapshot: { rootId: result.rootId, rootBounds: result.rootBounds, elements, placement: OWN_BOX, masksRead: true },
    names,
    name: result.name,
    frame: result.frame,
  }
}

