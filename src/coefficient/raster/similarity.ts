/**
 * The whole pattern's own similarity transform. Scaling, moving, rotating or flipping
 * the whole pattern (its root, or all of its content together) is not authorship, so
 * method 2 finds the similarity that carries the baseline's elements onto the current
 * ones and compares in the baseline's frame.
 *
 * In complex numbers: z′ = a·z + t (or a·z̄ + t when flipped). Least squares gives a
 * and t in closed form (no trigonometry, so every engine gives the same bits). The fit
 * is only used when it explains at least half the elements and more of them than
 * standing still does: if most elements did not move, nothing was done to the pattern
 * as a whole.
 */
import type { Affine } from './raster'

export interface Similarity {
  /** a = ar + i·ai: scale × rotation. */
  ar: number
  ai: number
  tx: number
  ty: number
  flip: boolean
}

/** Fraction of elements that must follow one transform for it to be the pattern's own. */
const MAJORITY = 0.5
/** Share of elements that stayed put above which no whole-pattern transform is looked for. */
const STILL_ENOUGH = 0.9
/**
 * How far an element may sit from where the fit puts it: a whole-pattern transform in
 * Figma moves every layer exactly (up to the codec's 1/100 px rounding), so the
 * tolerance is tight — a loose one lets a coincidental fit of a few layers pass.
 */
const TOLERANCE_PX = 0.1
const TOLERANCE_REL = 1e-5

function fit(xa: Float64Array, ya: Float64Array, xb: Float64Array, yb: Float64Array, use: Uint8Array, flip: boolean): Similarity | null {
  let n = 0
  let mxa = 0
  let mya = 0
  let mxb = 0
  let myb = 0
  for (let i = 0; i < use.length; i++) {
    if (!use[i]) continue
    n++
    mxa += xa[i]!
    mya += flip ? -ya[i]! : ya[i]!
    mxb += xb[i]!
    myb += yb[i]!
  }
  if (n < 2) return null
  mxa /= n
  mya /= n
  mxb /= n
  myb /= n
  let num_r = 0
  let num_i = 0
  let den = 0
  for (let i = 0; i < use.length; i++) {
    if (!use[i]) continue
    const px = xa[i]! - mxa
    const py = (flip ? -ya[i]! : ya[i]!) - mya
    const qx = xb[i]! - mxb
    const qy = yb[i]! - myb
    // q · conj(p)
    num_r += qx * px + qy * py
    num_i += qy * px - qx * py
    den += px * px + py * py
  }
  if (!(den > 0)) return null
  const ar = num_r / den
  const ai = num_i / den
  if (!(ar * ar + ai * ai > 1e-12)) return null
  return { ar, ai, tx: mxb - (ar * mxa - ai * mya), ty: myb - (ai * mxa + ar * mya), flip }
}

/** The similarity as an affine map (baseline frame → current frame). */
function forward(s: Similarity): Affine {
  // [x', y'] = M·[x, ±y] + t with M = [[ar, −ai], [ai, ar]].
  return s.flip ? { a: s.ar, b: s.ai, c: s.ai, d: -s.ar, e: s.tx, f: s.ty } : { a: s.ar, b: s.ai, c: -s.ai, d: s.ar, e: s.tx, f: s.ty }
}

/** Centres, baseline (xa, ya) and current (xb, yb), pair by pair. */
interface Centres {
  xa: Float64Array
  ya: Float64Array
  xb: Float64Array
  yb: Float64Array
}

/**
 * Each seed's fit refitted twice on the centres it explains; the fit explaining most,
 * and how many it explains (`mask` is left marking them).
 */
function consensus<T>(seeds: readonly Uint8Array[], fitOn: (use: Uint8Array) => T | null, asAffine: (m: T) => Affine, c: Centres, tol: number, mask: Uint8Array): { best: T | null; count: number } {
  let best: T | null = null
  let count = 0
  for (const seed of seeds) {
    let m = fitOn(seed)
    if (!m) continue
    for (let round = 0; round < 2; round++) {
      if (affineInliers(asAffine(m), c, tol, mask) < 2) break
      const refit = fitOn(mask)
      if (!refit) break
      m = refit
    }
    const k = affineInliers(asAffine(m), c, tol, mask)
    if (k > count) {
      best = m
      count = k
    }
  }
  if (best) affineInliers(asAffine(best), c, tol, mask)
  return { best, count }
}

