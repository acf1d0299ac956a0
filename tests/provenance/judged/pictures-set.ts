/**
 * Builds the picture set's edits (pictures-judged.ts holds the bands, written first):
 * two kinds of AI raster made here deterministically — a painterly tile (soft brush blobs,
 * seamless) and a flat-colour motif tile (with its vector twin for Rasterize selection) —
 * edited the ways a designer edits pictures, read into snapshots with their samples the way
 * the plugin reads them (imageSample of the decoded RGBA).
 */
import jpeg from 'jpeg-js'
import { elementFromShape, imageSample, type ElementSnapshot, type ImagePaintSnapshot, type PatternSnapshot } from '../../../src/coefficient/index'
import { PICTURE_CASES, PICTURE_PAIRS, type PictureKind } from './pictures-judged'
import type { JudgedSet } from './sets'

export interface Picture {
  width: number
  height: number
  data: Uint8Array
}

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const memo = new Map<string, Picture>()
function remember(key: string, make: () => Picture): Picture {
  let p = memo.get(key)
  if (!p) memo.set(key, (p = make()))
  return { width: p.width, height: p.height, data: p.data.slice() }
}

/** A seamless painterly tile: a soft ground with brush blobs of a palette, wrapped at the edges. */
export function painterly(seed: number, size = 512, palette: [number, number, number][] = [[196, 92, 60], [232, 180, 90], [64, 110, 150], [120, 160, 96], [210, 200, 180]]): Picture {
  return remember(`p${seed}|${size}|${palette.join()}`, () => {
    const r = rng(seed)
    const acc = new Float32Array(size * size * 3)
    const wsum = new Float32Array(size * size)
    const base = palette[palette.length - 1]!
    for (let i = 0; i < size * size; i++) {
      acc[i * 3] = base[0]! * 0.2
      acc[i * 3 + 1] = base[1]! * 0.2
      acc[i * 3 + 2] = base[2]! * 0.2
      wsum[i] = 0.2
    }
    for (let k = 0; k < 70; k++) {
      const cx = r() * size
      const cy = r() * size
      const sig = size * (0.03 + r() * 0.07)
      const col = palette[Math.floor(r() * palette.length)]!
      const jit = (r() - 0.5) * 40
      const rad = Math.ceil(sig * 2.5)
      for (let dy = -rad; dy <= rad; dy++) {
        const y = (((Math.floor(cy) + dy) % size) + size) % size
        for (let dx = -rad; dx <= rad; dx++) {
          const x = (((Math.floor(cx) + dx) % size) + size) % size
          const w = Math.exp(-(dx * dx + dy * dy) / (2 * sig * sig)) * 3
          const i = y * size + x
          acc[i * 3] += (col[0]! + jit) * w
          acc[i * 3 + 1] += (col[1]! + jit * 0.5) * w
          acc[i * 3 + 2] += (col[2]! - jit * 0.5) * w
          wsum[i] += w
        }
      }
    }
    const data = new Uint8Array(size * size * 4)
    for (let i = 0; i < size * size; i++) {
      // Brush texture: a fine ripple, as paint shows.
      const tex = Math.sin(i * 0.37) * 4 + Math.sin((i % size) * 0.21 + Math.floor(i / size) * 0.13) * 5
      for (let c = 0; c < 3; c++) data[i * 4 + c] = Math.max(0, Math.min(255, Math.round(acc[i * 3 + c]! / wsum[i]! + tex)))
      data[i * 4 + 3] = 255
    }
    return { width: size, height: size, data }
  })
}

export const CREAM: [number, number, number] = [244, 236, 216]
export const MOTIF_COLOURS: [number, number, number][] = [[178, 48, 54], [30, 86, 120], [232, 168, 40], [60, 120, 80]]
/** The motif tile's motifs, in a 400-unit box: discs and squares, inside the tile. */
export const MOTIFS: { kind: 'disc' | 'square'; x: number; y: number; s: number; c: number }[] = [
  { kind: 'disc', x: 60, y: 60, s: 70, c: 0 },
  { kind: 'square', x: 240, y: 40, s: 80, c: 1 },
  { kind: 'disc', x: 150, y: 200, s: 90, c: 2 },
  { kind: 'square', x: 40, y: 280, s: 60, c: 3 },
  { kind: 'disc', x: 290, y: 260, s: 80, c: 0 },
  { kind: 'square', x: 180, y: 330, s: 40, c: 1 },
  { kind: 'disc', x: 330, y: 150, s: 40, c: 3 },
]

