/**
 * `elementFromShape`: the one way to build an ElementSnapshot from plain facts about a
 * layer, used by the host (from Figma nodes) and by tests and fixtures (from literals).
 * Pure: copies what it is given, computes the outline signature, never reads Figma.
 */
import { ellipseSignature, outlineSignature, rectangleSignature } from './outline'
import type { Bounds, EffectSnapshot, ElementSnapshot, OutlineSignature, PaintSnapshot } from './snapshot'

export interface Shape {
  id: string
  /** Child-index path from the pattern root ("" for the root, "0.3.1" …). */
  path: string
  type: string
  /** The element's own box, centred where it shows (relative to the pattern root). */
  bounds: Bounds
  /** Degrees, counter-clockwise on screen, about the box centre. Default 0. */
  rotation?: number
  opacity?: number
  visible?: boolean
  blendMode?: string
  fills?: readonly PaintSnapshot[]
  strokes?: readonly PaintSnapshot[]
  strokeWeight?: number
  effects?: readonly EffectSnapshot[]
  /**
   * SVG path strings in the element's own box (0..w × 0..h). Absent for a rectangle or
   * an ellipse means the whole box or the ellipse that fills it.
   */
  pathData?: readonly string[] | null
  text?: string | null
  /** A frame that clips its children. */
  clipsContent?: boolean
  /** The layer is mirrored; `pathData` is already mirrored in its box (see placement.ts). */
  flipped?: boolean
  /** A mask: Figma clips the layers above it in the same parent to its shape. */
  isMask?: boolean
}

/** Types whose children are the elements; they carry no outline of their own. */
const CONTAINERS = new Set(['FRAME', 'GROUP', 'COMPONENT', 'COMPONENT_SET', 'INSTANCE', 'SECTION'])

function signatureOf(shape: Shape): OutlineSignature | null {
  const { w, h } = shape.bounds
  // Path data as given, even empty (the host's reading of a node with no geometry).
  if (shape.pathData) return outlineSignature(shape.pathData, { w, h })
  if (shape.type === 'ELLIPSE') return ellipseSignature(w, h)
  if (shape.type === 'RECTANGLE') return rectangleSignature(w, h)
  return null
}

function copyPaint(p: PaintSnapshot): PaintSnapshot {
  switch (p.kind) {
    case 'solid':
      return { kind: 'solid', color: { ...p.color } }
    case 'gradient':
      return { kind: 'gradient', stops: p.stops.map((s) => ({ position: s.position, color: { ...s.color } })) }
    default:
      return { ...p }
  }
}

function copyEffect(e: EffectSnapshot): EffectSnapshot {
  const out: EffectSnapshot = { type: e.type, visible: e.visible, radius: e.radius }
  if (e.color) out.color = { ...e.color }
  if (e.offset) out.offset = { ...e.offset }
  return out
}

/** An ElementSnapshot from plain facts (see `Shape`); defaults for what is left out. */
export function elementFromShape(shape: Shape): ElementSnapshot {
  const el: ElementSnapshot = {
    id: shape.id,
    path: shape.path,
    type: shape.type,
    bounds: { x: shape.bounds.x, y: shape.bounds.y, w: shape.bounds.w, h: shape.bounds.h },
    rotation: shape.rotation ?? 0,
    opacity: shape.opacity ?? 1,
    visible: shape.visible ?? true,
    blendMode: shape.blendMode ?? (CONTAINERS.has(shape.type) ? 'PASS_THROUGH' : 'NORMAL'),
    fills: (shape.fills ?? []).map(copyPaint),
    strokes: (shape.strokes ?? []).map(copyPaint),
    strokeWeight: shape.strokeWeight ?? 0,
    effects: (shape.effects ?? []).map(copyEffect),
    geometry: CONTAINERS.has(shape.type) ? null : signatureOf(shape),
    text: shape.text ?? null,
  }
  if (shape.pathData && shape.pathData.length > 0) el.pathData = [...shape.pathData]
  if (shape.clipsContent) el.clipsContent = true
  if (shape.flipped) el.flipped = true
  if (shape.isMask) el.isMask = true
  return el
}
