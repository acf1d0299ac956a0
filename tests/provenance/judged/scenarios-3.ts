/**
 * The third judged scenario set: a designer's day of edits on seven kinds of pattern the
 * first two sets lack or underweight (patterns-3.ts) — colour-block compositions, chevron
 * bands, a tiled polka dot, an ogee damask, a conversational print with labels, a border
 * design and a non-square (600 × 300) repeat — each with the band a careful art director
 * would give it and why, and "this is more authorship than that" orderings. Written down
 * blind, before any of them was scored and without reading the method's score tables (see
 * the commit that added this file), and not changed afterwards to fit the method.
 *
 * Bands: 'ai' below AI-assisted (< 0.1), 'assisted' (0.1 to < 0.5), 'authored' at least
 * Human-authored (≥ 0.5). The judgment is of what a person sees and who made it, following
 * the first two sets' precedents: a colourway of the AI's design (its ground, or part of its
 * figures) is assisted; every figure recoloured is authored; arranging or pasting AI material
 * counts less than drawing new material; deleting, hiding, covering and whole-pattern
 * scaling, turning and flipping are curation, not authorship. A stretch of the whole pattern
 * is judged by the distortion a person sees: a 1.5 : 1 stretch of plain bands or blocks
 * still reads as the AI's pattern ('ai'); a 2 : 1 stretch that turns every round dot or
 * every tulip into a visibly different shape is judged like reshaping every motif
 * ('assisted', the first set's t-reshape-petals precedent).
 */
import type { Band } from './scenarios'
import { paster, scaleAbout, shift, type TreeScenario } from './tree-edits'
import { allNodes, blob, LEAF, seeded, solid, translucent, type Curve, type Node, type Tree } from './patterns-2'
import { BLOCKS, CHEVRON_COLOURS, chevronCurve, convoAt, labelWidth, mirrored, polygon, tulipAt, type PatternName3 } from './patterns-3'

export type Scenario3 = TreeScenario<PatternName3>

let added = 0
const newId = () => `8:${++added}`
const pasted = paster(newId)

/**
 * The whole pattern stretched with its frame (Figma's "Scale" constraints, the root resized
 * sx × sy with every layer scaling along; stroke weights kept). Layers must be upright or a
 * quarter turn: a turned layer stretched along one axis is skewed, which a snapshot cannot hold.
 */
function stretch(t: Tree, sx: number, sy: number): void {
  t.w *= sx
  t.h *= sy
  const visit = (n: Node) => {
    const r = (((n.rotation ?? 0) % 180) + 180) % 180
    if (r !== 0 && r !== 90) throw new Error(`${n.id}: a turned layer cannot be stretched`)
    n.cx *= sx
    n.cy *= sy
    if (r === 90) {
      n.w *= sy
      n.h *= sx
    } else {
      n.w *= sx
      n.h *= sy
    }
    n.children?.forEach(visit)
  }
  t.children.forEach(visit)
}

const to2 = (v: number) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0')
/** A hex colour with its channels moved by (dr, dg, db) out of 255. */
function nudged(h: string, dr: number, dg: number, db: number): string {
  return `#${to2(parseInt(h.slice(1, 3), 16) + dr)}${to2(parseInt(h.slice(3, 5), 16) + dg)}${to2(parseInt(h.slice(5, 7), 16) + db)}`
}

const line = (x0: number, y0: number, x1: number, y1: number): number[] => [x0, y0, x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3, x0 + (2 * (x1 - x0)) / 3, y0 + (2 * (y1 - y0)) / 3, x1, y1]

// ---- the designer's own outlines -------------------------------------------------------

/** A band with a scalloped top edge (8 bumps) and a straight bottom. */
const SCALLOP: Curve = [
  ...Array.from({ length: 8 }, (_, k) => [k / 8, 0.5, k / 8, 0, (k + 1) / 8, 0, (k + 1) / 8, 0.5]),
  line(1, 0.5, 1, 1),
  line(1, 1, 0, 1),
  line(0, 1, 0, 0.5),
]
/** A spiky three-lobed acanthus leaf, stalk at the bottom right. */
const ACANTHUS = polygon([[1, 1], [0.55, 0.85], [0.7, 0.7], [0.25, 0.6], [0.45, 0.45], [0.05, 0.3], [0.3, 0.25], [0.15, 0], [0.5, 0.3], [0.65, 0.55]])
/** A pointed petal, upright. */
const POINTED: Curve = [[0.5, 1, 0, 0.7, 0.3, 0.2, 0.5, 0], [0.5, 0, 0.7, 0.2, 1, 0.7, 0.5, 1]]
/** A petal leaning left, its foot at the bottom right. */
const LEANING: Curve = [[1, 1, 0.1, 0.9, 0, 0.3, 0.1, 0], [0.1, 0, 0.6, 0.2, 1, 0.6, 1, 1]]
/** A slender leaf, base at the bottom left. */
const OWN_LEAF: Curve = [[0, 1, 0.1, 0.4, 0.5, 0.05, 1, 0], [1, 0, 0.9, 0.5, 0.5, 0.9, 0, 1]]
/** A lancet wave: pointed arches instead of round ones (open). */
const LANCET = (mirror: boolean): Curve => {
  const xs = [0, 1, 0, 1, 0].map((x) => (mirror ? 1 - x : x))
  return Array.from({ length: 4 }, (_, k) => [xs[k]!, k / 4, (xs[k]! + xs[k + 1]!) / 2, k / 4 + 0.02, xs[k + 1]!, (k + 1) / 4 - 0.1, xs[k + 1]!, (k + 1) / 4])
}
const STAR8 = polygon(Array.from({ length: 16 }, (_, k) => {
  const a = (k * Math.PI) / 8
  const r = k % 2 ? 0.22 : 0.5
  return [0.5 + Math.sin(a) * r, 0.5 - Math.cos(a) * r] as [number, number]
}))
/** A mug with straight sides. */
const MUG = polygon([[0, 0], [1, 0], [0.92, 1], [0.08, 1]])
/** A round-shouldered jar. */
const JAR: Curve = [[0.2, 0, 0.2, 0.15, 0, 0.2, 0, 0.45], line(0, 0.45, 0, 1), line(0, 1, 1, 1), line(1, 1, 1, 0.45), [1, 0.45, 1, 0.2, 0.8, 0.15, 0.8, 0], line(0.8, 0, 0.2, 0)]
/** A croissant-like crescent. */
const CRESCENT: Curve = [[0, 0.8, 0.2, 0, 0.8, 0, 1, 0.8], [1, 0.8, 0.7, 0.45, 0.3, 0.45, 0, 0.8]]
const CHERRY_STEMS: Curve = [[0.05, 1, 0.1, 0.5, 0.3, 0.15, 0.55, 0], [0.55, 0, 0.7, 0.35, 0.9, 0.6, 0.95, 1]]

