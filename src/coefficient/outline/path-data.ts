/**
 * SVG path data (M L H V C S Q T A Z, absolute and relative), scanned by char codes:
 * no regex, no substrings. Runs in the UI iframe for every element of a pattern
 * (readings carry raw path data; main never parses it).
 */

/** What draws a path: the outline signature's pen (flat-outline.ts) or the rasterizer's (raster-path.ts). */
export interface PathPen {
  readonly x: number
  readonly y: number
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  quadTo(cx: number, cy: number, x: number, y: number): void
  cubicTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void
  close(): void
  /** Ends the subpath in progress (if any). */
  finish(closed: boolean): void
}

// ---- SVG path data scanner ---------------------------------------------------------

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

/** Scans numbers and command letters from one path string without allocating. */
class Scanner {
  s = ''
  i = 0
  ok = true

  reset(s: string): void {
    this.s = s
    this.i = 0
    this.ok = true
  }

  /** Skips separators; returns the next char code (or -1 at the end). */
  peek(): number {
    const s = this.s
    let i = this.i
    while (i < s.length) {
      const c = s.charCodeAt(i)
      if (c === 32 || c === 44 || c === 10 || c === 13 || c === 9 || c === 12) i++
      else break
    }
    this.i = i
    return i < s.length ? s.charCodeAt(i) : -1
  }

  /** True when the next token is a number (so an implicit command repeat follows). */
  atNumber(): boolean {
    const c = this.peek()
    return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46
  }

  /**
   * Reads a number. Mantissas under 2^53 with small exponents are exact in doubles,
   * so m·10^e (or m/10^e) is correctly rounded, the same as parseFloat; anything
   * else falls back to Number() on the slice.
   */
  num(): number {
    if (!this.atNumber()) {
      this.ok = false
      return 0
    }
    const s = this.s
    const start = this.i
    let i = start
    let neg = false
    let c = s.charCodeAt(i)
    if (c === 45 || c === 43) {
      neg = c === 45
      c = s.charCodeAt(++i)
    }
    let mant = 0
    let digits = 0
    let exp = 0
    while (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48)
      digits++
      c = s.charCodeAt(++i)
    }
    if (c === 46) {
      c = s.charCodeAt(++i)
      while (c >= 48 && c <= 57) {
        mant = mant * 10 + (c - 48)
        digits++
        exp--
        c = s.charCodeAt(++i)
      }
    }
    if (digits === 0) {
      this.ok = false
      this.i = i
      return 0
    }
    if (c === 101 || c === 69) {
      // exponent: only if digits follow, otherwise "e" is not ours
      let j = i + 1
      let ec = s.charCodeAt(j)
      let eneg = false
      if (ec === 45 || ec === 43) {
        eneg = ec === 45
        ec = s.charCodeAt(++j)
      }
      if (ec >= 48 && ec <= 57) {
        let e = 0
        while (ec >= 48 && ec <= 57) {
          e = e * 10 + (ec - 48)
          ec = s.charCodeAt(++j)
        }
        exp += eneg ? -e : e
        i = j
      }
    }
    this.i = i
    if (mant <= 9007199254740991 && exp >= -22 && exp <= 22) {
      const v = exp < 0 ? mant / POW10[-exp]! : mant * POW10[exp]!
      return neg ? -v : v
    }
    return Number(s.slice(start, i)) // rare: very long or very large numbers
  }

  /** Reads an arc flag ("0" or "1"), which may be written without a separator. */
  flag(): number {
    const c = this.peek()
    if (c === 48 || c === 49) {
      this.i++
      return c - 48
    }
    this.ok = false
    return 0
  }
}

/** Draws one SVG path string (M L H V C S Q T A Z, absolute and relative) with the pen. */
export function drawPath(d: string, pen: PathPen): void {
  const scan = new Scanner()
  scan.reset(d)
  let cmd = 0
  // Reflected control point for S/T; reset by any other command.
  let lastCtrlX = 0
  let lastCtrlY = 0
  let lastKind = 0 // 1 = cubic, 2 = quadratic
  for (;;) {
    const c = scan.peek()
    if (c === -1) break
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      cmd = c
      scan.i++
      if (cmd === 90 || cmd === 122) {
        pen.close()
        lastKind = 0
        continue
      }
    } else if (cmd === 0 || !scan.atNumber()) {
      break // garbage: keep what we have
    }
    const rel = cmd >= 97
    const ox = rel ? pen.x : 0
    const oy = rel ? pen.y : 0
    let kind = 0
    switch (cmd | 32) {
      case 109: { // m
        const x = scan.num() + ox
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.moveTo(x, y)
        cmd = rel ? 108 : 76 // further pairs are line-tos
        break
      }
      case 108: { // l
        const x = scan.num() + ox
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.lineTo(x, y)
        break
      }
      case 104: { // h
        const x = scan.num() + ox
        if (!scan.ok) return
        pen.lineTo(x, pen.y)
        break
      }
      case 118: { // v
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.lineTo(pen.x, y)
        break
      }
      case 99: { // c
        const c1x = scan.num() + ox
        const c1y = scan.num() + oy
        const c2x = scan.num() + ox
        const c2y = scan.num() + oy
        const x = scan.num() + ox
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.cubicTo(c1x, c1y, c2x, c2y, x, y)
        lastCtrlX = c2x
        lastCtrlY = c2y
        kind = 1
        break
      }
      case 115: { // s
        const c1x = lastKind === 1 ? 2 * pen.x - lastCtrlX : pen.x
        const c1y = lastKind === 1 ? 2 * pen.y - lastCtrlY : pen.y
        const c2x = scan.num() + ox
        const c2y = scan.num() + oy
        const x = scan.num() + ox
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.cubicTo(c1x, c1y, c2x, c2y, x, y)
        lastCtrlX = c2x
        lastCtrlY = c2y
        kind = 1
        break
      }
      case 113: { // q
        const cx = scan.num() + ox
        const cy = scan.num() + oy
        const x = scan.num() + ox
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.quadTo(cx, cy, x, y)
        lastCtrlX = cx
        lastCtrlY = cy
        kind = 2
        break
      }
      case 116: { // t
        const cx = lastKind === 2 ? 2 * pen.x - lastCtrlX : pen.x
        const cy = lastKind === 2 ? 2 * pen.y - lastCtrlY : pen.y
        const x = scan.num() + ox
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.quadTo(cx, cy, x, y)
        lastCtrlX = cx
        lastCtrlY = cy
        kind = 2
        break
      }
      case 97: { // a — Figma never emits arcs; approximated by the chord.
        scan.num()
        scan.num()
        scan.num()
        scan.flag()
        scan.flag()
        const x = scan.num() + ox
        const y = scan.num() + oy
        if (!scan.ok) return
        pen.lineTo(x, y)
        break
      }
      default:
        return // unknown command: keep what we have
    }
    lastKind = kind
  }
  pen.finish(false)
}
