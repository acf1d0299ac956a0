/**
 * Geometry the fake derives the way Figma does for the layer kinds of kinds.ts: polygon and
 * star outlines, the stroke outline (`strokeGeometry`) of any shape, and the result of a boolean
 * operation. Areas are computed on flattened outlines with `polygon-clipping` (Martinez–Rueda), so
 * results are polygons where Figma keeps curves: the same region to well under a pixel.
 */
import * as clipping from 'polygon-clipping'
import type { MultiPolygon, Pair, Polygon } from 'polygon-clipping'

// Its ES build has one default export and its typings name the functions: take whichever is there.
const { difference, intersection, union, xor } = ((clipping as unknown as { default?: typeof clipping }).default ?? clipping) as typeof clipping
import { flattenPath } from './raster'
import type { Affine as M } from './util'

function fmt(n: number): string {
  return String(Math.round(n * 10000) / 10000)
}

/** Closed rings → path data (one subpath per ring, each ending in Z). */
export function ringsPath(rings: readonly (readonly Pair[])[]): string {
  const parts: string[] = []
  for (const ring of rings) {
    // polygon-clipping repeats the first point at the end; Z closes it anyway.
    const pts = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.slice(0, -1) : ring
    if (pts.length < 2) continue
    parts.push(`M ${fmt(pts[0]![0])} ${fmt(pts[0]![1])} ` + pts.slice(1).map((p) => `L ${fmt(p[0])} ${fmt(p[1])}`).join(' ') + ' Z')
  }
  return parts.join(' ')
}

/** Points fitted to the box: Figma draws a polygon or star to fill its width × height. */
function fitted(points: Pair[], w: number, h: number): Pair[] {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const [x, y] of points) {
    x0 = Math.min(x0, x)
    y0 = Math.min(y0, y)
    x1 = Math.max(x1, x)
    y1 = Math.max(y1, y)
  }
  return points.map(([x, y]) => [((x - x0) / (x1 - x0)) * w, ((y - y0) / (y1 - y0)) * h])
}

/** A regular polygon with its first point at the top (plugin-api.d.ts:10955 pointCount ≥ 3), fitted to the box. */
export function polygonPath(pointCount: number, w: number, h: number): string {
  const pts: Pair[] = []
  for (let k = 0; k < pointCount; k++) {
    const a = -Math.PI / 2 + (2 * Math.PI * k) / pointCount
    pts.push([Math.cos(a), Math.sin(a)])
  }
  return ringsPath([fitted(pts, w, h)])
}

/**
 * A star: `pointCount` outer points and inner points at `innerRadius` of the outer radius
 * (plugin-api.d.ts:10976-10982: 1 makes a regular polygon with 2 × pointCount edges), fitted to the box.
 */
export function starPath(pointCount: number, innerRadius: number, w: number, h: number): string {
  const pts: Pair[] = []
  for (let k = 0; k < 2 * pointCount; k++) {
    const a = -Math.PI / 2 + (Math.PI * k) / pointCount
    const r = k % 2 === 0 ? 1 : innerRadius
    pts.push([r * Math.cos(a), r * Math.sin(a)])
  }
  return ringsPath([fitted(pts, w, h)])
}

/** Does path data end its subpaths with Z? (Figma's open paths have windingRule NONE.) */
function subpaths(d: string): { points: Pair[]; closed: boolean }[] {
  const polys = flattenPath(d)
  const pieces = d.split(/(?=[Mm])/).filter((p) => p.trim() !== '')
  return polys.map((points, i) => ({ points: points as Pair[], closed: /[Zz]\s*$/.test(pieces[i] ?? '') }))
}

const strokeCache = new Map<string, string>()

/**
 * plugin-api.d.ts:8762-8766 strokeGeometry: "StrokeGeometry is always from the center regardless of
 * the nodes strokeAlign". The band `weight` wide centred on every subpath: a quad per segment,
 * an octagon at each join (round-ish joins; Figma's default join is MITER, the corners differ by
 * under weight²/4), butt ends on open subpaths (strokeCap NONE), united into one outline.
 */
