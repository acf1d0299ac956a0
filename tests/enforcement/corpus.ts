/**
 * A generated corpus for the matcher: pattern tiles rendered procedurally (a
 * textile repeat with a ground, line art, scattered motifs, and a few plain
 * geometric repeats), and the copies a licensing team meets in the wild — cropped
 * at another offset of the repeat, scaled 0.5×–2×, slightly recoloured,
 * re-compressed as JPEG at quality 60, or printed on something inside a larger
 * photo-like picture. Deterministic for a seed. Used by tests/enforcement and
 * bench/match.bench.ts.
 */
import { encode as encodePng } from 'fast-png'
import { encode as encodeJpeg } from 'jpeg-js'
import { seededRandom } from '../../bench/fixtures/random'
import type { RgbaImage } from '../../src/enforcement/decode-image'

export type Rng = () => number
export type Rgb = [number, number, number]
export { seededRandom }

export const PATTERN_KINDS = ['textile', 'lineArt', 'scattered', 'stripes', 'dots'] as const
export type PatternKind = (typeof PATTERN_KINDS)[number]

// ---------------------------------------------------------------------------
// Drawing on a torus: every shape wraps around the tile edges, so tiles repeat
// seamlessly.

class Canvas {
  readonly rgb: Float32Array
  constructor(
    readonly width: number,
    readonly height: number,
    ground: Rgb,
  ) {
    this.rgb = new Float32Array(width * height * 3)
    for (let i = 0; i < width * height; i++) this.rgb.set(ground, i * 3)
  }

  /** Paints `colour` where `distance(px, py)` (signed, in pixels) is below 0, antialiased. */
  shape(bounds: [number, number, number, number], colour: Rgb, distance: (x: number, y: number) => number): void {
    const [x0, y0, x1, y1] = bounds
    for (let y = Math.floor(y0) - 1; y <= Math.ceil(y1) + 1; y++) {
      for (let x = Math.floor(x0) - 1; x <= Math.ceil(x1) + 1; x++) {
        const coverage = Math.min(1, Math.max(0, 0.5 - distance(x + 0.5, y + 0.5)))
        if (coverage <= 0) continue
        const wx = ((x % this.width) + this.width) % this.width
        const wy = ((y % this.height) + this.height) % this.height
        const i = (wy * this.width + wx) * 3
        for (let c = 0; c < 3; c++) this.rgb[i + c] = this.rgb[i + c]! * (1 - coverage) + colour[c]! * coverage
      }
    }
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, angle: number, colour: Rgb): void {
    const cos = Math.cos(angle)
    const sin = Math.sin(angle)
    const r = Math.max(rx, ry)
    this.shape([cx - r, cy - r, cx + r, cy + r], colour, (x, y) => {
      const dx = x - cx
      const dy = y - cy
      const u = (dx * cos + dy * sin) / rx
      const v = (-dx * sin + dy * cos) / ry
      return (Math.sqrt(u * u + v * v) - 1) * Math.min(rx, ry)
    })
  }

  circle(cx: number, cy: number, r: number, colour: Rgb): void {
    this.ellipse(cx, cy, r, r, 0, colour)
  }

  ring(cx: number, cy: number, r: number, width: number, colour: Rgb): void {
    const R = r + width
    this.shape([cx - R, cy - R, cx + R, cy + R], colour, (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2)
  }

  segment(ax: number, ay: number, bx: number, by: number, width: number, colour: Rgb): void {
    const dx = bx - ax
    const dy = by - ay
    const len2 = dx * dx + dy * dy || 1
    this.shape([Math.min(ax, bx) - width, Math.min(ay, by) - width, Math.max(ax, bx) + width, Math.max(ay, by) + width], colour, (x, y) => {
      const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2))
      return Math.hypot(x - ax - t * dx, y - ay - t * dy) - width / 2
    })
  }

  toImage(): RgbaImage {
    const n = this.width * this.height
    const data = new Uint8Array(n * 4)
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < 3; c++) data[i * 4 + c] = Math.round(Math.min(255, Math.max(0, this.rgb[i * 3 + c]! * 255)))
      data[i * 4 + 3] = 255
    }
    return { width: this.width, height: this.height, data }
  }
}

