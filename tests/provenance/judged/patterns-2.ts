/**
 * The second judged set's patterns: kinds the first set lacks or underweights, built
 * as layer trees (groups, clipping frames, masks, text, gradients, effects) and read
 * into snapshots with `elementFromShape`, as the host would.
 *
 *   geo      a 400×400 geometric tile: 10×10 small equal diamonds in two colours,
 *            121 dots at the grid corners, on a plain ground
 *   floral   a 400×400 large-motif floral: four big eight-petal flowers and big leaves
 *            filling most of the frame, a dark ground showing between them
 *   plaid    a 400×400 plaid: 16 vertical stripes of varied widths covering the frame,
 *            5 horizontal bands over them at 50 % opacity; no ground
 *   dots     an 800×800 scatter: 600 tiny dots (2–5 px, most below a raster pixel) and
 *            20 medium dots on a plain ground
 *   heavy    a 400×400 line drawing with heavy 10 px strokes: 12 closed outlines, 8 open
 *            curves, 3 small filled accents, on white
 *   type     a 400×400 typographic repeat: 16 words in a grid, 4 wave lines between rows
 *   tiles    a 400×400 of four 200×200 clipping frames, each a background rectangle and a
 *            group of motifs that spill over its edges; one tile is a masked stripe group
 *   bokeh    a 400×400 gradient backdrop with 14 overlapping translucent circles
 */
import type { EffectSnapshot, PaintSnapshot, PatternSnapshot } from '../../../src/coefficient/snapshot'
import { elementFromShape } from '../../../src/coefficient/shape'
import { blob, hex, LEAF, PETAL, seeded, solid, STEM, type Curve } from './patterns'

export { blob, hex, LEAF, PETAL, seeded, solid, STEM, type Curve }

export type NodeType = 'FRAME' | 'GROUP' | 'RECTANGLE' | 'ELLIPSE' | 'VECTOR' | 'TEXT'

/** One layer, in the pattern's content coordinates (own box centre and size). */
export interface Node {
  id: string
  type: NodeType
  cx: number
  cy: number
  w: number
  h: number
  rotation?: number
  fills?: PaintSnapshot[]
  strokes?: PaintSnapshot[]
  strokeWeight?: number
  curve?: Curve
  closed?: boolean
  opacity?: number
  visible?: boolean
  blendMode?: string
  effects?: EffectSnapshot[]
  text?: string
  clips?: boolean
  isMask?: boolean
  /** GROUP: bounds are the union of the children's; FRAME: its own box. */
  children?: Node[]
}

export interface Tree {
  w: number
  h: number
  ground: PaintSnapshot[]
  children: Node[]
  /** The root frame's box in content coordinates, when it was resized or cropped. */
  frame?: { x: number; y: number; w: number; h: number }
  /** Done to the pattern as a whole: scaled, turned (degrees, counter-clockwise) and/or flipped left–right. */
  whole?: { scale?: number; turn?: number; flip?: boolean }
}

export const gradient = (...colours: [string, number][]): PaintSnapshot => ({
  kind: 'gradient',
  stops: colours.map(([h, a], i) => ({ position: colours.length > 1 ? i / (colours.length - 1) : 0, color: hex(h, a) })),
})
export const translucent = (h: string, a: number): PaintSnapshot => ({ kind: 'solid', color: hex(h, a) })

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

/** Axis-aligned extent of a node's own box turned by its rotation (degrees). */
function extent(n: Node): [number, number, number, number] {
  if (n.type === 'GROUP' && n.children && n.children.length > 0) {
    let x0 = Infinity
    let y0 = Infinity
    let x1 = -Infinity
    let y1 = -Infinity
    for (const c of n.children) {
      const e = extent(c)
      x0 = Math.min(x0, e[0])
      y0 = Math.min(y0, e[1])
      x1 = Math.max(x1, e[2])
      y1 = Math.max(y1, e[3])
    }
    return [x0, y0, x1, y1]
  }
  const r = ((n.rotation ?? 0) * Math.PI) / 180
  const c = Math.abs(Math.cos(r))
  const s = Math.abs(Math.sin(r))
  const hw = (n.w * c + n.h * s) / 2
  const hh = (n.w * s + n.h * c) / 2
  return [n.cx - hw, n.cy - hh, n.cx + hw, n.cy + hh]
}

