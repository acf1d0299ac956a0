/**
 * The second judged scenario set: realistic designer edits on eight kinds of pattern the
 * first set lacks or underweights (patterns-2.ts), each with the band a careful art
 * director would put it in and why, and "this is more authorship than that" orderings.
 * Written down before any of them was scored (see the commit that added this file), and
 * not changed afterwards to fit the method.
 *
 * Bands: 'ai' below AI-assisted (< 0.1), 'assisted' (0.1 to < 0.5), 'authored' at least
 * Human-authored (≥ 0.5). The judgment is of what a person sees and who made it: a
 * colourway of the AI's design is assisted unless it recolours the figures that make the
 * picture (the first set's precedent); arranging AI material counts, but less than drawing.
 */
import type { Band } from './scenarios'
import { paster, scaleAbout, shift, type TreeScenario } from './tree-edits'
import { allNodes, blob, gradient, seeded, solid, wordWidth, type Curve, type Node, type PatternName2, type Tree } from './patterns-2'

export type Scenario2 = TreeScenario<PatternName2>

let added = 0
const newId = () => `9:${++added}`
const pasted = paster(newId)

/** A closed polygon as straight cubic segments, in a unit box. */
function polygon(points: [number, number][]): Curve {
  return points.map((p, i) => {
    const q = points[(i + 1) % points.length]!
    return [p[0], p[1], p[0] + (q[0] - p[0]) / 3, p[1] + (q[1] - p[1]) / 3, p[0] + (2 * (q[0] - p[0])) / 3, p[1] + (2 * (q[1] - p[1])) / 3, q[0], q[1]]
  })
}

const STAR = polygon(Array.from({ length: 10 }, (_, k) => {
  const a = (k * Math.PI) / 5
  const r = k % 2 ? 0.2 : 0.5
  return [0.5 + Math.sin(a) * r, 0.5 - Math.cos(a) * r] as [number, number]
}))
/** A petal with a pointed tip: the designer's own outline. */
const POINTED: Curve = [[0.5, 1, 0, 0.7, 0.3, 0.2, 0.5, 0], [0.5, 0, 0.7, 0.2, 1, 0.7, 0.5, 1]]

const byType = (t: Tree, type: Node['type']) => allNodes(t).filter((n) => n.type === type)
const fillOf = (n: Node) => (n.fills?.[0]?.kind === 'solid' ? n.fills[0] : null)
const isHex = (n: Node, h: string) => {
  const f = fillOf(n)
  if (!f) return false
  const c = f.color
  const to = (v: number) => Math.round(v * 255).toString(16).padStart(2, '0')
  return `#${to(c.r)}${to(c.g)}${to(c.b)}` === h
}

// geo: diamonds are the RECTANGLEs (row by row), dots the ELLIPSEs.
const diamonds = (t: Tree) => byType(t, 'RECTANGLE')
// floral: children[0] the leaf group, children[1..4] the flowers (8 petals + centre).
const flowers = (t: Tree) => t.children.slice(1)
const petalsOf = (f: Node) => f.children!.filter((c) => c.type === 'VECTOR')
// plaid: 16 stripes, then 5 bands.
const stripes = (t: Tree) => t.children.filter((n) => n.h === 400 && n.opacity === undefined)
const bands = (t: Tree) => t.children.filter((n) => n.opacity === 0.5)
// dots: 600 tiny, then 20 medium.
const tiny = (t: Tree) => t.children.filter((n) => n.w < 6)

function drawn(t: Tree, cx: number, cy: number, size: number, fill: string, seed: number): void {
  t.children.push({ id: newId(), type: 'VECTOR', cx, cy, w: size, h: size, fills: [solid(fill)], curve: blob(seeded(seed)) })
}

function heavyShape(t: Tree, cx: number, cy: number, size: number, seed: number): void {
  t.children.push({ id: newId(), type: 'VECTOR', cx, cy, w: size, h: size * 0.8, rotation: (seed * 37) % 360, strokes: [solid('#111111')], strokeWeight: 10, curve: blob(seeded(seed)) })
}

