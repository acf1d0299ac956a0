/**
 * Reads a pattern's layers into plain `ElementReading`s: the only place that knows
 * how Figma represents geometry, paint and effects. Nothing heavier than property
 * reads and one 2×3 multiply per layer happens here; outlines travel as raw path data
 * and the UI condenses them, and turns each transform into a box, a rotation and a flip.
 */
import type { ElementReading } from '../messages'
import type { Bounds, EffectSnapshot, ImageFilterSnapshot, ImagePaintSnapshot, PaintSnapshot } from '../coefficient/snapshot'
import { invertTransform, multiplyTransforms, type Transform2x3 } from '../coefficient/transform'
import { createSlicer, type Slicer } from './yield'

/** Elements per progress message: big enough to be cheap, small enough to keep slices short. */
const BATCH = 250

type Transform6 = [number, number, number, number, number, number]

export interface PatternReading {
  rootId: string
  name: string
  rootBounds: Bounds
  frame: { absolute: Transform6; relative: Transform6 }
  elements: number
}

function flat(t: Transform): Transform6 {
  return [t[0][0], t[0][1], t[0][2], t[1][0], t[1][1], t[1][2]]
}

/** The one switch the read needs from the API (injected; tests pass a fake's figma). */
export type InstanceChildrenSwitch = Pick<PluginAPI, 'skipInvisibleInstanceChildren'>

export async function readPatternAsync(
  root: SceneNode,
  onBatch: (elements: ElementReading[], done: number) => void,
  slicer: Slicer = createSlicer(),
  api?: InstanceChildrenSwitch,
): Promise<PatternReading> {
  // With skipInvisibleInstanceChildren, an instance's hidden sublayers vanish from `children`
  // and throw when read (plugin-api.d.ts:93-99): the layers after them would take their child
  // indices, so showing one would read as every later layer changed. A pattern is read whole,
  // hidden layers included, as outside instances; the switch is put back afterwards.
  const skipped = api?.skipInvisibleInstanceChildren === true
  if (skipped) api.skipInvisibleInstanceChildren = false
  try {
    return await readAllAsync(root, onBatch, slicer)
  } finally {
    if (skipped) api.skipInvisibleInstanceChildren = true
  }
}

async function readAllAsync(root: SceneNode, onBatch: (elements: ElementReading[], done: number) => void, slicer: Slicer): Promise<PatternReading> {
  // Layers are placed in the root's own coordinates: from absoluteTransform, not
  // relativeTransform, which skips groups and boolean operations (plugin-api.d.ts:7350-7370).
  const rootAbsolute = flat(root.absoluteTransform)
  const toRoot = invertTransform(rootAbsolute) ?? [1, 0, -rootAbsolute[2], 0, 1, -rootAbsolute[5]]
  const rootBounds = { x: 0, y: 0, w: root.width, h: root.height }
  const frame = { absolute: rootAbsolute, relative: flat(root.relativeTransform) }
  let batch: ElementReading[] = []
  let done = 0
  // Depth first, children in index order, with an explicit stack: patterns can be deep.
  // `operand`: inside a boolean operation, which paints its result, not its children.
  const stack: { node: SceneNode; path: string; operand: boolean }[] = [{ node: root, path: '', operand: false }]
  while (stack.length > 0) {
    const { node, path, operand } = stack.pop() as { node: SceneNode; path: string; operand: boolean }
    const element = readElement(node, path, toRoot)
    if (operand) element.operand = true
    batch.push(element)
    done++
    if ('children' in node) {
      const children = node.children
      const inside = operand || node.type === 'BOOLEAN_OPERATION'
      for (let i = children.length - 1; i >= 0; i--) {
        stack.push({ node: children[i], path: path === '' ? String(i) : path + '.' + String(i), operand: inside })
      }
    }
    if (batch.length >= BATCH || (slicer.due() && batch.length > 0)) {
      onBatch(batch, done)
      batch = []
      if (slicer.due()) await slicer.yieldAsync()
    }
  }
  if (batch.length > 0) onBatch(batch, done)
  return { rootId: root.id, name: root.name, rootBounds, frame, elements: done }
}

