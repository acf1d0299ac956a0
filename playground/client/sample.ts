/**
 * The embedded sample document. Page 1 ("Patterns") holds two AI-generated patterns,
 * marked with their AI origin by the plugin itself when the playground starts: a textile
 * repeat on a ground, and botanical line art. Page 2 ("Artwork") holds untracked work: an
 * AI-generated tile nobody has marked yet, a raster AI tile (a picture in an image fill),
 * a hand-drawn border with no AI in it, and a crosses repeat (geopattern's `xes`) built
 * from a boolean union with a stroke, made a component, repeated as instances.
 *
 * Everything is drawn with plain shapes the fake's rasterizer paints (solid fills; line
 * art as thin filled outlines, since the fake draws no strokes).
 */
import type { FakeSession, FigmaWorld } from '../../tests/figma-fake/index'
import { rasterTilePng } from './pictures'

export const PAGE_NAMES = ['Patterns', 'Artwork']

export const PAISLEY = 'Indigo paisley repeat'
export const LINE_ART = 'Botanical line art'
export const TILE = 'Geometric tile'
export const BORDER = 'Hand-drawn border'
export const RASTER_TILE = 'AI raster tile'
/** geopattern's "xes" repeat, rebuilt from real layer kinds (issue #19). */
export const CROSSES = 'Crosses repeat (geopattern xes)'

type Rgb = readonly [number, number, number]

export const INDIGO: Rgb = [0.16, 0.2, 0.45]
const CREAM: Rgb = [0.96, 0.92, 0.82]
const RUST: Rgb = [0.72, 0.33, 0.18]
const SAGE: Rgb = [0.45, 0.58, 0.42]
const INK: Rgb = [0.11, 0.15, 0.2]

const solid = (c: Rgb): SolidPaint[] => [{ type: 'SOLID', color: { r: c[0], g: c[1], b: c[2] } }]

/** The AI origins the sample patterns are marked with (what the designer declared). */
export const ORIGINS: Record<string, Record<string, unknown>> = {
  [PAISLEY]: {
    generator: 'Midjourney',
    model: 'Midjourney',
    modelVersion: '6.1',
    prompt: 'seamless indigo paisley repeat on a cream ground, block-print style, textile',
    seed: 48213,
    modelLicense: 'Midjourney Terms of Service',
    trainingData: 'Not disclosed by the provider.',
    intent: 'Base repeat for the spring scarf collection; to be recoloured and rearranged by hand.',
    generatedAt: '2026-11-02',
  },
  [LINE_ART]: {
    generator: 'ComfyUI',
    model: 'Stable Diffusion 3.5 Medium',
    modelVersion: '3.5',
    prompt: 'botanical line art, single line weight, for embroidery, white background',
    seed: 7,
    fineTune: { name: 'embroidery-lines LoRA', version: '0.3' },
    // A non-commercial model licence: the licensing team's eligibility check catches it.
    modelLicense: 'Stability AI Non-Commercial Research Community License',
    trainingData: 'As declared by Stability AI: filtered public web images and licensed data.',
    intent: 'Embroidery outline for the linen range.',
    generatedAt: '2026-11-05',
  },
}

/** A closed polygon as vector path data (absolute M/L/Z, the subset Figma supports). */
function polygon(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'} ${x.toFixed(2)} ${y.toFixed(2)}`).join(' ') + ' Z'
}

function ellipsePoints(cx: number, cy: number, rx: number, ry: number, n = 32): [number, number][] {
  return Array.from({ length: n }, (_, i) => {
    const a = (i / n) * Math.PI * 2
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as [number, number]
  })
}

function lensPoints(w: number, h: number, n = 16): [number, number][] {
  // Two arcs meeting at the tips: a leaf outline.
  const top = Array.from({ length: n + 1 }, (_, i) => {
    const t = i / n
    return [t * w, h / 2 - Math.sin(t * Math.PI) * (h / 2)] as [number, number]
  })
  const bottom = Array.from({ length: n - 1 }, (_, i) => {
    const t = 1 - (i + 1) / n
    return [t * w, h / 2 + Math.sin(t * Math.PI) * (h / 2)] as [number, number]
  })
  return [...top, ...bottom]
}

