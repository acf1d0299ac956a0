/** Helpers for sealed packs in tests: rewriting a pack as an insider holding the signing key would. */
import { unzipSync } from 'fflate'
import { concatBytes } from '../../src/pack/bytes'
import { canonicalBytes } from '../../src/pack/canonical'
import { digestItems, parseManifest, type PackManifest } from '../../src/pack/manifest'
import { createZipWriter } from '../../src/pack/zip'
import type { SigningKey } from '../../src/team/keys'
import { sha256, toHex } from '../../src/storage/sha256'

/** Rewrites a pack: edit the files, then hashes, digest and signature made again with `key` — an insider's forgery. */
export function repack(zip: Uint8Array, key: SigningKey, edit: (files: Map<string, Uint8Array>, m: PackManifest) => void): Uint8Array {
  const files = new Map<string, Uint8Array>(Object.entries(unzipSync(zip)))
  const parsed = parseManifest(Buffer.from(files.get('manifest.json')!).toString('utf8'))
  if (!parsed.ok) throw new Error(parsed.error)
  const m = parsed.manifest
  edit(files, m)
  for (const e of [...m.assets, ...m.files]) {
    e.bytes = files.get(e.path)!.length
    e.sha256 = toHex(sha256(files.get(e.path)!))
  }
  m.packDigest = toHex(sha256(canonicalBytes(digestItems(m))))
  const z = createZipWriter(Date.parse(m.created))
  z.add({ path: 'manifest.json', bytes: new TextEncoder().encode(`${JSON.stringify(m, null, 2)}\n`), compress: true })
  z.add({ path: 'manifest.sig', bytes: new TextEncoder().encode(`${Buffer.from(key.sign(canonicalBytes(m))).toString('base64')}\n`), compress: false })
  for (const f of m.files) z.add({ path: f.path, bytes: files.get(f.path)!, compress: true })
  for (const a of m.assets) z.add({ path: a.path, bytes: files.get(a.path)!, compress: false })
  return concatBytes(z.finish())
}
