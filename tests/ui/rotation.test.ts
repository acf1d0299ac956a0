/**
 * Turned and flipped layers, read by the real host on the in-memory Figma and scored by
 * the capture workflow (issue #9, "rotated layers"): each layer is read as its own box,
 * a rotation about its centre and a flip, in the pattern root's own frame; baselines
 * stored before format 4 (Figma's bounding boxes) are compared in their own terms.
 */
import { decode as decodePng } from 'fast-png'
import { describe, expect, test } from 'vitest'
import { decodeBaseline, encodeBaseline, quantizeSnapshot } from '../../src/storage/baseline-codec'
import { layout, OutlineCache } from '../../src/coefficient/canvas-layout'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import { baselineKey, RECORD_KEY } from '../../src/provenance/record'
import { compareOnCanvas } from '../../src/coefficient/score'
import { elementFromShape } from '../../src/coefficient/shape'
import type { ElementSnapshot, PatternSnapshot } from '../../src/coefficient/snapshot'
import { invertTransform, multiplyTransforms } from '../../src/coefficient/transform'
import { captureAsync, markAsync, readSnapshotAsync } from '../../src/ui/workflows'
import { createFigmaWorld, type FigmaWorld } from '../figma-fake/index'
import { ADA, captured, openPlugin, ORIGIN, type PluginUser } from '../support/plugin-session'

type M6 = [number, number, number, number, number, number]
const flat = (t: Transform): M6 => [t[0][0], t[0][1], t[0][2], t[1][0], t[1][1], t[1][2]]
const nested = (m: M6): Transform => [
  [m[0], m[1], m[2]],
  [m[3], m[4], m[5]],
]
const apply = (m: readonly number[], x: number, y: number): [number, number] => [m[0]! * x + m[1]! * y + m[2]!, m[3]! * x + m[4]! * y + m[5]!]

type Placeable = SceneNode & { relativeTransform: Transform }

/** Turns a layer by `deg` about its own centre (Figma turns about the top-left; plugin-api.d.ts:7412). */
function turnAboutCentre(node: Placeable, deg: number): void {
  const m = flat(node.relativeTransform)
  const [cx, cy] = apply(m, node.width / 2, node.height / 2)
  const r = (deg * Math.PI) / 180
  const turn: M6 = [Math.cos(r), Math.sin(r), 0, -Math.sin(r), Math.cos(r), 0]
  node.relativeTransform = nested(multiplyTransforms([1, 0, cx, 0, 1, cy], multiplyTransforms(turn, multiplyTransforms([1, 0, -cx, 0, 1, -cy], m))))
}

/** Mirrors a layer left to right where it stands (Figma's "Flip horizontal"). */
function flipInPlace(node: Placeable): void {
  node.relativeTransform = nested(multiplyTransforms(flat(node.relativeTransform), [-1, 0, node.width, 0, 1, 0]))
}

const ARROW = 'M 0 0 L 80 20 L 0 40 L 16 20 Z'

interface Pattern {
  frame: FrameNode
  rect: RectangleNode
  ellipse: EllipseNode
  arrow: VectorNode
}

/** A 400 × 300 frame: a red rectangle, a green circle, a blue arrow (not symmetric). */
function makePattern(world: FigmaWorld, u: PluginUser): Pattern {
  let p!: Pattern
  world.edit(u.session, () => {
    const frame = u.figma.createFrame()
    frame.name = 'Turned repeat'
    frame.resize(400, 300)
    const rect = u.figma.createRectangle()
    rect.resize(80, 40)
    rect.x = 40
    rect.y = 40
    rect.fills = [{ type: 'SOLID', color: { r: 0.9, g: 0.1, b: 0.1 } }]
    const ellipse = u.figma.createEllipse()
    ellipse.resize(60, 60)
    ellipse.x = 220
    ellipse.y = 40
    ellipse.fills = [{ type: 'SOLID', color: { r: 0.1, g: 0.7, b: 0.2 } }]
    const arrow = u.figma.createVector()
    arrow.resize(80, 40)
    arrow.vectorPaths = [{ windingRule: 'NONZERO', data: ARROW }]
    arrow.x = 60
    arrow.y = 180
    arrow.fills = [{ type: 'SOLID', color: { r: 0.1, g: 0.2, b: 0.9 } }]
    for (const n of [rect, ellipse, arrow]) frame.appendChild(n)
    p = { frame, rect, ellipse, arrow }
  })
  return p
}