export const SCENARIOS_2: Scenario2[] = [
  // ---- geometric tile: 100 small equal diamonds, 121 dots, plain ground ----------------
  { id: 'g-nothing', pattern: 'geo', edit: 'nothing', band: 'ai', reason: 'untouched', apply: () => {} },
  { id: 'g-recolour-10', pattern: 'geo', edit: 'recoloured every tenth diamond lavender (10 of 100)', band: 'ai', reason: 'a few accent tiles; the picture is still the AI’s', apply: (t) => diamonds(t).forEach((n, i) => { if (i % 10 === 3) n.fills = [solid('#8e7dbe')] }) },
  { id: 'g-recolour-30', pattern: 'geo', edit: 'recoloured 30 of the 100 diamonds lavender, in a new diagonal rhythm', band: 'assisted', reason: 'a new accent rhythm across a third of the motifs: visible, but a colour edit of the AI’s tile', apply: (t) => diamonds(t).forEach((n, i) => { if ([0, 3, 6].includes(i % 10)) n.fills = [solid('#8e7dbe')] }) },
  { id: 'g-recolour-all', pattern: 'geo', edit: 'recoloured every diamond and dot to a new palette (indigo, gold, white)', band: 'authored', reason: 'every figure in the designer’s colours (the first set’s precedent: every motif recoloured is authored)', apply: (t) => { diamonds(t).forEach((n) => (n.fills = [solid(isHex(n, '#1f4e5f') ? '#3d348b' : '#f7b801')])); byType(t, 'ELLIPSE').forEach((n) => (n.fills = [solid('#ffffff')])) } },
  { id: 'g-tweak', pattern: 'geo', edit: 'nudged both diamond colours imperceptibly (ΔE ≈ 1)', band: 'ai', reason: 'nobody can see it', apply: (t) => diamonds(t).forEach((n) => (n.fills = [solid(isHex(n, '#1f4e5f') ? '#20505f' : '#c9563e')])) },
  { id: 'g-hue-shift', pattern: 'geo', edit: 'shifted the teal diamonds greener (ΔE ≈ 13), rust kept', band: 'ai', reason: 'a noticeable but mild colour adjustment of half the motifs', apply: (t) => diamonds(t).forEach((n) => { if (isHex(n, '#1f4e5f')) n.fills = [solid('#1f5f5a')] }) },
  { id: 'g-delete-rows', pattern: 'geo', edit: 'deleted two rows of diamonds (20 of 100), leaving bare bands', band: 'ai', reason: 'curation of AI motifs: a visible gap, nothing new made', apply: (t) => { const gone = new Set(diamonds(t).filter((_, i) => [3, 6].includes(Math.floor(i / 10)))); t.children = t.children.filter((n) => !gone.has(n)) } },
  { id: 'g-add-stars', pattern: 'geo', edit: 'drew 9 small white stars of their own (16 px) over corner dots', band: 'ai', reason: 'a sprinkle of small additions on a busy tile', apply: (t) => { for (let k = 1; k <= 3; k++) for (let m = 1; m <= 3; m++) t.children.push({ id: newId(), type: 'VECTOR', cx: k * 80 + 40, cy: m * 80 + 40, w: 16, h: 16, fills: [solid('#ffffff')], curve: STAR }) } },
  { id: 'g-medallion', pattern: 'geo', edit: 'drew a 160 px medallion of their own in the centre (a disc with their own motif)', band: 'assisted', reason: 'a new focal element over about a sixth of the tile', apply: (t) => { t.children.push({ id: newId(), type: 'ELLIPSE', cx: 200, cy: 200, w: 160, h: 160, fills: [solid('#fefae0')] }); drawn(t, 200, 200, 100, '#bc4749', 61) } },
  { id: 'g-rotate-90', pattern: 'geo', edit: 'rotated every diamond 90°', band: 'ai', reason: 'a square turned a quarter turn looks the same', apply: (t) => diamonds(t).forEach((n) => (n.rotation = 135)) },
  { id: 'g-rotate-45', pattern: 'geo', edit: 'rotated every diamond 45° more, so they stand as upright squares', band: 'assisted', reason: 'every motif’s orientation visibly changed: a diamond lattice becomes a square grid', apply: (t) => diamonds(t).forEach((n) => (n.rotation = 90)) },
  { id: 'g-crop', pattern: 'geo', edit: 'cropped the frame to its central 300 × 300', band: 'ai', reason: 'choosing less of the AI’s picture is not authorship of what remains', apply: (t) => { t.frame = { x: 50, y: 50, w: 300, h: 300 } } },
  { id: 'g-turn-180', pattern: 'geo', edit: 'turned the whole tile 180°', band: 'ai', reason: 'the same picture', apply: (t) => { t.whole = { turn: 180 } } },
  { id: 'g-revert', pattern: 'geo', edit: 'recoloured 30 diamonds, then undid it', band: 'ai', reason: 'nothing is different', apply: (t) => { const ds = diamonds(t).filter((_, i) => i % 3 === 0); const was = ds.map((n) => n.fills); ds.forEach((n) => (n.fills = [solid('#8e7dbe')])); ds.forEach((n, i) => (n.fills = was[i])) } },

  // ---- large-motif floral: four big flowers, big leaves, a small dark ground -----------
  { id: 'f-ground', pattern: 'floral', edit: 'recoloured the dark ground (showing between the flowers) to cream', band: 'assisted', reason: 'a colourway of the small backdrop; the flowers are untouched', apply: (t) => { t.ground = [solid('#efe9dc')] } },
  { id: 'f-flowers-recolour', pattern: 'floral', edit: 'recoloured the petals and centres of all four flowers (violet, white)', band: 'authored', reason: 'the dominant figures, most of the picture, in the designer’s colours', apply: (t) => flowers(t).forEach((f) => f.children!.forEach((c) => (c.fills = [solid(c.type === 'ELLIPSE' ? '#ffffff' : isHex(c, '#f2a7b8') || isHex(c, '#f7c59f') ? '#5e60ce' : '#7400b8')]))) },
  { id: 'f-one-flower', pattern: 'floral', edit: 'recoloured one flower’s petals violet', band: 'assisted', reason: 'one of four big motifs, clearly different', apply: (t) => petalsOf(flowers(t)[1]!).forEach((c, k) => (c.fills = [solid(k % 2 ? '#7400b8' : '#5e60ce')])) },
  { id: 'f-redraw-one', pattern: 'floral', edit: 'deleted one flower and drew a six-petal flower of their own in its place', band: 'assisted', reason: 'a quarter of the main motifs is now the designer’s drawing', apply: (t) => { const f = flowers(t)[3]!; t.children = t.children.filter((n) => n !== f); const ps: Node[] = []; for (let k = 0; k < 6; k++) { const a = (k * 60 * Math.PI) / 180; ps.push({ id: newId(), type: 'VECTOR', cx: 300 + Math.sin(a) * 50, cy: 300 - Math.cos(a) * 50, w: 60, h: 105, rotation: -k * 60, fills: [solid(k % 2 ? '#b5179e' : '#7209b7')], curve: POINTED }) } ps.push({ id: newId(), type: 'ELLIPSE', cx: 300, cy: 300, w: 40, h: 40, fills: [solid('#ffffff')] }); t.children.push({ id: newId(), type: 'GROUP', cx: 0, cy: 0, w: 0, h: 0, children: ps }) } },
  { id: 'f-petals-outline', pattern: 'floral', edit: 'redrew every petal with a pointed outline of their own (same size, colour, place)', band: 'assisted', reason: 'the flowers read differently, but the layout, colours and motif are the AI’s', apply: (t) => flowers(t).forEach((f) => petalsOf(f).forEach((c) => (c.curve = POINTED))) },
  { id: 'f-buds', pattern: 'floral', edit: 'drew 6 small buds (14 × 18 px) in gaps', band: 'ai', reason: 'tiny additions beside four big flowers', apply: (t) => { [[20, 20], [380, 20], [20, 380], [380, 380], [200, 130], [130, 200]].forEach(([x, y]) => t.children.push({ id: newId(), type: 'ELLIPSE', cx: x!, cy: y!, w: 14, h: 18, fills: [solid('#ffd6e0')] })) } },
  { id: 'f-layout', pattern: 'floral', edit: 'moved all four flowers 40 px toward the centre, tightening the layout', band: 'ai', reason: 'a modest re-arrangement of the same AI flowers', apply: (t) => flowers(t).forEach((f, i) => shift(f, i % 2 ? -28 : 28, i < 2 ? 28 : -28)) },
  { id: 'f-leaves-fade', pattern: 'floral', edit: 'set the leaves to 50 % opacity', band: 'ai', reason: 'a softening of the secondary motifs', apply: (t) => { t.children[0]!.opacity = 0.5 } },
  { id: 'f-texture', pattern: 'floral', edit: 'laid a texture layer over everything at 10 % opacity', band: 'ai', reason: 'a faint finish; everything beneath still shows', apply: (t) => { t.children.push({ id: newId(), type: 'RECTANGLE', cx: 200, cy: 200, w: 400, h: 400, opacity: 0.1, fills: [solid('#3a2e26')] }) } },
  { id: 'f-shadow', pattern: 'floral', edit: 'gave every flower a soft drop shadow (4 px, 25 % black)', band: 'ai', reason: 'a little depth; the flowers are the same', apply: (t) => flowers(t).forEach((f) => (f.effects = [{ type: 'DROP_SHADOW', visible: true, radius: 6, color: { r: 0, g: 0, b: 0, a: 0.25 }, offset: { x: 0, y: 4 } }])) },
  { id: 'f-shrink', pattern: 'floral', edit: 'scaled each flower to 70 % in place (much more ground shows)', band: 'assisted', reason: 'the balance of figure and ground visibly changed', apply: (t) => flowers(t).forEach((f, i) => scaleAbout(f, i % 2 ? 300 : 100, i < 2 ? 100 : 300, 0.7)) },
  { id: 'f-new-layout', pattern: 'floral', edit: 'deleted the four flowers and pasted copies of them in a new diamond layout', band: 'assisted', reason: 'arrangement of AI motifs: authorship, but less than drawing', apply: (t) => { const fs = flowers(t); t.children = t.children.filter((n) => !fs.includes(n)); const to = [[200, 95], [95, 200], [305, 200], [200, 305]]; fs.forEach((f, i) => t.children.push(pasted(f, to[i]![0]! - (i % 2 ? 300 : 100), to[i]![1]! - (i < 2 ? 100 : 300)))) } },
  { id: 'f-nudge-back', pattern: 'floral', edit: 'moved a flower 30 px and back by eye (0.4 px off)', band: 'ai', reason: 'nothing a person sees', apply: (t) => shift(flowers(t)[0]!, 0.4, 0) },

  // ---- plaid: vertical stripes, translucent horizontal bands -----------------------------
  { id: 'p-one-stripe', pattern: 'plaid', edit: 'recoloured one narrow stripe (8 px of 400) purple', band: 'ai', reason: 'a thin accent in a busy plaid', apply: (t) => { stripes(t)[3]!.fills = [solid('#7209b7')] } },
  { id: 'p-palette', pattern: 'plaid', edit: 'recoloured every stripe and band to a new palette', band: 'authored', reason: 'the whole picture in the designer’s colours; a plaid is its colours', apply: (t) => { const pal = ['#03045e', '#ff006e', '#8338ec', '#fb5607', '#3a86ff']; stripes(t).forEach((n, i) => (n.fills = [solid(pal[i % pal.length]!)])); bands(t).forEach((n) => (n.fills = [solid('#ffbe0b')])) } },
  { id: 'p-widths', pattern: 'plaid', edit: 're-proportioned the stripes (new widths, same colours and order)', band: 'assisted', reason: 'the sett is the designer’s; colours and order are the AI’s', apply: (t) => { const ws = [24, 24, 16, 16, 28, 28, 20, 32, 20, 24, 16, 28, 28, 32, 20, 44]; let x = 0; stripes(t).forEach((n, i) => { n.w = ws[i]!; n.cx = x + ws[i]! / 2; x += ws[i]! }) } },
  { id: 'p-bands-under', pattern: 'plaid', edit: 'moved the translucent bands below the stripes in the layer order (the plaid becomes a stripe)', band: 'assisted', reason: 'a visible structural choice, though what remains is all the AI’s', apply: (t) => { const bs = bands(t); t.children = [...bs, ...t.children.filter((n) => !bs.includes(n))] } },
  { id: 'p-reorder-invisible', pattern: 'plaid', edit: 'reordered two stripes in the layer panel (they do not overlap)', band: 'ai', reason: 'nothing changes on screen', apply: (t) => { const a = t.children[2]!; t.children[2] = t.children[9]!; t.children[9] = a } },
  { id: 'p-pinstripes', pattern: 'plaid', edit: 'drew 6 thin 2 px pinstripes of their own across', band: 'ai', reason: 'fine lines over an AI plaid', apply: (t) => { for (const y of [20, 70, 150, 230, 320, 375]) t.children.push({ id: newId(), type: 'RECTANGLE', cx: 200, cy: y, w: 400, h: 2, fills: [solid('#1d3557')] }) } },
  { id: 'p-flip', pattern: 'plaid', edit: 'flipped the whole plaid left–right', band: 'ai', reason: 'the same picture', apply: (t) => { t.whole = { flip: true } } },

  // ---- scattered dots: 600 tiny dots, 20 medium, on an 800 px frame --------------------
  { id: 'd-recolour-dots', pattern: 'dots', edit: 'recoloured every small dot (navy → red, rust → gold)', band: 'assisted', reason: 'the texture’s colour changed; the ground dominates and the scatter is the AI’s', apply: (t) => tiny(t).forEach((n) => (n.fills = [solid(isHex(n, '#2b3a55') ? '#d62828' : '#fcbf49')])) },
  { id: 'd-delete-30', pattern: 'dots', edit: 'deleted 30 % of the small dots', band: 'ai', reason: 'a thinner scatter of the same AI dots', apply: (t) => { const gone = new Set(tiny(t).filter((_, i) => [1, 4, 7].includes(i % 10))); t.children = t.children.filter((n) => !gone.has(n)) } },
  { id: 'd-add-dots', pattern: 'dots', edit: 'added 100 more small navy dots by hand', band: 'ai', reason: 'more of the same texture', apply: (t) => { const r = seeded(77); for (let i = 0; i < 100; i++) t.children.push({ id: newId(), type: 'ELLIPSE', cx: 5 + r() * 790, cy: 5 + r() * 790, w: 3, h: 3, fills: [solid('#2b3a55')] }) } },
  { id: 'd-big-motifs', pattern: 'dots', edit: 'drew 5 large motifs of their own (60 px) among the dots', band: 'assisted', reason: 'the most prominent things on the canvas are now the designer’s', apply: (t) => { [[160, 200], [600, 140], [400, 420], [180, 640], [640, 620]].forEach(([x, y], i) => drawn(t, x!, y!, 60, '#2a9d8f', 90 + i)) } },
  { id: 'd-ground', pattern: 'dots', edit: 'recoloured the ground cream → sage (ΔE ≈ 21)', band: 'assisted', reason: 'a colourway: the whole look shifts, the design is the AI’s', apply: (t) => { t.ground = [solid('#a3b18a')] } },
  { id: 'd-scatter', pattern: 'dots', edit: 'moved half the small dots to new random places', band: 'ai', reason: 'the texture reads the same', apply: (t) => { const r = seeded(78); tiny(t).forEach((n, i) => { if (i % 2 === 0) { n.cx = 5 + r() * 790; n.cy = 5 + r() * 790 } }) } },
  { id: 'd-scale-whole', pattern: 'dots', edit: 'scaled the whole pattern 1.25×', band: 'ai', reason: 'the same picture, bigger', apply: (t) => { t.whole = { scale: 1.25 } } },

  // ---- heavy line art: 10 px strokes on white -----------------------------------------
  { id: 'h-thin', pattern: 'heavy', edit: 'changed every stroke from 10 px to 4 px', band: 'assisted', reason: 'the drawing looks much lighter; the lines are the AI’s', apply: (t) => t.children.forEach((n) => { if (n.strokes?.length) n.strokeWeight = 4 }) },
  { id: 'h-recolour', pattern: 'heavy', edit: 'recoloured every line black → deep brown (ΔE ≈ 22)', band: 'assisted', reason: 'all the ink in a new colour: visible, a colourway of the AI’s drawing', apply: (t) => t.children.forEach((n) => { if (n.strokes?.length) n.strokes = [solid('#5c3d2e')] }) },
  { id: 'h-redraw', pattern: 'heavy', edit: 'deleted the whole drawing and drew their own (20 heavy lines, 3 accents)', band: 'authored', reason: 'every line on the page is theirs', apply: (t) => { t.children = []; for (let i = 0; i < 12; i++) heavyShape(t, 60 + ((i * 83) % 280), 60 + ((i * 131) % 280), 90, 200 + i); for (let i = 0; i < 8; i++) t.children.push({ id: newId(), type: 'VECTOR', cx: 70 + ((i * 97) % 260), cy: 70 + ((i * 61) % 260), w: 120, h: 60, rotation: 20 * i, strokes: [solid('#111111')], strokeWeight: 10, curve: [[0, 0.2, 0.3, 1, 0.7, 0, 1, 0.8]], closed: false }); for (let i = 0; i < 3; i++) t.children.push({ id: newId(), type: 'ELLIPSE', cx: 330 - i * 120, cy: 90 + i * 100, w: 22, h: 22, fills: [solid('#457b9d')] }) } },
  { id: 'h-redraw-one', pattern: 'heavy', edit: 'redrew one closed shape with a new outline', band: 'ai', reason: 'one shape of twenty-three', apply: (t) => { t.children[0]!.curve = blob(seeded(300)) } },
  { id: 'h-border', pattern: 'heavy', edit: 'added a 6 px border around the frame', band: 'ai', reason: 'a frame around the AI’s drawing', apply: (t) => { t.children.push({ id: newId(), type: 'RECTANGLE', cx: 200, cy: 200, w: 394, h: 394, strokes: [solid('#111111')], strokeWeight: 6 }) } },
  { id: 'h-add-six', pattern: 'heavy', edit: 'drew 6 heavy shapes of their own among the AI’s 20 lines', band: 'assisted', reason: 'about a quarter of the ink is now theirs', apply: (t) => { [[70, 330], [330, 70], [200, 200], [330, 330], [70, 70], [200, 360]].forEach(([x, y], i) => heavyShape(t, x!, y!, 70, 400 + i)) } },
  { id: 'h-rotate-accents', pattern: 'heavy', edit: 'rotated the round red accents 30°', band: 'ai', reason: 'circles look the same turned', apply: (t) => t.children.forEach((n) => { if (n.type === 'ELLIPSE') n.rotation = 30 }) },

  // ---- typographic repeat ------------------------------------------------------------
  { id: 'x-retext-all', pattern: 'type', edit: 'rewrote every word (sun → moon, sea → sky)', band: 'assisted', reason: 'the words are theirs; the layout, waves and colours the AI’s', apply: (t) => byType(t, 'TEXT').forEach((n) => { n.text = n.text === 'sun' ? 'moon' : 'sky'; n.w = wordWidth(n.text) }) },
  { id: 'x-retext-one', pattern: 'type', edit: 'changed one word (sun → sol)', band: 'ai', reason: 'one word of sixteen', apply: (t) => { byType(t, 'TEXT')[0]!.text = 'sol' } },
  { id: 'x-add-tagline', pattern: 'type', edit: 'added a small text line of their own at the bottom', band: 'ai', reason: 'a caption on an AI pattern', apply: (t) => { t.children.push({ id: newId(), type: 'TEXT', cx: 200, cy: 385, w: wordWidth('made by hand'), h: 20, fills: [solid('#3d405b')], text: 'made by hand' }) } },
  { id: 'x-text-recolour', pattern: 'type', edit: 'recoloured every word slate (they alternated red and teal)', band: 'assisted', reason: 'half of the figures changed colour, and the alternation is gone', apply: (t) => byType(t, 'TEXT').forEach((n) => (n.fills = [solid('#3d405b')])) },

  // ---- nested clipping tiles, a mask ------------------------------------------------------
  { id: 'n-tile-bgs', pattern: 'tiles', edit: 'recoloured the four tile backgrounds', band: 'assisted', reason: 'the backdrops of the tiles: a colourway, like a ground', apply: (t) => { const bgs = ['#ffffff', '#540b0e', '#9e2a2b', '#e09f3e']; t.children.forEach((f, i) => (f.children![0]!.fills = [solid(bgs[i]!)])) } },
  { id: 'n-swap-tiles', pattern: 'tiles', edit: 'swapped the top-left and bottom-right tiles', band: 'assisted', reason: 'arrangement of half the picture: authorship, though less than drawing', apply: (t) => { shift(t.children[0]!, 200, 200); shift(t.children[3]!, -200, -200) } },
  { id: 'n-outside-recolour', pattern: 'tiles', edit: 'recoloured the small discs that lie wholly outside their tiles (clipped away)', band: 'ai', reason: 'nobody can see them', apply: (t) => allNodes(t).forEach((n) => { if (n.type === 'ELLIPSE' && n.w === 30) n.fills = [solid('#ff0000')] }) },
  { id: 'n-unclip', pattern: 'tiles', edit: 'turned clipping off on the top-left tile (its motifs spill a little over the neighbours)', band: 'ai', reason: 'a small spill of AI motifs', apply: (t) => { t.children[0]!.clips = false } },
  { id: 'n-regroup', pattern: 'tiles', edit: 'took the disc out of the top-left tile’s group (the same picture, a different layer tree)', band: 'ai', reason: 'nothing changes on screen', apply: (t) => { const tile = t.children[0]!; const g = tile.children![1]!; const disc = g.children!.splice(1, 1)[0]!; tile.children!.push(disc) } },
  { id: 'n-mask-grow', pattern: 'tiles', edit: 'enlarged the circular mask of the striped tile (140 → 180 px)', band: 'ai', reason: 'shows a ring more of the same AI stripes', apply: (t) => { const m = allNodes(t).find((n) => n.isMask)!; m.w = 180; m.h = 180 } },

  // ---- gradient backdrop with translucent circles ---------------------------------------
  { id: 'b-gradient', pattern: 'bokeh', edit: 'changed the backdrop gradient teal→navy to plum→orange', band: 'assisted', reason: 'a colourway of the backdrop; the circles and their layout are the AI’s', apply: (t) => { t.children[0]!.fills = [gradient(['#6a4c93', 1], ['#ff924c', 1])] } },
  { id: 'b-circles-opacity', pattern: 'bokeh', edit: 'made the circles a little more opaque (45 % → 60 %)', band: 'ai', reason: 'a slight adjustment', apply: (t) => t.children.slice(1).forEach((n) => (n.opacity = 0.6)) },
  { id: 'b-add-circles', pattern: 'bokeh', edit: 'added 10 translucent circles of their own to the AI’s 14', band: 'assisted', reason: 'a large share of the circles is now theirs', apply: (t) => { const r = seeded(55); for (let i = 0; i < 10; i++) t.children.push({ id: newId(), type: 'ELLIPSE', cx: 30 + r() * 340, cy: 30 + r() * 340, w: 70, h: 70, opacity: 0.45, fills: [solid('#ff70a6')] }) } },
  { id: 'b-recolour-circles', pattern: 'bokeh', edit: 'recoloured every circle (pink, coral, lime)', band: 'assisted', reason: 'the figures changed colour, but they are translucent over an AI backdrop', apply: (t) => t.children.slice(1).forEach((n, i) => (n.fills = [solid(['#ff70a6', '#ff9770', '#e9ff70'][i % 3]!)])) },
]

