/**
 * The snapshot model: plain data read from a pattern's layers by `host/`, compared
 * by the coefficient. Nothing here knows about Figma; every field is JSON-safe so a
 * snapshot can cross the main ↔ UI channel and be stored.
 */

/** Axis-aligned bounds, relative to the pattern root's top-left corner. */
export interface Bounds {
  x: number
  y: number
  w: number
  h: number
}

/** Colour channels in 0..1, as Figma stores them. */
export interface Rgba {
  r: number
  g: number
  b: number
  a: number
}

/** A fill or stroke, normalized: only what changes how it looks. */
export type PaintSnapshot =
  | { kind: 'solid'; color: Rgba }
  | { kind: 'gradient'; stops: { position: number; color: Rgba }[] }
  | { kind: 'image'; imageHash: string | null; opacity: number }
  | { kind: 'other'; type: string; opacity: number }

export interface EffectSnapshot {
  type: string
  visible: boolean
  radius: number
  /** Shadows only. */
  color?: Rgba
  offset?: { x: number; y: number }
}

/**
 * A compact signature of an outline: the number of path vertices, and the outline
 * resampled at OUTLINE_POINTS evenly spaced points along its length, each coordinate
 * quantized to 0..255 relative to the element's own bounds, interleaved x,y.
 */
export interface OutlineSignature {
  vertices: number
  points: number[]
}

/** Number of resampled points in an OutlineSignature (so `points.length` is twice this). */
export const OUTLINE_POINTS = 16

/**
 * One visual layer.
 *
 * Geometry (method 2 reads it so): `bounds` is the element's own box, centred where
 * the element shows; `rotation` turns it about that centre (degrees, counter-clockwise
 * on screen, as Figma counts). Unrotated elements' boxes are their bounding boxes.
 * The outline is `pathData` when present (SVG path strings in the box, 0..w × 0..h),
 * else the stored signature `geometry`, else the box itself (an ellipse for ELLIPSE).
 * A flipped element's outline is held mirrored in its box, as it is painted.
 * Snapshots read before baseline format 4 hold Figma's bounding boxes instead (see
 * `PatternSnapshot.placement`).
 */
export interface ElementSnapshot {
  /** Figma node id. */
  id: string
  /** Child-index path from the pattern root, e.g. "0.3.1"; the root itself is "". */
  path: string
  type: string
  bounds: Bounds
  /** Degrees. */
  rotation: number
  opacity: number
  visible: boolean
  blendMode: string
  fills: PaintSnapshot[]
  strokes: PaintSnapshot[]
  strokeWeight: number
  effects: EffectSnapshot[]
  geometry: OutlineSignature | null
  /** Characters of a text layer; null elsewhere. */
  text: string | null
  /** The outline as SVG path data in the element's own box (fill geometry). Optional. */
  pathData?: string[]
  /** A frame that clips its children to its box. */
  clipsContent?: boolean
  /**
   * The layer is mirrored (its transform has a negative determinant): `pathData` and
   * `geometry` hold its outline mirrored in its box (x → w − x), as it is painted, and
   * `rotation` turns the mirrored box. Since baseline format 4.
   */
  flipped?: boolean
  /** A mask: clips the layers above it in the same parent to its shape (alpha). */
  isMask?: boolean
}

/**
 * How a snapshot's elements are placed. `'own-box'` (read since baseline format 4):
 * each element's own box centred where it shows, its rotation relative to the pattern
 * root, flips mirrored (`ElementSnapshot`); the root's own frame, so a turned root's
 * content is read upright. Absent: as hosts read before format 4 — `bounds` is the
 * axis-aligned box Figma reports (`absoluteBoundingBox`) relative to the root's,
 * `rotation` Figma's `rotation` (relative to the container parent), outlines never
 * mirrored (legacy-placement.ts converts to it).
 */
export const OWN_BOX = 'own-box'

export interface PatternSnapshot {
  rootId: string
  rootBounds: Bounds
  /** In traversal order (depth first, children in index order). */
  elements: ElementSnapshot[]
  /** See `OWN_BOX`. Absent: the bounding-box placement of baselines before format 4. */
  placement?: typeof OWN_BOX
  /**
   * Every element's `isMask` was read (hosts since baseline format 5). Method 2 then
   * paints each state's masks as that state says; without it in both states, a layer
   * masks only where both say it does (an older baseline does not know).
   */
  masksRead?: true
}
