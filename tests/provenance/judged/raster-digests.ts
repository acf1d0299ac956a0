/**
 * The raster bytes of method 2 for every judged scenario, as SHA-256 digests: run in
 * Node and, bundled, in Chromium, to check that both engines paint the same bytes.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { DEFAULT_POLICY } from '../../../src/provenance/policy'
import { compareOnCanvas } from '../../../src/provenance/score'
import { render } from './patterns'
import { PATTERNS, SCENARIOS } from './scenarios'

function digest(...arrays: ArrayBufferView[]): string {
  const h = sha256.create()
  for (const a of arrays) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
  return bytesToHex(h.digest())
}

/** Per scenario: the digest of both rasters and the change map, and the score. */
export function rasterDigests(): Record<string, { raster: string; hcc: number }> {
  const out: Record<string, { raster: string; hcc: number }> = {}
  for (const s of SCENARIOS) {
    const base = PATTERNS[s.pattern]()
    const edited = PATTERNS[s.pattern]()
    s.apply(edited)
    const c = compareOnCanvas(render(base), render(edited), DEFAULT_POLICY, 'id')
    out[s.id] = { raster: digest(c.baseline.clear, c.baseline.top, c.current.clear, c.current.top, c.map.kinds), hcc: c.score.hcc }
  }
  return out
}