/** The motif tile drawn at `size` px (4 × 4 supersampled edges, as a rasterizer antialiases). */
export function motifTile(size = 512, colours = MOTIF_COLOURS, ground = CREAM): Picture {
  return remember(`m${size}|${colours.join()}|${ground.join()}`, () => {
    const data = new Uint8Array(size * size * 4)
    const k = 400 / size
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        let r = 0
        let g = 0
        let b = 0
        for (let sy = 0; sy < 4; sy++) {
          for (let sx = 0; sx < 4; sx++) {
            const X = (x + (sx + 0.5) / 4) * k
            const Y = (y + (sy + 0.5) / 4) * k
            let col = ground
            for (const m of MOTIFS) {
              const inside = m.kind === 'disc' ? (X - m.x - m.s / 2) ** 2 + (Y - m.y - m.s / 2) ** 2 <= (m.s / 2) ** 2 : X >= m.x && X < m.x + m.s && Y >= m.y && Y < m.y + m.s
              if (inside) col = colours[m.c]!
            }
            r += col[0]
            g += col[1]
            b += col[2]
          }
        }
        const i = (y * size + x) * 4
        data[i] = Math.round(r / 16)
        data[i + 1] = Math.round(g / 16)
        data[i + 2] = Math.round(b / 16)
        data[i + 3] = 255
      }
    }
    return { width: size, height: size, data }
  })
}

// ---- pixel edits, as an image editor makes them ----

export function resaveJpeg(p: Picture, quality = 75): Picture {
  const enc = jpeg.encode({ width: p.width, height: p.height, data: Buffer.from(p.data) }, quality)
  const dec = jpeg.decode(enc.data, { useTArray: true })
  return { width: dec.width, height: dec.height, data: new Uint8Array(dec.data) }
}

/** Bilinear resize to w × h. */
export function resize(p: Picture, w: number, h: number): Picture {
  const data = new Uint8Array(w * h * 4)
  for (let y = 0; y < h; y++) {
    const fy = Math.max(0, Math.min(p.height - 1, ((y + 0.5) * p.height) / h - 0.5))
    const y0 = Math.floor(fy)
    const y1 = Math.min(p.height - 1, y0 + 1)
    const ty = fy - y0
    for (let x = 0; x < w; x++) {
      const fx = Math.max(0, Math.min(p.width - 1, ((x + 0.5) * p.width) / w - 0.5))
      const x0 = Math.floor(fx)
      const x1 = Math.min(p.width - 1, x0 + 1)
      const tx = fx - x0
      for (let c = 0; c < 4; c++) {
        const v = (p.data[(y0 * p.width + x0) * 4 + c]! * (1 - tx) + p.data[(y0 * p.width + x1) * 4 + c]! * tx) * (1 - ty) + (p.data[(y1 * p.width + x0) * 4 + c]! * (1 - tx) + p.data[(y1 * p.width + x1) * 4 + c]! * tx) * ty
        data[(y * w + x) * 4 + c] = Math.round(v)
      }
    }
  }
  return { width: w, height: h, data }
}

export function crop(p: Picture, x0: number, y0: number, w: number, h: number): Picture {
  const data = new Uint8Array(w * h * 4)
  for (let y = 0; y < h; y++) data.set(p.data.subarray(((y0 + y) * p.width + x0) * 4, ((y0 + y) * p.width + x0 + w) * 4), y * w * 4)
  return { width: w, height: h, data }
}

/** The repeat shifted by (dx, dy), wrapping (an editor's Offset filter). */
export function roll(p: Picture, dx: number, dy: number): Picture {
  const data = new Uint8Array(p.data.length)
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      const sx = (((x - dx) % p.width) + p.width) % p.width
      const sy = (((y - dy) % p.height) + p.height) % p.height
      data.set(p.data.subarray((sy * p.width + sx) * 4, (sy * p.width + sx) * 4 + 4), (y * p.width + x) * 4)
    }
  }
  return { width: p.width, height: p.height, data }
}

export function mirror(p: Picture, axis: 'x' | 'y'): Picture {
  const data = new Uint8Array(p.data.length)
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      const sx = axis === 'x' ? p.width - 1 - x : x
      const sy = axis === 'y' ? p.height - 1 - y : y
      data.set(p.data.subarray((sy * p.width + sx) * 4, (sy * p.width + sx) * 4 + 4), (y * p.width + x) * 4)
    }
  }
  return { width: p.width, height: p.height, data }
}

/** Paint `from` over `p` where `where(x, y)` (both the same size): a region painted over. */
export function paintOver(p: Picture, from: Picture, where: (x: number, y: number) => boolean): Picture {
  const data = p.data.slice()
  for (let y = 0; y < p.height; y++) for (let x = 0; x < p.width; x++) if (where(x, y)) data.set(from.data.subarray((y * p.width + x) * 4, (y * p.width + x) * 4 + 4), (y * p.width + x) * 4)
  return { width: p.width, height: p.height, data }
}

