/**
 * SVG path data (every command of SVG 1.1, relative and absolute, arcs included) turned into the
 * subset Figma stores (plugin-api.d.ts:5496-5508: absolute M, L, Q, C, Z), mapped through an
 * affine transform. Arcs become cubics (the usual endpoint → centre conversion of SVG 1.1 F.6.5).
 */
import type { Affine as M } from './util'

export interface Subpath {
  /** Absolute commands after the transform: ['M', x, y], ['L', x, y], ['C', …6], ['Q', …4]. */
  segments: (string | number)[][]
  closed: boolean
}

const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y
const ARGS: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 }

function apply(m: M, x: number, y: number): [number, number] {
  return [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]]
}

/** Parses `d`; stops at the first error, keeping what came before (as SVG renderers do). */
export function parsePathData(d: string, m: M): Subpath[] {
  const out: Subpath[] = []
  let cur: Subpath | null = null
  let i = 0
  let cmd = ''
  let x = 0
  let y = 0
  let sx = 0
  let sy = 0
  let lastCtrl: [number, number] | null = null
  let lastQuad: [number, number] | null = null
  const skip = () => {
    while (i < d.length && /[\s,]/.test(d[i]!)) i++
  }
  const num = (): number | null => {
    skip()
    NUMBER.lastIndex = i
    const hit = NUMBER.exec(d)
    if (!hit) return null
    i = NUMBER.lastIndex
    return Number(hit[0])
  }
  const flag = (): number | null => {
    skip()
    const c = d[i]
    if (c === '0' || c === '1') {
      i++
      return Number(c)
    }
    return null
  }
  const seg = (...s: (string | number)[]) => {
    if (!cur) {
      cur = { segments: [['M', ...apply(m, x, y)]], closed: false }
      out.push(cur)
    }
    cur.segments.push(s)
  }
  const pt = (px: number, py: number) => apply(m, px, py)
  for (;;) {
    skip()
    if (i >= d.length) break
    const c = d[i]!
    if (/[A-Za-z]/.test(c)) {
      cmd = c
      i++
      if (cmd === 'Z' || cmd === 'z') {
        if (cur) {
          ;(cur as Subpath).closed = true
          cur = null
        }
        x = sx
        y = sy
        lastCtrl = lastQuad = null
        continue
      }
      if (!(cmd.toUpperCase() in ARGS)) break
    } else if (cmd === '' || cmd === 'Z' || cmd === 'z') break
    const up = cmd.toUpperCase()
    const rel = cmd !== up
    const args: number[] = []
    for (let k = 0; k < ARGS[up]!; k++) {
      const v = up === 'A' && (k === 3 || k === 4) ? flag() : num()
      if (v === null) return out
      args.push(v)
    }
    const ox = rel ? x : 0
    const oy = rel ? y : 0
    let nextCtrl: [number, number] | null = null
    let nextQuad: [number, number] | null = null
    switch (up) {
      case 'M':
        x = args[0]! + ox
        y = args[1]! + oy
        sx = x
        sy = y
        cur = { segments: [['M', ...pt(x, y)]], closed: false }
        out.push(cur)
        cmd = rel ? 'l' : 'L' // further pairs are line-tos
        break
      case 'L':
        x = args[0]! + ox
        y = args[1]! + oy
        seg('L', ...pt(x, y))
        break
      case 'H':
        x = args[0]! + ox
        seg('L', ...pt(x, y))
        break
      case 'V':
        y = args[0]! + oy
        seg('L', ...pt(x, y))
        break
      case 'C':
      case 'S': {
        let c1: [number, number]
        let k = 0
        if (up === 'C') {
          c1 = [args[0]! + ox, args[1]! + oy]
          k = 2
        } else c1 = lastCtrl ? [2 * x - lastCtrl[0], 2 * y - lastCtrl[1]] : [x, y]
        const c2: [number, number] = [args[k]! + ox, args[k + 1]! + oy]
        x = args[k + 2]! + ox
        y = args[k + 3]! + oy
        seg('C', ...pt(...c1), ...pt(...c2), ...pt(x, y))
        nextCtrl = c2
        break
      }
      case 'Q':
      case 'T': {
        const q: [number, number] = up === 'Q' ? [args[0]! + ox, args[1]! + oy] : lastQuad ? [2 * x - lastQuad[0], 2 * y - lastQuad[1]] : [x, y]
        const k = up === 'Q' ? 2 : 0
        x = args[k]! + ox
        y = args[k + 1]! + oy
        seg('Q', ...pt(...q), ...pt(x, y))
        nextQuad = q
        break
      }
      case 'A': {
        const ex = args[5]! + ox
        const ey = args[6]! + oy
        for (const c of arcToCubics(x, y, args[0]!, args[1]!, args[2]!, args[3]!, args[4]!, ex, ey)) {
          seg('C', ...pt(c[0], c[1]), ...pt(c[2], c[3]), ...pt(c[4], c[5]))
        }
        x = ex
        y = ey
        break
      }
    }
    lastCtrl = nextCtrl
    lastQuad = nextQuad
  }
  return out
}

