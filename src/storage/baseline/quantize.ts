/**
 * Quantization of the baseline layout (the round trip is exact up to it):
 *   bounds, rotation, stroke weight, effect radius/offset: 1/100 (px or degree)
 *   opacity (element, image/other paint): 1/1000
 *   colour channels and gradient positions: 1/65535 (k/255 colours stored as bytes, losslessly)
 *   outline points and vertex counts: integers
 *   non-finite numbers: 0; magnitudes clamped to ±2^40 quantization units
 *   strings: lone UTF-16 surrogates become U+FFFD (UTF-8)
 */

import { OWN_BOX, type Bounds, type EffectSnapshot, type ElementSnapshot, type PaintSnapshot, type PatternSnapshot, type Rgba } from '../../coefficient/snapshot'
import { utf8Decode, utf8Encode } from '../utf8'

const LIMIT = 2 ** 40

/** `v` in units of `1/scale`, as a stored integer. */
export function q(v: number, scale: number): number {
  if (!isFinite(v)) return 0
  const r = Math.round(v * scale)
  if (r > LIMIT) return LIMIT
  if (r < -LIMIT) return -LIMIT
  return r === 0 ? 0 : r // no -0
}

export const PX = 100
export const OPACITY = 1000
export const CHANNEL = 65535

const qPx = (v: number) => q(v, PX) / PX
const qOpacity = (v: number) => q(v, OPACITY) / OPACITY
const qChannel = (v: number) => q(v, CHANNEL) / CHANNEL
export const qInt = (v: number) => q(v, 1)
const qStr = (s: string) => utf8Decode(utf8Encode(s))

function qRgba(c: Rgba): Rgba {
  return { r: qChannel(c.r), g: qChannel(c.g), b: qChannel(c.b), a: qChannel(c.a) }
}

function qPaint(p: PaintSnapshot): PaintSnapshot {
  switch (p.kind) {
    case 'solid':
      return { kind: 'solid', color: qRgba(p.color) }
    case 'gradient':
      return {
        kind: 'gradient',
        stops: p.stops.map((s) => ({ position: qChannel(s.position), color: qRgba(s.color) })),
      }
    case 'image':
      return { kind: 'image', imageHash: p.imageHash === null ? null : qStr(p.imageHash), opacity: qOpacity(p.opacity) }
    default:
      return { kind: 'other', type: qStr(p.type), opacity: qOpacity(p.opacity) }
  }
}

function qEffect(e: EffectSnapshot): EffectSnapshot {
  const out: EffectSnapshot = { type: qStr(e.type), visible: e.visible, radius: qPx(e.radius) }
  if (e.color !== undefined) out.color = qRgba(e.color)
  if (e.offset !== undefined) out.offset = { x: qPx(e.offset.x), y: qPx(e.offset.y) }
  return out
}

function qBounds(b: Bounds): Bounds {
  return { x: qPx(b.x), y: qPx(b.y), w: qPx(b.w), h: qPx(b.h) }
}

/**
 * The snapshot exactly as `decodeBaseline(encodeBaseline(s))` returns it: every
 * number rounded to the codec's quantization. Tests compare against this.
 */
export function quantizeSnapshot(s: PatternSnapshot): PatternSnapshot {
  return {
    rootId: qStr(s.rootId),
    rootBounds: qBounds(s.rootBounds),
    elements: s.elements.map(
      (e): ElementSnapshot => ({
        id: qStr(e.id),
        path: qStr(e.path),
        type: qStr(e.type),
        bounds: qBounds(e.bounds),
        rotation: qPx(e.rotation),
        opacity: qOpacity(e.opacity),
        visible: e.visible,
        blendMode: qStr(e.blendMode),
        fills: e.fills.map(qPaint),
        strokes: e.strokes.map(qPaint),
        strokeWeight: qPx(e.strokeWeight),
        effects: e.effects.map(qEffect),
        geometry: e.geometry === null ? null : { vertices: qInt(e.geometry.vertices), points: e.geometry.points.map(qInt) },
        text: e.text === null ? null : qStr(e.text),
        // Method 2's geometry (format 3): stored as is.
        ...(e.pathData && e.pathData.length > 0 ? { pathData: e.pathData.map(qStr) } : {}),
        ...(e.clipsContent ? { clipsContent: true } : {}),
        ...(e.flipped ? { flipped: true } : {}),
        ...(e.isMask ? { isMask: true } : {}),
      }),
    ),
    ...(s.placement === OWN_BOX ? { placement: OWN_BOX } : {}),
    // Format 5 stores the masks, so a baseline written now says they were read.
    masksRead: true,
  }
}