/** Every pixel of colour `was` (within 40 per channel: its antialiased edge too) moved to `now`, keeping its blend with neighbours. */
export function recolour(p: Picture, was: [number, number, number], now: [number, number, number]): Picture {
  const data = p.data.slice()
  for (let i = 0; i < data.length; i += 4) {
    const d = Math.abs(data[i]! - was[0]) + Math.abs(data[i + 1]! - was[1]) + Math.abs(data[i + 2]! - was[2])
    if (d < 120) {
      const t = 1 - d / 120
      for (let c = 0; c < 3; c++) data[i + c] = Math.round(data[i + c]! + (now[c]! - was[c]!) * t)
    }
  }
  return { width: p.width, height: p.height, data }
}

// ---- snapshots ----

let hashes = 0
const ROOT = { x: 0, y: 0, w: 400, h: 400 }

function frame(): ElementSnapshot {
  return elementFromShape({ id: '1:1', path: '', type: 'FRAME', bounds: ROOT, fills: [], clipsContent: true })
}

/** A pattern of one 400 × 400 rectangle showing `pic`, with its sample; `hash` names the image. */
export function pictureSnapshot(pic: Picture, hash: string, paint: Partial<ImagePaintSnapshot> = {}, extra: ElementSnapshot[] = []): PatternSnapshot {
  const fill: ImagePaintSnapshot = { kind: 'image', imageHash: hash, opacity: 1, scaleMode: 'FILL', ...paint }
  const rect = elementFromShape({ id: '1:2', path: '0', type: 'RECTANGLE', bounds: ROOT, fills: [fill] })
  return { rootId: '1:1', rootBounds: ROOT, elements: [frame(), rect, ...extra], placement: 'own-box', masksRead: true, images: { [hash]: imageSample(pic) } }
}

const solid = (c: [number, number, number]) => ({ kind: 'solid' as const, color: { r: c[0] / 255, g: c[1] / 255, b: c[2] / 255, a: 1 } })

/** The motif tile as AI vector layers: a cream ground and the motifs. */
export function motifVectors(): PatternSnapshot {
  const els = [frame(), elementFromShape({ id: '2:1', path: '0', type: 'RECTANGLE', bounds: ROOT, fills: [solid(CREAM)] })]
  MOTIFS.forEach((m, k) => els.push(elementFromShape({ id: `2:${k + 2}`, path: `${k + 1}`, type: m.kind === 'disc' ? 'ELLIPSE' : 'RECTANGLE', bounds: { x: m.x, y: m.y, w: m.s, h: m.s }, fills: [solid(MOTIF_COLOURS[m.c]!)] })))
  return { rootId: '1:1', rootBounds: ROOT, elements: els, placement: 'own-box', masksRead: true, images: {} }
}

/** Vector discs drawn in Figma over the picture. */
function vectorsOver(spots: { x: number; y: number; s: number; w?: number; c: [number, number, number]; disc?: boolean }[]): ElementSnapshot[] {
  return spots.map((s, k) => elementFromShape({ id: `5:${k + 1}`, path: `${k + 1}`, type: s.disc === false ? 'RECTANGLE' : 'ELLIPSE', bounds: { x: s.x, y: s.y, w: s.w ?? s.s, h: s.s }, fills: [solid(s.c)] }))
}

const AI = () => painterly(11)
const OTHER = () => painterly(97, 512, [[40, 40, 60], [90, 60, 140], [200, 220, 240], [30, 150, 160], [250, 250, 240]])
const BRUSH = () => painterly(53, 512, [[20, 60, 40], [240, 240, 250], [150, 30, 90], [10, 30, 90], [250, 120, 160]])
const MOTIF = () => motifTile()

type Build = () => [PatternSnapshot, PatternSnapshot]
const base = (kind: PictureKind): PatternSnapshot => (kind === 'painterly' ? pictureSnapshot(AI(), 'ai-painterly') : kind === 'motif' ? pictureSnapshot(MOTIF(), 'ai-motif') : motifVectors())
const edit = (kind: PictureKind, now: () => PatternSnapshot): Build => () => [base(kind), now()]
const replaced = (kind: PictureKind, pic: () => Picture, paint: Partial<ImagePaintSnapshot> = {}, extra: () => ElementSnapshot[] = () => []): Build =>
  edit(kind, () => pictureSnapshot(pic(), `edited-${++hashes}`, paint, extra()))
const adjusted = (kind: PictureKind, paint: Partial<ImagePaintSnapshot>, extra: () => ElementSnapshot[] = () => []): Build =>
  edit(kind, () => pictureSnapshot(kind === 'painterly' ? AI() : MOTIF(), kind === 'painterly' ? 'ai-painterly' : 'ai-motif', paint, extra()))