/** SVG 1.1 F.6.5: an elliptical arc as cubic Béziers (each ≤ 90°). A zero radius is a line. */
function arcToCubics(x1: number, y1: number, rx: number, ry: number, angle: number, large: number, sweep: number, x2: number, y2: number): number[][] {
  if (x1 === x2 && y1 === y2) return []
  rx = Math.abs(rx)
  ry = Math.abs(ry)
  if (rx === 0 || ry === 0) return [[x1, y1, x2, y2, x2, y2]]
  const phi = (angle * Math.PI) / 180
  const cos = Math.cos(phi)
  const sin = Math.sin(phi)
  const dx = (x1 - x2) / 2
  const dy = (y1 - y2) / 2
  const x1p = cos * dx + sin * dy
  const y1p = -sin * dx + cos * dy
  const lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry)
  if (lambda > 1) {
    rx *= Math.sqrt(lambda)
    ry *= Math.sqrt(lambda)
  }
  const num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p
  const den = rx * rx * y1p * y1p + ry * ry * x1p * x1p
  let co = Math.sqrt(Math.max(0, num / den))
  if (large === sweep) co = -co
  const cxp = (co * rx * y1p) / ry
  const cyp = (-co * ry * x1p) / rx
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2
  const ang = (ux: number, uy: number, vx: number, vy: number) => {
    const a = Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)
    return a
  }
  const t1 = ang(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry)
  let dt = ang((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry)
  if (!sweep && dt > 0) dt -= 2 * Math.PI
  if (sweep && dt < 0) dt += 2 * Math.PI
  const n = Math.max(1, Math.ceil(Math.abs(dt) / (Math.PI / 2) - 1e-9))
  const step = dt / n
  const k = (4 / 3) * Math.tan(step / 4)
  const out: number[][] = []
  const at = (t: number): [number, number, number, number] => {
    const ex = Math.cos(t)
    const ey = Math.sin(t)
    // point and derivative on the ellipse, rotated by phi and moved to the centre
    const px = cx + rx * ex * cos - ry * ey * sin
    const py = cy + rx * ex * sin + ry * ey * cos
    const tx = -rx * ey * cos - ry * ex * sin
    const ty = -rx * ey * sin + ry * ex * cos
    return [px, py, tx, ty]
  }
  let t = t1
  for (let s = 0; s < n; s++) {
    const [ax, ay, adx, ady] = at(t)
    const [bx, by, bdx, bdy] = at(t + step)
    out.push([ax + k * adx, ay + k * ady, bx - k * bdx, by - k * bdy, bx, by])
    t += step
  }
  // The last point exactly at the end (no drift).
  out[out.length - 1]![4] = x2
  out[out.length - 1]![5] = y2
  return out
}

function fmt(n: number): string {
  return String(Math.round(n * 1000) / 1000)
}

/** Subpaths as Figma's path data, shifted by (-dx, -dy); `close` ends every subpath in Z. */
export function formatSubpaths(subs: readonly Subpath[], dx: number, dy: number, close: boolean): string {
  const parts: string[] = []
  for (const sp of subs) {
    for (const s of sp.segments) {
      const [c, ...v] = s
      parts.push(String(c) + ' ' + (v as number[]).map((n, k) => fmt(n - (k % 2 === 0 ? dx : dy))).join(' '))
    }
    if (sp.closed || close) parts.push('Z')
  }
  return parts.join(' ')
}

/** The box of the subpaths' points (control points included: a safe box). */
export function subpathBox(subs: readonly Subpath[]): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const sp of subs) {
    for (const s of sp.segments) {
      for (let k = 1; k < s.length; k += 2) {
        const x = s[k] as number
        const y = s[k + 1] as number
        if (x < x0) x0 = x
        if (x > x1) x1 = x
        if (y < y0) y0 = y
        if (y > y1) y1 = y
      }
    }
  }
  return x0 <= x1 ? { x0, y0, x1, y1 } : null
}