async function setup(edit?: (p: Pattern) => void) {
  const world = createFigmaWorld()
  const ada = openPlugin(world, ADA)
  const p = makePattern(world, ada)
  if (edit) world.edit(ada.session, () => edit(p))
  const mark = await markAsync(ada.client, [p.frame.id], ORIGIN, ada.ctx)
  expect(mark.kind === 'done' && mark.marked.length).toBe(1)
  const captureAfter = async (change: (p: Pattern) => void) => {
    world.edit(ada.session, () => change(p))
    await world.flush()
    return captured(await captureAsync(p.frame.id, ada.ctx)).score.hcc
  }
  return { world, ada, p, captureAfter }
}

/** The own-box corners an element is painted at (the Shape contract: centre + R(θ)(p − centre)). */
function paintedCorners(e: ElementSnapshot): [number, number][] {
  const { x, y, w, h } = e.bounds
  const r = (e.rotation * Math.PI) / 180
  const cx = x + w / 2
  const cy = y + h / 2
  return [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ].map(([px, py]) => {
    const dx = px! - w / 2
    const dy = py! - h / 2
    return [cx + Math.cos(r) * dx + Math.sin(r) * dy, cy - Math.sin(r) * dx + Math.cos(r) * dy]
  })
}

/** Where Figma shows a node's own box, in the root's own coordinates. */
function figmaCorners(node: SceneNode, root: SceneNode): [number, number][] {
  const m = multiplyTransforms(invert(flat(root.absoluteTransform)), flat(node.absoluteTransform))
  return [
    [0, 0],
    [node.width, 0],
    [node.width, node.height],
    [0, node.height],
  ].map(([x, y]) => apply(m, x!, y!))
}

function invert(m: M6): M6 {
  const inverse = invertTransform(m)
  if (!inverse) throw new Error('a node with a singular transform')
  return inverse
}

/** Same corners as a set (a flipped box lists them in the other order). */
function expectSameCorners(actual: [number, number][], expected: [number, number][]): void {
  for (const [x, y] of expected) expect(Math.min(...actual.map(([ax, ay]) => Math.hypot(ax - x, ay - y)))).toBeLessThan(1e-6)
}

describe('reading turned and flipped layers', () => {
  test('a layer turned 30° is read as its own box where Figma shows it; captured unchanged it scores exactly 0', async () => {
    const { ada, p } = await setup((p) => (p.rect.rotation = 30))
    const { snapshot } = await readSnapshotAsync(ada.client, p.frame.id)
    const rect = snapshot.elements.find((e) => e.id === p.rect.id)!
    expect([rect.bounds.w, rect.bounds.h]).toEqual([80, 40])
    expect(rect.rotation).toBeCloseTo(30, 9)
    expect(rect.flipped).toBeUndefined()
    expectSameCorners(paintedCorners(rect), figmaCorners(p.rect, p.frame))
    expect(captured(await captureAsync(p.frame.id, ada.ctx)).score.hcc).toBe(0)
  })

  test('a flipped layer is read mirrored: its outline mirrored in its box, turned to where Figma shows it', async () => {
    const { ada, p } = await setup((p) => {
      flipInPlace(p.arrow)
      turnAboutCentre(p.arrow, 25)
    })
    const { snapshot } = await readSnapshotAsync(ada.client, p.frame.id)
    const arrow = snapshot.elements.find((e) => e.id === p.arrow.id)!
    expect(arrow.flipped).toBe(true)
    expect(arrow.pathData).toEqual(['M 80 0 L 0 20 L 80 40 L 64 20 Z'])
    expectSameCorners(paintedCorners(arrow), figmaCorners(p.arrow, p.frame))
    expect(captured(await captureAsync(p.frame.id, ada.ctx)).score.hcc).toBe(0)
  })
})

describe('scoring turns and flips', () => {
  test('a circle turned about its centre, by any angle, changes nothing', async () => {
    const { captureAfter } = await setup()
    for (const deg of [7, 45, 133.3, 90]) {
      const hcc = await captureAfter((p) => turnAboutCentre(p.ellipse, deg))
      expect(hcc, `after another ${String(deg)}°`).toBeLessThan(0.005)
    }
  })

  test('a rectangle turned half a turn about its centre changes nothing; turned 30° it does', async () => {
    const { captureAfter } = await setup()
    expect(await captureAfter((p) => turnAboutCentre(p.rect, 180))).toBeLessThan(0.005)
    expect(await captureAfter((p) => turnAboutCentre(p.rect, 30))).toBeGreaterThan(0.01)
  })

  test('an arrow turned 90° about its centre is clearly a change', async () => {
    const { captureAfter } = await setup()
    expect(await captureAfter((p) => turnAboutCentre(p.arrow, 90))).toBeGreaterThan(0.02)
  })

  test('flipping symmetric shapes changes nothing; flipping the arrow does', async () => {
    const { captureAfter } = await setup()
    expect(
      await captureAfter((p) => {
        flipInPlace(p.rect)
        flipInPlace(p.ellipse)
      }),
    ).toBeLessThan(0.005)
    expect(await captureAfter((p) => flipInPlace(p.arrow))).toBeGreaterThan(0.02)
  })

  test('turning the whole pattern root changes nothing: its content is read in its own frame', async () => {
    const { captureAfter } = await setup((p) => (p.rect.rotation = 30))
    expect(await captureAfter((p) => (p.frame.rotation = 35))).toBeLessThan(0.001)
    expect(await captureAfter((p) => flipInPlace(p.frame))).toBeLessThan(0.001)
  })
})

