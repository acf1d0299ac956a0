/**
 * The knobs the coefficient reads: dimension weights, the weight of curation, the
 * reorder credit and the label thresholds. The team policy (src/provenance/policy.ts)
 * is these knobs plus the team's review and licensing rules; it validates them and
 * passes itself in, so the score never needs to know about records or licences.
 *
 * The fingerprint is taken of whatever policy object is passed in (the whole team
 * policy, as before the coefficient had its own room), so a capture's stored
 * `policyFingerprint` keeps telling "measured with the same policy" apart.
 */

export interface DimensionWeights {
  color: number
  shape: number
  transform: number
  style: number
  text: number
}

export interface ScoringPolicy {
  version: 1
  /** How much a full change in each dimension counts (αᵈ in the method). */
  weights: DimensionWeights
  /** Weight of a removed or hidden AI element, relative to its visible share. */
  alphaRemove: number
  /** Arrangement change credited to an element whose stacking order moved. */
  reorderWeight: number
  thresholds: { assisted: number; authored: number }
}

export const DEFAULT_POLICY: ScoringPolicy = Object.freeze({
  version: 1,
  weights: Object.freeze({ color: 1, shape: 1, transform: 1, style: 0.5, text: 1 }),
  alphaRemove: 0.5,
  reorderWeight: 0.05,
  thresholds: Object.freeze({ assisted: 0.1, authored: 0.5 }),
}) as ScoringPolicy

/**
 * A short, stable name for a policy's content: FNV-1a (32 bit) over its canonical
 * JSON (keys sorted). Not a security hash — it only tells "measured with the same
 * knobs" apart from "measured differently".
 */
export function policyFingerprint(policy: ScoringPolicy): string {
  const text = canonicalJson(policy)
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return 'fnv1a-' + (hash >>> 0).toString(16).padStart(8, '0')
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']'
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(record[k])).join(',') + '}'
}
