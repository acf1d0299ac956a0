/**
 * Verifies a pack's contents once the archive has been read safely (the container
 * checks live with the reader: src/cli/archive.ts in Node). Pure: the caller
 * supplies each entry's size and SHA-256 and the text of the small files; this
 * decides. Every check says what it found, in words a recipient can act on.
 */
import { canonicalBytes } from './canonical'
import { keyFingerprint, verifyPackSignature } from './keys'
import { checkTermAt, checkUse } from './license-bridge'
import type { IntendedUse } from '../license/intended-use'
import { HEATMAP_DIR, MANIFEST_PATH, SIGNATURE_PATH, digestItems, parseManifest, type PackManifest } from './manifest'
import { base64Decode } from '../storage/base64'
import { fromHex, sha256, toHex } from '../storage/sha256'

export interface Check {
  /** Stable id: "archive", "schema", "files", "hashes", "digest", "signature", "key", "term", "use", "odrl"… */
  id: string
  /** true ✓, false ✗; null = information only (e.g. a key shown as unpinned). */
  ok: boolean | null
  message: string
}

export interface EntryFacts {
  path: string
  bytes: number
  sha256: string
}

export interface VerifyContentsInput {
  entries: readonly EntryFacts[]
  manifestText: string
  signatureText: string
}

export interface VerifyOptions {
  /** Trusted keys: public key hex, fingerprint hex, or a fingerprint prefix of ≥ 16 hex. */
  trust?: readonly string[]
  /** The date the license term is checked at (default: now). */
  at?: Date
  /** An intended use to check against every pattern's terms (at `at`). */
  use?: IntendedUse | null
  now?: () => Date
}

export interface VerifyReport {
  verified: boolean
  checks: Check[]
  manifest: PackManifest | null
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function list(xs: readonly string[], max = 5): string {
  return xs.slice(0, max).join(', ') + (xs.length > max ? ` and ${xs.length - max} more` : '')
}

/** Runs every content check; `verified` only when none failed. */
export function verifyPackContents(input: VerifyContentsInput, options: VerifyOptions = {}): VerifyReport {
  const checks: Check[] = []
  const add = (id: string, ok: boolean | null, message: string): void => {
    checks.push({ id, ok, message })
  }
  const done = (manifest: PackManifest | null): VerifyReport => ({
    verified: checks.length > 0 && checks.every((c) => c.ok !== false),
    checks,
    manifest,
  })

  // --- the manifest against its schema
  const parsed = parseManifest(input.manifestText)
  if (!parsed.ok) {
    add('schema', false, parsed.error)
    return done(null)
  }
  const m = parsed.manifest
  // One text, one meaning: JSON.parse keeps the last of two duplicate keys, other
  // parsers the first. The writer's form is fixed (2-space JSON and a newline), so
  // anything else — reformatted, re-ordered, duplicate keys — is refused.
  if (input.manifestText !== `${JSON.stringify(parsed.value, null, 2)}\n`) {
    add('schema', false, 'manifest.json is not in the form Loomprint writes (reformatted, or a key appears twice)')
    return done(null)
  }
  add('schema', true, `manifest.json matches ${m.schema} (${plural(m.patterns.length, 'pattern')}, ${plural(m.assets.length, 'asset')})`)

  // --- the signature over the canonical manifest (as parsed, unknown keys included)
  const sig = base64Decode(input.signatureText.trim())
  const publicKey = fromHex(m.signer.publicKey)
  const alg = m.signer.alg
  if (!sig || sig.length !== 64) add('signature', false, `manifest.sig is not a base64 ${alg} signature (64 bytes)`)
  else if (!publicKey || publicKey.length !== (alg === 'Ed25519' ? 32 : 33)) add('signature', false, `the signer public key is not an ${alg} key`)
  else if (keyFingerprint(publicKey) !== m.signer.fingerprint) add('signature', false, 'the signer fingerprint does not match the signer public key')
  else if (!verifyPackSignature(alg, sig, canonicalBytes(parsed.value), publicKey)) {
    add('signature', false, `the ${alg} signature does not match the manifest (the manifest or the signature was changed)`)
  } else {
    add('signature', true, `signed with ${alg} key ${m.signer.fingerprint.slice(0, 16)}${m.signer.owner ? ` (${m.signer.owner.name || m.signer.owner.id})` : ''}`)
  }

  // --- the key: pinned or not
  const trust = (options.trust ?? []).map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0)
  if (trust.length === 0) {
    add('key', null, `key not pinned: fingerprint ${m.signer.fingerprint}; pass --trust to require it`)
  } else {
    const fp = m.signer.fingerprint
    const pinned = trust.some((t) => t === m.signer.publicKey || t === fp || (t.length >= 16 && /^[0-9a-f]+$/.test(t) && fp.startsWith(t)))
    add('key', pinned, pinned ? `key ${fp.slice(0, 16)} is a trusted key` : `key ${fp.slice(0, 16)} is not among the trusted keys`)
  }

