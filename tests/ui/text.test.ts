/**
 * Text layers in a real pattern (issue #19): Figma gives a text layer's glyph outlines as its
 * `fillGeometry` (TextNode is a DefaultShapeMixin, so it has GeometryMixin's fillGeometry:
 * plugin-api.d.ts:11002-11009, :8964-8966). The fake draws them from one bundled open font
 * (tests/figma-fake/font/). The capture paints the glyphs, so an edit to the characters
 * counts where the letters changed, and a new colour counts as colour. Before the capture
 * read the glyphs, a text layer was its box thinned by an ink share: swapping one letter for
 * another of about the same width changed nothing anyone could measure.
 */
import { describe, expect, test } from 'vitest'
import { compareOnCanvas, CHANGE, type CanvasComparison } from '../../src/coefficient/score'
import { DEFAULT_POLICY } from '../../src/coefficient/scoring-policy'
import { captureAsync, markAsync, readSnapshotAsync } from '../../src/ui/workflows'
import { createFigmaWorld } from '../figma-fake/index'
import { layoutText } from '../figma-fake/font/glyphs'
import { INTER_REGULAR } from '../figma-fake/font/inter-regular'
import { ADA, captured, openPlugin, ORIGIN, type PluginUser } from '../support/plugin-session'

const CREAM = { r: 0.98, g: 0.95, b: 0.88 }
const INDIGO = { r: 0.15, g: 0.2, b: 0.55 }
const RED = { r: 0.9, g: 0.1, b: 0.1 }
const solid = (color: RGB): SolidPaint[] => [{ type: 'SOLID', color }]

const FRAME = 400
const AT = { x: 40, y: 150 }
const SIZE = 64

/** A marked 400 × 400 cream frame with one indigo text layer (one edit by Ada). */
async function lettering(characters: string) {
  const world = createFigmaWorld()
  const ada: PluginUser = openPlugin(world, ADA)
  let frame!: FrameNode
  let text!: TextNode
  world.edit(ada.session, () => {
    frame = ada.figma.createFrame()
    frame.name = 'Lettering repeat'
    frame.resize(FRAME, FRAME)
    frame.fills = solid(CREAM)
    text = ada.figma.createText()
    text.fontSize = SIZE
    text.characters = characters
    text.fills = solid(INDIGO)
    frame.appendChild(text)
    text.x = AT.x
    text.y = AT.y
  })
  const mark = await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
  expect(mark.kind === 'done' && mark.marked.length).toBe(1)
  const before = (await readSnapshotAsync(ada.client, frame.id)).snapshot
  const after = async (change: () => void) => {
    world.edit(ada.session, change)
    await world.flush()
    const score = captured(await captureAsync(frame.id, ada.ctx)).score
    const now = (await readSnapshotAsync(ada.client, frame.id)).snapshot
    return { score, canvas: compareOnCanvas(before, now, DEFAULT_POLICY, 'id') }
  }
  return { world, ada, frame, text, before, after }
}

interface Columns {
  min: number
  max: number
  count: number
}

function columnsWhere(width: number, height: number, hit: (p: number) => boolean): Columns {
  let min = Infinity
  let max = -Infinity
  let count = 0
  for (let p = 0; p < width * height; p++) {
    if (!hit(p)) continue
    count++
    const x = p % width
    if (x < min) min = x
    if (x > max) max = x
  }
  return { min, max, count }
}

/** Raster columns where the letters' paint changed: the text paints a pixel in one state and not the other. */
function glyphChange(canvas: CanvasComparison): Columns {
  const t = canvas.rendered.findIndex((s) => s.el.type === 'TEXT') + 1 // Raster.top: 1 + render index
  const a = canvas.baseline
  const b = canvas.current
  return columnsWhere(b.width, b.height, (p) => (a.top[p] === t) !== (b.top[p] === t))
}