/**
 * Is a fit that explains `count` centres (marked in `mask`) the pattern's own? It must
 * explain at least half of them, more than standing still does, at least `places`
 * distinct places (any `places` − 1 can be carried onto anything by such a map), and
 * at least `places` − 1 of them among the centres that moved (`stayed` marks the rest).
 * The last is what a transform of the whole looks like — it moves everything but what
 * sits at its fixed point — and it keeps one moved layer among a few that stayed from
 * being read as a shear that happens to fix them (one moved place and three that stayed
 * fit an affine map to within a tenth of a pixel more often than one would think).
 */
function accepted(count: number, still: number, places: number, c: Centres, mask: Uint8Array, stayed: Uint8Array): boolean {
  if (count < MAJORITY * mask.length || count <= still) return false
  const seen = new Set<string>()
  const moved = new Set<string>()
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue
    const place = `${c.xa[i]},${c.ya[i]}`
    seen.add(place)
    if (!stayed[i]) moved.add(place)
  }
  return seen.size >= places && moved.size >= places - 1
}

/**
 * The similarity carrying baseline centres (xa, ya) onto current centres (xb, yb),
 * or null when the pattern as a whole was not transformed.
 */
export function fitSimilarity(xa: Float64Array, ya: Float64Array, xb: Float64Array, yb: Float64Array, diagonal: number): Similarity | null {
  const n = xa.length
  if (n < 2) return null
  const c: Centres = { xa, ya, xb, yb }
  const tol = TOLERANCE_PX + TOLERANCE_REL * diagonal
  const mask = new Uint8Array(n)
  // Standing still explains these; a transform must explain more (elements near its
  // fixed point barely move, so they follow both).
  const stayed = new Uint8Array(n)
  const still = affineInliers(null, c, tol, stayed)
  // Scaling or turning leaves only what sits at its fixed point in place: when nearly
  // everything stayed put, the pattern as a whole was not transformed.
  if (still >= STILL_ENOUGH * n) return null
  // Candidates: the least-squares fit of all elements, and exact fits of pairs among a
  // sample of up to 8 elements and their farthest partners (so that the designer's own
  // edits, which are outliers, cannot spoil every candidate). Each is refitted on the
  // elements it explains.
  const seeds: Uint8Array[] = [new Uint8Array(n).fill(1)]
  const sample: number[] = []
  const stride = Math.max(1, Math.floor(n / 8))
  for (let i = 0; i < n && sample.length < 8; i += stride) sample.push(i)
  for (const i of sample) {
    const far = farthest(c, i)
    for (const j of [far, ...sample]) {
      if (j <= i && j !== far) continue
      if (j === i) continue
      const pair = new Uint8Array(n)
      pair[i] = 1
      pair[j] = 1
      seeds.push(pair)
    }
  }
  const plain = consensus(seeds, (use) => fit(xa, ya, xb, yb, use, false), forward, c, tol, mask)
  const flipped = consensus(seeds, (use) => fit(xa, ya, xb, yb, use, true), forward, c, tol, mask)
  const { best, count } = flipped.count > plain.count ? flipped : plain
  if (!best) return null
  affineInliers(forward(best), c, tol, mask)
  return accepted(count, still, 3, c, mask, stayed) ? best : null
}

/** The centre farthest from centre i (in the baseline). */
function farthest(c: Centres, i: number): number {
  let far = i
  let farD = -1
  for (let j = 0; j < c.xa.length; j++) {
    const d = (c.xa[j]! - c.xa[i]!) ** 2 + (c.ya[j]! - c.ya[i]!) ** 2
    if (d > farD) {
      farD = d
      far = j
    }
  }
  return far
}

/**
 * A stretch of the whole pattern (its root resized with its content scaling along, or
 * all of its content stretched together): the affine map carrying the baseline's
 * centres onto the current ones, found as robustly as the similarity above but with
 * more evidence (an affine map fits any three places exactly, so it must explain at
 * least four, not all on one line). Used only when no similarity explains the change.
 */