function colour(rng: Rng, lightness: [number, number]): Rgb {
  const l = lightness[0] + rng() * (lightness[1] - lightness[0])
  const h = rng() * Math.PI * 2
  const chroma = 0.15 + rng() * 0.25
  return [l + chroma * Math.cos(h), l + chroma * Math.cos(h - 2.09), l + chroma * Math.cos(h + 2.09)].map((v) =>
    Math.min(1, Math.max(0, v)),
  ) as Rgb
}

function flower(canvas: Canvas, rng: Rng, cx: number, cy: number, size: number, petal: Rgb, centre: Rgb): void {
  const petals = 4 + Math.floor(rng() * 4)
  const turn = rng() * Math.PI
  for (let p = 0; p < petals; p++) {
    const a = turn + (p * 2 * Math.PI) / petals
    canvas.ellipse(cx + Math.cos(a) * size * 0.55, cy + Math.sin(a) * size * 0.55, size * 0.5, size * 0.22, a, petal)
  }
  canvas.circle(cx, cy, size * 0.25, centre)
}

/** One period of a pattern of the given kind, width × height pixels. */
export function renderTile(kind: PatternKind, seed: number, width: number, height: number): RgbaImage {
  const rng = seededRandom(seed * 7919 + PATTERN_KINDS.indexOf(kind))
  const s = Math.min(width, height)
  switch (kind) {
    case 'textile': {
      // Ground, a half-drop grid of flowers with leaves, and small dots.
      const canvas = new Canvas(width, height, colour(rng, [0.75, 0.92]))
      const [petal, centre, leaf, dot] = [colour(rng, [0.3, 0.6]), colour(rng, [0.6, 0.85]), colour(rng, [0.2, 0.45]), colour(rng, [0.4, 0.7])]
      const cols = 2
      const rows = 2
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const cx = ((c + 0.5 + (r % 2) * 0.5) * width) / cols + (rng() - 0.5) * s * 0.1
          const cy = ((r + 0.5) * height) / rows + (rng() - 0.5) * s * 0.1
          const size = s * (0.12 + rng() * 0.08)
          const la = rng() * Math.PI * 2
          canvas.ellipse(cx + Math.cos(la) * size * 1.2, cy + Math.sin(la) * size * 1.2, size * 0.6, size * 0.22, la, leaf)
          flower(canvas, rng, cx, cy, size, petal, centre)
        }
      }
      for (let i = 0; i < 10; i++) canvas.circle(rng() * width, rng() * height, s * (0.015 + rng() * 0.02), dot)
      return canvas.toImage()
    }
    case 'lineArt': {
      // White ground; wavy lines that wrap (whole waves across the tile), rings and strokes.
      const canvas = new Canvas(width, height, [1, 1, 1])
      const ink: Rgb = [0.08, 0.08, 0.1]
      const lines = 2 + Math.floor(rng() * 2)
      for (let l = 0; l < lines; l++) {
        const y0 = rng() * height
        const amp = s * (0.05 + rng() * 0.1)
        const waves = 1 + Math.floor(rng() * 3)
        const phase = rng() * Math.PI * 2
        const y = (x: number): number => y0 + amp * Math.sin((x / width) * waves * Math.PI * 2 + phase)
        for (let x = 0; x < width; x += 4) canvas.segment(x, y(x), x + 4, y(x + 4), 2, ink)
      }
      for (let i = 0; i < 6; i++) canvas.ring(rng() * width, rng() * height, s * (0.04 + rng() * 0.08), 2, ink)
      for (let i = 0; i < 8; i++) {
        const x = rng() * width
        const y = rng() * height
        const a = rng() * Math.PI
        const len = s * (0.05 + rng() * 0.12)
        canvas.segment(x, y, x + Math.cos(a) * len, y + Math.sin(a) * len, 2, ink)
      }
      return canvas.toImage()
    }
    case 'scattered': {
      const canvas = new Canvas(width, height, colour(rng, [0.8, 0.95]))
      const palette = [colour(rng, [0.2, 0.5]), colour(rng, [0.35, 0.65]), colour(rng, [0.5, 0.75])]
      const count = 18 + Math.floor(rng() * 14)
      for (let i = 0; i < count; i++) {
        const c = palette[Math.floor(rng() * palette.length)]!
        const x = rng() * width
        const y = rng() * height
        const r = s * (0.02 + rng() * 0.05)
        const which = Math.floor(rng() * 3)
        if (which === 0) canvas.circle(x, y, r, c)
        else if (which === 1) canvas.ellipse(x, y, r * 1.6, r * 0.6, rng() * Math.PI, c)
        else canvas.ring(x, y, r, Math.max(1.5, r * 0.35), c)
      }
      return canvas.toImage()
    }
    case 'stripes': {
      // Diagonal stripes with whole periods across the tile, plus a thin accent line.
      const canvas = new Canvas(width, height, colour(rng, [0.7, 0.9]))
      const band = colour(rng, [0.25, 0.5])
      const k = 2 + Math.floor(rng() * 3)
      const widthFrac = 0.2 + rng() * 0.3
      const accent = colour(rng, [0.4, 0.6])
      canvas.shape([0, 0, width - 1, height - 1], band, (x, y) => {
        const t = ((x / width + y / height) * k) % 1
        return (Math.abs(t - 0.5) - widthFrac / 2) * (s / k)
      })
      canvas.segment(0, rng() * height, width, rng() * height, 2, accent)
      return canvas.toImage()
    }
    case 'dots': {
      // A polka-dot grid with a few offset larger dots.
      const canvas = new Canvas(width, height, colour(rng, [0.75, 0.95]))
      const ink = colour(rng, [0.2, 0.5])
      const n = 3 + Math.floor(rng() * 3)
      for (let r = 0; r < n; r++) {
        for (let c = 0; c < n; c++) canvas.circle(((c + 0.5) * width) / n, ((r + 0.5) * height) / n, s * (0.03 + rng() * 0.05), ink)
      }
      for (let i = 0; i < 3; i++) canvas.circle(rng() * width, rng() * height, s * (0.08 + rng() * 0.05), colour(rng, [0.3, 0.6]))
      return canvas.toImage()
    }
  }
}

