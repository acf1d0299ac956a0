/**
 * The three kinds of pattern the judged scenarios are made on, built with
 * `elementFromShape` as the host would read them:
 *
 *   textile    a 400×400 repeat: cream ground, 4×4 floral motifs (5 petals, a centre
 *              over a hidden underlay disc, 2 leaves, a stem)
 *   lineArt    a 400×400 line drawing: white ground, 24 stroked curves, 6 stroked rings
 *   scattered  a 400×400 layout of 50 blobs in a palette on a pale ground, one small
 *              blob hidden under the first
 *
 * Parts are kept as data (`Part`) so scenarios can edit them and re-render, and so a
 * whole-pattern flip can mirror each outline the way Figma's geometry would be read.
 */
import { elementFromShape } from '../../../src/coefficient/shape'
import type { PaintSnapshot, PatternSnapshot, Rgba } from '../../../src/coefficient/snapshot'

export const hex = (h: string, a = 1): Rgba => ({
  r: parseInt(h.slice(1, 3), 16) / 255,
  g: parseInt(h.slice(3, 5), 16) / 255,
  b: parseInt(h.slice(5, 7), 16) / 255,
  a,
})
export const solid = (h: string): PaintSnapshot => ({ kind: 'solid', color: hex(h) })

/** An outline in a unit box: a list of subpaths of cubic segments [x0,y0,c1x,c1y,c2x,c2y,x,y]. */
export type Curve = number[][]

export interface Part {
  id: string
  type: 'VECTOR' | 'ELLIPSE' | 'RECTANGLE'
  /** Centre and own size, and rotation (degrees), in the frame. */
  cx: number
  cy: number
  w: number
  h: number
  rotation: number
  fill: string | null
  stroke: string | null
  strokeWeight: number
  /** For VECTOR: the outline in a unit box, closed or open. */
  curve?: Curve
  closed?: boolean
  /** Layer order: parts are listed bottom first. */
  visible?: boolean
  opacity?: number
}

export interface Pattern {
  w: number
  h: number
  ground: string | null
  parts: Part[]
  /**
   * Done to the pattern as a whole (its root with everything in it): scaled, turned
   * (degrees, counter-clockwise on screen) and/or flipped left–right. The snapshot then
   * reads as Figma's would: the root's bounds are its bounding box, outlines of flipped
   * layers are mirrored.
   */
  whole?: { scale?: number; turn?: number; flip?: boolean }
}

const fmt = (v: number) => String(Math.round(v * 1000) / 1000)

function pathData(curve: Curve, closed: boolean, w: number, h: number, mirror: boolean): string {
  const X = (u: number) => fmt((mirror ? 1 - u : u) * w)
  const Y = (v: number) => fmt(v * h)
  let d = ''
  for (const seg of curve) {
    if (d === '' || seg.length === 2) d += `M ${X(seg[0]!)} ${Y(seg[1]!)} `
    if (seg.length === 8) d += `C ${X(seg[2]!)} ${Y(seg[3]!)} ${X(seg[4]!)} ${Y(seg[5]!)} ${X(seg[6]!)} ${Y(seg[7]!)} `
  }
  return closed ? d + 'Z' : d.trim()
}

/** The pattern as a snapshot: root "1:1" (with the ground as its fill), parts as its children. */
export function render(p: Pattern, rootId = '1:1'): PatternSnapshot {
  const s = p.whole?.scale ?? 1
  const turn = p.whole?.turn ?? 0
  const flip = p.whole?.flip === true
  const w = p.w * s
  const h = p.h * s
  const cos = Math.cos((turn * Math.PI) / 180)
  const sin = Math.sin((turn * Math.PI) / 180)
  const W = turn === 0 ? w : Math.abs(w * cos) + Math.abs(h * sin)
  const H = turn === 0 ? h : Math.abs(w * sin) + Math.abs(h * cos)
  const place = (x: number, y: number): [number, number] => {
    const dx = (flip ? p.w - x : x) * s - w / 2
    const dy = y * s - h / 2
    return turn === 0 ? [dx + W / 2, dy + H / 2] : [dx * cos + dy * sin + W / 2, -dx * sin + dy * cos + H / 2]
  }
  const elements = [
    elementFromShape({ id: rootId, path: '', type: 'FRAME', bounds: { x: (W - w) / 2, y: (H - h) / 2, w, h }, rotation: turn, fills: p.ground ? [solid(p.ground)] : [], clipsContent: true }),
  ]
  p.parts.forEach((part, i) => {
    const [cx, cy] = place(part.cx, part.cy)
    const pw = part.w * s
    const ph = part.h * s
    elements.push(
      elementFromShape({
        id: part.id,
        path: String(i),
        type: part.type,
        bounds: { x: cx - pw / 2, y: cy - ph / 2, w: pw, h: ph },
        rotation: (flip ? -part.rotation : part.rotation) + turn,
        opacity: part.opacity ?? 1,
        visible: part.visible ?? true,
        fills: part.fill ? [solid(part.fill)] : [],
        strokes: part.stroke ? [solid(part.stroke)] : [],
        strokeWeight: part.stroke ? part.strokeWeight * s : 0,
        pathData: part.curve ? [pathData(part.curve, part.closed ?? true, pw, ph, flip)] : null,
      }),
    )
  })
  return { rootId, rootBounds: { x: 0, y: 0, w: W, h: H }, elements }
}

