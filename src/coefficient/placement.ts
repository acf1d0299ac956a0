/**
 * A layer's placement as Figma gives it — its transform relative to the pattern root's
 * own coordinates, and its own width × height — in the snapshot's terms (see `Shape`):
 * the own box centred where the layer shows, a rotation about that centre, and for a
 * flipped layer (a transform with a negative determinant) the outline mirrored left to
 * right in its box before it is turned.
 *
 * Painting the result (canvas-layout.ts: centre + R(θ)·(p − box centre), R(θ) =
 * [cos θ, sin θ; −sin θ, cos θ] as Figma turns) covers what the transform puts on the
 * canvas; tests/provenance/placement.test.ts checks it on sample points.
 */
import { mirrorPathData, scalePathData } from './path-mirror'
import { sinCosDegrees } from './raster/raster-path'
import type { Bounds } from './snapshot'
import type { Transform2x3 } from './transform'

export interface Placement {
  /** The own box (scaled, if the transform scales), centred where the layer shows. */
  bounds: Bounds
  /** Degrees, counter-clockwise on screen, about the box centre; in (−180, 180]. */
  rotation: number
  /** The transform mirrors: the outline is painted mirrored (x → w − x) before turning. */
  flipped: boolean
  /**
   * Scale along the layer's own x and y axes, folded into `bounds` (and into the path data
   * by `placedOutline`). Figma's transforms have unit axes (plugin-api.d.ts:7344, "The
   * transform always has unit axes": size is width and height), so this is 1.
   */
  scaleX: number
  scaleY: number
}

/**
 * An axis length within rounding of 1 is 1: Figma's axes are unit (a turned matrix's
 * cos² + sin² is 1 only to about 1e-16, or 1e-7 if Figma rounds through 32-bit floats),
 * and folding 0.9999999999999999 into the box would change every number of its outline.
 */
function unitOrScale(length: number): number {
  return Math.abs(length - 1) < 1e-6 ? 1 : length
}

function degrees(radians: number): number {
  let d = (radians * 180) / Math.PI
  if (d <= -180) d += 360
  return d + 0 // no -0
}

/**
 * The placement of a `w` × `h` layer whose own coordinates map to the pattern's by `m`.
 *
 * A transform can also skew (relativeTransform accepts any matrix; plugin-api.d.ts:7374-7376,
 * the properties panel never shows it). A box and a rotation cannot show a skew: the
 * rotation is then the nearest one (the orthogonal factor of the polar decomposition),
 * and the box keeps the lengths of the two axes, centred where the layer's centre lands.
 */
export function placementFromTransform(m: Transform2x3, w: number, h: number): Placement {
  const [m00, m01, m02, m10, m11, m12] = m
  const scaleX = unitOrScale(Math.hypot(m00, m10))
  const scaleY = unitOrScale(Math.hypot(m01, m11))
  // Unit axes (a squashed axis borrows the perpendicular of the other).
  let a = scaleX > 0 ? m00 / scaleX : 1
  let c = scaleX > 0 ? m10 / scaleX : 0
  const b = scaleY > 0 ? m01 / scaleY : -c
  const d = scaleY > 0 ? m11 / scaleY : a
  if (scaleX === 0 && scaleY > 0) {
    a = d
    c = -b
  }
  const flipped = a * d - b * c < 0
  // The nearest rotation to [a b; c d] (times the mirror diag(−1, 1) when flipped).
  const rotation = flipped ? degrees(Math.atan2(b + c, d - a)) : degrees(Math.atan2(b - c, a + d))
  const bw = w * scaleX
  const bh = h * scaleY
  // Centre = m·(w/2, h/2); written so that an upright layer's box is exactly (m02, m12).
  const x = m02 + (m00 * w + m01 * h - bw) / 2
  const y = m12 + (m10 * w + m11 * h - bh) / 2
  return { bounds: { x, y, w: bw, h: bh }, rotation, flipped, scaleX, scaleY }
}

/** The layer's outline (path data in its own w × h box) as the placement paints it: scaled, then mirrored. */
export function placedOutline(placement: Placement, outline: readonly string[]): string[] {
  const { scaleX, scaleY, flipped, bounds } = placement
  return outline.map((d) => {
    const scaled = scaleX === 1 && scaleY === 1 ? d : scalePathData(d, scaleX, scaleY)
    return flipped ? mirrorPathData(scaled, bounds.w) : scaled
  })
}

/**
 * The inverse of `placementFromTransform` for unit axes: the transform that puts a
 * `bounds.w` × `bounds.h` box where the placement paints it (for a flipped placement,
 * the unmirrored box). Uses the painter's own sine and cosine (exact at quarter turns).
 */
export function transformOfPlacement(bounds: Bounds, rotation: number, flipped: boolean): Transform2x3 {
  const { sin, cos } = rotation === 0 ? { sin: 0, cos: 1 } : sinCosDegrees(rotation)
  // R(θ) = [cos sin; −sin cos], times diag(−1, 1) when flipped.
  const m00 = flipped ? -cos : cos
  const m10 = flipped ? sin : -sin
  const m01 = sin
  const m11 = cos
  const { x, y, w, h } = bounds
  return [m00, m01, x - (m00 * w + m01 * h - w) / 2, m10, m11, y - (m10 * w + m11 * h - h) / 2]
}
