import { placedOutline, placementFromTransform } from '../../../src/coefficient/placement'
import { elementFromShape, type Shape } from '../../../src/coefficient/shape'
import { OWN_BOX, type PatternSnapshot } from '../../../src/coefficient/snapshot'
import type { Transform2x3 } from '../../../src/coefficient/transform'

/** Figma's matrix for translate · rotate(θ) · mirror? (unit axes, as Figma's transforms are). */
function turned(deg: number, flip: boolean, tx: number, ty: number): Transform2x3 {
  const r = (deg * Math.PI) / 180
  const f = flip ? -1 : 1
  return [Math.cos(r) * f, Math.sin(r), tx, -Math.sin(r) * f, Math.cos(r), ty]
}

/** Format 4: a 300 × 200 frame with turned, flipped and skewed layers, placed as the UI places readings. */
export function placementSnapshot(): PatternSnapshot {
  const red = [{ kind: 'solid' as const, color: { r: 0.8, g: 0.1, b: 0.1, a: 1 } }]
  const arrow = 'M 0 0 L 40 10 L 0 20 L 8 10 Z'
  const layer = (i: number, type: string, m: Transform2x3, w: number, h: number, outline: string[] | null, over: Partial<Shape> = {}) => {
    const p = placementFromTransform(m, w, h)
    return elementFromShape({
      id: `5:${String(10 + i)}`,
      path: String(i),
      type,
      bounds: p.bounds,
      rotation: p.rotation,
      flipped: p.flipped,
      fills: red,
      pathData: outline === null ? null : placedOutline(p, outline),
      ...over,
    })
  }
  const ellipse = 'M 30 15 C 30 23.28 23.28 30 15 30 C 6.72 30 0 23.28 0 15 C 0 6.72 6.72 0 15 0 C 23.28 0 30 6.72 30 15 Z'
  const elements = [elementFromShape({ id: '5:9', path: '', type: 'FRAME', bounds: { x: 0, y: 0, w: 300, h: 200 }, clipsContent: true })]
  // A small repeat (shared outlines, so the baseline keeps the path data), each motif placed six ways.
  for (let k = 0; k < 6; k++) {
    const i = elements.length - 1
    const x = 10 + 48 * k
    elements.push(
      layer(i, 'RECTANGLE', turned(30 * k, false, x, 20), 30, 15, ['M 0 0 L 30 0 L 30 15 L 0 15 L 0 0 Z']),
      layer(i + 1, 'VECTOR', turned(k === 0 ? 0 : -120.5 + 45 * k, true, x, 60), 40, 20, [arrow]),
      layer(i + 2, 'VECTOR', turned(90 * k, k % 2 === 1, x, 110), 40, 20, [arrow, 'M 2 2 L 4 2 L 4 4 Z']),
      layer(i + 3, 'ELLIPSE', turned(17 * k, k >= 3, x, 150), 30, 30, [ellipse]),
      layer(i + 4, 'TEXT', turned(-15, k % 3 === 0, x, 185), 40, 10, null, { text: 'Flipped words' }),
    )
  }
  // A skew with unit axes (relativeTransform allows it): the nearest rotation.
  elements.push(layer(elements.length - 1, 'ELLIPSE', [1, 0.6, 250, 0, 0.8, 30], 30, 30, [ellipse]))
  return { rootId: '5:9', rootBounds: { x: 0, y: 0, w: 300, h: 200 }, elements, placement: OWN_BOX }
}