/** Nonzero winding of (x, y) against closed polylines (flat x, y pairs). */
function inside(polys: readonly { points: Float64Array }[], x: number, y: number): boolean {
  let wn = 0
  for (const { points: p } of polys) {
    const n = p.length / 2
    for (let i = 0; i < n; i++) {
      const x0 = p[2 * i]!
      const y0 = p[2 * i + 1]!
      const x1 = p[2 * ((i + 1) % n)]!
      const y1 = p[2 * ((i + 1) % n) + 1]!
      if (y0 <= y ? y1 > y : y1 <= y) {
        const xi = x0 + ((y - y0) / (y1 - y0)) * (x1 - x0)
        if (x < xi) wn += y1 > y0 ? 1 : -1
      }
    }
  }
  return wn !== 0
}

/** Pixels where method 2's painter puts the element (pixel centres, frame units). */
function paintedMask(el: ElementSnapshot, width: number, height: number): Uint8Array {
  const big = { x0: -1e9, y0: -1e9, x1: 1e9, y1: 1e9 }
  const lay = layout([{ el, opacity: 1, shown: true, share: 1 }], Uint8Array.of(1), { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }, big, Uint8Array.of(0), Uint8Array.of(0), Uint8Array.of(0), new OutlineCache())
  const { transform: t, outline } = lay.placed[0]!.item
  const det = t.a * t.d - t.b * t.c
  const mask = new Uint8Array(width * height)
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const X = px + 0.5 - t.e
      const Y = py + 0.5 - t.f
      mask[py * width + px] = inside(outline, (t.d * X - t.c * Y) / det, (-t.b * X + t.a * Y) / det) ? 1 : 0
    }
  }
  return mask
}

describe('a turned layer inside a turned group', () => {
  test('is read where Figma shows it (against the fake’s own rasterizer)', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    let frame!: FrameNode
    let arrow!: VectorNode
    world.edit(ada.session, () => {
      frame = ada.figma.createFrame()
      frame.resize(300, 300)
      const rect = ada.figma.createRectangle()
      rect.resize(60, 30)
      rect.x = 150
      rect.y = 60
      rect.fills = [{ type: 'SOLID', color: { r: 0.9, g: 0.1, b: 0.1 } }]
      arrow = ada.figma.createVector()
      arrow.resize(80, 40)
      arrow.vectorPaths = [{ windingRule: 'NONZERO', data: ARROW }]
      arrow.x = 90
      arrow.y = 140
      arrow.fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 1 } }]
      frame.appendChild(rect)
      frame.appendChild(arrow)
      arrow.rotation = 20
      const group = ada.figma.group([rect, arrow], frame)
      group.rotation = 45
      flipInPlace(group)
    })
    const { snapshot } = await readSnapshotAsync(ada.client, frame.id)
    const el = snapshot.elements.find((e) => e.id === arrow.id)!
    expect(el.flipped).toBe(true)
    expectSameCorners(paintedCorners(el), figmaCorners(arrow, frame))

    const png = decodePng((await frame.exportAsync({ format: 'PNG' })) as Uint8Array)
    expect([png.width, png.height]).toEqual([300, 300])
    const blue = (i: number) => png.data[4 * i] === 0 && png.data[4 * i + 1] === 0 && png.data[4 * i + 2] === 255
    const mask = paintedMask(el, 300, 300)
    let shown = 0
    let differ = 0
    for (let i = 0; i < mask.length; i++) {
      if (blue(i)) shown++
      if (blue(i) !== (mask[i] === 1)) differ++
    }
    expect(shown).toBeGreaterThan(1000)
    expect(differ / shown).toBeLessThan(0.01)

    // Figma's bounding box, as hosts before format 4 read it, paints somewhere else.
    const box = arrow.absoluteBoundingBox!
    const legacy = elementFromShape({ ...el, pathData: ['M 0 0 L 80 20 L 0 40 L 16 20 Z'], bounds: { x: box.x - frame.x, y: box.y - frame.y, w: box.width, h: box.height }, rotation: arrow.rotation, flipped: false })
    const old = paintedMask(legacy, 300, 300)
    let oldDiffer = 0
    for (let i = 0; i < old.length; i++) if (blue(i) !== (old[i] === 1)) oldDiffer++
    expect(oldDiffer / shown).toBeGreaterThan(0.3)
  })
})

