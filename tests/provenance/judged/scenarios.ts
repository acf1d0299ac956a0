/**
 * The judged scenario set: realistic designer edits on three kinds of pattern, each
 * with the band a careful reviewer would put it in and, for some, which of two edits
 * is more human authorship. Judged by looking at what changes on the canvas, written
 * down before any of them was scored (see the commit that added this file), and not
 * changed afterwards to fit the method.
 *
 * Bands: 'ai' below AI-assisted (< 0.1), 'assisted' (0.1 to < 0.5), 'authored' at least
 * Human-authored (≥ 0.5).
 */
import { blob, lineArt, scattered, seeded, STEM, textile, type Part, type Pattern } from './patterns'

export type Band = 'ai' | 'assisted' | 'authored'

export interface Scenario {
  id: string
  pattern: 'textile' | 'lineArt' | 'scattered'
  /** What the designer did, in words. */
  edit: string
  band: Band
  apply: (p: Pattern) => void
}

const clonePart = (q: Part, id: string, dx = 0, dy = 0): Part => ({ ...q, id, cx: q.cx + dx, cy: q.cy + dy })
let added = 0
const newId = () => `9:${++added}`

/** Parts of one textile motif (10 each, in order). */
const motif = (p: Pattern, m: number) => p.parts.slice(m * 10, m * 10 + 10)
const petals = (p: Pattern) => p.parts.filter((q) => q.type === 'VECTOR' && q.fill !== null && q.h === 28)
const leaves = (p: Pattern) => p.parts.filter((q) => q.type === 'VECTOR' && q.h === 11)
const centres = (p: Pattern) => p.parts.filter((q) => q.type === 'ELLIPSE' && q.w === 16)
const underlays = (p: Pattern) => p.parts.filter((q) => q.type === 'ELLIPSE' && q.w === 10)

/** An opaque shape drawn by the designer, on top. */
function drawRect(p: Pattern, cx: number, cy: number, w: number, h: number, fill: string, rotation = 0): void {
  p.parts.push({ id: newId(), type: 'RECTANGLE', cx, cy, w, h, rotation, fill, stroke: null, strokeWeight: 0 })
}

function drawBlob(p: Pattern, cx: number, cy: number, size: number, fill: string, seed: number): void {
  p.parts.push({ id: newId(), type: 'VECTOR', cx, cy, w: size, h: size, rotation: 0, fill, stroke: null, strokeWeight: 0, curve: blob(seeded(seed)) })
}

function border(p: Pattern): void {
  p.parts.push({ id: newId(), type: 'RECTANGLE', cx: p.w / 2, cy: p.h / 2, w: p.w - 4, h: p.h - 4, rotation: 0, fill: null, stroke: '#2b3a55', strokeWeight: 4 })
}

