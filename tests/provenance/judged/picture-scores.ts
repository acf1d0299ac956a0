/**
 * The measured case, scored from picture files the way a capture does: decode
 * each file (in Chromium with the iframe's own decoders, in Node with fast-png / jpeg-js),
 * sample it, score it against the AI tile's sample. Bundled for Chromium by
 * pictures-engines.test.ts.
 */
import { compareOnCanvas } from '../../../src/coefficient/score'
import { DEFAULT_POLICY } from '../../../src/provenance/policy'
import type { ImagePaintSnapshot, ImageSample, PatternSnapshot } from '../../../src/coefficient/snapshot'
import { elementFromShape } from '../../../src/coefficient/shape'
import { PATTERN_SAMPLE_BYTES } from '../../../src/coefficient/picture/sample'

export type Decode = (bytes: Uint8Array, maxBytes: number) => Promise<ImageSample>

const ROOT = { x: 0, y: 0, w: 400, h: 400 }

/**
 * A 400 × 400 pattern of one picture layer: `paint` (FILL at full opacity unless it says
 * otherwise), on a layer flipped or not, with the samples `images` (none: a baseline
 * whose pictures were not sampled).
 */
export function pictureTile(paint: Partial<ImagePaintSnapshot> & { imageHash: string }, images?: Record<string, ImageSample>, flipped = false): PatternSnapshot {
  const s: PatternSnapshot = {
    rootId: '1:1',
    rootBounds: ROOT,
    placement: 'own-box',
    masksRead: true,
    elements: [
      elementFromShape({ id: '1:1', path: '', type: 'FRAME', bounds: ROOT, fills: [], clipsContent: true }),
      elementFromShape({ id: '1:2', path: '0', type: 'RECTANGLE', bounds: ROOT, flipped, fills: [{ kind: 'image', opacity: 1, scaleMode: 'FILL', ...paint }] }),
    ],
  }
  if (images) s.images = images
  return s
}

const tile = (hash: string, sample: ImageSample): PatternSnapshot => pictureTile({ imageHash: hash }, { [hash]: sample })

/** Scores of each edited file against the AI file, and the samples' first bytes (for a cross-engine look). */
export async function pictureScores(files: Record<string, Uint8Array>, decode: Decode): Promise<Record<string, number>> {
  const ai = await decode(files['ai']!, PATTERN_SAMPLE_BYTES)
  const out: Record<string, number> = {}
  for (const [name, bytes] of Object.entries(files)) {
    if (name === 'ai') continue
    const sample = await decode(bytes, PATTERN_SAMPLE_BYTES)
    out[name] = compareOnCanvas(tile('ai', ai), tile(name, sample), DEFAULT_POLICY, 'id').score.hcc
  }
  return out
}