// ---------------------------------------------------------------------------
// What happens to a pattern after the sale

/** A w × h window of the infinite repeat, starting at (x0, y0) of the tile. */
/** A w × h tile in two colours, from `from` where `ink` is 0 to `to` where it is 1 (a drawn repeat with no anti-aliasing of its own). */
export function twoColourTile(w: number, h: number, ink: (x: number, y: number) => number, from: readonly number[] = [240, 230, 210], to: readonly number[] = [40, 60, 120]): RgbaImage {
  const data = new Uint8Array(w * h * 4)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const t = ink(x + 0.5, y + 0.5)
      for (let c = 0; c < 3; c++) data[(y * w + x) * 4 + c] = Math.round(from[c]! + (to[c]! - from[c]!) * t)
      data[(y * w + x) * 4 + 3] = 255
    }
  }
  return { width: w, height: h, data }
}

export function cropRepeat(tile: RgbaImage, x0: number, y0: number, w: number, h: number): RgbaImage {
  const data = new Uint8Array(w * h * 4)
  const src = tile.data
  for (let y = 0; y < h; y++) {
    const ty = (((y0 + y) % tile.height) + tile.height) % tile.height
    for (let x = 0; x < w; x++) {
      const tx = (((x0 + x) % tile.width) + tile.width) % tile.width
      const from = (ty * tile.width + tx) * 4
      const to = (y * w + x) * 4
      data[to] = src[from]!
      data[to + 1] = src[from + 1]!
      data[to + 2] = src[from + 2]!
      data[to + 3] = src[from + 3]!
    }
  }
  return { width: w, height: h, data }
}

