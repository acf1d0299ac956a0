/**
 * Stamping license terms into the file. Pure: the UI plans a stamp here, main stores
 * the texts and checks here that the history only grows.
 *
 * Private plugin data `license` on the pattern root (beside `record`):
 *
 *   { schema: 'loomprint/license', version: 1, patternId,
 *     current: { terms, fingerprint, at, by } | null,
 *     history: [{ at, by, fingerprint, previous, changed }] }
 *
 * `terms` carry their own schema version (`LicenseTerms.version`), `fingerprint` is
 * `licenseFingerprint(terms)`. Every change of terms appends to `history`: who, when,
 * the new and previous fingerprints and the top-level fields that changed.
 *
 * Shared plugin data `loomprint` / `license`: the public summary other tools read —
 * tier, exclusivity, territory, term end, training permission, fingerprint.
 */
import canonicalize from 'canonicalize'
import * as z from 'zod/mini'
import { entryOwnership, isCopy, PatternIdSchema, PersonSchema, type Person, type ProvenanceRecord } from '../provenance/record'
import { utf8Length } from '../storage/utf8'
import { formatCount } from '../provenance/issues'
import { licenseFingerprint, LicenseTermsSchema, TerritorySchema, type LicenseTerms } from './terms'

export { LICENSE_KEY, LICENSE_SUMMARY_KEY } from '../provenance/license-store'

export const LICENSE_ENTRY_SCHEMA = 'loomprint/license'
export const LICENSE_ENTRY_VERSION = 1
/** Like the record: one entry with room to spare under Figma's 100 kB. */
export const LICENSE_MAX_BYTES = 90_000

const isoTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/))
const fingerprint = z.string().check(z.regex(/^sha256-[0-9a-f]{64}$/))

export const LicenseChangeSchema = z.strictObject({
  at: isoTime,
  by: PersonSchema,
  fingerprint,
  previous: z.nullable(fingerprint),
  /** Top-level term fields that changed ("tier", "royalty", …); all of them for the first terms. */
  changed: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(30)),
})
export type LicenseChange = z.infer<typeof LicenseChangeSchema>

export const LicenseEntrySchema = z.strictObject({
  schema: z.literal(LICENSE_ENTRY_SCHEMA),
  version: z.literal(LICENSE_ENTRY_VERSION),
  patternId: PatternIdSchema,
  current: z.nullable(z.strictObject({ terms: LicenseTermsSchema, fingerprint, at: isoTime, by: PersonSchema })),
  history: z.array(LicenseChangeSchema),
})
export type LicenseEntry = z.infer<typeof LicenseEntrySchema>

export const LicenseSummarySchema = z.object({
  tier: z.string(),
  exclusivity: z.string(),
  territory: TerritorySchema,
  termEnd: z.nullable(z.string()),
  training: z.string(),
  fingerprint,
  patternId: PatternIdSchema,
})
export type LicenseSummary = z.infer<typeof LicenseSummarySchema>

export type LicenseEntryParse = { ok: true; entry: LicenseEntry } | { ok: false; error: string; raw: string }

/** Never throws; a damaged entry comes back with its raw text, to be kept and reported. */
export function parseLicenseEntry(json: string): LicenseEntryParse {
  if (typeof json !== 'string') return { ok: false, error: 'The license entry is not a string.', raw: String(json) }
  const size = utf8Length(json)
  if (size > LICENSE_MAX_BYTES) {
    return { ok: false, error: `The license entry is too large (${formatCount(size)} bytes; at most ${formatCount(LICENSE_MAX_BYTES)}).`, raw: json }
  }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (err) {
    return { ok: false, error: `The license entry is not valid JSON (${err instanceof Error ? err.message : String(err)}).`, raw: json }
  }
  try {
    const r = z.safeParse(LicenseEntrySchema, value)
    if (r.success) {
      const current = r.data.current
      // A hand-edited term with a stale fingerprint is damage too: the fingerprint is the evidence.
      if (current && licenseFingerprint(current.terms) !== current.fingerprint) {
        return { ok: false, error: 'The license entry is invalid: its fingerprint does not match its terms (edited by hand?).', raw: json }
      }
      return { ok: true, entry: r.data }
    }
    const first = r.error.issues
      .slice(0, 3)
      .map((i) => (i.path.length ? i.path.map(String).join('.') + ': ' : '') + i.message)
      .join('; ')
    return { ok: false, error: `The license entry is invalid: ${first}.`, raw: json }
  } catch (err) {
    return { ok: false, error: `The license entry could not be read (${err instanceof Error ? err.message : String(err)}).`, raw: json }
  }
}

export function licenseSummaryOf(terms: LicenseTerms, patternId: string): LicenseSummary {
  return {
    tier: terms.tier,
    exclusivity: terms.exclusivity,
    territory: terms.territory,
    termEnd: terms.term.end,
    training: terms.aiTraining.use,
    fingerprint: licenseFingerprint(terms),
    patternId,
  }
}

/** Top-level fields whose content differs (canonical JSON), in the terms' own order. */
export function changedFields(before: LicenseTerms | null, after: LicenseTerms): string[] {
  const keys = Object.keys(after) as (keyof LicenseTerms)[]
  if (!before) return keys.map(String)
  return keys.filter((k) => canonicalize(before[k]) !== canonicalize(after[k])).map(String)
}