/** A deterministic random source (xorshift32). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 4294967296
  }
}

export const PETAL: Curve = [[0.5, 1, -0.1, 0.6, 0.1, 0, 0.5, 0], [0.5, 0, 0.9, 0, 1.1, 0.6, 0.5, 1]]
export const LEAF: Curve = [[0, 0.5, 0.3, -0.2, 0.7, -0.2, 1, 0.5], [1, 0.5, 0.7, 1.2, 0.3, 1.2, 0, 0.5]]
export const STEM: Curve = [[0, 1, 0.3, 0.6, 0.7, 0.4, 1, 0]]

let counter = 0
const nextId = () => `2:${++counter}`

export function textile(): Pattern {
  counter = 0
  const parts: Part[] = []
  for (let gy = 0; gy < 4; gy++) {
    for (let gx = 0; gx < 4; gx++) {
      const cx = gx * 100 + 50 + (gy % 2) * 10
      const cy = gy * 100 + 45
      parts.push({ id: nextId(), type: 'VECTOR', cx: cx + 4, cy: cy + 30, w: 24, h: 30, rotation: 0, fill: null, stroke: '#3e5e3a', strokeWeight: 2, curve: STEM, closed: false })
      for (let k = 0; k < 2; k++) {
        parts.push({ id: nextId(), type: 'VECTOR', cx: cx - 14 + k * 28, cy: cy + 28, w: 22, h: 11, rotation: k ? 25 : -25, fill: '#5f8f5a', stroke: null, strokeWeight: 0, curve: LEAF })
      }
      for (let k = 0; k < 5; k++) {
        const a = (k * 2 * Math.PI) / 5
        parts.push({ id: nextId(), type: 'VECTOR', cx: cx + Math.sin(a) * 16, cy: cy - Math.cos(a) * 16, w: 18, h: 28, rotation: -k * 72, fill: k % 2 ? '#b84a6e' : '#d96c8a', stroke: null, strokeWeight: 0, curve: PETAL })
      }
      parts.push({ id: nextId(), type: 'ELLIPSE', cx, cy, w: 10, h: 10, rotation: 0, fill: '#7a9cc6', stroke: null, strokeWeight: 0 }) // underlay, hidden by the centre
      parts.push({ id: nextId(), type: 'ELLIPSE', cx, cy, w: 16, h: 16, rotation: 0, fill: '#e8b33c', stroke: '#b84a6e', strokeWeight: 1.5 })
    }
  }
  return { w: 400, h: 400, ground: '#f4ecd8', parts }
}

export function lineArt(): Pattern {
  counter = 0
  const random = seeded(11)
  const parts: Part[] = []
  for (let i = 0; i < 24; i++) {
    const w = 60 + random() * 120
    const h = 30 + random() * 90
    const curve: Curve = [[0, random(), random(), 0, random(), 1, 1, random()]]
    parts.push({ id: nextId(), type: 'VECTOR', cx: 40 + random() * 320, cy: 40 + random() * 320, w, h, rotation: Math.round(random() * 180), fill: null, stroke: '#1d1d1f', strokeWeight: 3, curve, closed: false })
  }
  for (let i = 0; i < 6; i++) {
    const d = 30 + random() * 50
    parts.push({ id: nextId(), type: 'ELLIPSE', cx: 50 + random() * 300, cy: 50 + random() * 300, w: d, h: d, rotation: 0, fill: null, stroke: '#1d1d1f', strokeWeight: 3 })
  }
  return { w: 400, h: 400, ground: '#ffffff', parts }
}

const PALETTE = ['#d96c8a', '#5f8f5a', '#e8b33c', '#7a9cc6', '#2b3a55', '#c8553d', '#8e7dbe']

/** A blob: n radial points joined by smooth cubics, in a unit box. */
export function blob(random: () => number): Curve {
  const n = 5 + Math.floor(random() * 4)
  const pts: [number, number][] = []
  for (let i = 0; i < n; i++) {
    const a = (i * 2 * Math.PI) / n
    const r = 0.3 + random() * 0.2
    pts.push([0.5 + Math.cos(a) * r, 0.5 + Math.sin(a) * r])
  }
  const out: Curve = []
  for (let i = 0; i < n; i++) {
    const p0 = pts[(i + n - 1) % n]!
    const p1 = pts[i]!
    const p2 = pts[(i + 1) % n]!
    const p3 = pts[(i + 2) % n]!
    out.push([p1[0], p1[1], p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6, p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6, p2[0], p2[1]])
  }
  return out
}

export function scattered(): Pattern {
  counter = 0
  const random = seeded(5)
  const parts: Part[] = []
  for (let i = 0; i < 50; i++) {
    const s = 24 + random() * 40
    parts.push({
      id: nextId(),
      type: 'VECTOR',
      cx: 20 + random() * 360,
      cy: 20 + random() * 360,
      w: s,
      h: s * (0.7 + random() * 0.6),
      rotation: Math.round(random() * 360),
      fill: PALETTE[Math.floor(random() * PALETTE.length)]!,
      stroke: null,
      strokeWeight: 0,
      curve: blob(random),
    })
  }
  // A small blob the generator left fully under the first one.
  const first = parts[0]!
  parts.splice(0, 0, { id: nextId(), type: 'ELLIPSE', cx: first.cx, cy: first.cy, w: 6, h: 6, rotation: 0, fill: '#2b3a55', stroke: null, strokeWeight: 0 })
  return { w: 400, h: 400, ground: '#f7f3ea', parts }
}
