/**
 * A layer remade in place is the same layer (arrangement.ts, `pairRemade`). Flatten,
 * Outline stroke, a boolean of one shape or a detached instance give a layer a new id —
 * often a new type and path data — but not a new look, so they must not buy a label:
 * select all, Flatten, would otherwise score every AI layer as newly drawn.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { elementFromShape, METHOD_V2, scoreContribution, type ElementSnapshot, type PatternSnapshot } from '../../src/coefficient'
import { clone, pattern } from './arbitraries'

fc.configureGlobal({ numRuns: Number(process.env['FC_RUNS'] ?? 60) })

const INK = { kind: 'solid' as const, color: { r: 0.1, g: 0.1, b: 0.2, a: 1 } }
const ROSE = { kind: 'solid' as const, color: { r: 0.85, g: 0.3, b: 0.4, a: 1 } }
const TEAL = { kind: 'solid' as const, color: { r: 0.1, g: 0.5, b: 0.5, a: 1 } }
const PAPER = { kind: 'solid' as const, color: { r: 1, g: 1, b: 1, a: 1 } }

const v2 = (a: PatternSnapshot, b: PatternSnapshot) => scoreContribution(a, b, undefined, { method: METHOD_V2 })

/** The ellipse filling a w × h box as four cubic arcs (what Flatten leaves of an ellipse). */
function ellipsePath(w: number, h: number): string {
  const k = 0.5522847498
  const [rx, ry] = [w / 2, h / 2]
  return [
    `M 0 ${ry}`,
    `C 0 ${ry - k * ry} ${rx - k * rx} 0 ${rx} 0`,
    `C ${rx + k * rx} 0 ${w} ${ry - k * ry} ${w} ${ry}`,
    `C ${w} ${ry + k * ry} ${rx + k * rx} ${h} ${rx} ${h}`,
    `C ${rx - k * rx} ${h} 0 ${ry + k * ry} 0 ${ry}`,
    'Z',
  ].join(' ')
}

/** Flatten: a VECTOR with a new id, its outline as path data, everything else kept. */
function flattened(e: ElementSnapshot): ElementSnapshot {
  const { w, h } = e.bounds
  const pathData = e.pathData ?? [e.type === 'ELLIPSE' ? ellipsePath(w, h) : `M 0 0 L ${w} 0 L ${w} ${h} L 0 ${h} Z`]
  return elementFromShape({ ...e, id: `flat-${e.id}`, type: 'VECTOR', pathData, text: null })
}

/** Six 300 px strokes of weight `weight`, a rose disc and a rose square on paper. */
function lineArt(weight: number, edit?: (els: ElementSnapshot[]) => void): PatternSnapshot {
  const els: ElementSnapshot[] = [elementFromShape({ id: 'root', path: '', type: 'FRAME', bounds: { x: 0, y: 0, w: 400, h: 400 }, fills: [PAPER] })]
  for (let i = 0; i < 6; i++) {
    els.push(elementFromShape({ id: `line${i}`, path: String(i), type: 'VECTOR', bounds: { x: 20 + i * 60, y: 50, w: 0, h: 300 }, strokes: [INK], strokeWeight: weight, pathData: ['M 0 0 L 0 300'] }))
  }
  els.push(elementFromShape({ id: 'disc', path: '6', type: 'ELLIPSE', bounds: { x: 150, y: 140, w: 100, h: 100 }, fills: [ROSE] }))
  els.push(elementFromShape({ id: 'square', path: '7', type: 'RECTANGLE', bounds: { x: 280, y: 270, w: 80, h: 80 }, fills: [ROSE], rotation: 30 }))
  edit?.(els)
  return { rootId: 'root', rootBounds: { x: 0, y: 0, w: 400, h: 400 }, elements: els }
}

const at = (els: ElementSnapshot[], id: string) => els.findIndex((e) => e.id === id)
/** Outline stroke of a vertical line: a filled band of its weight, flat at both ends (Figma's default cap). */
function outlined(e: ElementSnapshot): ElementSnapshot {
  const w = e.strokeWeight
  return elementFromShape({ id: `outlined-${e.id}`, path: e.path, type: 'VECTOR', bounds: { x: e.bounds.x - w / 2, y: e.bounds.y, w, h: e.bounds.h }, fills: e.strokes, pathData: [`M 0 0 L ${w} 0 L ${w} ${e.bounds.h} L 0 ${e.bounds.h} Z`] })
}