describe('a baseline stored before format 4', () => {
  /** Outline as the host reads it. */
  function outlineOf(node: SceneNode): string[] | null {
    if (node.type === 'VECTOR') return node.vectorPaths.map((p) => p.data)
    if (node.type === 'RECTANGLE' || node.type === 'ELLIPSE') return node.fillGeometry.map((p) => p.data)
    return null
  }

  /**
   * What the host read before format 4 (src/host/read-pattern.ts until then), taken from
   * the fake's nodes, not from the conversion under test: Figma's absoluteBoundingBox
   * relative to the root's, Figma's rotation, the outline as Figma gives it.
   */
  function legacySnapshot(current: PatternSnapshot, root: FrameNode): PatternSnapshot {
    const nodes = new Map<string, SceneNode>([root, ...root.findAll()].map((n) => [n.id, n]))
    const origin = root.absoluteBoundingBox!
    const elements = current.elements.map((e) => {
      const node = nodes.get(e.id)!
      const box = node.absoluteBoundingBox!
      return elementFromShape({
        ...e,
        bounds: { x: box.x - origin.x, y: box.y - origin.y, w: box.width, h: box.height },
        rotation: 'rotation' in node ? node.rotation : 0,
        pathData: outlineOf(node),
        flipped: false,
      })
    })
    return { rootId: current.rootId, rootBounds: { x: 0, y: 0, w: origin.width, h: origin.height }, elements }
  }

  /** Replaces the pattern's stored baseline with `snapshot` written as format 3. */
  function storeFormat3(world: FigmaWorld, u: PluginUser, frame: FrameNode, snapshot: PatternSnapshot): void {
    const encoded = encodeBaseline(snapshot, { formatVersion: 3 })
    world.edit(u.session, () => {
      const record = JSON.parse(frame.getPluginData(RECORD_KEY)) as { baseline: { generation: number; chunks: number; hash: string; bytes: number; elements: number } }
      for (const key of frame.getPluginDataKeys()) if (key.startsWith('baseline.')) frame.setPluginData(key, '')
      encoded.chunks.forEach((chunk, i) => frame.setPluginData(baselineKey(record.baseline.generation, i), chunk))
      Object.assign(record.baseline, { chunks: encoded.chunks.length, hash: encoded.hash, bytes: encoded.bytes, elements: encoded.elements })
      frame.setPluginData(RECORD_KEY, JSON.stringify(record))
    })
  }

  test.each([
    ['turned, flipped and grouped layers', false],
    ['…in a turned pattern root', true],
  ])('of a pattern with %s, captured again unchanged, scores 0', async (_name, turnRoot) => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    const p = makePattern(world, ada)
    world.edit(ada.session, () => {
      p.rect.rotation = 30
      flipInPlace(p.arrow)
      turnAboutCentre(p.arrow, -70)
      const inner = ada.figma.createEllipse()
      inner.resize(50, 20)
      inner.x = 250
      inner.y = 200
      p.frame.appendChild(inner)
      inner.rotation = 15
      const group = ada.figma.group([p.ellipse, inner], p.frame)
      group.rotation = 40
      if (turnRoot) p.frame.rotation = -25
    })
    await markAsync(ada.client, [p.frame.id], ORIGIN, ada.ctx)
    const { snapshot } = await readSnapshotAsync(ada.client, p.frame.id)
    const legacy = legacySnapshot(snapshot, p.frame)
    storeFormat3(world, ada, p.frame, legacy)

    const format3 = encodeBaseline(legacy, { formatVersion: 3 })
    const stored = decodeBaseline(format3.chunks, format3.hash)
    if (!stored.ok) throw new Error(stored.error)
    expect(stored.snapshot.placement).toBeUndefined()
    // Compared as read now (own boxes), the old baseline would see changes that are not there.
    expect(compareOnCanvas(stored.snapshot, quantizeSnapshot(snapshot), DEFAULT_POLICY, 'id').score.hcc).toBeGreaterThan(0.01)

    const result = captured(await captureAsync(p.frame.id, ada.ctx))
    expect(result.score.hcc).toBe(0)
    // And a real change still counts: the arrow turned a quarter turn. (Against a turned
    // root the old placement paints every layer's page-aligned box, turned by its angle
    // in the root: the quarter turn changes less of that picture, 0.006 against 0.029.)
    world.edit(ada.session, () => turnAboutCentre(p.arrow, 90))
    expect(captured(await captureAsync(p.frame.id, ada.ctx)).score.hcc).toBeGreaterThan(turnRoot ? 0.003 : 0.02)
  })
})