/** The tree as a snapshot: root "1:1" (a clipping frame with the ground as its fill). */
export function renderTree(t: Tree, rootId = '1:1'): PatternSnapshot {
  const fr = t.frame ?? { x: 0, y: 0, w: t.w, h: t.h }
  const s = t.whole?.scale ?? 1
  const turn = t.whole?.turn ?? 0
  const flip = t.whole?.flip === true
  const w = fr.w * s
  const h = fr.h * s
  const cos = Math.cos((turn * Math.PI) / 180)
  const sin = Math.sin((turn * Math.PI) / 180)
  const W = turn === 0 ? w : Math.abs(w * cos) + Math.abs(h * sin)
  const H = turn === 0 ? h : Math.abs(w * sin) + Math.abs(h * cos)
  const place = (x: number, y: number): [number, number] => {
    const lx = x - fr.x
    const dx = (flip ? fr.w - lx : lx) * s - w / 2
    const dy = (y - fr.y) * s - h / 2
    return turn === 0 ? [dx + W / 2, dy + H / 2] : [dx * cos + dy * sin + W / 2, -dx * sin + dy * cos + H / 2]
  }
  const elements = [
    elementFromShape({ id: rootId, path: '', type: 'FRAME', bounds: { x: (W - w) / 2, y: (H - h) / 2, w, h }, rotation: turn, fills: t.ground, clipsContent: true }),
  ]
  const visit = (n: Node, path: string) => {
    let cx = n.cx
    let cy = n.cy
    let bw = n.w
    let bh = n.h
    if (n.type === 'GROUP') {
      // A group's box is the union of its children's (Figma's own box for a group).
      const e = extent(n)
      cx = (e[0] + e[2]) / 2
      cy = (e[1] + e[3]) / 2
      bw = e[2] - e[0]
      bh = e[3] - e[1]
    }
    const [px, py] = place(cx, cy)
    const pw = bw * s
    const ph = bh * s
    const rotation = (flip ? -(n.rotation ?? 0) : (n.rotation ?? 0)) + turn
    elements.push(
      elementFromShape({
        id: n.id,
        path,
        type: n.type,
        bounds: { x: px - pw / 2, y: py - ph / 2, w: pw, h: ph },
        rotation: n.type === 'GROUP' ? turn : rotation,
        opacity: n.opacity ?? 1,
        visible: n.visible ?? true,
        ...(n.blendMode ? { blendMode: n.blendMode } : {}),
        fills: n.fills ?? [],
        strokes: n.strokes ?? [],
        strokeWeight: (n.strokes?.length ?? 0) > 0 ? (n.strokeWeight ?? 0) * s : 0,
        effects: n.effects ?? [],
        pathData: n.curve ? [pathData(n.curve, n.closed ?? true, pw, ph, flip)] : null,
        text: n.type === 'TEXT' ? (n.text ?? '') : null,
        clipsContent: n.clips === true,
        isMask: n.isMask === true,
      }),
    )
    n.children?.forEach((c, i) => visit(c, path === '' ? String(i) : `${path}.${i}`))
  }
  t.children.forEach((c, i) => visit(c, String(i)))
  return { rootId, rootBounds: { x: 0, y: 0, w: W, h: H }, elements }
}

// ---- the patterns -----------------------------------------------------------------------

let counter = 0
const nextId = () => `2:${++counter}`