/** Resized by `s` with 3 × 3 supersampling (bilinear taps): a different resampler from the matcher's. */
export function scaleImage(img: RgbaImage, s: number): RgbaImage {
  const w = Math.max(1, Math.round(img.width * s))
  const h = Math.max(1, Math.round(img.height * s))
  const data = new Uint8Array(w * h * 4)
  const sample = (fx: number, fy: number, c: number): number => {
    const x = Math.min(img.width - 1, Math.max(0, fx))
    const y = Math.min(img.height - 1, Math.max(0, fy))
    const xi = Math.min(img.width - 2, Math.floor(x))
    const yi = Math.min(img.height - 2, Math.floor(y))
    const ax = x - xi
    const ay = y - yi
    const at = (xx: number, yy: number): number => img.data[(yy * img.width + xx) * 4 + c]!
    return (at(xi, yi) * (1 - ax) + at(xi + 1, yi) * ax) * (1 - ay) + (at(xi, yi + 1) * (1 - ax) + at(xi + 1, yi + 1) * ax) * ay
  }
  const sub = s < 1 ? Math.ceil(1 / s) + 1 : 2
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 4; c++) {
        let acc = 0
        for (let j = 0; j < sub; j++) for (let i = 0; i < sub; i++) acc += sample((x + (i + 0.5) / sub) / s - 0.5, (y + (j + 0.5) / sub) / s - 0.5, c)
        data[(y * w + x) * 4 + c] = Math.round(acc / (sub * sub))
      }
    }
  }
  return { width: w, height: h, data }
}

/** Rotates hue by `degrees` (YIQ rotation): a slight recolouring. */
export function shiftHue(img: RgbaImage, degrees: number): RgbaImage {
  const a = (degrees * Math.PI) / 180
  const cos = Math.cos(a)
  const sin = Math.sin(a)
  const data = new Uint8Array(img.data)
  for (let i = 0; i < img.width * img.height; i++) {
    const r = img.data[i * 4]!
    const g = img.data[i * 4 + 1]!
    const b = img.data[i * 4 + 2]!
    const y = 0.299 * r + 0.587 * g + 0.114 * b
    const ci = 0.596 * r - 0.274 * g - 0.322 * b
    const cq = 0.211 * r - 0.523 * g + 0.312 * b
    const i2 = ci * cos - cq * sin
    const q2 = ci * sin + cq * cos
    const clamp = (v: number): number => Math.round(Math.min(255, Math.max(0, v)))
    data[i * 4] = clamp(y + 0.956 * i2 + 0.621 * q2)
    data[i * 4 + 1] = clamp(y - 0.272 * i2 - 0.647 * q2)
    data[i * 4 + 2] = clamp(y - 1.106 * i2 + 1.703 * q2)
  }
  return { width: img.width, height: img.height, data }
}

/** A photo-like picture: smooth multi-octave colour noise with soft blobs. */
export function photoNoise(w: number, h: number, rng: Rng): RgbaImage {
  const rgb = new Float32Array(w * h * 3)
  for (let octave = 0; octave < 5; octave++) {
    const cells = 2 << octave
    const gw = cells + 1
    const gh = Math.ceil((cells * h) / w) + 1
    const grid = Float32Array.from({ length: gw * gh * 3 }, () => rng() - 0.5)
    const amp = 0.5 / (octave + 1)
    for (let y = 0; y < h; y++) {
      const gy = (y / w) * cells
      const yi = Math.min(gh - 2, Math.floor(gy))
      const ay = gy - yi
      // No closure in the inner loop: this runs for every pixel, octave and channel.
      const r0 = yi * gw * 3
      const r1 = (yi + 1) * gw * 3
      for (let x = 0; x < w; x++) {
        const gx = (x / w) * cells
        const xi = Math.min(gw - 2, Math.floor(gx))
        const ax = gx - xi
        for (let c = 0; c < 3; c++) {
          const a = xi * 3 + c
          const v = (grid[r0 + a]! * (1 - ax) + grid[r0 + a + 3]! * ax) * (1 - ay) + (grid[r1 + a]! * (1 - ax) + grid[r1 + a + 3]! * ax) * ay
          rgb[(y * w + x) * 3 + c]! += v * amp
        }
      }
    }
  }
  const data = new Uint8Array(w * h * 4)
  for (let i = 0; i < w * h; i++) {
    for (let c = 0; c < 3; c++) data[i * 4 + c] = Math.round(Math.min(255, Math.max(0, (0.5 + rgb[i * 3 + c]! + (rng() - 0.5) * 0.04) * 255)))
    data[i * 4 + 3] = 255
  }
  return { width: w, height: h, data }
}