const own = (type: Node['type'], cx: number, cy: number, w: number, h: number, fill: string, extra: Partial<Node> = {}): Node => ({ id: newId(), type, cx, cy, w, h, fills: [solid(fill)], ...extra })
const ownGroup = (children: Node[]): Node => ({ id: newId(), type: 'GROUP', cx: 0, cy: 0, w: 0, h: 0, children })

/** The designer's lotus: three pointed petals over a base. */
function lotus(cx: number, cy: number, petal: string, side: string): Node {
  return ownGroup([
    own('ELLIPSE', cx, cy + 30, 36, 8, side),
    own('VECTOR', cx - 14, cy + 6, 20, 40, side, { curve: LEANING }),
    own('VECTOR', cx + 14, cy + 6, 20, 40, side, { curve: mirrored(LEANING) }),
    own('VECTOR', cx, cy - 4, 20, 52, petal, { curve: POINTED }),
  ])
}

/** The designer's daisy: eight petals round a centre. */
function daisy(cx: number, cy: number, petal: string, centre: string): Node {
  const parts: Node[] = []
  for (let k = 0; k < 8; k++) {
    const a = (k * Math.PI) / 4
    parts.push(own('ELLIPSE', cx + Math.sin(a) * 13, cy - Math.cos(a) * 13, 9, 22, petal, { rotation: -k * 45 }))
  }
  parts.push(own('ELLIPSE', cx, cy, 13, 13, centre))
  return ownGroup(parts)
}

/** The designer's teapot with a small typed label. */
function teapot(cx: number, cy: number): Node {
  return ownGroup([
    own('VECTOR', cx, cy, 46, 34, '#6d597a', { curve: blob(seeded(501 + cx + cy)) }),
    own('VECTOR', cx + 27, cy - 4, 16, 10, '#6d597a', { curve: OWN_LEAF }),
    own('ELLIPSE', cx, cy - 18, 14, 6, '#2f4858'),
    own('TEXT', cx, cy + 32, labelWidth('pot'), 16, '#2f4858', { text: 'pot' }),
  ])
}

// ---- where things are --------------------------------------------------------------------

/** blocks: B0..B8 (children[2..10]). */
const B = (t: Tree, k: number) => t.children[k + 2]!
// chevron: every child is a band.
// polka: tile = FRAME [background, GROUP [centre, 4 corners, 4 small]].
const tiles = (t: Tree) => t.children
const tileBg = (tile: Node) => tile.children![0]!
const tileDots = (tile: Node) => tile.children![1]!.children!
const creamDots = (t: Tree) => tiles(t).flatMap((tile) => tileDots(tile).slice(0, 5))
const smallDots = (t: Tree) => tiles(t).flatMap((tile) => tileDots(tile).slice(5))
// ogee: 5 wave lines, then 10 palmettes [frond L, frond R, teardrop, dot, base].
const waves = (t: Tree) => t.children.slice(0, 5)
const palmettes = (t: Tree) => t.children.slice(5)
// convo: 12 motif groups [icon parts…, label].
const labelOf = (m: Node) => m.children![m.children!.length - 1]!
// border: [0] field, [1] gold line, [2..5] edges (top, right, bottom, left), [6] medallions.
const edges = (t: Tree) => t.children.slice(2, 6)
// wide: 12 tulips [stem, leaf L, leaf R, side L, side R, centre], then 15 dots.
const tulips = (t: Tree) => t.children.slice(0, 12)
const wideDots = (t: Tree) => t.children.slice(12)

const recolour = (n: Node, h: string) => {
  n.fills = [solid(h)]
}