export function fitStretch(xa: Float64Array, ya: Float64Array, xb: Float64Array, yb: Float64Array, diagonal: number): Affine | null {
  const n = xa.length
  if (n < 4) return null
  const c: Centres = { xa, ya, xb, yb }
  const tol = TOLERANCE_PX + TOLERANCE_REL * diagonal
  const mask = new Uint8Array(n)
  const stayed = new Uint8Array(n)
  const still = affineInliers(null, c, tol, stayed)
  if (still >= STILL_ENOUGH * n) return null
  // Candidates: all elements, and for each of up to 8 sampled elements the triangle it
  // makes with its farthest partner and the element farthest from their line.
  const seeds: Uint8Array[] = [new Uint8Array(n).fill(1)]
  const stride = Math.max(1, Math.floor(n / 8))
  for (let i = 0, k = 0; i < n && k < 8; i += stride, k++) {
    const j = farthest(c, i)
    let l = i
    let off = -1
    for (let m = 0; m < n; m++) {
      const d = Math.abs((xa[j]! - xa[i]!) * (ya[m]! - ya[i]!) - (ya[j]! - ya[i]!) * (xa[m]! - xa[i]!))
      if (d > off) {
        off = d
        l = m
      }
    }
    if (j === i || l === i || l === j) continue
    const seed = new Uint8Array(n)
    seed[i] = seed[j] = seed[l] = 1
    seeds.push(seed)
  }
  const { best, count } = consensus(seeds, (use) => fitAffine(xa, ya, xb, yb, use), (m) => m, c, tol, mask)
  // Four places, not all on one line (the fit on them must exist).
  return best && accepted(count, still, 4, c, mask, stayed) && fitAffine(xa, ya, xb, yb, mask) ? best : null
}

/**
 * The root resized with everything in it scaling along, or everything in it turned by
 * quarter turns or flipped with the frame: when every element's centre (in the frame's
 * own coordinates) follows one map that carries the baseline frame's box onto the
 * current one, the whole pattern was transformed, however few its elements. The plain
 * resize is tried first, so a pattern that did not change is never read as turned.
 * Null when no such map explains every element, or when nothing moved.
 */
export function followsFrame(xa: Float64Array, ya: Float64Array, xb: Float64Array, yb: Float64Array, frameA: { w: number; h: number }, frameB: { w: number; h: number }): Affine | null {
  const { w, h } = frameA
  if (!(w > 0 && h > 0 && frameB.w > 0 && frameB.h > 0) || xa.length < 2) return null
  const tol = TOLERANCE_PX + TOLERANCE_REL * Math.sqrt(frameB.w * frameB.w + frameB.h * frameB.h)
  const mask = new Uint8Array(xa.length)
  // When several maps explain every centre (elements about the frame's centre), one that
  // keeps proportions is the likelier: a turned frame is not a stretched one.
  let stretched: Affine | null = null
  for (const flip of [false, true]) {
    for (let turns = 0; turns < 4; turns++) {
      // Flip left–right in the frame, turn a quarter at a time (x, y) → (height − y, x),
      // then scale the turned box onto the current frame.
      let m: Affine = flip ? { a: -1, b: 0, c: 0, d: 1, e: w, f: 0 } : { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }
      let fw = w
      let fh = h
      for (let k = 0; k < turns; k++) {
        m = { a: -m.b, b: m.a, c: -m.d, d: m.c, e: fh - m.f, f: m.e }
        ;[fw, fh] = [fh, fw]
      }
      const sx = frameB.w / fw
      const sy = frameB.h / fh
      m = { a: m.a * sx, b: m.b * sy, c: m.c * sx, d: m.d * sy, e: m.e * sx, f: m.f * sy }
      if (affineInliers(m, { xa, ya, xb, yb }, tol, mask) !== xa.length) continue
      if (!flip && turns === 0 && sx === 1 && sy === 1) return null // nothing moved
      if (Math.abs(sx - sy) <= 1e-9 * (sx + sy)) return m
      stretched ??= m
    }
  }
  return stretched
}

