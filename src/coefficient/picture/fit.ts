/**
 * Placement fitting: is the new picture the old one cropped, scaled, shifted by part of
 * its repeat, turned by quarter turns or mirrored? Those choose how the AI's picture
 * shows — arrangement, not drawing — so the new picture is compared with the old one
 * placed the same way, and only what no placement explains counts as changed.
 *
 * The fit maps the new picture's normalized coordinates to the old one's: a quarter turn
 * or mirror (the eight symmetries of the square), a scale that keeps pixels square (so
 * one number: how much of the old picture's width the new one shows), and an offset,
 * wrapped (an AI tile is a seamless repeat; a crop lies inside the picture anyway). It
 * is found on luminance: a coarse search of 12 × 12 points of the new picture over the
 * old one averaged to 32 × 32 cells (every placement ranked on 36 of the points first, the
 * best 48 on all of them), then the best two refined on 24 × 24 points.
 */
import { lookup } from './look'
import type { DecodedSample } from './sample'

export interface Fit {
  /** One of the eight symmetries of the square (0: none; 1, 2: mirrored; 3: half turn; 4-7: quarter turns and diagonal mirrors). */
  turn: number
  sx: number
  sy: number
  tx: number
  ty: number
}

export const NO_FIT: Fit = Object.freeze({ turn: 0, sx: 1, sy: 1, tx: 0, ty: 0 })

/** The new picture's normalized point (x, y) in the old picture's normalized space (to be wrapped). */
export function applyFit(f: Fit, x: number, y: number, out: Float64Array): void {
  let X: number
  let Y: number
  switch (f.turn) {
    case 1: X = 1 - x; Y = y; break
    case 2: X = x; Y = 1 - y; break
    case 3: X = 1 - x; Y = 1 - y; break
    case 4: X = y; Y = x; break
    case 5: X = 1 - y; Y = x; break
    case 6: X = y; Y = 1 - x; break
    case 7: X = 1 - y; Y = 1 - x; break
    default: X = x; Y = y
  }
  out[0] = f.sx * X + f.tx
  out[1] = f.sy * Y + f.ty
}

/** How much of the old picture's width the new one shows: whole, cropped, or tiled more often. */
const SHOWS = [1, 0.9, 0.8, 0.75, 2 / 3, 0.6, 0.5, 0.4, 1 / 3, 0.25, 1.25, 1.5, 2, 3]
const COARSE = 12
/** The old picture's coarse grid, and the offsets tried on it (every OFFSET_STEP cells). */
const COARSE_A = 32
const OFFSET_STEP = 2
const FINE = 24
const KEEP = 2
/** The coarse points are visited k·SCATTER mod COARSE² (coprime with 144). */
const SCATTER = 41
/** Stage 1 ranks every placement on this many of the coarse points, and keeps SHORTLIST of them for all the points. */
const PRE = 36
const SHORTLIST = 48
/** Refinement rounds per step size (each tries six moves). */
const ROUNDS = 3

function lumaOf(s: DecodedSample): Float32Array {
  const n = s.width * s.height
  const out = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    const a = s.a[i]!
    // On white, as the picture shows.
    out[i] = (0.2126 * s.r[i]! + 0.7152 * s.g[i]! + 0.0722 * s.b[i]!) * a + 1 - a
  }
  return out
}

/** The luma of `s` at n × n cell centres (bilinear, edges extended). */
function pointsOf(s: DecodedSample, n: number): Float64Array {
  const out = new Float64Array(n * n)
  const px = new Float64Array(4)
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      lookup(s, (x + 0.5) / n, (y + 0.5) / n, false, px)
      const a = px[3]!
      out[y * n + x] = (0.2126 * px[0]! + 0.7152 * px[1]! + 0.0722 * px[2]!) * a + 1 - a
    }
  }
  return out
}

/** A sample's luma box-averaged onto a COARSE_A × COARSE_A grid (a power of two: offsets wrap by masking). */
function coarseLuma(s: DecodedSample, luma: Float32Array): Float32Array {
  const out = new Float32Array(COARSE_A * COARSE_A)
  const n = new Float32Array(COARSE_A * COARSE_A)
  for (let y = 0; y < s.height; y++) {
    const cy = Math.floor((y * COARSE_A) / s.height)
    for (let x = 0; x < s.width; x++) {
      const c = cy * COARSE_A + Math.floor((x * COARSE_A) / s.width)
      out[c] += luma[y * s.width + x]!
      n[c]++
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = n[i]! > 0 ? out[i]! / n[i]! : 1
  return out
}

/** The same with bilinear lookups, on the finer points. */
function fineError(a: DecodedSample, pts: Float64Array, n: number, f: Fit, tmp: Float64Array, px: Float64Array): number {
  let sum = 0
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      applyFit(f, (x + 0.5) / n, (y + 0.5) / n, tmp)
      lookup(a, tmp[0]!, tmp[1]!, true, px)
      const al = px[3]!
      const d = pts[y * n + x]! - ((0.2126 * px[0]! + 0.7152 * px[1]! + 0.0722 * px[2]!) * al + 1 - al)
      sum += d < 0 ? -d : d
    }
  }
  return sum / (n * n)
}