export interface StampFacts {
  nodeId: string
  record: ProvenanceRecord
  /** The stored entry as read (null: none). */
  entryRaw: string | null
  by: Person
  at: string
}

export type StampPlan =
  | { ok: true; entry: LicenseEntry; json: string; summary: string; changed: string[] }
  | { ok: false; reason: string }

/**
 * The entry to write when `terms` are saved on a pattern: the terms become current
 * and the change is appended to the history. Refuses a damaged stored entry (kept,
 * never overwritten), a copy not yet captured on its own, unchanged terms, the cap.
 */
export function planStamp(terms: LicenseTerms, facts: StampFacts): StampPlan {
  if (isCopy(facts.record, facts.nodeId)) {
    return { ok: false, reason: 'This layer is a copy of another pattern and has not been captured on its own yet; its license would be the original’s. Capture it first. Nothing was written.' }
  }
  let entry: LicenseEntry = { schema: LICENSE_ENTRY_SCHEMA, version: LICENSE_ENTRY_VERSION, patternId: facts.record.patternId, current: null, history: [] }
  if (facts.entryRaw !== null) {
    const parsed = parseLicenseEntry(facts.entryRaw)
    if (!parsed.ok) return { ok: false, reason: `The license stored on this pattern is damaged (${parsed.error}) It is kept as it is; nothing was written.` }
    // A captured copy carries its original's entry: it starts its own (main keeps the other aside).
    const owner = entryOwnership(facts.record, parsed.entry.patternId)
    if (owner === 'foreign') return { ok: false, reason: `${foreignLicenseError(parsed.entry.patternId)} It is kept as it is; nothing was written.` }
    if (owner === 'own') entry = parsed.entry
  }
  const fp = licenseFingerprint(terms)
  const previous = entry.current
  if (previous && previous.fingerprint === fp) return { ok: false, reason: 'These are the terms already stamped on this pattern; nothing changed.' }
  const changed = changedFields(previous ? previous.terms : null, terms)
  const by = { id: facts.by.id, name: facts.by.name }
  const next: LicenseEntry = {
    ...entry,
    current: { terms, fingerprint: fp, at: facts.at, by },
    history: [...entry.history, { at: facts.at, by, fingerprint: fp, previous: previous ? previous.fingerprint : null, changed }],
  }
  const json = JSON.stringify(next)
  const size = utf8Length(json)
  if (size > LICENSE_MAX_BYTES) {
    return { ok: false, reason: `The license entry would be ${formatCount(size)} bytes, over the ${formatCount(LICENSE_MAX_BYTES)} a pattern can hold. Nothing was written.` }
  }
  return { ok: true, entry: next, json, summary: JSON.stringify(licenseSummaryOf(terms, facts.record.patternId)), changed }
}

/** The message for an entry that names a pattern this layer is neither nor a copy of. */
export function foreignLicenseError(patternId: string): string {
  return `The license entry names pattern ${patternId}, and this layer is neither that pattern nor a copy of it (edited by hand?).`
}

/** Where a copied layer keeps the license entry it inherited from pattern `patternId`. */
export function licenseAsideKey(patternId: string): string {
  return 'license.inherited.' + patternId
}

/**
 * Main's guard before it stores a license entry: valid, for the record's pattern, and
 * its history keeps every stored change unchanged and adds exactly one.
 */
export function licenseWriteCheck(
  storedRaw: string,
  nextRaw: string,
  record: Pick<ProvenanceRecord, 'patternId' | 'lineage'>,
): { ok: false; reason: string } | { ok: true; keepAside: string | null } {
  const next = parseLicenseEntry(nextRaw)
  if (!next.ok) return { ok: false, reason: `Refusing to write an invalid license entry: ${next.error}` }
  if (next.entry.patternId !== record.patternId) return { ok: false, reason: 'Refusing to write a license entry that names another pattern.' }
  if (!next.entry.current) return { ok: false, reason: 'Refusing to write a license entry without terms.' }
  if (storedRaw === '') return next.entry.history.length === 1 ? { ok: true, keepAside: null } : { ok: false, reason: 'A first license entry has exactly one change in its history.' }
  const stored = parseLicenseEntry(storedRaw)
  if (!stored.ok) return { ok: false, reason: 'The stored license entry is damaged; it is kept as it is.' }
  const owner = entryOwnership(record, stored.entry.patternId)
  if (owner === 'foreign') return { ok: false, reason: `${foreignLicenseError(stored.entry.patternId)} It is kept as it is.` }
  if (owner === 'inherited') return { ok: true, keepAside: licenseAsideKey(stored.entry.patternId) }
  const before = stored.entry.history
  const after = next.entry.history
  if (after.length !== before.length + 1) return { ok: false, reason: 'A license write must add exactly one change to the history.' }
  for (let i = 0; i < before.length; i++) {
    if (canonicalize(before[i]) !== canonicalize(after[i])) return { ok: false, reason: `The license history may only grow; change ${String(i + 1)} would be rewritten.` }
  }
  return { ok: true, keepAside: null }
}