/** Raster columns the change map marks (the changed layer's painted pixels). */
function marked(canvas: CanvasComparison): Columns {
  const m = canvas.map
  return columnsWhere(m.width, m.height, (p) => m.kinds[p] !== CHANGE.none)
}

describe('a text layer is captured as its glyphs', () => {
  test('the reading carries the glyph outlines, and an untouched pattern scores exactly 0', async () => {
    const s = await lettering('HOUSE')
    const el = s.before.elements.find((e) => e.type === 'TEXT')!
    expect(el.text).toBe('HOUSE')
    expect(el.pathData?.length).toBe(1)
    expect(el.windings).toBe('N')
    // The box follows the font: five advance widths wide, one "Auto" line high.
    const layout = layoutText(INTER_REGULAR, 'HOUSE', SIZE)
    expect(el.bounds.w).toBeCloseTo(layout.width, 6)
    expect(el.bounds.h).toBeCloseTo(layout.height, 6)
    const { score } = await s.after(() => undefined)
    expect(score.hcc).toBe(0)
  })

  // Letters of the same advance width (Inter: b d p q), so the text box keeps its size:
  // only the glyphs tell the edit, and only at the letter that changed.
  test.each([
    { from: 'bead', to: 'dead', at: 0 },
    { from: 'hoped', to: 'hobed', at: 2 },
    { from: 'dip', to: 'did', at: 2 },
  ])('editing one letter ($from → $to) counts, and only where that letter is', async ({ from, to, at }) => {
    const s = await lettering(from)
    const { score, canvas } = await s.after(() => (s.text.characters = to))
    expect(s.text.width).toBeCloseTo(layoutText(INTER_REGULAR, from, SIZE).width, 9) // the same box
    expect(score.hcc).toBeGreaterThan(0.005)
    expect(score.breakdown.color).toBe(0)
    // Raster pixels per frame pixel: the frame's long side is RASTER_LONG_SIDE pixels.
    const k = canvas.current.width / FRAME
    const letterStarts = (AT.x + layoutText(INTER_REGULAR, from.slice(0, at), SIZE).width) * k
    const letterEnds = (AT.x + layoutText(INTER_REGULAR, from.slice(0, at + 1), SIZE).width) * k
    const cols = glyphChange(canvas)
    expect(cols.count).toBeGreaterThan(10)
    // Glyphs can overhang their advance a little: one raster pixel of slack.
    expect(cols.min).toBeGreaterThanOrEqual(Math.floor(letterStarts) - 1)
    expect(cols.max).toBeLessThanOrEqual(Math.ceil(letterEnds) + 1)
  })

  test('a text colour change counts as colour, over the letters', async () => {
    const s = await lettering('HOUSE')
    const { score, canvas } = await s.after(() => (s.text.fills = solid(RED)))
    expect(score.hcc).toBeGreaterThan(0.005)
    expect(score.breakdown.color).toBeGreaterThan(0)
    expect(score.breakdown.shape).toBe(0)
    expect(score.breakdown.text).toBe(0)
    expect(glyphChange(canvas).count).toBe(0) // the letters did not move
    // The change is shown on the letters, not on the frame around them.
    const k = canvas.current.width / FRAME
    const cols = marked(canvas)
    expect(cols.count).toBeGreaterThan(0)
    expect(cols.min).toBeGreaterThanOrEqual(Math.floor(AT.x * k) - 1)
    expect(cols.max).toBeLessThanOrEqual(Math.ceil((AT.x + layoutText(INTER_REGULAR, 'HOUSE', SIZE).width) * k) + 1)
  })

  test('more text in the same box paints more: a longer word scores more than a one-letter edit', async () => {
    const one = await lettering('dip')
    const small = (await one.after(() => (one.text.characters = 'did'))).score.hcc
    const two = await lettering('dip')
    const big = (await two.after(() => (two.text.characters = 'dip\ndye'))).score.hcc
    expect(big).toBeGreaterThan(small)
  })
})
