import type { ElementSnapshot, PatternSnapshot } from '../../../src/coefficient/snapshot'

/** Every branch of the baseline layout once: paint kinds, colour grids, path modes, outline forms, texts. */
export function handmadeSnapshot(): PatternSnapshot {
  const blob = [128, 0, 200, 20, 240, 60, 255, 128, 240, 190, 200, 235, 128, 255, 60, 235, 15, 190, 0, 128, 15, 60, 60, 20, 100, 5, 160, 5, 210, 40, 250, 100]
  const base = (i: number, over: Partial<ElementSnapshot>): ElementSnapshot => ({
    id: `12:${100 + i}`,
    path: String(i),
    type: 'VECTOR',
    bounds: { x: 10 * i + 0.25, y: -3.5 * i, w: 40, h: 40.125 },
    rotation: 0,
    opacity: 1,
    visible: true,
    blendMode: 'PASS_THROUGH',
    fills: [{ kind: 'solid', color: { r: 1, g: 0.5, b: 0, a: 1 } }],
    strokes: [],
    strokeWeight: 1,
    effects: [],
    geometry: null,
    text: null,
    ...over,
  })
  const elements: ElementSnapshot[] = [
    base(0, { path: '', type: 'FRAME', id: '12:99', fills: [] }),
    base(1, { geometry: { vertices: 12, points: blob } }),
    base(2, { geometry: { vertices: 12, points: blob.map((v, k) => (k % 5 === 0 ? Math.min(255, v + 3) : v)) } }),
    base(3, {
      fills: [{ kind: 'solid', color: { r: 0.123456, g: 0.5, b: 0.999, a: 0.75 } }],
      strokes: [{ kind: 'solid', color: { r: 0, g: 0, b: 0, a: 1 } }],
      strokeWeight: 2.5,
      geometry: { vertices: 3, points: [0, 0, 255, 0, 128, 255] },
    }),
    base(4, {
      path: '4',
      fills: [
        { kind: 'gradient', stops: [{ position: 0, color: { r: 1, g: 1, b: 1, a: 1 } }, { position: 1, color: { r: 0, g: 0.2, b: 0.4, a: 1 } }] },
        { kind: 'gradient', stops: [{ position: 0.3333, color: { r: 0.01, g: 0.02, b: 0.03, a: 0.5 } }] },
      ],
      effects: [
        { type: 'DROP_SHADOW', visible: true, radius: 4, color: { r: 0, g: 0, b: 0, a: 0.25 }, offset: { x: 0, y: 2 } },
        { type: 'LAYER_BLUR', visible: false, radius: 12.5 },
      ],
    }),
    base(5, { path: '4.0', id: 'I12:104;3:7', fills: [{ kind: 'image', imageHash: 'a1b2c3d4e5f6', opacity: 0.8 }] }),
    base(6, { path: '4.1', id: 'I12:104;3:8', fills: [{ kind: 'image', imageHash: null, opacity: 1 }], visible: false }),
    base(7, { path: '4.1.0', type: 'TEXT', text: 'Fern — ﬁrst draft ✿', fills: [{ kind: 'other', type: 'PATTERN', opacity: 0.5 }] }),
    base(8, { path: '9.3', id: 'no-number-id', rotation: -45.5, opacity: 0.333 }),
    base(9, { path: 'odd path', id: '', blendMode: 'MULTIPLY', rotation: Number.NaN, bounds: { x: Infinity, y: 1e15, w: -0, h: 7 } }),
    base(10, { path: '4.3', effects: [{ type: 'DROP_SHADOW', visible: true, radius: 4, color: { r: 0, g: 0, b: 0, a: 0.25 }, offset: { x: 0, y: 2 } }, { type: 'LAYER_BLUR', visible: false, radius: 12.5 }] }),
    base(11, { path: '5', text: '', type: 'TEXT', geometry: { vertices: 12, points: blob } }),
  ]
  return { rootId: '12:99', rootBounds: { x: 0, y: 0, w: 480.5, h: 320 }, elements }
}
