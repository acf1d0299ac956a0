/**
 * The Content Credentials of a sealed pack, read back with the reference reader
 * (c2pa-node.ts): every PNG, SVG and PDF asset carries the manifest the pack's `sealed`
 * list names; the reader finds it Valid (Trusted when the team CA is given), with no
 * failure but the expected `signingCredential.untrusted` when no CA is given; it was
 * signed with the pack signer's certificate; and what it asserts is what manifest.json
 * says — the same label, HCC, source type and licence fingerprint (the Loomprint
 * assertion), the same training and mining terms, the same first action.
 *
 * Assets are read one at a time, straight from the offsets the layout check verified,
 * and hashed again: a file changed between the checks is refused.
 */
import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { inflateRawSync } from 'node:zlib'
import type { LayoutEntry } from '../archive'
import { readAsset } from './c2pa-node'
import type { Check } from '../../pack/verify'
import { canonicalBytes } from '../../pack/canonical'
import type { AssetEntry, PackManifest } from '../../pack/manifest'
import { LOOMPRINT_ASSERTION, loomprintAssertionOf } from '../../pack/c2pa'
import { licenseViewOf } from '../../pack/license-bridge'
import { parseCertificate } from '../../team/chain'
import { CAWG_TRAINING_MINING_LABEL } from '../../license/training'

/** The assets that carry an embedded manifest: every PNG (repeat previews too), SVG and PDF. */
export function sealable(a: Pick<AssetEntry, 'mediaType'>): boolean {
  return a.mediaType === 'image/png' || a.mediaType === 'image/svg+xml' || a.mediaType === 'application/pdf'
}

async function readEntry(file: string, e: LayoutEntry): Promise<Uint8Array> {
  const fh = await open(file, 'r')
  try {
    const raw = Buffer.alloc(e.compressedSize)
    await fh.read(raw, 0, e.compressedSize, e.dataStart)
    return e.method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: e.uncompressedSize })
  } finally {
    await fh.close()
  }
}

/** Equal as JSON values: the reader returns CBOR maps in its own key order, so compare RFC 8785 forms. */
const same = (a: unknown, b: unknown): boolean => a !== undefined && b !== undefined && Buffer.from(canonicalBytes(a)).equals(Buffer.from(canonicalBytes(b)))

export async function checkCredentials(input: {
  file: string
  layout: readonly LayoutEntry[]
  manifest: PackManifest
  /** The team CA, PEM, when --trust-ca was given. */
  caPem: string | null
}): Promise<Check> {
  const m = input.manifest
  const fail = (message: string): Check => ({ id: 'credentials', ok: false, message })
  if (!m.sealed) return fail('the pack carries no Content Credentials (it was not sealed with loomprint seal)')
  const cert = m.signer.certificate ? parseCertificate(m.signer.certificate) : null
  if (!cert) return fail('the pack is marked sealed but carries no readable signer certificate')
  const wanted = m.assets.filter(sealable).map((a) => a.path).sort()
  const named = m.sealed.manifests.map((x) => x.path).sort()
  if (JSON.stringify(wanted) !== JSON.stringify(named)) return fail('the sealed list does not name exactly the PNG, SVG and PDF assets')
  const entry = new Map(input.layout.map((e) => [e.name, e]))
  const problems: string[] = []
  for (const { path, label } of m.sealed.manifests) {
    const a = m.assets.find((x) => x.path === path)!
    const p = m.patterns.find((x) => x.id === a.pattern)!
    const at = entry.get(path)
    const defAt = entry.get(a.c2pa)
    if (!at || !defAt) {
      problems.push(`${path}: missing`)
      continue
    }
    const bytes = await readEntry(input.file, at)
    if (createHash('sha256').update(bytes).digest('hex') !== a.sha256) {
      problems.push(`${path}: the file changed while it was checked`)
      continue
    }
    const back = await readAsset(bytes, a.mediaType, input.caPem ?? undefined)
    if (!back.state || !back.manifest) {
      problems.push(`${path}: ${back.error ?? 'no C2PA manifest'}`)
      continue
    }
    const failures = back.failures.filter((f) => !(f.code === 'signingCredential.untrusted' && !input.caPem))
    if (failures.length) {
      const untrusted = failures.some((f) => f.code === 'signingCredential.untrusted')
      problems.push(`${path}: ${back.state}${untrusted ? ', not signed under the team CA' : ''} (${failures.map((f) => f.code).join(', ')})`)
      continue
    }
    if (input.caPem && back.state !== 'Trusted') {
      problems.push(`${path}: ${back.state}, not Trusted with the team CA`)
      continue
    }
    if (back.label !== label) {
      problems.push(`${path}: carries manifest ${back.label}, not the ${label} the pack names`)
      continue
    }
    const si = back.manifest.signature_info
    const serial = si?.cert_serial_number ? BigInt(si.cert_serial_number).toString(16) : ''
    if (serial !== BigInt(`0x${cert.serialNumber}`).toString(16)) {
      problems.push(`${path}: signed with another certificate (serial ${serial || 'unknown'}) than the pack's`)
      continue
    }
    const assertions = new Map((back.manifest.assertions ?? []).map((x) => [x.label, x.data]))
    const def = JSON.parse(Buffer.from(await readEntry(input.file, defAt)).toString('utf8')) as { assertions?: { label: string; data: unknown }[] }
    const declared = new Map((def.assertions ?? []).map((x) => [x.label, x.data]))
    const mismatch: string[] = []
    if (!same(assertions.get(LOOMPRINT_ASSERTION), loomprintAssertionOf(p))) mismatch.push('label, HCC, source type or licence fingerprint')
    if (!same((assertions.get(CAWG_TRAINING_MINING_LABEL) as { entries?: unknown } | undefined)?.entries, licenseViewOf(p).cawg)) mismatch.push('training and mining terms')
    for (const l of ['cawg.metadata', LOOMPRINT_ASSERTION, CAWG_TRAINING_MINING_LABEL]) if (!same(assertions.get(l), declared.get(l))) mismatch.push(`${l} differs from ${a.c2pa}`)
    const first = (x: unknown) => (x as { actions?: { action: string; digitalSourceType?: string }[] } | undefined)?.actions?.[0]
    if (!same(first(assertions.get('c2pa.actions.v2')), first(declared.get('c2pa.actions.v2')))) mismatch.push('first action differs from the definition')
    if (mismatch.length) {
      problems.push(`${path}: the embedded manifest disagrees with manifest.json (${[...new Set(mismatch)].join('; ')})`)
      continue
    }
  }
  if (problems.length) return fail(`Content Credentials refused: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` and ${problems.length - 5} more` : ''}`)
  const n = m.sealed.manifests.length
  return {
    id: 'credentials',
    ok: true,
    message: input.caPem
      ? `${n} embedded C2PA manifests, each Trusted with the team CA and in agreement with manifest.json`
      : `${n} embedded C2PA manifests, each Valid and in agreement with manifest.json (signer not checked against a CA: pass --trust-ca)`,
  }
}