export const SCENARIOS_3: Scenario3[] = [
  // ---- colour-block composition: plain rectangles, one about a third of the frame ------
  { id: 'c-nothing', pattern: 'blocks', edit: 'nothing', band: 'ai', reason: 'untouched', apply: () => {} },
  { id: 'c-big-recolour', pattern: 'blocks', edit: 'recoloured the big navy block (a third of the frame) deep green', band: 'assisted', reason: 'the dominant block of a colour-block piece in a new colour: a real colour decision, but one block of nine and the AI’s layout', apply: (t) => recolour(B(t, 0), '#2d6a4f') },
  { id: 'c-palette', pattern: 'blocks', edit: 'recoloured every block to a new palette of their own', band: 'authored', reason: 'a colour-block composition is its colours: every figure is now in the designer’s palette', apply: (t) => ['#0b132b', '#ff595e', '#ffca3a', '#1982c4', '#8ac926', '#6a4c93', '#ff595e', '#ffca3a', '#ffffff'].forEach((h, k) => recolour(B(t, k), h)) },
  { id: 'c-small-recolour', pattern: 'blocks', edit: 'recoloured the small red square on the navy block blue', band: 'ai', reason: 'one small accent of nine blocks', apply: (t) => recolour(B(t, 7), '#3a86ff') },
  { id: 'c-tweak', pattern: 'blocks', edit: 'moved every block’s colour by 2 of 255 per channel (ΔE ≈ 1)', band: 'ai', reason: 'nobody can see it (a near-identical recolour)', apply: (t) => BLOCKS.forEach(([, , , , h], k) => recolour(B(t, k), nudged(h, 2, 2, 2))) },
  { id: 'c-warm', pattern: 'blocks', edit: 'warmed every block slightly (red +10, blue −8; ΔE ≈ 4–6)', band: 'ai', reason: 'a mild grade of the AI’s palette; you see it only side by side', apply: (t) => BLOCKS.forEach(([, , , , h], k) => recolour(B(t, k), nudged(h, 10, 0, -8))) },
  { id: 'c-resize-big', pattern: 'blocks', edit: 'made the big navy block shorter (250 → 150 px), leaving an open off-white area below it', band: 'assisted', reason: 'the proportions of the composition changed visibly: a layout decision on the largest block', apply: (t) => { B(t, 0).h = 150; B(t, 0).cy = 75 } },
  { id: 'c-nudge', pattern: 'blocks', edit: 'nudged two blocks 3 px', band: 'ai', reason: 'a gutter a little wider or narrower', apply: (t) => { B(t, 1).cx += 3; B(t, 4).cy -= 3 } },
  { id: 'c-rearrange', pattern: 'blocks', edit: 'moved the big navy block (with what sits on it) to the right and the ochre and terracotta blocks to the left', band: 'assisted', reason: 'a real re-composition of the top half with the AI’s blocks: arrangement, less than drawing', apply: (t) => { for (const n of [B(t, 0), B(t, 7), B(t, 8), t.children[1]!]) shift(n, 180, 0); shift(B(t, 1), -230, 0); shift(B(t, 2), -230, 0) } },
  { id: 'c-stretch', pattern: 'blocks', edit: 'stretched the whole composition 1.5 : 1 with its frame (600 × 400)', band: 'ai', reason: 'rectangles stay rectangles in the same order; the piece reads as the AI’s, just wider', apply: (t) => stretch(t, 1.5, 1) },
  { id: 'c-add-blocks', pattern: 'blocks', edit: 'drew three shapes of their own on top: a yellow square, a blue disc (100 px), a black bar', band: 'assisted', reason: 'new elements of their own, about a tenth of the frame, that change the composition', apply: (t) => { t.children.push(own('RECTANGLE', 60, 200, 70, 70, '#ffd60a'), own('ELLIPSE', 315, 125, 100, 100, '#3a86ff'), own('RECTANGLE', 225, 330, 10, 140, '#111111')) } },
  { id: 'c-redraw-all', pattern: 'blocks', edit: 'deleted every block and drew a composition of their own, ground repainted charcoal', band: 'authored', reason: 'everything on the canvas is theirs', apply: (t) => { t.ground = [solid('#101820')]; t.children = [own('RECTANGLE', 100, 90, 180, 160, '#f2aa4c'), own('RECTANGLE', 305, 60, 170, 100, '#e63946'), own('RECTANGLE', 305, 175, 170, 110, '#f1faee'), own('RECTANGLE', 130, 300, 240, 180, '#457b9d'), own('RECTANGLE', 330, 320, 120, 140, '#a8dadc'), own('ELLIPSE', 130, 300, 90, 90, '#f2aa4c'), own('RECTANGLE', 200, 200, 380, 8, '#f1faee')] } },
  { id: 'c-delete-two', pattern: 'blocks', edit: 'deleted the two small blocks in the bottom-right corner', band: 'ai', reason: 'curation: a visible gap, nothing new made', apply: (t) => { const gone = [B(t, 5), B(t, 6)]; t.children = t.children.filter((n) => !gone.includes(n)) } },
  { id: 'c-hidden', pattern: 'blocks', edit: 'recoloured the hidden layer the generator left (still hidden) bright green', band: 'ai', reason: 'a hidden layer: nothing on screen changes (gaming)', apply: (t) => recolour(t.children[0]!, '#00ff00') },
  { id: 'c-covered', pattern: 'blocks', edit: 'recoloured the grey block lying wholly under the big navy block red', band: 'ai', reason: 'fully covered: nothing on screen changes (gaming)', apply: (t) => recolour(t.children[1]!, '#ff0000') },
  { id: 'c-gutters', pattern: 'blocks', edit: 'repainted the ground (showing only as the 10 px gutters) off-white → near black', band: 'ai', reason: 'the gutters become dark lines, noticeable, but a single colour choice on a thin ground between the AI’s blocks', apply: (t) => { t.ground = [solid('#1a1a1a')] } },

  // ---- chevron: 8 zigzag bands over a cream ground -------------------------------------
  { id: 'v-ground', pattern: 'chevron', edit: 'repainted the cream ground (the stripes between the bands) charcoal', band: 'assisted', reason: 'a colourway: the look changes a lot, but the bands are the AI’s', apply: (t) => { t.ground = [solid('#2b2d42')] } },
  { id: 'v-palette', pattern: 'chevron', edit: 'recoloured every band into a new four-colour cycle', band: 'authored', reason: 'every figure in the designer’s colours', apply: (t) => t.children.forEach((n, i) => recolour(n, ['#5f0f40', '#fb8b24', '#0f4c5c', '#e36414'][i % 4]!)) },
  { id: 'v-two-colours', pattern: 'chevron', edit: 'replaced two of the four cycle colours (navy → plum, teal → olive): half the bands', band: 'assisted', reason: 'half the figures in new colours of their choosing', apply: (t) => t.children.forEach((n, i) => { if (i % 4 === 0) recolour(n, '#6d597a'); if (i % 4 === 2) recolour(n, '#606c38') }) },
  { id: 'v-one-band', pattern: 'chevron', edit: 'recoloured one band of eight purple', band: 'ai', reason: 'a single accent band; the pattern is the AI’s', apply: (t) => recolour(t.children[3]!, '#7209b7') },
  { id: 'v-near', pattern: 'chevron', edit: 'recoloured every band to an almost identical colour (ΔE < 2)', band: 'ai', reason: 'nobody can see it (gaming)', apply: (t) => t.children.forEach((n, i) => recolour(n, ['#274653', '#e66f52', '#2a9e8f', '#e9c56a'][i % 4]!)) },
  { id: 'v-thicker', pattern: 'chevron', edit: 'reshaped every band thicker (20 → 30 px), the cream stripes narrower', band: 'assisted', reason: 'every figure reshaped and the figure–ground balance visibly changed', apply: (t) => t.children.forEach((n) => { n.h = 50; n.cy += 5; n.curve = chevronCurve(0.4, 0.6) }) },
  { id: 'v-outline', pattern: 'chevron', edit: 'gave every band a 3 px near-black outline', band: 'assisted', reason: 'a visible graphic treatment of every figure, over the AI’s shapes and colours', apply: (t) => t.children.forEach((n) => { n.strokes = [solid('#1d1d1f')]; n.strokeWeight = 3 }) },
  { id: 'v-stretch', pattern: 'chevron', edit: 'stretched the whole pattern 1.5 : 1 tall with its frame (400 × 600): steeper zigzags', band: 'ai', reason: 'the same bands and colours, steeper; a mechanical distortion of the AI’s repeat', apply: (t) => stretch(t, 1, 1.5) },
  { id: 'v-turn', pattern: 'chevron', edit: 'turned the whole pattern 90° (vertical chevrons)', band: 'ai', reason: 'the same picture, turned', apply: (t) => { t.whole = { turn: 90 } } },
  { id: 'v-nudge', pattern: 'chevron', edit: 'moved every band 2 px down', band: 'ai', reason: 'nothing a person notices', apply: (t) => t.children.forEach((n) => (n.cy += 2)) },
  { id: 'v-redraw-half', pattern: 'chevron', edit: 'deleted every other band and drew scalloped bands of their own in their places (same colours)', band: 'assisted', reason: 'half the figures are now their drawing', apply: (t) => { t.children = t.children.flatMap((n, i) => (i % 2 === 0 ? [n] : [own('VECTOR', n.cx, n.cy, 400, 40, CHEVRON_COLOURS[i % 4]!, { curve: SCALLOP })])) } },

  // ---- polka: 3×3 clipping tiles, coral ground, cream and navy dots ----------------------
  { id: 'o-bgs', pattern: 'polka', edit: 'recoloured all nine tile backgrounds coral → deep teal', band: 'assisted', reason: 'the ground of a polka dot: the whole look shifts, the dots are the AI’s (a colourway)', apply: (t) => tiles(t).forEach((tile) => recolour(tileBg(tile), '#264653')) },
  { id: 'o-dots', pattern: 'polka', edit: 'recoloured every dot (cream → sage, the small navy ones → cream)', band: 'assisted', reason: 'all the figures in new colours, but sparse dots on a dominant AI ground (set 2’s d-recolour-dots)', apply: (t) => { creamDots(t).forEach((n) => recolour(n, '#81b29a')); smallDots(t).forEach((n) => recolour(n, '#f4f1de')) } },
  { id: 'o-all', pattern: 'polka', edit: 'recoloured the backgrounds and every dot to a new palette', band: 'authored', reason: 'a full colourway of their own: every paint on the canvas is their choice (set 1’s s-recolour-all)', apply: (t) => { tiles(t).forEach((tile) => recolour(tileBg(tile), '#3d405b')); creamDots(t).forEach((n) => recolour(n, '#f2cc8f')); smallDots(t).forEach((n) => recolour(n, '#e07a5f')) } },
  { id: 'o-one-tile', pattern: 'polka', edit: 'recoloured the centre tile’s background navy (one tile of nine)', band: 'ai', reason: 'one patch of ground; the repeat is the AI’s', apply: (t) => recolour(tileBg(tiles(t)[4]!), '#3d405b') },
  { id: 'o-dot-size', pattern: 'polka', edit: 'enlarged every cream dot 44 → 60 px in place', band: 'assisted', reason: 'every main figure resized: the dot-to-ground balance visibly changes (set 1’s s-grow)', apply: (t) => creamDots(t).forEach((n) => { n.w = 60; n.h = 60 }) },
  { id: 'o-stretch', pattern: 'polka', edit: 'stretched the whole pattern 2 : 1 wide with its frame (900 × 450): every dot an oval', band: 'assisted', reason: 'every round dot becomes a 2 : 1 oval, a plainly different print, though a single mechanical gesture', apply: (t) => stretch(t, 2, 1) },
  { id: 'o-scale', pattern: 'polka', edit: 'scaled the whole pattern to half size (225 × 225)', band: 'ai', reason: 'the same picture, smaller', apply: (t) => { t.whole = { scale: 0.5 } } },
  { id: 'o-cherries', pattern: 'polka', edit: 'replaced the centre dot of every tile with a cherry pair of their own drawing (two red discs, stems, a leaf)', band: 'assisted', reason: 'a new motif of their own in the repeat, about a fifth of the figures', apply: (t) => tiles(t).forEach((tile) => { const c = tileDots(tile)[0]!; tile.children![1]!.children = tileDots(tile).slice(1); tile.children!.push(ownGroup([own('VECTOR', c.cx, c.cy - 6, 24, 28, '#2d6a4f', { fills: [], strokes: [solid('#2d6a4f')], strokeWeight: 3, curve: CHERRY_STEMS, closed: false }), own('ELLIPSE', c.cx - 10, c.cy + 10, 18, 18, '#d62828'), own('ELLIPSE', c.cx + 11, c.cy + 13, 18, 18, '#d62828'), own('VECTOR', c.cx + 9, c.cy - 20, 18, 9, '#52b788', { curve: LEAF })])) }) },
  { id: 'o-paste', pattern: 'polka', edit: 'pasted a copy of each tile’s centre dot into its top-left gap (9 more cream dots)', band: 'ai', reason: 'copies of the AI’s own dot: arrangement of AI material, a denser rhythm', apply: (t) => tiles(t).forEach((tile) => tile.children![1]!.children!.push(pasted(tileDots(tile)[0]!, -37.5, -37.5))) },
  { id: 'o-transparent', pattern: 'polka', edit: 'laid a frame-sized rectangle with a fully transparent fill over everything', band: 'ai', reason: 'invisible: nothing on screen changes (gaming)', apply: (t) => { t.children.push({ id: newId(), type: 'RECTANGLE', cx: 225, cy: 225, w: 450, h: 450, fills: [translucent('#ffffff', 0)] }) } },
  { id: 'o-opacity', pattern: 'polka', edit: 'set every cream dot to 70 % opacity (they pick up a little coral)', band: 'ai', reason: 'a softening of the AI’s dots', apply: (t) => creamDots(t).forEach((n) => (n.opacity = 0.7)) },

  // ---- ogee damask: gold wave lattice, palmettes, burgundy ground -------------------------
  { id: 'e-ground', pattern: 'ogee', edit: 'repainted the burgundy ground navy', band: 'assisted', reason: 'a damask colourway: most of the area changes colour, the ornament is the AI’s', apply: (t) => { t.ground = [solid('#1d2d50')] } },
  { id: 'e-ground-near', pattern: 'ogee', edit: 'repainted the ground an almost identical burgundy (ΔE < 1)', band: 'ai', reason: 'nobody can see it (gaming)', apply: (t) => { t.ground = [solid('#5b1f2b')] } },
  { id: 'e-all-figures', pattern: 'ogee', edit: 'recoloured every palmette and the lattice (cream → sage, gold → silver); ground kept', band: 'authored', reason: 'every figure in the designer’s colours (set 1’s t-all-motif-parts)', apply: (t) => { waves(t).forEach((n) => (n.strokes = [solid('#c0c0c0')])); palmettes(t).forEach((m) => m.children!.forEach((c, k) => recolour(c, k === 2 || k === 3 ? '#a3b18a' : '#c0c0c0'))) } },
  { id: 'e-teardrops', pattern: 'ogee', edit: 'recoloured the central teardrop of every palmette coral', band: 'assisted', reason: 'the focal element of every motif in a new colour', apply: (t) => palmettes(t).forEach((m) => recolour(m.children![2]!, '#e07a5f')) },
  { id: 'e-reshape', pattern: 'ogee', edit: 'redrew both fronds of every palmette as a spiky acanthus leaf of their own (same size, colour, place)', band: 'assisted', reason: 'every motif reads differently, but the layout, colours and the rest of the motif are the AI’s (set 2’s f-petals-outline)', apply: (t) => palmettes(t).forEach((m) => { m.children![0]!.curve = ACANTHUS; m.children![1]!.curve = mirrored(ACANTHUS) }) },
  { id: 'e-redraw-all', pattern: 'ogee', edit: 'deleted lattice and motifs, drew their own lancet lattice and a lotus in every cell, ground repainted forest green', band: 'authored', reason: 'everything on the canvas is theirs', apply: (t) => { t.ground = [solid('#0b3d2e')]; t.children = []; for (let c = 0; c <= 4; c++) t.children.push({ id: newId(), type: 'VECTOR', cx: 100 * c, cy: 200, w: 100, h: 400, strokes: [solid('#e9d8a6')], strokeWeight: 3, curve: LANCET(c % 2 === 1), closed: false }); for (let c = 0; c < 4; c++) for (const y of c % 2 === 0 ? [0, 200, 400] : [100, 300]) t.children.push(lotus(50 + 100 * c, y, '#ee9b00', '#e9d8a6')) } },
  { id: 'e-redraw-half', pattern: 'ogee', edit: 'replaced the palmettes of every other column with a lotus of their own (same cream and gold)', band: 'assisted', reason: 'half the motifs are their drawing; the lattice and ground are the AI’s', apply: (t) => { t.children = t.children.map((n, i) => { if (i < 5) return n; const cx = n.children![2]!.cx; const cy = n.children![2]!.cy + 6; return Math.round((cx - 50) / 100) % 2 === 1 ? lotus(cx, cy, '#f3e9d2', '#c9a227') : n }) } },
  { id: 'e-paste', pattern: 'ogee', edit: 'pasted five half-size copies of a palmette onto lattice crossings', band: 'ai', reason: 'small copies of the AI’s motif: arrangement, not drawing', apply: (t) => { const m = palmettes(t)[1]!; for (const [x, y] of [[50, 100], [50, 300], [150, 200], [250, 100], [250, 300]]) { const copy = pasted(m, x! - 50, y! - 200); scaleAbout(copy, x!, y!, 0.5); t.children.push(copy) } } },
  { id: 'e-lattice-thicken', pattern: 'ogee', edit: 'thickened the gold lattice 4 → 10 px', band: 'assisted', reason: 'the ogee network becomes a bold feature across the whole pattern', apply: (t) => waves(t).forEach((n) => (n.strokeWeight = 10)) },
  { id: 'e-flip', pattern: 'ogee', edit: 'flipped the whole pattern left–right', band: 'ai', reason: 'the same (nearly symmetric) picture', apply: (t) => { t.whole = { flip: true } } },
  { id: 'e-delete-lattice', pattern: 'ogee', edit: 'deleted the lattice lines (the palmettes float on the ground)', band: 'ai', reason: 'curation of AI material: visible, nothing new made', apply: (t) => { t.children = palmettes(t) } },
  { id: 'e-shadow', pattern: 'ogee', edit: 'gave every palmette a soft drop shadow', band: 'ai', reason: 'a little depth on the AI’s motifs', apply: (t) => palmettes(t).forEach((m) => (m.effects = [{ type: 'DROP_SHADOW', visible: true, radius: 4, color: { r: 0, g: 0, b: 0, a: 0.3 }, offset: { x: 0, y: 3 } }])) },

  // ---- conversational print: 12 food icons with small labels ------------------------------
  { id: 'q-retext-all', pattern: 'convo', edit: 'rewrote every small label (tea → chai, jam → plum, bun → cake)', band: 'ai', reason: 'small captions under the AI’s icons; the print looks almost the same', apply: (t) => t.children.forEach((m) => { const l = labelOf(m); l.text = ({ tea: 'chai', jam: 'plum', bun: 'cake' } as Record<string, string>)[l.text!]!; l.w = labelWidth(l.text) }) },
  { id: 'q-retext-one', pattern: 'convo', edit: 'changed one label (tea → chai)', band: 'ai', reason: 'one small word of twelve', apply: (t) => { const l = labelOf(t.children[0]!); l.text = 'chai'; l.w = labelWidth('chai') } },
  { id: 'q-new-icon', pattern: 'convo', edit: 'redrew the bun icon as a croissant of their own, in all four places', band: 'assisted', reason: 'a third of the motifs are now their drawing', apply: (t) => t.children.forEach((m, i) => { if (i % 3 !== 2) return; const [cx, cy] = convoAt(i); m.children = [own('VECTOR', cx, cy, 52, 30, '#d4a373', { curve: CRESCENT }), own('VECTOR', cx, cy + 2, 30, 10, '#9c6644', { fills: [], strokes: [solid('#9c6644')], strokeWeight: 2, curve: [[0, 0, 0.3, 1, 0.7, 1, 1, 0]], closed: false }), labelOf(m)] }) },
  { id: 'q-redraw-icons', pattern: 'convo', edit: 'redrew all twelve icons as their own drawings (mug, jar, croissant), labels and ground kept', band: 'authored', reason: 'every picture in the print is their drawing', apply: (t) => t.children.forEach((m, i) => { const [cx, cy] = convoAt(i); const k = i % 3; const art = k === 0 ? [own('VECTOR', cx - 4, cy + 2, 34, 32, '#3d5a80', { curve: MUG }), own('ELLIPSE', cx + 16, cy, 12, 16, '#3d5a80', { fills: [], strokes: [solid('#3d5a80')], strokeWeight: 3 })] : k === 1 ? [own('VECTOR', cx, cy + 2, 34, 40, '#9d0208', { curve: JAR }), own('RECTANGLE', cx, cy - 20, 24, 6, '#f4a261')] : [own('VECTOR', cx, cy, 52, 30, '#d4a373', { curve: CRESCENT })]; m.children = [...art, labelOf(m)] }) },
  { id: 'q-add-icons', pattern: 'convo', edit: 'drew four teapots of their own (with a typed label) into gaps', band: 'assisted', reason: 'new motifs of their own, a quarter more figures', apply: (t) => { for (const [x, y] of [[100, 150], [300, 150], [200, 290], [300, 290]]) t.children.push(teapot(x!, y!)) } },
  { id: 'q-paste', pattern: 'convo', edit: 'pasted copies of four AI motifs (icon and label) into the same gaps', band: 'ai', reason: 'copies of the AI’s own motifs: arrangement, not drawing', apply: (t) => { const src = [0, 1, 2, 4]; [[100, 150], [300, 150], [200, 290], [300, 290]].forEach(([x, y], k) => { const [cx, cy] = convoAt(src[k]!); t.children.push(pasted(t.children[src[k]!]!, x! - cx, y! - cy)) }) } },
  { id: 'q-ground', pattern: 'convo', edit: 'repainted the butter ground mint', band: 'assisted', reason: 'a colourway: most of the area changes colour, the motifs are the AI’s', apply: (t) => { t.ground = [solid('#d8f3dc')] } },
  { id: 'q-rearrange', pattern: 'convo', edit: 'moved every motif to a new place: a straight grid (no half-drop) in a new order', band: 'assisted', reason: 'a real re-layout of all the AI’s motifs: arrangement, less than drawing', apply: (t) => { const perm = [5, 0, 9, 2, 11, 7, 1, 10, 3, 8, 4, 6]; t.children.forEach((m, i) => { const [cx, cy] = convoAt(i); const s = perm[i]!; shift(m, 50 + 100 * (s % 4) - cx, 65 + 125 * Math.floor(s / 4) - cy) }) } },
  { id: 'q-nudge', pattern: 'convo', edit: 'nudged three motifs 4 px', band: 'ai', reason: 'nothing a person notices', apply: (t) => { shift(t.children[2]!, 4, 0); shift(t.children[5]!, 0, 4); shift(t.children[9]!, -4, 0) } },
  { id: 'q-hide-labels', pattern: 'convo', edit: 'hid every label', band: 'ai', reason: 'curation: the AI’s icons alone', apply: (t) => t.children.forEach((m) => (labelOf(m).visible = false)) },
  { id: 'q-cover-one', pattern: 'convo', edit: 'covered one motif with a ground-coloured patch', band: 'ai', reason: 'removing a motif by covering it: curation', apply: (t) => { t.children.push(own('RECTANGLE', 150, 231, 70, 76, '#fff4d6')) } },

  // ---- border design: plain field panel, ornamented band -----------------------------------
  { id: 'r-field', pattern: 'border', edit: 'recoloured the plain cream field (the largest area) blush', band: 'assisted', reason: 'a colourway of the biggest plain area; the border ornament is the AI’s', apply: (t) => recolour(t.children[0]!, '#f4d8cd') },
  { id: 'r-field-grow', pattern: 'border', edit: 'grew the plain field panel 300 → 320 px (the green band narrows 50 → 40 px)', band: 'ai', reason: 'a proportion tweak of the AI’s plain panel; the ornament is untouched', apply: (t) => { t.children[0]!.w = 320; t.children[0]!.h = 320 } },
  { id: 'r-ornaments', pattern: 'border', edit: 'recoloured every border leaf coral and every border dot cream', band: 'assisted', reason: 'all the edge ornaments in new colours, but they are small beside the field and band', apply: (t) => edges(t).forEach((g) => g.children!.forEach((n) => recolour(n, n.type === 'VECTOR' ? '#e76f51' : '#f5efe0'))) },
  { id: 'r-everything', pattern: 'border', edit: 'recoloured ground, field, line, leaves, dots and medallions to a palette of their own', band: 'authored', reason: 'every paint on the canvas is their choice', apply: (t) => { t.ground = [solid('#3d0c11')]; recolour(t.children[0]!, '#fdf0d5'); t.children[1]!.strokes = [solid('#669bbc')]; edges(t).forEach((g) => g.children!.forEach((n) => recolour(n, n.type === 'VECTOR' ? '#c1121f' : '#669bbc'))); t.children[6]!.children!.forEach((n, k) => recolour(n, k < 4 ? '#669bbc' : '#3d0c11')) } },
  { id: 'r-centrepiece', pattern: 'border', edit: 'drew a bouquet of their own (five flowers, stems, leaves; about 170 × 215 px) in the empty field', band: 'authored', reason: 'the picture inside the frame, the focal point, is theirs; the AI made the frame around it', apply: (t) => { const fl: [number, number, number, string][] = [[200, 150, 70, '#e5989b'], [150, 190, 60, '#b5838d'], [250, 190, 60, '#ffb4a2'], [175, 240, 55, '#e5989b'], [225, 240, 55, '#b5838d']]; const parts: Node[] = [own('VECTOR', 185, 290, 40, 90, '#40916c', { fills: [], strokes: [solid('#40916c')], strokeWeight: 4, curve: [[0, 0, 0.2, 0.5, 0.8, 0.6, 1, 1]], closed: false }), own('VECTOR', 215, 290, 40, 90, '#40916c', { fills: [], strokes: [solid('#40916c')], strokeWeight: 4, curve: [[1, 0, 0.8, 0.5, 0.2, 0.6, 0, 1]], closed: false }), own('VECTOR', 200, 295, 6, 80, '#40916c', { fills: [], strokes: [solid('#40916c')], strokeWeight: 4, curve: [[0.5, 0, 0.5, 0.33, 0.5, 0.67, 0.5, 1]], closed: false }), own('VECTOR', 150, 285, 50, 30, '#52b788', { curve: mirrored(OWN_LEAF) }), own('VECTOR', 250, 285, 50, 30, '#52b788', { curve: OWN_LEAF }), own('VECTOR', 160, 320, 40, 24, '#2d6a4f', { curve: mirrored(OWN_LEAF) }), own('VECTOR', 240, 320, 40, 24, '#2d6a4f', { curve: OWN_LEAF })]; fl.forEach(([x, y, d, c], k) => parts.push(own('VECTOR', x, y, d, d, c, { curve: blob(seeded(600 + k)) }), own('ELLIPSE', x, y, 14, 14, '#6d6875'))); t.children.push(ownGroup(parts)) } },
  { id: 'r-monogram', pattern: 'border', edit: 'typed a small monogram “AB” (60 × 40 px) in the centre of the field', band: 'ai', reason: 'a caption on the AI’s frame', apply: (t) => { t.children.push(own('TEXT', 200, 200, 60, 40, '#1b4332', { text: 'AB' })) } },
  { id: 'r-corners', pattern: 'border', edit: 'redrew the four corner medallions as eight-point stars of their own (centres kept)', band: 'ai', reason: 'four small elements in the corners of an AI design', apply: (t) => t.children[6]!.children!.slice(0, 4).forEach((n) => { n.type = 'VECTOR'; n.curve = STAR8 }) },
  { id: 'r-line-thicken', pattern: 'border', edit: 'thickened the gold line round the field 3 → 8 px', band: 'ai', reason: 'one line made heavier', apply: (t) => { t.children[1]!.strokeWeight = 8 } },
  { id: 'r-delete-sides', pattern: 'border', edit: 'deleted the ornaments along the left and right edges (band kept)', band: 'ai', reason: 'curation of small AI ornaments', apply: (t) => { const gone = [t.children[3]!, t.children[5]!]; t.children = t.children.filter((n) => !gone.includes(n)) } },
  { id: 'r-turn', pattern: 'border', edit: 'turned the whole design 90°', band: 'ai', reason: 'the same (nearly symmetric) picture', apply: (t) => { t.whole = { turn: 90 } } },

  // ---- non-square 600 × 300 tulip repeat --------------------------------------------------
  { id: 'w-stretch', pattern: 'wide', edit: 'stretched the whole pattern 2 : 1 tall with its frame (600 × 600): every tulip twice as tall', band: 'assisted', reason: 'every motif visibly distorted into a different, lanky tulip, though by one mechanical gesture', apply: (t) => stretch(t, 1, 2) },
  { id: 'w-scale', pattern: 'wide', edit: 'resized the whole pattern uniformly to 1200 × 600', band: 'ai', reason: 'the same picture, bigger', apply: (t) => { t.whole = { scale: 2 } } },
  { id: 'w-border', pattern: 'wide', edit: 'added a thin 3 px navy outline around the frame', band: 'ai', reason: 'a frame around the AI’s pattern (gaming)', apply: (t) => { t.children.push({ id: newId(), type: 'RECTANGLE', cx: 300, cy: 150, w: 597, h: 297, strokes: [solid('#1d3557')], strokeWeight: 3 }) } },
  { id: 'w-heads', pattern: 'wide', edit: 'recoloured every tulip head (red → violet, orange → pink)', band: 'assisted', reason: 'the focal part of every motif in new colours; stems, leaves, ground and layout the AI’s', apply: (t) => tulips(t).forEach((g) => { recolour(g.children![3]!, '#f7aef8'); recolour(g.children![4]!, '#f7aef8'); recolour(g.children![5]!, '#7b2cbf') }) },
  { id: 'w-all', pattern: 'wide', edit: 'recoloured the ground, every tulip part and the dots to a night palette of their own', band: 'authored', reason: 'every paint on the canvas is their choice', apply: (t) => { t.ground = [solid('#14213d')]; tulips(t).forEach((g) => g.children!.forEach((n, k) => recolour(n, k < 3 ? '#e5e5e5' : k < 5 ? '#ffffff' : '#fca311'))); wideDots(t).forEach((n) => recolour(n, '#fca311')) } },
  { id: 'w-redraw-all', pattern: 'wide', edit: 'deleted everything, drew their own daisies and leaves in a straight grid, ground repainted cream', band: 'authored', reason: 'everything on the canvas is theirs', apply: (t) => { t.ground = [solid('#fefae0')]; t.children = []; for (let r = 0; r < 2; r++) for (let c = 0; c < 6; c++) { t.children.push(daisy(50 + 100 * c, 80 + 140 * r, '#6d597a', '#f4a261')); t.children.push(own('VECTOR', 100 + 100 * c - 12, 150 + 140 * r - 70, 22, 14, '#588157', { curve: OWN_LEAF })) } } },
  { id: 'w-redraw-half', pattern: 'wide', edit: 'replaced the tulips in every other column with daisies of their own (tulip colours)', band: 'assisted', reason: 'half the motifs are their drawing; ground, dots and layout the AI’s', apply: (t) => { t.children = t.children.map((n, i) => { if (i >= 12) return n; const c = i % 6; const r = Math.floor(i / 6); if (c % 2 === 0) return n; const [x, y] = tulipAt(c, r); return daisy(x, y + 8, '#e63946', '#f4a261') }) } },
  { id: 'w-nudge-row', pattern: 'wide', edit: 'nudged the bottom row of tulips 10 px right', band: 'ai', reason: 'a slight shift of AI motifs; the repeat reads the same', apply: (t) => tulips(t).slice(6).forEach((g) => shift(g, 10, 0)) },
  { id: 'w-blur', pattern: 'wide', edit: 'put a 4 px layer blur on every tulip', band: 'ai', reason: 'a soft-focus filter over the AI’s motifs', apply: (t) => tulips(t).forEach((g) => (g.effects = [{ type: 'LAYER_BLUR', visible: true, radius: 4 }])) },
  { id: 'w-hand-dots', pattern: 'wide', edit: 'added 30 small white dots of their own (6 px)', band: 'ai', reason: 'a sprinkle of tiny additions, like the AI’s own dots', apply: (t) => { const r = seeded(88); for (let k = 0; k < 30; k++) t.children.push(own('ELLIPSE', 10 + r() * 580, 10 + r() * 280, 6, 6, '#ffffff')) } },
]