/** The placement of `a` that best explains `b` (NO_FIT included among the candidates). */
export function fitPlacement(a: DecodedSample, b: DecodedSample): Fit {
  const luma = lumaOf(a)
  const coarse = pointsOf(b, COARSE)
  const tmp = new Float64Array(2)
  const small = coarseLuma(a, luma)
  const mask = COARSE_A - 1
  const nPts = COARSE * COARSE
  // The coarse grid repeated 2 × 2, so an offset point is one index (no wrapping per point).
  const W2 = 2 * COARSE_A
  const small2 = new Float32Array(W2 * W2)
  for (let y = 0; y < W2; y++) for (let x = 0; x < W2; x++) small2[y * W2 + x] = small[(y & mask) * COARSE_A + (x & mask)]!
  // The points in a scattered order (a stride coprime with nPts): the first PRE of them
  // spread over the whole picture and speak for it.
  const cv = new Float64Array(nPts)
  const at = new Int32Array(nPts)
  for (let k = 0; k < nPts; k++) {
    at[k] = (k * SCATTER) % nPts
    cv[k] = coarse[at[k]!]!
  }
  // Each (turn, width shown): the points' cells in the old picture at offset 0.
  const fits: Fit[] = []
  for (let turn = 0; turn < 8; turn++) {
    const bw = turn < 4 ? b.sourceWidth : b.sourceHeight
    const bh = turn < 4 ? b.sourceHeight : b.sourceWidth
    // Square pixels: the height shown follows from the width shown.
    const aspect = (bh / bw) * (a.sourceWidth / a.sourceHeight)
    for (const sx of [...SHOWS, 1 / aspect]) fits.push({ turn, sx, sy: sx * aspect, tx: 0, ty: 0 })
  }
  const cells = new Int32Array(fits.length * nPts)
  fits.forEach((f0, i) => {
    for (let k = 0; k < nPts; k++) {
      const p = at[k]!
      applyFit(f0, ((p % COARSE) + 0.5) / COARSE, (Math.floor(p / COARSE) + 0.5) / COARSE, tmp)
      cells[i * nPts + k] = (Math.floor(tmp[1]! * COARSE_A) & mask) * W2 + (Math.floor(tmp[0]! * COARSE_A) & mask)
    }
  })
  // Stage 1: every placement on the first PRE points; the SHORTLIST best stay (sorted, in
  // typed arrays: no allocation per placement), and a sum reaching the worst of a full
  // shortlist stops early (sums only grow).
  const listE = new Float64Array(SHORTLIST).fill(Infinity)
  const listFit = new Int32Array(SHORTLIST)
  const listOff = new Int32Array(SHORTLIST)
  const offsets = COARSE_A / OFFSET_STEP
  for (let i = 0; i < fits.length; i++) {
    const base = i * nPts
    for (let oy = 0; oy < COARSE_A; oy += OFFSET_STEP) {
      for (let ox = 0; ox < COARSE_A; ox += OFFSET_STEP) {
        const bound = listE[SHORTLIST - 1]!
        const off = oy * W2 + ox
        let sum = 0
        for (let k = 0; k < PRE && sum < bound; k++) {
          const d = cv[k]! - small2[cells[base + k]! + off]!
          sum += d < 0 ? -d : d
        }
        if (!(sum < bound)) continue
        let j = SHORTLIST - 1
        for (; j > 0 && listE[j - 1]! > sum; j--) {
          listE[j] = listE[j - 1]!
          listFit[j] = listFit[j - 1]!
          listOff[j] = listOff[j - 1]!
        }
        listE[j] = sum
        listFit[j] = i
        listOff[j] = (oy / OFFSET_STEP) * offsets + ox / OFFSET_STEP
      }
    }
  }
  // Stage 2: the shortlist on all the points; the KEEP best are refined.
  const best: { f: Fit; e: number }[] = []
  for (let j = 0; j < SHORTLIST && listE[j]! < Infinity; j++) {
    const i = listFit[j]!
    const ox = (listOff[j]! % offsets) * OFFSET_STEP
    const oy = Math.floor(listOff[j]! / offsets) * OFFSET_STEP
    const off = oy * W2 + ox
    let sum = 0
    for (let k = 0; k < nPts; k++) {
      const d = cv[k]! - small2[cells[i * nPts + k]! + off]!
      sum += d < 0 ? -d : d
    }
    best.push({ f: { ...fits[i]!, tx: ox / COARSE_A, ty: oy / COARSE_A }, e: sum / nPts })
  }
  best.sort((p, q) => p.e - q.e)
  best.length = Math.min(best.length, KEEP)
  // Refine the best few: offsets and scale by halving steps.
  const fine = pointsOf(b, FINE)
  const px = new Float64Array(4)
  let winner = { f: NO_FIT, e: fineError(a, fine, FINE, NO_FIT, tmp, px) }
  for (const start of best) {
    let f = start.f
    let e = fineError(a, fine, FINE, f, tmp, px)
    for (let step = 1 / 32, scale = 0.04; step >= 1 / 256; step /= 2, scale /= 2) {
      let improved = true
      for (let round = 0; improved && round < ROUNDS; round++) {
        improved = false
        const tries: Fit[] = [
          { ...f, tx: f.tx + step }, { ...f, tx: f.tx - step }, { ...f, ty: f.ty + step }, { ...f, ty: f.ty - step },
          { ...f, sx: f.sx * (1 + scale), sy: f.sy * (1 + scale) }, { ...f, sx: f.sx * (1 - scale), sy: f.sy * (1 - scale) },
        ]
        for (const t of tries) {
          const te = fineError(a, fine, FINE, t, tmp, px)
          if (te < e - 1e-9) {
            f = t
            e = te
            improved = true
          }
        }
      }
    }
    if (e < winner.e) winner = { f, e }
  }
  return winner.f
}
