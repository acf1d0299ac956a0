/**
 * Hostile sealed packs: over 1,000 mutations of the sealed example pack, checked with
 * the team CA (`--trust-ca`). A changed byte in every entry, and forgeries by an
 * insider who holds Ada's signing key and re-signs the manifest — edited seal labels,
 * a dropped seal, another certificate, assets moved between paths, a C2PA definition
 * or embedded manifest that disagrees with manifest.json. None may verify, none may throw,
 * and each is refused with a reason.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildExamplePack } from '../../scripts/example-pack'
import { exampleTeam, sealAsAda } from '../../scripts/example-team'
import { checkArchiveLayout } from '../../src/cli/archive'
import { runCli } from '../../src/cli/main'
import { certifyPerson, createTeamCa } from '../../src/team/ca'
import { keyFromSecret } from '../../src/team/keys'
import { TMP } from '../pack/support'
import { repack } from './sealed-support'

const TODAY = new Date('2026-12-01T00:00:00Z')

function rng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('hostile sealed packs', () => {
  it('refuses every one of over 1,000 mutations of the sealed example with the team CA, each with a reason, without throwing', async () => {
    const unsealed = path.join(TMP, 'hs-unsealed.zip')
    writeFileSync(unsealed, (await buildExamplePack()).zip)
    const team = await exampleTeam()
    const sealed = await sealAsAda(team, unsealed, new Date('2026-03-05T10:00:00Z'))
    const base = path.join(TMP, 'hs-base.zip')
    writeFileSync(base, sealed)
    const ca = path.join(TMP, 'hs-team-ca.pem')
    writeFileSync(ca, team.caPem)
    writeFileSync(path.join(TMP, 'hs-team-ca.crl.pem'), team.crlPem)
    const layout = await checkArchiveLayout(base)
    if (!layout.ok) throw new Error('the sealed pack fails its own layout check')

    const all: { kind: string; bytes: Uint8Array }[] = []
    const rand = rng(22)
    // a byte changed inside every entry's data, 70 places each
    for (const e of layout.entries) {
      for (let k = 0; k < 70; k++) {
        const b = Uint8Array.from(sealed)
        b[e.dataStart + Math.floor(rand() * e.compressedSize)] ^= 1 + Math.floor(rand() * 255)
        all.push({ kind: `byte in ${e.name}`, bytes: b })
      }
    }
    // insider forgeries, re-signed with Ada's key
    const key = team.ada.key
    const files = new Map(Object.entries(unzipSync(sealed)))
    const paths = [...files.keys()].filter((p) => p.startsWith('assets/'))
    const unsealedFiles = new Map(Object.entries(unzipSync(readFileSync(unsealed))))
    all.push({ kind: 'seal dropped', bytes: repack(sealed, key, (_f, m) => void delete m.sealed) })
    all.push({ kind: 'certificate dropped', bytes: repack(sealed, key, (_f, m) => void delete m.signer.certificate) })
    for (const [i, p] of paths.entries()) {
      all.push({ kind: 'seal label changed', bytes: repack(sealed, key, (_f, m) => void (m.sealed!.manifests.find((x) => x.path === p)!.label = 'urn:c2pa:00000000-0000-4000-8000-00000000000' + String(i))) })
      all.push({ kind: 'seal entry removed', bytes: repack(sealed, key, (_f, m) => void (m.sealed!.manifests = m.sealed!.manifests.filter((x) => x.path !== p))) })
      all.push({ kind: 'asset from the unsealed pack', bytes: repack(sealed, key, (f) => void f.set(p, unsealedFiles.get(p)!)) })
      const other = paths[(i + 1) % paths.length]!
      if (p.slice(p.lastIndexOf('.')) === other.slice(other.lastIndexOf('.'))) all.push({ kind: 'assets swapped', bytes: repack(sealed, key, (f) => { const x = f.get(p)!; f.set(p, f.get(other)!); f.set(other, x) }) })
      const def = `c2pa/${p.slice('assets/'.length)}.json`
      all.push({ kind: 'hcc edited in the manifest', bytes: repack(sealed, key, (_f, m) => void (m.patterns[0]!.hcc = 0.9)) })
      all.push({ kind: 'definition edited', bytes: repack(sealed, key, (f) => void f.set(def, new TextEncoder().encode(new TextDecoder().decode(f.get(def)).replace('"hcc": 0', '"hcc": 0.5')))) })
    }
    const otherKey = await keyFromSecret('Ed25519', new Uint8Array(32).fill(5))
    const otherCa = { cert: await createTeamCa({ team: 'Example Studio', key: otherKey, now: new Date('2026-03-01T00:00:00Z') }), key: otherKey }
    const forged = await certifyPerson({ ca: otherCa, person: { name: 'Ada Example', email: 'ada@example.com' }, publicKey: key.keys.publicKey, publicKeyRaw: key.publicKey, now: new Date('2026-03-01T00:00:00Z'), days: 3650 })
    all.push({ kind: 'certificate from another CA', bytes: repack(sealed, key, (_f, m) => void (m.signer.certificate = Buffer.from(forged.rawData).toString('base64'))) })
    expect(all.length).toBeGreaterThanOrEqual(1000)

    const verified: string[] = []
    const noReason: string[] = []
    const thrown: string[] = []
    for (const [i, m] of all.entries()) {
      const file = path.join(TMP, `hs-${i}.zip`)
      writeFileSync(file, m.bytes)
      const out: string[] = []
      const err: string[] = []
      try {
        const code = await runCli(['verify', file, '--json', '--trust-ca', ca], { out: (l) => out.push(l), err: (l) => err.push(l), now: () => TODAY })
        if (err.join('').includes('internal error')) thrown.push(`#${i} ${m.kind}: ${err.join(' ')}`)
        const report = JSON.parse(out.join('\n')) as { verified: boolean; checks: { ok: boolean | null; message: string }[] }
        if (report.verified || code === 0) verified.push(`#${i} ${m.kind}`)
        const failed = report.checks.filter((c) => c.ok === false)
        if (failed.length === 0 || failed.some((c) => c.message.length < 10)) noReason.push(`#${i} ${m.kind}`)
      } catch (e) {
        thrown.push(`#${i} ${m.kind}: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
    console.log(`hostile sealed packs: ${all.length} mutations; verified ${verified.length}, without reason ${noReason.length}, thrown ${thrown.length}`)
    expect(thrown).toEqual([])
    expect(verified).toEqual([])
    expect(noReason).toEqual([])
  }, 900_000)
})