function readElement(node: SceneNode, path: string, toRoot: Transform2x3): ElementReading {
  // The root is its own frame exactly (no round trip through its inverse).
  const transform: Transform6 = path === '' ? [1, 0, 0, 0, 1, 0] : multiplyTransforms(toRoot, flat(node.absoluteTransform))
  const outline = readOutline(node)
  return {
    id: node.id,
    path,
    type: node.type,
    name: node.name,
    transform,
    width: node.width,
    height: node.height,
    opacity: 'opacity' in node ? node.opacity : 1,
    visible: node.visible,
    blendMode: 'blendMode' in node ? node.blendMode : 'PASS_THROUGH',
    fills: 'fills' in node ? readPaints(node.fills) : [],
    strokes: 'strokes' in node ? readPaints(node.strokes) : [],
    strokeWeight: 'strokeWeight' in node && typeof node.strokeWeight === 'number' ? node.strokeWeight : 0,
    effects: 'effects' in node ? readEffects(node.effects) : [],
    outline: outline === null ? null : outline.data,
    ...(outline === null ? {} : { windings: outline.windings }),
    text: node.type === 'TEXT' ? node.characters : null,
    clipsContent: 'clipsContent' in node ? node.clipsContent : false,
    // Only when set: most layers are not masks, and 10,000 of them travel in batches.
    ...('isMask' in node && node.isMask ? { isMask: true } : {}),
  }
}

/** A winding rule as one letter of ElementSnapshot.windings. */
function windingLetter(rule: VectorPath['windingRule']): string {
  return rule === 'EVENODD' ? 'E' : rule === 'NONE' ? 'O' : 'N'
}

/**
 * The outline as Figma paints it: the fill's paths with their winding rules (a vector's
 * own paths, open ones included: windingRule NONE, plugin-api.d.ts:5475-5490; a boolean
 * operation's result, :8966; a text layer's glyphs), then the stroke's own outline (`strokeGeometry`, :8766) when
 * a stroke shows, which is all a LINE paints (height 0, no fill). Containers carry no
 * outline of their own: their children are elements.
 */
function readOutline(node: SceneNode): { data: string[]; windings: string } | null {
  let paths: readonly VectorPath[]
  switch (node.type) {
    case 'VECTOR':
      paths = node.vectorPaths
      break
    case 'RECTANGLE':
    case 'ELLIPSE':
    case 'POLYGON':
    case 'STAR':
    case 'LINE':
    case 'BOOLEAN_OPERATION':
    case 'TEXT': // its glyphs' outlines (TextNode is a DefaultShapeMixin: GeometryMixin, :8966, :11002-11009)
      paths = node.fillGeometry
      break
    default:
      return null
  }
  const data = paths.map((p) => p.data)
  let windings = paths.map((p) => windingLetter(p.windingRule)).join('')
  if (strokeShows(node)) {
    for (const p of node.strokeGeometry) {
      data.push(p.data)
      windings += 'S'
    }
  }
  return { data, windings }
}

function strokeShows(node: MinimalStrokesMixin): boolean {
  return typeof node.strokeWeight === 'number' && node.strokeWeight > 0 && node.strokes.some((p) => p.visible !== false && (p.opacity ?? 1) > 0)
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
        out.push(readImagePaint(paint, opacity))
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

/** An image fill with how it is placed and adjusted (issue #20: method 2 paints the picture so). */
function readImagePaint(paint: ImagePaint, opacity: number): ImagePaintSnapshot {
  const out: ImagePaintSnapshot = { kind: 'image', imageHash: paint.imageHash, opacity, scaleMode: paint.scaleMode }
  if (paint.scaleMode === 'CROP' && paint.imageTransform) {
    const m = paint.imageTransform
    out.imageTransform = [[m[0][0], m[0][1], m[0][2]], [m[1][0], m[1][1], m[1][2]]]
  }
  if (paint.scaleMode === 'TILE' && typeof paint.scalingFactor === 'number') out.scalingFactor = paint.scalingFactor
  if (typeof paint.rotation === 'number' && paint.rotation !== 0) out.rotation = paint.rotation
  const f = paint.filters
  if (f) {
    const filters: ImageFilterSnapshot = {}
    let any = false
    // Each slider defaults to 0 (d.ts:4833): only the moved ones are kept.
    for (const k of ['exposure', 'contrast', 'saturation', 'temperature', 'tint', 'highlights', 'shadows'] as const) {
      const v = f[k]
      if (typeof v === 'number' && v !== 0) {
        filters[k] = v
        any = true
      }
    }
    if (any) out.filters = filters
  }
  return out
}