export const SCENARIOS: Scenario[] = [
  // ---- textile repeat with a ground ----------------------------------------------------
  { id: 't-nothing', pattern: 'textile', edit: 'nothing', band: 'ai', apply: () => {} },
  { id: 't-scale-whole', pattern: 'textile', edit: 'scaled the whole pattern 2×', band: 'ai', apply: (p) => { p.whole = { scale: 2 } } },
  { id: 't-turn-whole', pattern: 'textile', edit: 'turned the whole pattern 90°', band: 'ai', apply: (p) => { p.whole = { turn: -90 } } },
  { id: 't-flip-whole', pattern: 'textile', edit: 'flipped the whole pattern left–right', band: 'ai', apply: (p) => { p.whole = { flip: true } } },
  { id: 't-border', pattern: 'textile', edit: 'added a thin 4 px outline around the frame', band: 'ai', apply: border },
  { id: 't-hidden-recolour', pattern: 'textile', edit: 'recoloured the discs that lie fully under the flower centres', band: 'ai', apply: (p) => underlays(p).forEach((q) => (q.fill = '#ff0000')) },
  { id: 't-ground', pattern: 'textile', edit: 'recoloured the ground cream → navy', band: 'assisted', apply: (p) => { p.ground = '#1f2a44' } },
  { id: 't-all-motif-parts', pattern: 'textile', edit: 'recoloured every part of every motif (petals, leaves, stems, centres)', band: 'authored', apply: (p) => p.parts.forEach((q) => { if (q.fill) q.fill = '#2a7f9e'; if (q.stroke) q.stroke = '#7f2a9e' }) },
  { id: 't-copies', pattern: 'textile', edit: 'pasted copies of two AI motifs into gaps', band: 'ai', apply: (p) => { for (const m of [0, 5]) for (const q of motif(p, m)) p.parts.push(clonePart(q, newId(), 50, 50)) } },
  { id: 't-drawn', pattern: 'textile', edit: 'drew new shapes of about the same area as two motifs into gaps', band: 'ai', apply: (p) => { drawBlob(p, 100, 95, 60, '#c8553d', 3); drawBlob(p, 200, 195, 60, '#8e7dbe', 4) } },
  { id: 't-rotate-centres', pattern: 'textile', edit: 'rotated every round flower centre 90°', band: 'ai', apply: (p) => centres(p).forEach((q) => (q.rotation += 90)) },
  { id: 't-cover-most', pattern: 'textile', edit: 'drew opaque shapes of their own over most (≈ 70 %) of the pattern', band: 'authored', apply: (p) => { drawRect(p, 200, 140, 400, 280, '#264653') } },
  { id: 't-petals-nudge', pattern: 'textile', edit: 'nudged the petal pinks slightly warmer (ΔE ≈ 3)', band: 'ai', apply: (p) => petals(p).forEach((q) => (q.fill = q.fill === '#d96c8a' ? '#dc6e84' : '#bb4c68')) },
  { id: 't-petals-recolour', pattern: 'textile', edit: 'recoloured all petals pink → yellow', band: 'assisted', apply: (p) => petals(p).forEach((q) => (q.fill = '#f2c14e')) },
  { id: 't-delete-leaves', pattern: 'textile', edit: 'deleted all leaves', band: 'ai', apply: (p) => { p.parts = p.parts.filter((q) => !leaves(p).includes(q)) } },
  { id: 't-redraw', pattern: 'textile', edit: 'deleted every motif and drew their own', band: 'authored', apply: (p) => { p.parts = []; for (let i = 0; i < 16; i++) drawBlob(p, (i % 4) * 100 + 50, Math.floor(i / 4) * 100 + 50, 70, '#3d5a80', 20 + i) } },
  { id: 't-move-motif', pattern: 'textile', edit: 'moved one motif by half a cell', band: 'ai', apply: (p) => motif(p, 6).forEach((q) => (q.cx += 50)) },
  { id: 't-reshape-petals', pattern: 'textile', edit: 'reshaped every petal much wider and shorter', band: 'assisted', apply: (p) => petals(p).forEach((q) => { q.w = 28; q.h = 18 }) },

  // ---- line art ----------------------------------------------------------------------
  { id: 'l-nothing', pattern: 'lineArt', edit: 'nothing', band: 'ai', apply: () => {} },
  { id: 'l-lines-red', pattern: 'lineArt', edit: 'recoloured every line black → red', band: 'assisted', apply: (p) => p.parts.forEach((q) => (q.stroke = '#c0392b')) },
  { id: 'l-thicken', pattern: 'lineArt', edit: 'doubled every line weight (3 → 6 px)', band: 'assisted', apply: (p) => p.parts.forEach((q) => (q.strokeWeight = 6)) },
  { id: 'l-border', pattern: 'lineArt', edit: 'added a thin 4 px outline around the frame', band: 'ai', apply: border },
  { id: 'l-add-few', pattern: 'lineArt', edit: 'drew 5 lines of their own among the 30', band: 'ai', apply: (p) => { for (let i = 0; i < 5; i++) p.parts.push({ id: newId(), type: 'VECTOR', cx: 60 + i * 70, cy: 200, w: 80, h: 60, rotation: 10 * i, fill: null, stroke: '#1d1d1f', strokeWeight: 3, curve: STEM, closed: false }) } },
  { id: 'l-redraw-half', pattern: 'lineArt', edit: 'deleted half the lines and drew as many of their own', band: 'assisted', apply: (p) => { const keep = p.parts.filter((_, i) => i % 2 === 0); const n = p.parts.length - keep.length; p.parts = keep; for (let i = 0; i < n; i++) p.parts.push({ id: newId(), type: 'VECTOR', cx: 40 + (i * 53) % 320, cy: 40 + (i * 97) % 320, w: 120, h: 70, rotation: 15 * i, fill: null, stroke: '#1d1d1f', strokeWeight: 3, curve: [[0, 0, 0.2, 1, 0.8, 1, 1, 0]], closed: false }) } },
  { id: 'l-scale-whole', pattern: 'lineArt', edit: 'scaled the whole drawing to half size', band: 'ai', apply: (p) => { p.whole = { scale: 0.5 } } },
  { id: 'l-rotate-rings', pattern: 'lineArt', edit: 'rotated every ring 45°', band: 'ai', apply: (p) => p.parts.filter((q) => q.type === 'ELLIPSE').forEach((q) => (q.rotation += 45)) },
  { id: 'l-nudge-all', pattern: 'lineArt', edit: 'nudged every line 1 px to the right', band: 'ai', apply: (p) => p.parts.forEach((q) => (q.cx += 1)) },
  { id: 'l-ground-tint', pattern: 'lineArt', edit: 'tinted the white ground a pale blue', band: 'assisted', apply: (p) => { p.ground = '#e3eefa' } },
  { id: 'l-ground-dark', pattern: 'lineArt', edit: 'made the ground dark navy (lines stay)', band: 'authored', apply: (p) => { p.ground = '#14213d' } },
  { id: 'l-redraw', pattern: 'lineArt', edit: 'deleted every line and drew a drawing of their own', band: 'authored', apply: (p) => { p.parts = []; for (let i = 0; i < 30; i++) p.parts.push({ id: newId(), type: 'VECTOR', cx: 40 + (i * 37) % 320, cy: 40 + (i * 71) % 320, w: 100, h: 80, rotation: 12 * i, fill: null, stroke: '#1d1d1f', strokeWeight: 3, curve: [[0, 0.5, 0.3, 0, 0.6, 1, 1, 0.5]], closed: false }) } },
  { id: 'l-flip-whole', pattern: 'lineArt', edit: 'flipped the whole drawing left–right', band: 'ai', apply: (p) => { p.whole = { flip: true } } },

  // ---- scattered motifs ----------------------------------------------------------------
  { id: 's-nothing', pattern: 'scattered', edit: 'nothing', band: 'ai', apply: () => {} },
  { id: 's-move-many', pattern: 'scattered', edit: 'rearranged 20 of the 50 blobs to new places', band: 'assisted', apply: (p) => p.parts.slice(11, 31).forEach((q, i) => { q.cx = 30 + ((i * 67) % 340); q.cy = 30 + ((i * 131) % 340) }) },
  { id: 's-move-one', pattern: 'scattered', edit: 'moved one blob a little (5 px)', band: 'ai', apply: (p) => { p.parts[20]!.cx += 5 } },
  { id: 's-recolour-half', pattern: 'scattered', edit: 'recoloured half the blobs to new colours', band: 'assisted', apply: (p) => p.parts.forEach((q, i) => { if (i % 2 === 1) q.fill = '#00a896' }) },
  { id: 's-recolour-all', pattern: 'scattered', edit: 'recoloured every blob and the ground to a new palette', band: 'authored', apply: (p) => { p.ground = '#1b1b3a'; p.parts.forEach((q, i) => (q.fill = ['#ff6f59', '#43aa8b', '#f9c74f'][i % 3]!)) } },
  { id: 's-delete-half', pattern: 'scattered', edit: 'deleted half the blobs', band: 'assisted', apply: (p) => { p.parts = p.parts.filter((_, i) => i % 2 === 0) } },
  { id: 's-add-own', pattern: 'scattered', edit: 'drew 10 blobs of their own', band: 'assisted', apply: (p) => { for (let i = 0; i < 10; i++) drawBlob(p, 40 + (i * 83) % 320, 40 + (i * 59) % 320, 45, '#ef476f', 100 + i) } },
  { id: 's-paste-copies', pattern: 'scattered', edit: 'pasted copies of 10 AI blobs in new places', band: 'ai', apply: (p) => { for (let i = 0; i < 10; i++) { const q = p.parts[5 + i * 3]!; p.parts.push(clonePart(q, newId(), ((i * 83) % 160) - 80, ((i * 59) % 160) - 80)) } } },
  { id: 's-flip-whole', pattern: 'scattered', edit: 'flipped the whole layout left–right', band: 'ai', apply: (p) => { p.whole = { flip: true } } },
  { id: 's-turn-whole', pattern: 'scattered', edit: 'turned the whole layout 37°', band: 'ai', apply: (p) => { p.whole = { turn: 37 } } },
  { id: 's-cover-one', pattern: 'scattered', edit: 'covered one blob with a shape of their own the same size', band: 'ai', apply: (p) => { const q = p.parts[30]!; drawRect(p, q.cx, q.cy, q.w, q.h, '#ffffff') } },
  { id: 's-hidden-recolour', pattern: 'scattered', edit: 'recoloured the small blob hidden under another', band: 'ai', apply: (p) => { p.parts[0]!.fill = '#ff0000' } },
  { id: 's-cover-all', pattern: 'scattered', edit: 'drew an opaque panel of their own over the whole layout', band: 'authored', apply: (p) => drawRect(p, 200, 200, 400, 400, '#0b3954') },
  { id: 's-grow', pattern: 'scattered', edit: 'scaled every blob 1.5× in place', band: 'assisted', apply: (p) => p.parts.forEach((q) => { q.w *= 1.5; q.h *= 1.5 }) },
]

/** [more human, less human]: the first edit is more human authorship than the second. */
export const PAIRS: [string, string][] = [
  ['t-all-motif-parts', 't-ground'],
  ['t-drawn', 't-copies'],
  ['t-cover-most', 't-ground'],
  ['t-petals-recolour', 't-petals-nudge'],
  ['t-reshape-petals', 't-move-motif'],
  ['t-petals-recolour', 't-border'],
  ['t-ground', 't-hidden-recolour'],
  ['l-lines-red', 'l-add-few'],
  ['l-ground-dark', 'l-ground-tint'],
  ['l-redraw', 'l-redraw-half'],
  ['l-thicken', 'l-border'],
  ['s-recolour-all', 's-recolour-half'],
  ['s-move-many', 's-move-one'],
  ['s-add-own', 's-paste-copies'],
  ['s-cover-all', 's-recolour-half'],
  ['s-delete-half', 's-move-one'],
]

export const PATTERNS = { textile, lineArt, scattered }
