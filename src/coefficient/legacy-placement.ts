/**
 * Baselines stored before format 4 hold what hosts read then: each layer's `bounds` is
 * the axis-aligned box Figma reports (`absoluteBoundingBox`) relative to the root's, its
 * `rotation` Figma's `rotation` (relative to its container parent), its outline never
 * mirrored. Method 2 paints those boxes as if they were the layers' own boxes, so a
 * turned layer is painted wrong — but the same way in both states only if the current
 * state is read the same way. `toBoundingBoxPlacement` brings a snapshot read in own
 * boxes (`OWN_BOX`) to that placement, so an unchanged turned or flipped layer still
 * scores 0 against an old baseline.
 */
import { elementFromShape } from './shape'
import { mirrorPathData } from './path-mirror'
import { transformOfPlacement } from './placement'
import { OWN_BOX, type ElementSnapshot, type PatternSnapshot } from './snapshot'
import { boundingBoxOf, IDENTITY_TRANSFORM, invertTransform, multiplyTransforms, type Transform2x3 } from './transform'
import { parentPath } from './visibility'

/** The pattern root's placement on the page, as the host reads it. */
export interface RootFrame {
  /** The root's absoluteTransform. */
  absolute: Transform2x3
  /** The root's relativeTransform (relative to its container parent). */
  relative: Transform2x3
}

const UPRIGHT: RootFrame = { absolute: IDENTITY_TRANSFORM, relative: IDENTITY_TRANSFORM }

/** relativeTransform skips these: they are not container parents (plugin-api.d.ts:7350-7370). */
const NOT_CONTAINER_PARENTS = new Set(['GROUP', 'BOOLEAN_OPERATION'])

/** Only the turn of a transform: positions cancel out (everything is relative to the root's box). */
function linear(m: Transform2x3): Transform2x3 {
  return [m[0], m[1], 0, m[3], m[4], 0]
}

/**
 * `snapshot` in the bounding-box placement of baselines before format 4. A snapshot
 * already in it is returned as is. Exact for Figma's transforms (unit axes): the same
 * boxes and angles Figma reported, up to the last bits of a double, and mirrored path
 * data back to Figma's own text (path-mirror.ts mirrors in exact decimals).
 */
export function toBoundingBoxPlacement(snapshot: PatternSnapshot, frame: RootFrame = UPRIGHT): PatternSnapshot {
  if (snapshot.placement !== OWN_BOX) return snapshot
  // Page axes, without the page position: the root's turn times each layer's own placement.
  const rootTurn = linear(frame.absolute)
  const onPage = new Map<string, Transform2x3>()
  for (const e of snapshot.elements) onPage.set(e.path, multiplyTransforms(rootTurn, transformOfPlacement(e.bounds, e.rotation, e.flipped === true)))
  // The root's container parent is outside the pattern: its turn is the root's without the root's own.
  const outside = multiplyTransforms(rootTurn, invertTransform(linear(frame.relative)) ?? IDENTITY_TRANSFORM)
  const rootBox = boundingBoxOf(rootTurn, snapshot.rootBounds.w, snapshot.rootBounds.h)

  const types = new Map(snapshot.elements.map((e) => [e.path, e.type]))
  const container = (path: string): Transform2x3 => {
    for (let p = parentPath(path); p !== null; p = parentPath(p)) {
      const type = types.get(p)
      if (type !== undefined && !NOT_CONTAINER_PARENTS.has(type)) return onPage.get(p)!
    }
    return outside
  }

  const elements = snapshot.elements.map((e): ElementSnapshot => {
    const placed = onPage.get(e.path)!
    const box = boundingBoxOf(placed, e.bounds.w, e.bounds.h)
    // Figma's rotation: atan2(−m10, m00) of the transform relative to the container parent (plugin-api.d.ts:7408).
    const relative = multiplyTransforms(invertTransform(container(e.path)) ?? IDENTITY_TRANSFORM, placed)
    const rotation = (Math.atan2(-relative[3], relative[0]) * 180) / Math.PI + 0
    const el = elementFromShape({
      id: e.id,
      path: e.path,
      type: e.type,
      bounds: { x: box.x - rootBox.x, y: box.y - rootBox.y, w: box.w, h: box.h },
      rotation,
      opacity: e.opacity,
      visible: e.visible,
      blendMode: e.blendMode,
      fills: e.fills,
      strokes: e.strokes,
      strokeWeight: e.strokeWeight,
      effects: e.effects,
      pathData: e.pathData ? (e.flipped ? e.pathData.map((d) => mirrorPathData(d, e.bounds.w)) : e.pathData) : null,
      text: e.text,
      clipsContent: e.clipsContent === true,
    })
    // An outline read as empty path data keeps only its signature (shape.ts): keep it as it was.
    if (!e.pathData && el.geometry === null && e.geometry !== null) el.geometry = { vertices: e.geometry.vertices, points: e.geometry.points.slice() }
    return el
  })
  return { rootId: snapshot.rootId, rootBounds: { x: 0, y: 0, w: rootBox.w, h: rootBox.h }, elements }
}
