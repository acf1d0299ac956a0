/**
 * The pack manifest, schema `loomprint/pack@1`: zod/mini (the same schema runs in the
 * UI iframe, which assembles packs, and in the CLI, which verifies them). Its JSON
 * Schema is generated into docs/pack.schema.json (tests/pack/schema.test.ts keeps the
 * two in step); the fields are explained in docs/pack.md.
 *
 * Strict objects throughout: a field the verifier does not know is a field nobody
 * signed off on, so an unknown key is refused rather than ignored.
 */
import * as z from 'zod/mini'
import {
  AiOriginSchema,
  BreakdownSchema,
  ContributionSchema,
  DigitalSourceTypeSchema,
  LineageSchema,
  PersonSchema,
} from '../provenance/record'
import { RASTER_MAX_BYTES } from '../storage/entry-limit'
import { fieldIssuesOf, formatIssues, type FieldIssue } from '../provenance/issues'
import { LicenseTermsSchema } from '../license/terms'
import { IntendedUseSchema as LicenseUseSchema } from '../license/intended-use'

export const PACK_SCHEMA = 'loomprint/pack@1'

/** Limits that keep a hostile manifest from costing a verifier much. */
export const MANIFEST_LIMITS = {
  maxBytes: 8_000_000,
  patterns: 1000,
  assets: 20_000,
  files: 20_000,
  path: 240,
  reviews: 200,
  eligibility: 100,
} as const

const hex64 = () => z.string().check(z.regex(/^[0-9a-f]{64}$/))
const iso = () =>
  z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/))
const text = (max: number) => z.string().check(z.maxLength(max))
const count = () => z.int().check(z.nonnegative())
const unit = () => z.number().check(z.gte(0), z.lte(1))

/**
 * A path inside the pack: forward slashes, no empty, `.` or `..` segment, no leading
 * slash, printable ASCII letters, digits and `._@-` only — the assembler makes
 * every name from a slug, so anything else did not come from Loomprint.
 */
export const PackPathSchema = z
  .string()
  .check(z.maxLength(MANIFEST_LIMITS.path), z.regex(/^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9_@-][A-Za-z0-9._@-]*(\/[A-Za-z0-9_@-][A-Za-z0-9._@-]*)*$/))

export const ASSET_KINDS = ['png', 'svg', 'pdf', 'repeat-preview'] as const
export const MEDIA_TYPES = { png: 'image/png', svg: 'image/svg+xml', pdf: 'application/pdf', 'repeat-preview': 'image/png' } as const

export const AssetEntrySchema = z.strictObject({
  path: PackPathSchema,
  pattern: z.string().check(z.minLength(1), z.maxLength(200)),
  kind: z.enum(ASSET_KINDS),
  mediaType: z.enum(['image/png', 'image/svg+xml', 'application/pdf']),
  /** Export scale for PNGs (1, 2, …), null otherwise. */
  scale: z.nullable(z.number().check(z.gt(0), z.lte(100))),
  bytes: count(),
  sha256: hex64(),
  width: z.nullable(count()),
  height: z.nullable(count()),
  /** blockhash-core bmvbhash, 256 bits as 64 hex, over the image composited on white; null for SVG/PDF. */
  phash: z.nullable(hex64()),
  /** The C2PA manifest definition for this asset. */
  c2pa: PackPathSchema,
})
export type AssetEntry = z.infer<typeof AssetEntrySchema>

export const FileEntrySchema = z.strictObject({
  path: PackPathSchema,
  mediaType: text(100),
  bytes: count(),
  sha256: hex64(),
})
export type FileEntry = z.infer<typeof FileEntrySchema>

/** One rule of src/license checkEligibility, as it held when the pack was made. */
export const RuleResultSchema = z.strictObject({
  id: text(100),
  ok: z.boolean(),
  severity: z.enum(['error', 'warning', 'info']),
  reason: text(2000),
})

/** src/license EligibilityResult. */
export const EligibilitySchema = z.strictObject({
  eligible: z.boolean(),
  verifiedHuman: z.boolean(),
  rules: z.array(RuleResultSchema).check(z.maxLength(MANIFEST_LIMITS.eligibility)),
})
export type Eligibility = z.infer<typeof EligibilitySchema>

/** src/license IntendedUseResult (without the royalty details), for the pack's intended use. */
export const UseResultSchema = z.strictObject({
  permitted: z.boolean(),
  checks: z.array(RuleResultSchema).check(z.maxLength(MANIFEST_LIMITS.eligibility)),
})
export type UseResult = z.infer<typeof UseResultSchema>

/** A review decision and the capture it refers to (an approval holds for that capture only). */
export const PackReviewSchema = z.strictObject({
  decision: z.enum(['approved', 'changesRequested', 'rejected']),
  by: z.strictObject({ id: text(200), name: text(200) }),
  at: iso(),
  note: text(2000),
  capture: z.nullable(
    z.strictObject({
      hash: z.nullable(text(200)),
      at: z.nullable(iso()),
      hcc: z.nullable(unit()),
    }),
  ),
})
export type PackReview = z.infer<typeof PackReviewSchema>

/** Heat maps are files of the pack under this folder: `heatmap/<pattern>.png`. */
export const HEATMAP_DIR = 'heatmap'