/** [more human, less human, why]: the first edit is more human authorship than the second. */
export const PAIRS_2: [string, string, string][] = [
  ['g-recolour-30', 'g-recolour-10', 'three times as many motifs recoloured'],
  ['g-recolour-all', 'g-recolour-30', 'every figure against a third of them'],
  ['g-hue-shift', 'g-tweak', 'a visible shift against an invisible one'],
  ['g-medallion', 'g-add-stars', 'a large new focal motif against a sprinkle of small ones'],
  ['g-rotate-45', 'g-rotate-90', 'a visible turn against one that changes nothing'],
  ['g-delete-rows', 'g-revert', 'a visible curation against nothing'],
  ['g-recolour-all', 'g-crop', 'a new colour story against choosing less of the AI’s'],
  ['f-flowers-recolour', 'f-ground', 'the dominant figures against the small ground between them'],
  ['f-redraw-one', 'f-one-flower', 'drawing a flower of one’s own against recolouring one'],
  ['f-one-flower', 'f-texture', 'a clearly different motif against a faint veil'],
  ['f-petals-outline', 'f-buds', 'every petal redrawn against six tiny buds'],
  ['f-shrink', 'f-nudge-back', 'a visible change against none'],
  ['p-palette', 'p-one-stripe', 'the whole palette against one thin stripe'],
  ['p-widths', 'p-reorder-invisible', 'a new sett against an invisible reorder'],
  ['d-big-motifs', 'd-add-dots', 'drawing large motifs against adding more of the AI’s dots'],
  ['d-big-motifs', 'd-scatter', 'new motifs against shuffling the AI’s texture'],
  ['d-recolour-dots', 'd-delete-30', 'recolouring the whole texture against thinning it'],
  ['h-redraw', 'h-add-six', 'the whole drawing against a quarter of it'],
  ['h-add-six', 'h-redraw-one', 'six new shapes against one redrawn'],
  ['h-thin', 'h-border', 'every line changed against a frame around them'],
  ['x-retext-all', 'x-retext-one', 'every word against one'],
  ['n-swap-tiles', 'n-unclip', 'rearranging half the picture against a small spill'],
  ['n-tile-bgs', 'n-mask-grow', 'every backdrop recoloured against a slightly larger window'],
  ['b-recolour-circles', 'b-circles-opacity', 'new colours against a slight opacity change'],
]