export function strokeOutline(paths: readonly { data: string; open?: boolean }[], weight: number): string {
  if (!(weight > 0) || paths.length === 0) return ''
  const key = `${weight}|${paths.map((p) => (p.open ? 'o' : 'c') + p.data).join('|')}`
  const hit = strokeCache.get(key)
  if (hit !== undefined) return hit
  const half = weight / 2
  const pieces: Polygon[] = []
  for (const path of paths) {
    for (const sub of subpaths(path.data)) {
      const pts = dedupe(sub.points)
      const closed = sub.closed && !path.open
      const n = pts.length
      if (n < 2) continue
      const segments = closed ? n : n - 1
      for (let i = 0; i < segments; i++) {
        const [x0, y0] = pts[i]!
        const [x1, y1] = pts[(i + 1) % n]!
        const len = Math.hypot(x1 - x0, y1 - y0)
        if (!(len > 0)) continue
        const nx = (-(y1 - y0) / len) * half
        const ny = ((x1 - x0) / len) * half
        pieces.push([[[x0 + nx, y0 + ny], [x1 + nx, y1 + ny], [x1 - nx, y1 - ny], [x0 - nx, y0 - ny], [x0 + nx, y0 + ny]]])
      }
      for (let i = 0; i < n; i++) {
        if (!closed && (i === 0 || i === n - 1)) continue
        const [x, y] = pts[i]!
        const ring: Pair[] = []
        // Wound like the quads above (clockwise on screen), so their pieces also unite under nonzero.
        for (let k = 8; k >= 0; k--) {
          const a = (Math.PI * 2 * (k % 8)) / 8
          ring.push([x + half * Math.cos(a), y + half * Math.sin(a)])
        }
        pieces.push([ring])
      }
    }
  }
  let out = ''
  if (pieces.length > 0) {
    try {
      out = ringsPath(union(pieces[0]!, ...pieces.slice(1)).flat())
    } catch {
      // polygon-clipping gives up on some collinear overlaps ("Unable to complete output
      // ring"): the pieces themselves, all wound one way, paint the same region under nonzero.
      out = ringsPath(pieces.flat())
    }
  }
  if (strokeCache.size > 4000) strokeCache.clear()
  strokeCache.set(key, out)
  return out
}

function dedupe(points: Pair[]): Pair[] {
  const out: Pair[] = []
  for (const p of points) {
    const q = out[out.length - 1]
    if (!q || Math.abs(q[0] - p[0]) > 1e-9 || Math.abs(q[1] - p[1]) > 1e-9) out.push(p)
  }
  if (out.length > 2 && Math.abs(out[0]![0] - out[out.length - 1]![0]) < 1e-9 && Math.abs(out[0]![1] - out[out.length - 1]![1]) < 1e-9) out.pop()
  return out
}

function signedArea(ring: readonly Pair[]): number {
  let a = 0
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!
    const [x1, y1] = ring[(i + 1) % ring.length]!
    a += x0 * y1 - x1 * y0
  }
  return a / 2
}

/**
 * The region one fill path paints, as polygons: even-odd is the xor of its rings; nonzero is
 * read as the union of the rings wound one way minus those wound the other (exact for outlines
 * whose holes run against them, as Figma's and SVG tools' do). NONE paints nothing (:5490).
 */
export function fillRegion(paths: readonly { windingRule: string; data: string }[], m: M): MultiPolygon {
  let region: MultiPolygon = []
  for (const p of paths) {
    if (p.windingRule === 'NONE') continue
    const rings = flattenPath(p.data)
      .map((ring) => dedupe(ring.map(([x, y]) => [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]] as Pair)))
      .filter((r) => r.length >= 3)
      .map((r) => [...r, r[0]!])
    if (rings.length === 0) continue
    let own: MultiPolygon
    if (p.windingRule === 'EVENODD') own = xor([rings[0]!], ...rings.slice(1).map((r) => [r]))
    else {
      const sign = Math.sign(signedArea(rings[0]!)) || 1
      const plus = rings.filter((r) => Math.sign(signedArea(r)) === sign).map((r): Polygon => [r])
      const minus = rings.filter((r) => Math.sign(signedArea(r)) !== sign).map((r): Polygon => [r])
      own = plus.length === 0 ? [] : union(plus[0]!, ...plus.slice(1))
      if (minus.length > 0 && own.length > 0) own = difference(own, ...minus)
    }
    region = region.length === 0 ? own : own.length === 0 ? region : union(region, own)
  }
  return region
}

/** plugin-api.d.ts:11361 booleanOperation over the operands' regions, first operand first (SUBTRACT takes the rest from it). */
export function booleanRegion(op: 'UNION' | 'INTERSECT' | 'SUBTRACT' | 'EXCLUDE', operands: MultiPolygon[]): MultiPolygon {
  const list = operands.filter((o) => o.length > 0)
  if (op === 'SUBTRACT') {
    if (operands.length === 0 || operands[0]!.length === 0) return []
    return list.length > 1 ? difference(operands[0]!, ...operands.slice(1).filter((o) => o.length > 0)) : operands[0]!
  }
  if (op === 'INTERSECT' && list.length < operands.length) return []
  if (list.length === 0) return []
  const [first, ...rest] = list
  if (op === 'UNION') return union(first!, ...rest)
  if (op === 'INTERSECT') return intersection(first!, ...rest)
  return xor(first!, ...rest)
}