/** Rasterize selection: every AI vector layer deleted, one rectangle with a picture of them (400 px, 1×) in their place. */
const rasterized = (paint: Partial<ImagePaintSnapshot> = {}): Build => edit('motif-vectors', () => {
  const s = pictureSnapshot(motifTile(400), 'rasterized', paint)
  s.elements[1]!.id = '6:1'
  return s
})

const BUILDS: Record<string, Build> = {
  'pp-resave-jpeg': replaced('painterly', () => resaveJpeg(AI())),
  'pp-upscale': replaced('painterly', () => resize(AI(), 1024, 1024)),
  'pp-export-small': replaced('painterly', () => resize(AI(), 384, 384)),
  'pp-crop': replaced('painterly', () => crop(AI(), 64, 64, 384, 384)),
  'pp-shift': replaced('painterly', () => roll(AI(), 171, 0)),
  'pp-mirror': replaced('painterly', () => mirror(AI(), 'x')),
  'pp-exposure-slight': adjusted('painterly', { filters: { exposure: 0.1 } }),
  'pp-grade-warm': adjusted('painterly', { filters: { temperature: 0.8, saturation: 0.5 } }),
  'pp-greyscale': adjusted('painterly', { filters: { saturation: -1 } }),
  'pp-paint-small': replaced('painterly', () => paintOver(AI(), BRUSH(), (x, y) => x >= 300 && x < 402 && y >= 100 && y < 202)),
  'pp-paint-third': replaced('painterly', () => paintOver(AI(), BRUSH(), (x) => x < 171)),
  'pp-paint-most': replaced('painterly', () => paintOver(AI(), BRUSH(), (x, y) => x < 384 || y < 128)),
  'pp-vectors-over': adjusted('painterly', {}, () => vectorsOver([{ x: 20, y: 20, s: 110, c: [20, 40, 90] }, { x: 250, y: 230, s: 110, c: [200, 30, 80] }, { x: 150, y: 120, s: 90, c: [250, 250, 250] }])),
  'pp-other-picture': replaced('painterly', OTHER),
  'pm-resave-jpeg': replaced('motif', () => resaveJpeg(MOTIF())),
  'pm-upscale': replaced('motif', () => resize(MOTIF(), 1024, 1024)),
  'pm-shift': replaced('motif', () => roll(MOTIF(), 256, 256)),
  'pm-mirror': replaced('motif', () => mirror(MOTIF(), 'y')),
  'pm-crop-fill': adjusted('motif', { scaleMode: 'CROP', imageTransform: [[0.7, 0, 0], [0, 0.7, 0]] }),
  'pm-exposure-slight': adjusted('motif', { filters: { contrast: 0.1 } }),
  'pm-recolour-ground': replaced('motif', () => recolour(MOTIF(), CREAM, [20, 40, 110])),
  'pm-recolour-motifs': replaced('motif', () => motifTile(512, [[90, 40, 130], [240, 120, 150], [40, 170, 190], [20, 20, 20]])),
  'pm-touch-up': replaced('motif', () => paintOver(MOTIF(), motifTile(512, MOTIF_COLOURS, [120, 200, 120]), (x, y) => (x - 96) ** 2 + (y - 96) ** 2 < 28 ** 2)),
  'pm-new-motifs': replaced('motif', () => paintOver(MOTIF(), painterly(5, 512, [[120, 20, 120], [60, 30, 100]]), (x, y) => [[440, 110], [100, 460], [460, 450], [300, 470]].some(([cx, cy]) => Math.abs(x - cx!) + Math.abs(y - cy!) < 62))),
  'pm-vectors-over': adjusted('motif', {}, () => vectorsOver([{ x: 0, y: 370, s: 30, w: 400, c: [30, 30, 30], disc: false }, { x: 30, y: 140, s: 90, c: [120, 40, 160] }, { x: 240, y: 140, s: 80, c: [20, 160, 160] }])),
  'pm-other-picture': replaced('motif', AI),
  'pm-half-other': replaced('motif', () => paintOver(MOTIF(), BRUSH(), (x) => x >= 256)),
  'pv-rasterize': rasterized(),
  'pv-rasterize-grade': rasterized({ filters: { saturation: -1 } }),
}

export const PICTURE_SET: JudgedSet = {
  name: 'pictures',
  cases: PICTURE_CASES.map((c) => {
    const build = BUILDS[c.id]
    if (!build) throw new Error(`no edit built for ${c.id}`)
    return { id: c.id, pattern: c.pattern, edit: c.edit, band: c.band, build }
  }),
  pairs: PICTURE_PAIRS.map(([a, b]) => [a, b]),
}
