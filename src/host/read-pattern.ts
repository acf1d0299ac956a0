/**
 * Reads a pattern's layers into plain `ElementReading`s: the only place that knows
 * how Figma represents geometry, paint and effects. Nothing heavier than property
 * reads happens here; outlines travel as raw path data and the UI condenses them.
 */
import type { ElementReading } from '../messages'
import type { Bounds, EffectSnapshot, PaintSnapshot } from '../provenance/snapshot'
import { createSlicer, type Slicer } from './yield'

/** Elements per progress message: big enough to be cheap, small enough to keep slices short. */
const BATCH = 250

export interface PatternReading {
  rootId: string
  name: string
  rootBounds: Bounds
  elements: number
}

export async function readPatternAsync(
  root: SceneNode,
  onBatch: (elements: ElementReading[], done: number) => void,
  slicer: Slicer = createSlicer(),
): Promise<PatternReading> {
  const origin = root.absoluteBoundingBox ?? { x: root.x, y: root.y, width: root.width, height: root.height }
  const rootBounds = { x: 0, y: 0, w: origin.width, h: origin.height }
  let batch: ElementReading[] = []
  let done = 0
  // Depth first, children in index order, with an explicit stack: patterns can be deep.
  const stack: { node: SceneNode; path: string }[] = [{ node: root, path: '' }]
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: SceneNode; path: string }
    batch.push(readElement(node, path, origin.x, origin.y))
    done++
    if ('children' in node) {
      const children = node.children
      for (let i = children.length - 1; i >= 0; i--) {
        stack.push({ node: children[i], path: path === '' ? String(i) : path + '.' + String(i) })
      }
    }
    if (batch.length >= BATCH || (slicer.due() && batch.length > 0)) {
      onBatch(batch, done)
      batch = []
      if (slicer.due()) await slicer.yieldAsync()
    }
  }
  if (batch.length > 0) onBatch(batch, done)
  return { rootId: root.id, name: root.name, rootBounds, elements: done }
}

function readElement(node: SceneNode, path: string, originX: number, originY: number): ElementReading {
  const box = node.absoluteBoundingBox
  const bounds = box
    ? { x: box.x - originX, y: box.y - originY, w: box.width, h: box.height }
    : { x: node.x, y: node.y, w: node.width, h: node.height }
  return {
    id: node.id,
    path,
    type: node.type,
    name: node.name,
    bounds,
    rotation: 'rotation' in node ? node.rotation : 0,
    opacity: 'opacity' in node ? node.opacity : 1,
    visible: node.visible,
    blendMode: 'blendMode' in node ? node.blendMode : 'PASS_THROUGH',
    fills: 'fills' in node ? readPaints(node.fills) : [],
    strokes: 'strokes' in node ? readPaints(node.strokes) : [],
    strokeWeight: 'strokeWeight' in node && typeof node.strokeWeight === 'number' ? node.strokeWeight : 0,
    effects: 'effects' in node ? readEffects(node.effects) : [],
    outline: readOutline(node),
    text: node.type === 'TEXT' ? node.characters : null,
    clipsContent: 'clipsContent' in node ? node.clipsContent : false,
  }
}

/** Containers carry no outline of their own: their children are elements. */
function readOutline(node: SceneNode): string[] | null {
  if (node.type === 'VECTOR') return node.vectorPaths.map((p) => p.data)
  switch (node.type) {
    case 'RECTANGLE':
    case 'ELLIPSE':
    case 'POLYGON':
    case 'STAR':
    case 'LINE':
    case 'BOOLEAN_OPERATION':
      return node.fillGeometry.map((p) => p.data)
    default:
      return null
  }
}

export function readPaints(paints: ReadonlyArray<Paint> | PluginAPI['mixed']): PaintSnapshot[] {
  // Mixed paints (text with several fills) can't be compared run by run; one marker keeps it honest.
  if (typeof paints === 'symbol') return [{ kind: 'other', type: 'MIXED', opacity: 1 }]
  const out: PaintSnapshot[] = []
  for (const paint of paints) {
    if (paint.visible === false) continue
    const opacity = paint.opacity ?? 1
    switch (paint.type) {
      case 'SOLID':
        out.push({ kind: 'solid', color: { r: paint.color.r, g: paint.color.g, b: paint.color.b, a: opacity } })
        break
      case 'GRADIENT_LINEAR':
      case 'GRADIENT_RADIAL':
      case 'GRADIENT_ANGULAR':
      case 'GRADIENT_DIAMOND':
        out.push({
          kind: 'gradient',
          stops: paint.gradientStops.map((s) => ({
            position: s.position,
            color: { r: s.color.r, g: s.color.g, b: s.color.b, a: s.color.a * opacity },
          })),
        })
        break
      case 'IMAGE':
        out.push({ kind: 'image', imageHash: paint.imageHash, opacity })
        break
      default:
        out.push({ kind: 'other', type: paint.type, opacity })
    }
  }
  return out
}

export function readEffects(effects: ReadonlyArray<Effect>): EffectSnapshot[] {
  const out: EffectSnapshot[] = []
  for (const effect of effects) {
    const radius = 'radius' in effect && typeof effect.radius === 'number' ? effect.radius : 0
    if (effect.type === 'DROP_SHADOW' || effect.type === 'INNER_SHADOW') {
      out.push({
        type: effect.type,
        visible: effect.visible,
        radius,
        color: { r: effect.color.r, g: effect.color.g, b: effect.color.b, a: effect.color.a },
        offset: { x: effect.offset.x, y: effect.offset.y },
      })
    } else {
      out.push({ type: effect.type, visible: effect.visible, radius })
    }
  }
  return out
}