/** `patch` pasted into `background` at (x, y). */
export function embed(background: RgbaImage, patch: RgbaImage, x: number, y: number): RgbaImage {
  const data = new Uint8Array(background.data)
  for (let row = 0; row < patch.height; row++) {
    const by = y + row
    if (by < 0 || by >= background.height) continue
    const left = Math.max(0, -x)
    const right = Math.min(patch.width, background.width - x)
    if (right <= left) continue
    data.set(patch.data.subarray((row * patch.width + left) * 4, (row * patch.width + right) * 4), (by * background.width + x + left) * 4)
  }
  return { width: background.width, height: background.height, data }
}

export function toPng(img: RgbaImage): Uint8Array {
  return encodePng({ width: img.width, height: img.height, data: img.data, channels: 4, depth: 8 })
}

export function toJpeg(img: RgbaImage, quality = 60): Uint8Array {
  return new Uint8Array(encodeJpeg({ width: img.width, height: img.height, data: img.data }, quality).data)
}

export const COPY_KINDS = ['crop', 'crop-jpeg', 'one-period', 'in-photo'] as const
export type CopyKind = (typeof COPY_KINDS)[number]

export type Copy = { kind: CopyKind; scale: number; hue: number; bytes: Uint8Array; format: 'png' | 'jpeg' }

/**
 * One copy of `tile`: always at another offset of the repeat, scaled 0.5×–2×, hue
 * shifted up to ±12°; 'crop-jpeg' and 'in-photo' are saved as JPEG q60.
 */
export function makeCopy(tile: RgbaImage, kind: CopyKind, rng: Rng): Copy {
  const scale = 2 ** (rng() * 2 - 1)
  const hue = (rng() * 2 - 1) * 12
  const x0 = Math.floor(rng() * tile.width)
  const y0 = Math.floor(rng() * tile.height)
  const periods = kind === 'one-period' ? 1 : kind === 'in-photo' ? 2 + rng() : 1.2 + rng() * 1.3
  const cropW = Math.round(tile.width * (kind === 'one-period' ? 1 : periods))
  const cropH = Math.round(tile.height * (kind === 'one-period' ? 1 : 1.2 + rng() * 1.3))
  let img = shiftHue(scaleImage(cropRepeat(tile, x0, y0, cropW, cropH), scale), hue)
  if (kind === 'in-photo') {
    const bw = Math.round(img.width * (1.4 + rng() * 0.8))
    const bh = Math.round(img.height * (1.4 + rng() * 0.8))
    img = embed(photoNoise(bw, bh, rng), img, Math.floor(rng() * (bw - img.width)), Math.floor(rng() * (bh - img.height)))
  }
  const jpeg = kind === 'crop-jpeg' || kind === 'in-photo'
  return { kind, scale, hue, bytes: jpeg ? toJpeg(img, 60) : toPng(img), format: jpeg ? 'jpeg' : 'png' }
}

export type CorpusPattern = { patternId: string; name: string; kind: PatternKind; tile: RgbaImage }

/** The pack's patterns: three of each main kind, tiles of a few sizes. */
export function packPatterns(count = 9, seed = 1): CorpusPattern[] {
  const sizes: [number, number][] = [
    [128, 128],
    [160, 160],
    [128, 192],
  ]
  const kinds: PatternKind[] = ['textile', 'lineArt', 'scattered']
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length]!
    const [w, h] = sizes[Math.floor(i / kinds.length) % sizes.length]!
    return { patternId: `pat-${kind}-${i}`, name: `${kind} ${i}`, kind, tile: renderTile(kind, seed * 1000 + i, w, h) }
  })
}

/** Unrelated patterns: the same kinds with other seeds, and stripes and dots. */
export function unrelatedPatterns(count = 20, seed = 2): CorpusPattern[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = PATTERN_KINDS[i % PATTERN_KINDS.length]!
    const side = [128, 160, 144][i % 3]!
    return { patternId: `other-${i}`, name: `unrelated ${kind} ${i}`, kind, tile: renderTile(kind, seed * 1000 + 500 + i, side, side) }
  })
}
