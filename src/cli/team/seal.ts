/**
 * `loomprint seal`: Content Credentials for a finished pack, in Node, by the person
 * whose team certificate signs (docs/pack.md, docs/decisions.md "Where C2PA signing
 * happens"). The pack must verify first. Then every PNG, SVG and PDF asset gets its
 * C2PA manifest — the definition the pack already carries in c2pa/<asset>.json, so
 * what is embedded is what the plugin declared — signed with the person's key and
 * certificate, embedded after the XMP the plugin wrote. Then the pack's hashes, id and
 * digest are recomputed, the signer becomes the certified key, and the manifest is
 * signed again: XMP, then C2PA, then the pack's hashes (STANDARDS.md).
 *
 * Same pack, key, certificate and time give the same manifest labels, the same
 * claims and the same pack signature; the embedded C2PA manifests still differ run to
 * run, because the reference writer salts every assertion box with 16 random bytes
 * (`c2sh`), which no option turns off.
 */
import { createHash } from 'node:crypto'
import { checkArchiveLayout, readEntries } from '../archive'
import { loadPack } from '../load-pack'
import { signAsset } from './c2pa-node'
import { sealable } from './credentials-check'
import { canonicalBytes } from '../../pack/canonical'
import { createZipWriter } from '../../pack/zip'
import { digestItems, MANIFEST_PATH, parseManifest, SIGNATURE_PATH, type AssetEntry, type PackManifest } from '../../pack/manifest'
import { keyFingerprint } from '../../pack/keys'
import type { SigningKey } from '../../team/keys'
import { nameOf, rawPublicKeyOf } from '../../team/chain'
import type { x509 } from '../../team/x509'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')

/** A C2PA manifest label from the content: urn:c2pa: + a UUID (v4 layout) from SHA-256 of pack id and path. */
export function manifestLabel(packId: string, path: string): string {
  const h = createHash('sha256').update(`${packId}\n${path}`).digest()
  h[6] = (h[6]! & 0x0f) | 0x40
  h[8] = (h[8]! & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `urn:c2pa:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`
}

export type SealResult = { ok: true; parts: Uint8Array[]; manifest: PackManifest; msPerAsset: number } | { ok: false; error: string }

export async function sealPack(input: {
  file: string
  key: SigningKey
  cert: x509.X509Certificate
  /** The team CA certificate, appended to the x5chain (readers use it only if they already trust it). */
  ca?: x509.X509Certificate | null
  now: Date
  onProgress?: (done: number, total: number) => void
}): Promise<SealResult> {
  const certKey = rawPublicKeyOf(input.cert)
  if (!certKey || certKey.alg !== input.key.alg || hex(certKey.raw) !== hex(input.key.publicKey)) {
    return { ok: false, error: 'the certificate does not certify this key' }
  }
  const report = await loadPack(input.file, { now: () => input.now })
  if (!report.verified || !report.manifest) {
    const why = report.checks.filter((c) => c.ok === false).map((c) => `${c.id}: ${c.message}`)
    return { ok: false, error: `the pack does not verify, so it is not sealed (${why.slice(0, 3).join('; ')})` }
  }
  if (report.manifest.sealed) return { ok: false, error: 'the pack is already sealed' }
  const layout = await checkArchiveLayout(input.file)
  if (!layout.ok) return { ok: false, error: layout.reasons.join('; ') }
  const all = new Set(layout.entries.map((e) => e.name))
  const read = await readEntries(input.file, layout.entries, all, 2_000_000_000)
  if (!read.ok) return { ok: false, error: read.reasons.join('; ') }
  const bytesOf = new Map<string, Uint8Array>(read.entries.map((e) => [e.path, new Uint8Array(e.content!)]))
  const parsed = parseManifest(Buffer.from(bytesOf.get(MANIFEST_PATH)!).toString('utf8'))
  if (!parsed.ok) return { ok: false, error: parsed.error }
  const m = parsed.manifest
  // The pack was verified from this same file a moment ago; a file changed since is refused.
  for (const e of [...m.assets, ...m.files]) if (sha(bytesOf.get(e.path) ?? new Uint8Array()) !== e.sha256) return { ok: false, error: `${e.path} changed while sealing` }

  const chain = [new Uint8Array(input.cert.rawData), ...(input.ca ? [new Uint8Array(input.ca.rawData)] : [])]
  const targets = m.assets.filter(sealable)
  const assets: AssetEntry[] = []
  const manifests: { path: string; label: string }[] = []
  const started = performance.now()
  let done = 0
  for (const a of m.assets) {
    if (!sealable(a)) {
      assets.push(a)
      continue
    }
    const definition = JSON.parse(Buffer.from(bytesOf.get(a.c2pa)!).toString('utf8')) as object
    const label = manifestLabel(m.packId, a.path)
    let signed: Uint8Array
    try {
      signed = await signAsset({ definition: { ...definition, label }, mediaType: a.mediaType, bytes: bytesOf.get(a.path)!, key: input.key, chain })
    } catch (err) {
      return { ok: false, error: `${a.path}: the C2PA writer refused it (${err instanceof Error ? err.message : String(err)})` }
    }
    bytesOf.set(a.path, signed)
    assets.push({ ...a, bytes: signed.length, sha256: sha(signed) })
    manifests.push({ path: a.path, label })
    input.onProgress?.(++done, targets.length)
  }
  const msPerAsset = targets.length ? (performance.now() - started) / targets.length : 0

  const contentDigest = sha(canonicalBytes({ created: m.created, assets: assets.map((a) => a.sha256), patterns: m.patterns }))
  const email = input.cert.subjectName.getField('E')[0] ?? ''
  const sealedManifest: PackManifest = {
    ...m,
    packId: `lp-${contentDigest.slice(0, 32)}`,
    signer: {
      alg: input.key.alg,
      publicKey: hex(input.key.publicKey),
      fingerprint: keyFingerprint(input.key.publicKey),
      owner: { id: email, name: nameOf(input.cert) },
      certificate: Buffer.from(input.cert.rawData).toString('base64'),
    },
    assets,
    packDigest: sha(canonicalBytes(digestItems({ assets, files: m.files }))),
    sealed: { at: input.now.toISOString(), manifests },
  }
  const signature = input.key.sign(canonicalBytes(sealedManifest))

  // Same order and choices as the assembler (src/pack/assemble.ts): manifest, signature, documents, assets.
  const zip = createZipWriter(Date.parse(m.created))
  const enc = new TextEncoder()
  zip.add({ path: MANIFEST_PATH, bytes: enc.encode(`${JSON.stringify(sealedManifest, null, 2)}\n`), compress: true })
  zip.add({ path: SIGNATURE_PATH, bytes: enc.encode(`${Buffer.from(signature).toString('base64')}\n`), compress: false })
  for (const f of m.files) zip.add({ path: f.path, bytes: bytesOf.get(f.path)!, compress: f.mediaType !== 'image/png' })
  for (const a of assets) zip.add({ path: a.path, bytes: bytesOf.get(a.path)!, compress: a.mediaType === 'image/svg+xml' })
  return { ok: true, parts: zip.finish(), manifest: sealedManifest, msPerAsset }
}
