/**
 * TEXT glyph outlines from the bundled open font (font/glyphs.ts). TextNode has GeometryMixin's
 * fillGeometry through DefaultShapeMixin (plugin-api.d.ts:11002-11009, :8964-8966); characters
 * (:9854), fontSize (:9775), fontName (:9798).
 */
import { describe, expect, test } from 'vitest'
import { layoutText } from './font/glyphs'
import { INTER_REGULAR } from './font/inter-regular'
import { createFigmaWorld } from './index'
import { flattenPath } from './raster'

function setup() {
  const world = createFigmaWorld({ pageNames: ['Patterns'] })
  const session = world.openSession()
  return { world, session, figma: session.figma }
}

/** The x-extent of path data's points. */
function xExtent(data: string): { min: number; max: number } {
  let min = Infinity
  let max = -Infinity
  for (const ring of flattenPath(data)) for (const [x] of ring) (min = Math.min(min, x)), (max = Math.max(max, x))
  return { min, max }
}

describe('text glyph outlines (one bundled font: Inter Regular, OFL)', () => {
  test('an empty text layer has no outline and no size', () => {
    const { figma } = setup()
    const t = figma.createText()
    expect(t.fillGeometry).toEqual([])
    expect([t.width, t.height]).toEqual([0, 0])
  })

  test.each([
    { characters: 'A', lines: 1 },
    { characters: 'Loom', lines: 1 },
    { characters: 'two\nlines', lines: 2 },
    { characters: 'a\n\nb', lines: 3 },
  ])('$characters: one NONZERO path, the box the advance widths by the "Auto" line height', ({ characters, lines }) => {
    const { figma } = setup()
    const t = figma.createText()
    t.fontSize = 32
    t.characters = characters
    const geometry = t.fillGeometry
    expect(geometry.map((p) => p.windingRule)).toEqual(['NONZERO'])
    const s = 32 / INTER_REGULAR.unitsPerEm
    const widest = Math.max(...characters.split('\n').map((l) => [...l].reduce((w, ch) => w + INTER_REGULAR.glyphs[ch]![0] * s, 0)))
    expect(t.width).toBeCloseTo(widest, 9)
    expect(t.height).toBeCloseTo(lines * (INTER_REGULAR.ascender - INTER_REGULAR.descender + INTER_REGULAR.lineGap) * s, 9)
    // Every point of the outline lies in the box (Inter's Latin glyphs stay inside their advance and line).
    for (const ring of flattenPath(geometry[0]!.data)) {
      for (const [x, y] of ring) {
        expect(x).toBeGreaterThanOrEqual(-0.5)
        expect(x).toBeLessThanOrEqual(t.width + 0.5)
        expect(y).toBeGreaterThanOrEqual(0)
        expect(y).toBeLessThanOrEqual(t.height)
      }
    }
  })

  test('letters sit side by side by their advance widths: the second letter starts where the first advances to', () => {
    const { figma } = setup()
    const t = figma.createText()
    t.fontSize = 100
    t.characters = 'l'
    const one = xExtent(t.fillGeometry[0]!.data)
    t.characters = 'll'
    const two = xExtent(t.fillGeometry[0]!.data)
    const advance = (INTER_REGULAR.glyphs.l![0] * 100) / INTER_REGULAR.unitsPerEm
    expect(two.max - one.max).toBeCloseTo(advance, 1)
    expect(two.min).toBeCloseTo(one.min, 6)
  })

  test('a line break starts the next line one line height lower, at the left edge', () => {
    const { figma } = setup()
    const t = figma.createText()
    t.fontSize = 20
    t.characters = 'T\nT'
    const rings = flattenPath(t.fillGeometry[0]!.data)
    const ys = rings.map((r) => Math.min(...r.map(([, y]) => y)))
    const lineHeight = layoutText(INTER_REGULAR, 'T', 20).height
    expect(ys[1]! - ys[0]!).toBeCloseTo(lineHeight, 1)
    expect(Math.min(...rings[1]!.map(([x]) => x))).toBeCloseTo(Math.min(...rings[0]!.map(([x]) => x)), 6)
  })

  test('fontSize scales outline and box; undo puts both back', () => {
    const { world, session, figma } = setup()
    let t!: TextNode
    world.edit(session, () => {
      t = figma.createText()
      t.characters = 'Weave'
    })
    const small = { w: t.width, h: t.height, d: t.fillGeometry[0]!.data }
    world.edit(session, () => (t.fontSize = 24))
    expect(t.width).toBeCloseTo(small.w * 2, 9)
    expect(t.height).toBeCloseTo(small.h * 2, 9)
    session.undo()
    expect([t.width, t.height, t.fillGeometry[0]!.data]).toEqual([small.w, small.h, small.d])
  })

  test('a character outside the bundled set draws the font\'s .notdef box; spaces draw nothing', () => {
    const { figma } = setup()
    const t = figma.createText()
    t.characters = '   '
    expect(t.fillGeometry).toEqual([])
    expect(t.width).toBeGreaterThan(0)
    t.characters = '✿'
    expect(t.fillGeometry).toHaveLength(1)
    expect(t.width).toBeCloseTo((INTER_REGULAR.notdef[0] * 12) / INTER_REGULAR.unitsPerEm, 9)
  })
})