export const leaf = (cx: number, cy: number, w: number, h: number, rotation: number, fill: string): Node => ({ id: nextId(), type: 'VECTOR', cx, cy, w, h, rotation, fills: [solid(fill)], curve: LEAF })

/** Geometric tile: diamonds (squares turned 45°) in a checkerboard of two colours, dots at the corners. */
export function geo(): Tree {
  counter = 0
  const children: Node[] = []
  for (let gy = 0; gy < 10; gy++) {
    for (let gx = 0; gx < 10; gx++) {
      children.push({ id: nextId(), type: 'RECTANGLE', cx: gx * 40 + 20, cy: gy * 40 + 20, w: 24, h: 24, rotation: 45, fills: [solid((gx + gy) % 2 ? '#c8553d' : '#1f4e5f')] })
    }
  }
  for (let gy = 0; gy <= 10; gy++) {
    for (let gx = 0; gx <= 10; gx++) children.push({ id: nextId(), type: 'ELLIPSE', cx: gx * 40, cy: gy * 40, w: 6, h: 6, fills: [solid('#e8b33c')] })
  }
  return { w: 400, h: 400, ground: [solid('#efe6d2')], children }
}

/** The petals of a big flower as a group: 8 petals around a centre disc. */
function flower(cx: number, cy: number, size: number, turn: number, colours: [string, string]): Node {
  const petals: Node[] = []
  for (let k = 0; k < 8; k++) {
    const a = ((turn + k * 45) * Math.PI) / 180
    const r = size * 0.27
    petals.push({ id: nextId(), type: 'VECTOR', cx: cx + Math.sin(a) * r, cy: cy - Math.cos(a) * r, w: size * 0.34, h: size * 0.52, rotation: -(turn + k * 45), fills: [solid(colours[k % 2]!)], curve: PETAL })
  }
  petals.push({ id: nextId(), type: 'ELLIPSE', cx, cy, w: size * 0.26, h: size * 0.26, fills: [solid('#f6d365')] })
  return { id: nextId(), type: 'GROUP', cx, cy, w: 0, h: 0, children: petals }
}

/** Large-motif floral: leaves first (beneath), then four big flowers. */
export function floral(): Tree {
  counter = 0
  const children: Node[] = []
  const leaves: Node[] = []
  const spots: [number, number, number][] = [[200, 200, 0], [200, 10, 90], [10, 200, 0], [200, 390, 90], [390, 200, 0], [60, 200, 90], [340, 200, 90], [200, 60, 0], [200, 340, 0]]
  for (const [x, y, r] of spots) leaves.push(leaf(x, y, 120, 54, r + 20, '#4f7942'))
  children.push({ id: nextId(), type: 'GROUP', cx: 0, cy: 0, w: 0, h: 0, children: leaves })
  const colours: [string, string][] = [['#f2a7b8', '#e07a95'], ['#f7c59f', '#ef8354'], ['#f2a7b8', '#e07a95'], ['#f7c59f', '#ef8354']]
  ;[[100, 100], [300, 100], [100, 300], [300, 300]].forEach(([x, y], i) => children.push(flower(x!, y!, 190, i * 10, colours[i]!)))
  return { w: 400, h: 400, ground: [solid('#2d3a2e')], children }
}

const STRIPE_WIDTHS = [40, 12, 24, 8, 36, 20, 16, 44, 12, 28, 8, 36, 24, 40, 20, 32]
const STRIPE_COLOURS = ['#264653', '#e9c46a', '#2a9d8f', '#f4a261', '#264653', '#e76f51', '#e9c46a', '#2a9d8f']