/** Least-squares affine map of the selected centres (null when they lie on one line). */
function fitAffine(xa: Float64Array, ya: Float64Array, xb: Float64Array, yb: Float64Array, use: Uint8Array): Affine | null {
  let n = 0
  let mxa = 0
  let mya = 0
  let mxb = 0
  let myb = 0
  for (let i = 0; i < use.length; i++) {
    if (!use[i]) continue
    n++
    mxa += xa[i]!
    mya += ya[i]!
    mxb += xb[i]!
    myb += yb[i]!
  }
  if (n < 3) return null
  mxa /= n
  mya /= n
  mxb /= n
  myb /= n
  let sxx = 0
  let sxy = 0
  let syy = 0
  let uxx = 0
  let uxy = 0
  let uyx = 0
  let uyy = 0
  for (let i = 0; i < use.length; i++) {
    if (!use[i]) continue
    const px = xa[i]! - mxa
    const py = ya[i]! - mya
    const qx = xb[i]! - mxb
    const qy = yb[i]! - myb
    sxx += px * px
    sxy += px * py
    syy += py * py
    uxx += qx * px
    uxy += qx * py
    uyx += qy * px
    uyy += qy * py
  }
  const det = sxx * syy - sxy * sxy
  // Collinear (or nearly): the spread across the line says nothing.
  if (!(det > 1e-9 * (sxx + syy) * (sxx + syy))) return null
  // [q] = L·[p]: L = U · S⁻¹.
  const a = (uxx * syy - uxy * sxy) / det
  const c = (uxy * sxx - uxx * sxy) / det
  const b = (uyx * syy - uyy * sxy) / det
  const d = (uyy * sxx - uyx * sxy) / det
  return { a, b, c, d, e: mxb - (a * mxa + c * mya), f: myb - (b * mxa + d * mya) }
}

function affineInliers(m: Affine | null, c: Centres, tol: number, out: Uint8Array): number {
  let count = 0
  for (let i = 0; i < c.xa.length; i++) {
    const xa = c.xa[i]!
    const ya = c.ya[i]!
    const x = m ? m.a * xa + m.c * ya + m.e : xa
    const y = m ? m.b * xa + m.d * ya + m.f : ya
    const ok = (x - c.xb[i]!) ** 2 + (y - c.yb[i]!) ** 2 <= tol * tol
    out[i] = ok ? 1 : 0
    if (ok) count++
  }
  return count
}

/**
 * The similarity nearest to a stretch, keeping area: its turn (and flip) is the
 * stretch's, its scale the square root of the area ratio, and it carries the point
 * `(cx, cy)` (the frame's centre) where the stretch does. What remains after it is
 * the distortion, which method 2 counts.
 */
export function nearestSimilarity(m: Affine, cx: number, cy: number): Similarity | null {
  const det = m.a * m.d - m.b * m.c
  if (!(Math.abs(det) > 1e-12)) return null
  const flip = det < 0
  // Least-squares nearest rotation (× scale) of the linear part, then its direction.
  const p = flip ? (m.a - m.d) / 2 : (m.a + m.d) / 2
  const q = flip ? (m.b + m.c) / 2 : (m.b - m.c) / 2
  const r = Math.sqrt(p * p + q * q)
  if (!(r > 0)) return null
  const s = Math.sqrt(Math.abs(det))
  const ar = (s * p) / r
  const ai = (s * q) / r
  const yy = flip ? -cy : cy
  const tx = m.a * cx + m.c * cy + m.e - (ar * cx - ai * yy)
  const ty = m.b * cx + m.d * cy + m.f - (ai * cx + ar * yy)
  return { ar, ai, tx, ty, flip }
}

/** The inverse of a similarity as an affine map (current frame → baseline frame). */
export function inverseAffine(s: Similarity): Affine {
  const f = forward(s)
  const det = f.a * f.d - f.b * f.c
  return {
    a: f.d / det,
    b: -f.b / det,
    c: -f.c / det,
    d: f.a / det,
    e: (f.c * f.f - f.d * f.e) / det,
    f: (f.b * f.e - f.a * f.f) / det,
  }
}