/** [more human, less human]: the first edit is more human authorship than the second. */
export const PAIRS_3: [string, string][] = [
  ['c-palette', 'c-big-recolour'], // every block against one
  ['c-big-recolour', 'c-small-recolour'], // the dominant block against a small accent
  ['c-warm', 'c-tweak'], // a mild visible grade against an invisible one
  ['c-resize-big', 'c-nudge'], // a new proportion against a few pixels
  ['c-rearrange', 'c-nudge'], // a re-composition against a few pixels
  ['c-redraw-all', 'c-add-blocks'], // everything against three shapes
  ['c-add-blocks', 'c-delete-two'], // drawing new shapes against deleting AI ones
  ['c-small-recolour', 'c-hidden'], // a visible accent against a hidden layer
  ['v-palette', 'v-two-colours'], // every band against half
  ['v-two-colours', 'v-one-band'], // half the bands against one
  ['v-one-band', 'v-near'], // a visible accent against an invisible recolour
  ['v-redraw-half', 'v-thicker'], // drawing half the bands against reshaping the AI’s
  ['v-ground', 'v-nudge'], // a colourway against a 2 px move
  ['o-all', 'o-dots'], // every paint against the dots alone
  ['o-all', 'o-bgs'], // every paint against the backgrounds alone
  ['o-cherries', 'o-paste'], // drawing a new motif against pasting the AI’s dot
  ['o-stretch', 'o-scale'], // a distortion against a uniform resize
  ['o-one-tile', 'o-transparent'], // a visible patch against an invisible shape
  ['e-all-figures', 'e-teardrops'], // every figure against one part of each motif
  ['e-redraw-all', 'e-redraw-half'], // everything against half the motifs
  ['e-redraw-half', 'e-reshape'], // new motifs against a new frond outline
  ['e-reshape', 'e-paste'], // redrawing outlines against pasting copies
  ['e-ground', 'e-ground-near'], // a visible colourway against an invisible one
  ['q-redraw-icons', 'q-new-icon'], // every icon against a third of them
  ['q-new-icon', 'q-paste'], // drawing against pasting copies
  ['q-add-icons', 'q-paste'], // four drawn motifs against four pasted ones
  ['q-rearrange', 'q-nudge'], // a re-layout against a few pixels
  ['q-retext-all', 'q-retext-one'], // every label against one
  ['r-everything', 'r-field'], // every paint against the field
  ['r-centrepiece', 'r-monogram'], // a drawn centrepiece against two typed letters
  ['r-field', 'r-field-grow'], // the field recoloured against the field slightly enlarged
  ['r-ornaments', 'r-delete-sides'], // recolouring all ornaments against deleting half
  ['w-redraw-all', 'w-redraw-half'], // everything against half the motifs
  ['w-all', 'w-heads'], // every paint against the tulip heads
  ['w-redraw-half', 'w-hand-dots'], // six drawn motifs against a sprinkle of dots
  ['w-stretch', 'w-scale'], // a distortion against a uniform resize
]