/** Plaid: vertical stripes covering the frame, translucent horizontal bands over them. */
export function plaid(): Tree {
  counter = 0
  const children: Node[] = []
  let x = 0
  STRIPE_WIDTHS.forEach((w, i) => {
    children.push({ id: nextId(), type: 'RECTANGLE', cx: x + w / 2, cy: 200, w, h: 400, fills: [solid(STRIPE_COLOURS[i % STRIPE_COLOURS.length]!)] })
    x += w
  })
  ;[[40, 30], [110, 10], [190, 40], [280, 12], [350, 30]].forEach(([y, h]) => {
    children.push({ id: nextId(), type: 'RECTANGLE', cx: 200, cy: y!, w: 400, h: h!, opacity: 0.5, fills: [solid('#f1faee')] })
  })
  return { w: 400, h: 400, ground: [], children }
}

/** Scattered dots: 600 tiny ones (mostly below a raster pixel at 800 px) and 20 medium ones. */
export function dots(): Tree {
  counter = 0
  const random = seeded(23)
  const children: Node[] = []
  for (let i = 0; i < 600; i++) {
    const d = 2 + Math.floor(random() * 4)
    children.push({ id: nextId(), type: 'ELLIPSE', cx: 5 + random() * 790, cy: 5 + random() * 790, w: d, h: d, fills: [solid(i % 5 === 0 ? '#c8553d' : '#2b3a55')] })
  }
  for (let i = 0; i < 20; i++) {
    const d = 10 + random() * 4
    children.push({ id: nextId(), type: 'ELLIPSE', cx: 20 + random() * 760, cy: 20 + random() * 760, w: d, h: d, fills: [solid('#c8553d')] })
  }
  return { w: 800, h: 800, ground: [solid('#f3efe6')], children }
}

/** A line drawing with heavy strokes. */
export function heavy(): Tree {
  counter = 0
  const random = seeded(31)
  const children: Node[] = []
  for (let i = 0; i < 12; i++) {
    const s = 60 + random() * 60
    children.push({ id: nextId(), type: 'VECTOR', cx: 50 + random() * 300, cy: 50 + random() * 300, w: s, h: s * (0.7 + random() * 0.5), rotation: Math.round(random() * 360), strokes: [solid('#111111')], strokeWeight: 10, curve: blob(random) })
  }
  for (let i = 0; i < 8; i++) {
    const curve: Curve = [[0, random(), random(), 0, random(), 1, 1, random()]]
    children.push({ id: nextId(), type: 'VECTOR', cx: 60 + random() * 280, cy: 60 + random() * 280, w: 80 + random() * 80, h: 40 + random() * 50, rotation: Math.round(random() * 180), strokes: [solid('#111111')], strokeWeight: 10, curve, closed: false })
  }
  for (let i = 0; i < 3; i++) children.push({ id: nextId(), type: 'ELLIPSE', cx: 80 + i * 120, cy: 80 + ((i * 137) % 240), w: 22, h: 22, fills: [solid('#e63946')] })
  return { w: 400, h: 400, ground: [solid('#ffffff')], children }
}

/** Width of a one-line text box for a word (24 px type). */
export const wordWidth = (word: string) => 14 * word.length + 8

/** Typographic repeat: words in a grid, wave lines between the rows. */
export function type(): Tree {
  counter = 0
  const children: Node[] = []
  for (let r = 0; r < 4; r++) {
    children.push({ id: nextId(), type: 'VECTOR', cx: 200, cy: r * 100 + 85, w: 400, h: 20, strokes: [solid('#00798c')], strokeWeight: 6, curve: [[0, 0.5, 0.25, -0.5, 0.25, 1.5, 0.5, 0.5], [0.5, 0.5, 0.75, -0.5, 0.75, 1.5, 1, 0.5]], closed: false })
    for (let c = 0; c < 4; c++) {
      const word = (r + c) % 2 ? 'sea' : 'sun'
      children.push({ id: nextId(), type: 'TEXT', cx: c * 100 + 50 + (r % 2) * 20 - 10, cy: r * 100 + 40, w: wordWidth(word), h: 30, fills: [solid((r + c) % 2 ? '#00798c' : '#d1495b')], text: word })
    }
  }
  return { w: 400, h: 400, ground: [solid('#fdf6e3')], children }
}

