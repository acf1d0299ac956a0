/**
 * Figure and ground. A plain field — one or more flat or gradient fills, no stroke or
 * effect, filling (nearly) the whole of its region: the pattern frame, or a clipping
 * frame that is a sizeable tile of it — is the setting of a pattern's figures, not a
 * figure. Viewers read a pattern by its figures; a colour field carries little
 * expression of its own (the Copyright Office does not protect mere variations of
 * colouring, Compendium §313.4(J)); yet repainting it visibly changes the picture.
 *
 * So the fields of a state weigh together, in pixels of figure,
 *
 *     W = c · S^(1/3) · F^(2/3)      (at least FLOOR · S, at most S)
 *
 * where S is the paint the fields visibly show and F the paint the figures show: a
 * field's weight grows with its area, but as its cube root, scaled to the figures it
 * sets off. Equal areas of field and figure: the field weighs about half. A field
 * twelve times the figures' area (white paper around a line drawing) weighs about as
 * much as the drawing; one seventy times as large (a sparse scatter of dots) about
 * twice as much. A single per-pixel discount cannot do that: it makes the field of a
 * sparse scatter outweigh its figures many times over, or a quarter-frame ground
 * between big motifs vanish.
 *
 * A plain box that does not yet fill its region weighs at most what it would as the
 * field it can grow into (`plainBoxCap`), so there is no step down where a figure
 * becomes a ground.
 */
import type { RenderItem, PixelRect } from './raster/raster'
import type { Polyline } from './raster/raster-path'
import type { ElementSnapshot } from './snapshot'

/** c: a field as large as its figures weighs about half as much. */
export const GROUND_SCALE = 0.52
/** The least a field's pixel weighs (a frame with almost no figure is all field). */
const FLOOR = 0.02
/** A field fills at least this share of its region. */
export const FIELD_COVER = 0.9
/** A clipping frame's region is a backdrop's region when it is at least this share of the pattern frame. */
const REGION_SHARE = 1 / 16

const BOXES = new Set(['RECTANGLE', 'FRAME', 'GROUP', 'COMPONENT', 'COMPONENT_SET', 'INSTANCE', 'SECTION'])

function area(r: PixelRect): number {
  return Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0)
}

/**
 * Is this element a plain box that could be the setting of its region — one or more flat
 * or gradient fills (or a border stroke), no effect, square to the frame, its region a
 * backdrop's (the frame, or a clipping frame of a sizeable share of it)? `region` is
 * where it may paint, `frame` the pattern frame.
 */
export function isPlainBox(el: ElementSnapshot, item: RenderItem, region: PixelRect, frame: PixelRect): boolean {
  // A stroke on such a box runs along the region's edge: a border, which frames the
  // picture like the field it surrounds (the field may be bare: a keyline round the frame).
  if (el.fills.length === 0 && !(item.strokeAlpha > 0)) return false
  // Under a mask (or a turned clipping frame) it shows the mask's shape, not its box.
  if (item.masks && item.masks.length > 0) return false
  if (!BOXES.has(el.type) && (el.type === 'TEXT' || !boxOutline(item.outline, el.bounds.w, el.bounds.h))) return false
  for (const p of el.fills) if (p.kind !== 'solid' && p.kind !== 'gradient') return false
  if (el.effects.some((e) => e.visible) || el.rotation % 90 !== 0) return false
  return area(region) >= REGION_SHARE * area(frame)
}

/** Does a plain box (`box` in raster pixels) fill (nearly) the whole of its region, making it a field? */
export function fillsRegion(box: PixelRect, region: PixelRect): boolean {
  const inRegion = area({ x0: Math.max(box.x0, region.x0), y0: Math.max(box.y0, region.y0), x1: Math.min(box.x1, region.x1), y1: Math.min(box.y1, region.y1) })
  return inRegion >= FIELD_COVER * area(region)
}

/** Is the outline its box (a rectangle drawn with the pen is a rectangle too)? */
function boxOutline(outline: readonly Polyline[], w: number, h: number): boolean {
  if (outline.length !== 1 || !(w > 0) || !(h > 0)) return false
  const pts = outline[0]!.points
  const tol = 0.01 * Math.min(w, h)
  let sides = 0
  for (let i = 0; i < pts.length; i += 2) {
    const x = pts[i]!
    const y = pts[i + 1]!
    const left = x <= tol
    const right = x >= w - tol
    const top = y <= tol
    const bottom = y >= h - tol
    if (!left && !right && !top && !bottom) return false
    sides |= (left ? 1 : 0) | (right ? 2 : 0) | (top ? 4 : 0) | (bottom ? 8 : 0)
  }
  return sides === 15
}

/**
 * The most a plain box short of filling its region may weigh: a lower bound of what it
 * would weigh as the field it becomes if it grew to fill the region. Without it a box
 * would weigh its whole paint until the step where it turns into a ground, and then much
 * less, so the same change on a larger box could score lower (DESIGN.md forbids that).
 * The bound never falls as the box grows: grown to a field it shows at least what it
 * shows now (`shows`) and at least 0.9·`region` less the paint above it (`above`), each
 * pixel of it at its own `opacity` (a translucent box shows that share of what it covers);
 * the fields then show at most the frame less the figures (`frame` − `figures`), and a
 * field pixel weighs more the less field there is.
 */
export function plainBoxCap(region: number, above: number, shows: number, frame: number, figures: number, opacity = 1): number {
  const least = Math.max(shows, (FIELD_COVER * region - above) * opacity)
  return least > 0 ? least * fieldSalience(frame - figures, figures) : 0
}

/** Weight of one pixel of field, given the visible paint of the fields (S) and the figures (F). */
export function fieldSalience(fields: number, figures: number): number {
  if (!(fields > 0)) return 1
  const g = GROUND_SCALE * Math.cbrt((figures / fields) * (figures / fields))
  return g < FLOOR ? FLOOR : g > 1 ? 1 : g
}