/** An outline of weight `line`: outer shape and the inset one, filled even-odd. */
function outline(kind: 'ring' | 'leaf', w: number, h: number, line: number): string {
  if (kind === 'ring') {
    return polygon(ellipsePoints(w / 2, h / 2, w / 2, h / 2)) + ' ' + polygon(ellipsePoints(w / 2, h / 2, w / 2 - line, h / 2 - line))
  }
  const inner = lensPoints(w - 4 * line, Math.max(1, h - 2 * line)).map(([x, y]) => [x + 2 * line, y + line] as [number, number])
  return polygon(lensPoints(w, h)) + ' ' + polygon(inner)
}

/** Builds the sample document as one edit by `by` (the sample's author). */
export function buildSampleDocument(world: FigmaWorld, by: FakeSession): void {
  const figma = by.figma
  const pages = world.document.children
  world.edit(by, () => {
    // ── Page 1: Patterns ──────────────────────────────────────────────────────
    const paisley = figma.createFrame()
    paisley.name = PAISLEY
    paisley.resize(480, 480)
    paisley.fills = solid(CREAM)
    const ground = figma.createRectangle()
    ground.name = 'Ground'
    ground.resize(480, 480)
    ground.fills = solid(CREAM)
    paisley.appendChild(ground)
    for (let row = 0; row < 3; row++) {
      for (let col = 0; col < 3; col++) {
        const n = row * 3 + col + 1
        const cx = col * 160 + 80 + (row % 2 === 1 ? 20 : 0)
        const cy = row * 160 + 80
        const body = figma.createEllipse()
        body.name = `Paisley ${String(n)}`
        body.resize(64, 96)
        body.x = cx - 32
        body.y = cy - 48
        body.fills = solid(INDIGO)
        paisley.appendChild(body)
        const eye = figma.createEllipse()
        eye.name = `Eye ${String(n)}`
        eye.resize(22, 22)
        eye.x = cx - 11
        eye.y = cy - 22
        eye.fills = solid(CREAM)
        paisley.appendChild(eye)
        const leaf = figma.createRectangle()
        leaf.name = `Leaf ${String(n)}`
        leaf.resize(44, 12)
        leaf.x = cx + 18
        leaf.y = cy + 34
        leaf.rotation = 35
        leaf.fills = solid(n % 2 === 0 ? SAGE : RUST)
        paisley.appendChild(leaf)
        const dot = figma.createEllipse()
        dot.name = `Dot ${String(n)}`
        dot.resize(10, 10)
        dot.x = cx - 52
        dot.y = cy + 40
        dot.fills = solid(RUST)
        paisley.appendChild(dot)
      }
    }

    const lineArt = figma.createFrame()
    lineArt.name = LINE_ART
    lineArt.resize(360, 480)
    lineArt.x = 540
    lineArt.fills = solid([1, 1, 1])
    const stems: [string, number, number, number, number][] = [
      ['Stem', 178, 120, 4, 330],
      ['Branch left', 110, 236, 4, 110],
      ['Branch right', 250, 200, 4, 110],
    ]
    // Figma's rotation turns counter-clockwise about the layer's top-left corner.
    const angles = [0, 40, -40]
    stems.forEach(([name, x, y, w, h], i) => {
      const stem = figma.createRectangle()
      stem.name = name
      stem.resize(w, h)
      stem.x = x
      stem.y = y
      stem.rotation = angles[i] ?? 0
      stem.fills = solid(INK)
      lineArt.appendChild(stem)
    })
    const shapes: [string, 'ring' | 'leaf', number, number, number, number][] = [
      ['Bud 1', 'ring', 150, 52, 64, 64],
      ['Bud 2', 'ring', 80, 180, 48, 48],
      ['Bud 3', 'ring', 232, 150, 52, 52],
      ['Leaf outline 1', 'leaf', 190, 300, 110, 40],
      ['Leaf outline 2', 'leaf', 70, 330, 110, 40],
      ['Leaf outline 3', 'leaf', 190, 390, 96, 34],
    ]
    for (const [name, kind, x, y, w, h] of shapes) {
      const vector = figma.createVector()
      vector.name = name
      vector.vectorPaths = [{ windingRule: 'EVENODD', data: outline(kind, w, h, 3) }]
      vector.resize(w, h)
      vector.x = x
      vector.y = y
      vector.fills = solid(INK)
      lineArt.appendChild(vector)
    }
  })

  // ── Page 2: Artwork (untracked) ─────────────────────────────────────────────
  const artwork = pages[1]
  if (!artwork) return
  world.edit(by, () => {
    const tile = figma.createFrame()
    tile.name = TILE
    tile.resize(360, 360)
    tile.fills = solid([0.98, 0.96, 0.9])
    const palette: Rgb[] = [RUST, SAGE, INDIGO, [0.85, 0.66, 0.25]]
    for (let row = 0; row < 3; row++) {
      for (let col = 0; col < 3; col++) {
        const n = row * 3 + col + 1
        const shape = n % 2 === 0 ? figma.createEllipse() : figma.createRectangle()
        shape.name = `${n % 2 === 0 ? 'Circle' : 'Square'} ${String(n)}`
        shape.resize(80, 80)
        shape.x = 20 + col * 120
        shape.y = 20 + row * 120
        shape.fills = solid(palette[(row + col) % palette.length] ?? RUST)
        tile.appendChild(shape)
      }
    }
    const border = figma.createFrame()
    border.name = BORDER
    border.resize(360, 120)
    border.x = 420
    border.fills = solid([1, 1, 1])
    for (let i = 0; i < 6; i++) {
      const wave = figma.createEllipse()
      wave.name = `Scallop ${String(i + 1)}`
      wave.resize(56, 40)
      wave.x = 4 + i * 59
      wave.y = 40
      wave.fills = solid(i % 2 === 0 ? RUST : INK)
      border.appendChild(wave)
    }
    artwork.appendChild(tile)
    artwork.appendChild(border)
    // An AI tile as most generators deliver it: a picture in a rectangle's image fill
    // (issue #20). Untracked: mark it, then try "Replace image…" with an edited copy.
    const raster = figma.createFrame()
    raster.name = RASTER_TILE
    raster.resize(240, 240)
    raster.x = 420
    raster.y = 180
    const picture = figma.createRectangle()
    picture.name = 'Tile picture'
    picture.resize(240, 240)
    picture.fills = [{ type: 'IMAGE', imageHash: figma.createImage(rasterTilePng()).hash, scaleMode: 'FILL' }]
    raster.appendChild(picture)
    artwork.appendChild(raster)
  })

  // geopattern's `xes` generator (one of the corpus, tests/corpus), rebuilt from the layer
  // kinds real documents hold: each cross is a UNION of two bars with a stroke, made a
  // component kept beside the pattern; the repeat is a grid of its instances, turned 45°.
  world.edit(by, () => {
    const main = figma.createComponent()
    main.name = 'Cross'
    main.resize(57, 57)
    main.x = 840
    main.y = 480
    const upright = figma.createRectangle()
    upright.resize(19, 57)
    upright.x = 19
    const across = figma.createRectangle()
    across.resize(57, 19)
    across.y = 19
    main.appendChild(upright)
    main.appendChild(across)
    const cross = figma.union([upright, across], main)
    cross.name = 'Bars'
    cross.fills = solid([0.13, 0.13, 0.13])
    cross.strokes = solid(CREAM)
    cross.strokeWeight = 2
    const repeat = figma.createFrame()
    repeat.name = CROSSES
    repeat.resize(360, 360)
    repeat.y = 480
    repeat.fills = solid([0.52, 0.53, 0.28])
    for (let row = 0; row < 4; row++) {
      for (let col = 0; col < 4; col++) {
        const one = main.createInstance()
        repeat.appendChild(one)
        one.x = col * 90 + (row % 2) * 45
        one.y = row * 90
        one.rotation = 45
      }
    }
    artwork.appendChild(main)
    artwork.appendChild(repeat)
  })
}