/** Four clipping tiles; motifs spill over their edges; tile 3 is a masked stripe group. */
export function tiles(): Tree {
  counter = 0
  const bgs = ['#f4d35e', '#0d3b66', '#ee964b', '#faf0ca']
  const inks = ['#0d3b66', '#f4d35e', '#0d3b66', '#f95738']
  const children: Node[] = []
  for (let t = 0; t < 4; t++) {
    const x0 = (t % 2) * 200
    const y0 = Math.floor(t / 2) * 200
    const tile: Node = { id: nextId(), type: 'FRAME', cx: x0 + 100, cy: y0 + 100, w: 200, h: 200, clips: true, children: [] }
    tile.children!.push({ id: nextId(), type: 'RECTANGLE', cx: x0 + 100, cy: y0 + 100, w: 200, h: 200, fills: [solid(bgs[t]!)] })
    if (t === 3) {
      // A circular mask over stripes: only the disc shows.
      const masked: Node[] = [{ id: nextId(), type: 'ELLIPSE', cx: x0 + 100, cy: y0 + 100, w: 140, h: 140, fills: [solid('#000000')], isMask: true }]
      for (let k = 0; k < 7; k++) masked.push({ id: nextId(), type: 'RECTANGLE', cx: x0 + 10 + k * 30, cy: y0 + 100, w: 15, h: 200, fills: [solid(inks[t]!)] })
      tile.children!.push({ id: nextId(), type: 'GROUP', cx: 0, cy: 0, w: 0, h: 0, children: masked })
    } else {
      tile.children!.push({
        id: nextId(),
        type: 'GROUP',
        cx: 0,
        cy: 0,
        w: 0,
        h: 0,
        children: [
          leaf(x0 + 60, y0 + 70, 150, 64, 30 + t * 40, inks[t]!),
          { id: nextId(), type: 'ELLIPSE', cx: x0 + 170, cy: y0 + 160, w: 90, h: 90, fills: [solid('#f95738')] },
          { id: nextId(), type: 'VECTOR', cx: x0 + 140, cy: y0 + 40, w: 50, h: 76, rotation: -20 - t * 30, fills: [solid(inks[t]!)], curve: PETAL },
          // Spills wholly outside its tile: clipped away, never seen.
          { id: nextId(), type: 'ELLIPSE', cx: x0 + 240, cy: y0 - 30, w: 30, h: 30, fills: [solid('#3bceac')] },
        ],
      })
    }
    children.push(tile)
  }
  return { w: 400, h: 400, ground: [], children }
}

/** A gradient backdrop (a rectangle, not the root's fill) with translucent circles. */
export function bokeh(): Tree {
  counter = 0
  const random = seeded(41)
  const children: Node[] = [{ id: nextId(), type: 'RECTANGLE', cx: 200, cy: 200, w: 400, h: 400, fills: [gradient(['#2a9d8f', 1], ['#1d3557', 1])] }]
  const tints = ['#f1faee', '#a8dadc', '#ffd166']
  for (let i = 0; i < 14; i++) {
    const d = 50 + random() * 70
    children.push({ id: nextId(), type: 'ELLIPSE', cx: 30 + random() * 340, cy: 30 + random() * 340, w: d, h: d, opacity: 0.45, fills: [solid(tints[i % 3]!)] })
  }
  return { w: 400, h: 400, ground: [], children }
}

export const PATTERNS_2 = { geo, floral, plaid, dots, heavy, type, tiles, bokeh }
export type PatternName2 = keyof typeof PATTERNS_2

/** Every node of a tree, depth first. */
export function allNodes(t: Tree): Node[] {
  const out: Node[] = []
  const walk = (ns: Node[]) => {
    for (const n of ns) {
      out.push(n)
      if (n.children) walk(n.children)
    }
  }
  walk(t.children)
  return out
}