/**
 * The capture's heat map, shipped as evidence: the PNG stored with the capture (the
 * same bytes, so `sha256` is the record's), listed in `files` like every other file.
 * Optional: packs made before heat maps, and patterns without one, have none.
 */
export const PackHeatMapSchema = z.strictObject({
  path: PackPathSchema,
  bytes: z.int().check(z.gte(1), z.lte(RASTER_MAX_BYTES)),
  sha256: hex64(),
  width: z.int().check(z.gte(1), z.lte(256)),
  height: z.int().check(z.gte(1), z.lte(256)),
  /** Share of the pattern highlighted as changed, added, removed (the rest is unchanged AI output). */
  shares: z.strictObject({ changed: unit(), added: unit(), removed: unit() }),
})
export type PackHeatMap = z.infer<typeof PackHeatMapSchema>

export const ContributorSchema = z.strictObject({ id: text(200), name: text(200), edits: count() })
export const JournalHeadSchema = z.strictObject({ userId: text(200), head: hex64(), entries: count() })

export const PackPatternSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  name: text(500),
  lineage: z.nullable(LineageSchema),
  /** The declared AI origin; null for a pattern made without generative AI. */
  origin: z.nullable(AiOriginSchema),
  /** The human-contribution coefficient of the capture this pack was made from. */
  hcc: z.nullable(unit()),
  label: text(200),
  digitalSourceType: DigitalSourceTypeSchema,
  method: text(100),
  policyFingerprint: text(500),
  breakdown: z.nullable(BreakdownSchema),
  top: z.array(ContributionSchema).check(z.maxLength(100)),
  capturedAt: z.nullable(iso()),
  capturedBy: z.nullable(PersonSchema),
  contributors: z.array(ContributorSchema).check(z.maxLength(100)),
  journalHeads: z.array(JournalHeadSchema).check(z.maxLength(100)),
  reviews: z.array(PackReviewSchema).check(z.maxLength(MANIFEST_LIMITS.reviews)),
  /** License terms as src/license stores them, and their fingerprint. */
  license: z.nullable(z.strictObject({ terms: LicenseTermsSchema, fingerprint: text(200) })),
  /** checkEligibility when the pack was made; null when the pattern has no terms. */
  eligibility: z.nullable(EligibilitySchema),
  /** checkIntendedUse of the pack's intended use; null when the pack states none. */
  use: z.nullable(UseResultSchema),
  /** The capture's heat map (a file of the pack); absent when the pattern has none. */
  heatmap: z.optional(PackHeatMapSchema),
})
export type PackPattern = z.infer<typeof PackPatternSchema>

/** The pack's intended use: src/license IntendedUse, and the date it is checked at. */
export const IntendedUseSchema = z.strictObject({
  use: LicenseUseSchema,
  /** ISO 8601 date the use starts. */
  at: iso(),
})
export type IntendedUse = z.infer<typeof IntendedUseSchema>

export const SignerInfoSchema = z.strictObject({
  alg: z.literal('Ed25519'),
  publicKey: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  fingerprint: hex64(),
  owner: z.nullable(z.strictObject({ id: text(200), name: text(200) })),
})

export const PackManifestSchema = z.strictObject({
  schema: z.literal(PACK_SCHEMA),
  packId: z.string().check(z.regex(/^lp-[0-9a-f]{32}$/)),
  created: iso(),
  generator: z.strictObject({ name: text(100), version: text(100) }),
  signer: SignerInfoSchema,
  intendedUse: z.nullable(IntendedUseSchema),
  patterns: z.array(PackPatternSchema).check(z.maxLength(MANIFEST_LIMITS.patterns)),
  assets: z.array(AssetEntrySchema).check(z.maxLength(MANIFEST_LIMITS.assets)),
  /** Every other file of the pack except manifest.json and manifest.sig. */
  files: z.array(FileEntrySchema).check(z.maxLength(MANIFEST_LIMITS.files)),
  /** SHA-256 over the canonical list of every asset and file (path, bytes, sha256): one digest for the whole pack. */
  packDigest: hex64(),
})
export type PackManifest = z.infer<typeof PackManifestSchema>

export const MANIFEST_PATH = 'manifest.json'
export const SIGNATURE_PATH = 'manifest.sig'

/** Parses manifest JSON text; never throws. */
export function parseManifest(
  text: string,
): { ok: true; manifest: PackManifest; value: unknown } | { ok: false; error: string; issues: FieldIssue[] } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { ok: false, error: `manifest.json is not valid JSON (${err instanceof Error ? err.message : String(err)})`, issues: [] }
  }
  const r = z.safeParse(PackManifestSchema, value)
  if (!r.success) {
    const issues = fieldIssuesOf(r.error.issues.slice(0, 20))
    return { ok: false, error: `manifest.json does not match ${PACK_SCHEMA}: ${formatIssues(issues)}`, issues }
  }
  return { ok: true, manifest: r.data, value }
}

/** The entries the pack digest covers, in manifest order: assets then files. */
export function digestItems(manifest: Pick<PackManifest, 'assets' | 'files'>): { path: string; bytes: number; sha256: string }[] {
  return [...manifest.assets, ...manifest.files].map((e) => ({ path: e.path, bytes: e.bytes, sha256: e.sha256 }))
}