  // --- the exact file set
  const expected = new Map<string, { bytes: number; sha256: string }>()
  for (const e of [...m.assets, ...m.files]) expected.set(e.path, { bytes: e.bytes, sha256: e.sha256 })
  const inManifest = expected.size === m.assets.length + m.files.length
  const present = new Map(input.entries.map((e) => [e.path, e]))
  const missing = [...expected.keys()].filter((p) => !present.has(p))
  const extra = [...present.keys()].filter((p) => p !== MANIFEST_PATH && p !== SIGNATURE_PATH && !expected.has(p))
  const c2paMissing = m.assets.filter((a) => !m.files.some((f) => f.path === a.c2pa)).map((a) => a.c2pa)
  const patternIds = new Set(m.patterns.map((p) => p.id))
  const orphan = m.assets.filter((a) => !patternIds.has(a.pattern)).map((a) => a.path)
  if (!inManifest) add('files', false, 'the manifest lists a path twice')
  else if (missing.length || extra.length || c2paMissing.length || orphan.length || present.size !== input.entries.length) {
    const why = [
      missing.length ? `missing: ${list(missing)}` : '',
      extra.length ? `not in the manifest: ${list(extra)}` : '',
      c2paMissing.length ? `C2PA definitions not listed: ${list(c2paMissing)}` : '',
      orphan.length ? `assets of no listed pattern: ${list(orphan)}` : '',
      present.size !== input.entries.length ? 'an entry name appears twice' : '',
    ].filter(Boolean)
    add('files', false, `the file set differs from the manifest (${why.join('; ')})`)
  } else add('files', true, `exactly the ${plural(expected.size + 2, 'file')} the manifest lists`)

  // --- every SHA-256
  const bad: string[] = []
  for (const [path, want] of expected) {
    const got = present.get(path)
    if (got && (got.sha256 !== want.sha256 || got.bytes !== want.bytes)) bad.push(path)
  }
  if (bad.length) add('hashes', false, `SHA-256 differs for ${list(bad)}`)
  else add('hashes', missing.length === 0 ? true : false, missing.length === 0 ? `every SHA-256 matches (${plural(expected.size, 'file')})` : 'cannot check the hashes of missing files')

  // --- heat maps: each names a listed PNG of its own (whose bytes the hashes above checked),
  // and every file under heatmap/ is some pattern's. Packs made before heat maps have neither.
  const heatFiles = m.files.filter((f) => f.path.startsWith(`${HEATMAP_DIR}/`))
  const heatPatterns = m.patterns.filter((p) => p.heatmap !== undefined)
  if (heatPatterns.length > 0 || heatFiles.length > 0) {
    const problems: string[] = []
    const named = new Set<string>()
    for (const p of heatPatterns) {
      const h = p.heatmap!
      const f = m.files.find((x) => x.path === h.path)
      if (!h.path.startsWith(`${HEATMAP_DIR}/`) || !h.path.endsWith('.png')) problems.push(`${p.name}: ${h.path} is not a heat map path`)
      else if (!f) problems.push(`${p.name}: ${h.path} is not a listed file`)
      else if (f.sha256 !== h.sha256 || f.bytes !== h.bytes || f.mediaType !== 'image/png') problems.push(`${p.name}: ${h.path} is listed as another file`)
      if (named.has(h.path)) problems.push(`${h.path} is named by two patterns`)
      named.add(h.path)
    }
    for (const f of heatFiles) if (!named.has(f.path)) problems.push(`${f.path} is no pattern's heat map`)
    add(
      'heatmaps',
      problems.length === 0,
      problems.length === 0 ? `${plural(heatPatterns.length, 'heat map')}, each the listed file of its pattern` : `the heat maps do not match the manifest (${list(problems)})`,
    )
  }

  // --- the pack digest
  const digest = toHex(sha256(canonicalBytes(digestItems(m))))
  add('digest', digest === m.packDigest, digest === m.packDigest ? `pack digest ${digest}` : 'the pack digest does not match the listed files')

  // --- license term at a date, intended use
  const at = options.at ?? (options.now ?? (() => new Date()))()
  for (const p of m.patterns) {
    const term = checkTermAt(p, at)
    if (term) add('term', term.ok, `${p.name}: ${term.reason} at ${at.toISOString().slice(0, 10)}`)
    else add('term', null, `${p.name}: the terms state no term`)
  }
  if (options.use) {
    for (const p of m.patterns) {
      const r = checkUse(p, options.use, at)
      add('use', r.ok, `${p.name}: intended use ${r.ok ? 'allowed' : 'denied'}${r.reasons.length ? ` (${r.reasons.join('; ')})` : ''}`)
    }
  }
  return done(m)
}