describe('a layer remade in place', () => {
  it.each([
    { edit: 'Flatten the disc', weight: 4, apply: (els: ElementSnapshot[]) => (els[at(els, 'disc')] = flattened(els[at(els, 'disc')]!)) },
    { edit: 'Flatten the turned square', weight: 4, apply: (els: ElementSnapshot[]) => (els[at(els, 'square')] = flattened(els[at(els, 'square')]!)) },
    { edit: 'Flatten every layer', weight: 4, apply: (els: ElementSnapshot[]) => els.forEach((e, i) => e.path !== '' && (els[i] = flattened(e))) },
    ...[1, 4, 10].map((weight) => ({
      edit: `Outline stroke on every ${weight} px line`,
      weight,
      apply: (els: ElementSnapshot[]) => els.forEach((e, i) => e.id.startsWith('line') && (els[i] = outlined(e))),
    })),
  ])('$edit scores below 0.01', ({ weight, apply }) => {
    const s = v2(lineArt(weight), lineArt(weight, apply))
    expect(s.hcc).toBeLessThan(0.01)
    expect(s.added).toBe(0)
    expect(s.removed).toBe(0)
  })

  it('remade and then recoloured scores as the recolour alone', () => {
    const recoloured = v2(lineArt(4), lineArt(4, (els) => (els[at(els, 'disc')]!.fills = [TEAL]))).hcc
    const both = v2(
      lineArt(4),
      lineArt(4, (els) => {
        const i = at(els, 'disc')
        els[i] = flattened({ ...els[i]!, fills: [TEAL] })
      }),
    ).hcc
    expect(recoloured).toBeGreaterThan(0.05)
    expect(both).toBeCloseTo(recoloured, 3)
  })

  it('a teal disc drawn exactly where the rose one was, after deleting it, scores as recolouring it', () => {
    const recoloured = v2(lineArt(4), lineArt(4, (els) => (els[at(els, 'disc')]!.fills = [TEAL]))).hcc
    const redrawn = v2(lineArt(4), lineArt(4, (els) => (els[at(els, 'disc')] = elementFromShape({ id: 'own', path: '6', type: 'ELLIPSE', bounds: els[at(els, 'disc')]!.bounds, fills: [TEAL] })))).hcc
    expect(redrawn).toBeCloseTo(recoloured, 6)
  })

  it.each([
    { edit: 'a rose square drawn where the disc was', shape: (b: ElementSnapshot['bounds']) => elementFromShape({ id: 'own', path: '6', type: 'VECTOR', bounds: b, fills: [ROSE], pathData: [`M 0 0 L ${b.w} 0 L ${b.w} ${b.h} L 0 ${b.h} Z`] }) },
    { edit: 'a rose disc drawn 20 px off', shape: (b: ElementSnapshot['bounds']) => elementFromShape({ id: 'own', path: '6', type: 'VECTOR', bounds: { ...b, x: b.x + 20 }, fills: [ROSE], pathData: [ellipsePath(b.w, b.h)] }) },
  ])('but $edit, after deleting it, is drawing', ({ shape }) => {
    const s = v2(lineArt(4), lineArt(4, (els) => (els[at(els, 'disc')] = shape(els[at(els, 'disc')]!.bounds))))
    expect(s.added).toBe(1)
    expect(s.removed).toBe(1)
  })

  describe('several layers merged into one', () => {
    /** Four rose discs on paper: two overlapping at the top left, two apart. */
    const DISCS = [
      { x: 40, y: 40 },
      { x: 90, y: 60 },
      { x: 250, y: 80 },
      { x: 120, y: 260 },
    ]
    const dots = (edit?: (els: ElementSnapshot[]) => void): PatternSnapshot => {
      const els: ElementSnapshot[] = [elementFromShape({ id: 'root', path: '', type: 'FRAME', bounds: { x: 0, y: 0, w: 400, h: 400 }, fills: [PAPER] })]
      DISCS.forEach((d, i) => els.push(elementFromShape({ id: `dot${i}`, path: String(i), type: 'ELLIPSE', bounds: { ...d, w: 100, h: 100 }, fills: [ROSE] })))
      edit?.(els)
      return { rootId: 'root', rootBounds: { x: 0, y: 0, w: 400, h: 400 }, elements: els }
    }
    /** One VECTOR whose path data holds the discs `which` (nonzero: their union). */
    const merged = (which: number[], fills = [ROSE]) => {
      const x0 = Math.min(...which.map((k) => DISCS[k]!.x))
      const y0 = Math.min(...which.map((k) => DISCS[k]!.y))
      const x1 = Math.max(...which.map((k) => DISCS[k]!.x + 100))
      const y1 = Math.max(...which.map((k) => DISCS[k]!.y + 100))
      const circle = (k: number) => ellipsePath(100, 100).replace(/(-?[\d.]+) (-?[\d.]+)/g, (_, x: string, y: string) => `${Number(x) + DISCS[k]!.x - x0} ${Number(y) + DISCS[k]!.y - y0}`)
      return elementFromShape({ id: `merged-${which.join('')}`, path: String(Math.min(...which)), type: 'VECTOR', bounds: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, fills, pathData: which.map(circle) })
    }
    const replace = (which: number[], by: ElementSnapshot) => (els: ElementSnapshot[]) => {
      for (const k of which) els.splice(at(els, `dot${k}`), 1)
      els.push(by)
    }

    it.each([
      { edit: 'Union of the two overlapping discs', which: [0, 1] },
      { edit: 'Flatten of all four discs into one layer', which: [0, 1, 2, 3] },
    ])('$edit scores below 0.01', ({ which }) => {
      const s = v2(dots(), dots(replace(which, merged(which))))
      expect(s.hcc).toBeLessThan(0.01)
      expect(s.added).toBe(0)
      expect(s.removed).toBe(0)
    })

    it('a merge recoloured scores as recolouring its parts', () => {
      const recoloured = v2(dots(), dots((els) => [0, 1].forEach((k) => (els[at(els, `dot${k}`)]!.fills = [TEAL])))).hcc
      const mergedTeal = v2(dots(), dots(replace([0, 1], merged([0, 1], [TEAL])))).hcc
      expect(recoloured).toBeGreaterThan(0.1)
      expect(mergedTeal).toBeCloseTo(recoloured, 2)
    })

    it('three discs merged and the fourth deleted: a merge and a removal', () => {
      const s = v2(dots(), dots(replace([0, 1, 2, 3], merged([0, 1, 2]))))
      expect(s.added).toBe(0)
      expect(s.removed).toBe(1)
    })

    it('but one rose rectangle over both discs, after deleting them, is drawing', () => {
      const box = elementFromShape({ id: 'box', path: '0', type: 'RECTANGLE', bounds: { x: 40, y: 40, w: 150, h: 120 }, fills: [ROSE] })
      const s = v2(dots(), dots(replace([0, 1], box)))
      expect(s.added).toBe(1)
      expect(s.removed).toBe(2)
    })
  })

  describe('one layer split into several', () => {
    /** A ring between radii r0 < r1 centred in a 2·r1 box: outer arc clockwise, inner counter-clockwise (nonzero). */
    const ring = (r0: number, r1: number) => {
      const k = 0.5522847498
      const c = r1
      const arc = (r: number, dir: 1 | -1) =>
        dir === 1
          ? `M ${c - r} ${c} C ${c - r} ${c - k * r} ${c - k * r} ${c - r} ${c} ${c - r} C ${c + k * r} ${c - r} ${c + r} ${c - k * r} ${c + r} ${c} C ${c + r} ${c + k * r} ${c + k * r} ${c + r} ${c} ${c + r} C ${c - k * r} ${c + r} ${c - r} ${c + k * r} ${c - r} ${c} Z`
          : `M ${c - r} ${c} C ${c - r} ${c + k * r} ${c - k * r} ${c + r} ${c} ${c + r} C ${c + k * r} ${c + r} ${c + r} ${c + k * r} ${c + r} ${c} C ${c + r} ${c - k * r} ${c + k * r} ${c - r} ${c} ${c - r} C ${c - k * r} ${c - r} ${c - r} ${c - k * r} ${c - r} ${c} Z`
      return [arc(r1, 1), arc(r0, -1)].join(' ')
    }
    const outlined = (els: ElementSnapshot[], fill = ROSE, stroke = INK) => {
      const i = at(els, 'disc')
      const d = els[i]!
      const w = d.strokeWeight
      const { x, y, w: size } = d.bounds
      els.splice(
        i,
        1,
        elementFromShape({ id: 'group', path: d.path, type: 'GROUP', bounds: { x: x - w / 2, y: y - w / 2, w: size + w, h: size + w } }),
        elementFromShape({ id: 'fill', path: `${d.path}.0`, type: 'VECTOR', bounds: d.bounds, fills: [fill], pathData: [ellipsePath(size, size)] }),
        elementFromShape({ id: 'stroke', path: `${d.path}.1`, type: 'VECTOR', bounds: { x: x - w / 2, y: y - w / 2, w: size + w, h: size + w }, fills: [stroke], pathData: [ring(size / 2 - w / 2, size / 2 + w / 2)] }),
      )
    }
    const stroked = (edit?: (els: ElementSnapshot[]) => void) =>
      lineArt(4, (els) => {
        Object.assign(els[at(els, 'disc')]!, { strokes: [INK], strokeWeight: 6 })
        edit?.(els)
      })

    it('Outline stroke on a filled and stroked disc (a fill layer and a stroke layer in a group) scores below 0.01', () => {
      const s = v2(stroked(), stroked((els) => outlined(els)))
      expect(s.hcc).toBeLessThan(0.01)
      expect(s.added).toBe(0)
      expect(s.removed).toBe(0)
    })

    it('but its pieces in colours of their own are drawing', () => {
      const s = v2(stroked(), stroked((els) => outlined(els, TEAL, TEAL)))
      expect(s.added).toBe(2)
    })
  })

  it('on any pattern, flattening every rectangle and ellipse scores below 0.02', () => {
    fc.assert(
      fc.property(pattern, (p) => {
        const flat = clone(p)
        flat.elements = flat.elements.map((e) => (e.path !== '' && (e.type === 'RECTANGLE' || e.type === 'ELLIPSE') ? flattened(e) : e))
        expect(v2(p, flat).hcc).toBeLessThan(0.02)
      }),
    )
  })
})
