/**
 * The raster bytes of method 2 for every judged scenario of every set, as SHA-256 digests: run in
 * Node and, bundled, in Chromium, to check that both engines paint the same bytes.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { DEFAULT_POLICY } from '../../../src/provenance/policy'
import { compareOnCanvas } from '../../../src/coefficient/score'
import { JUDGED_SETS } from './sets'

function digest(...arrays: ArrayBufferView[]): string {
  const h = sha256.create()
  for (const a of arrays) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
  return bytesToHex(h.digest())
}

/** Per scenario: the digest of both rasters and the change map, and the score. */
export function rasterDigests(): Record<string, { raster: string; hcc: number }> {
  const out: Record<string, { raster: string; hcc: number }> = {}
  for (const set of JUDGED_SETS) {
    for (const s of set.cases) {
      const [base, edited] = s.build()
      const c = compareOnCanvas(base, edited, DEFAULT_POLICY, 'id')
      out[s.id] = { raster: digest(c.baseline.clear, c.baseline.top, c.current.clear, c.current.top, c.map.kinds), hcc: c.score.hcc }
    }
  }
  return out
}
