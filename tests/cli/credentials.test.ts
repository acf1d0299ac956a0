/**
 * Content Credentials and team identity (issue #22): the example pack sealed by the
 * example team's Ada, read back with the C2PA reference reader (c2pa-wasm), and the
 * refusals a buyer relies on — a changed pixel, a swapped asset, another CA, a revoked
 * key, an expired certificate — each with its reason.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildExamplePack } from '../../scripts/example-pack'
import { exampleTeam, sealAsAda, type ExampleTeam } from '../../scripts/example-team'
import { readAsset } from '../../src/cli/team/c2pa-node'
import { runCli } from '../../src/cli/main'
import { sealPack } from '../../src/cli/team/seal'
import { concatBytes } from '../../src/pack/bytes'
import type { PackManifest } from '../../src/pack/manifest'
import { createZipWriter } from '../../src/pack/zip'
import { certifyPerson, certPem, createTeamCa, crlPem, revocationList } from '../../src/team/ca'
import { keyFromSecret } from '../../src/team/keys'
import { toHex } from '../../src/storage/sha256'
import { buildPack, TMP, writeTmp } from '../pack/support'
import { repack } from './sealed-support'

const SEAL_AT = new Date('2026-03-05T10:00:00Z')
const TODAY = new Date('2026-12-01T00:00:00Z')

async function cli(now: Date, ...argv: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = []
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => out.push(l), now: () => now })
  return { code, out: out.join('\n') }
}

const file = (name: string, bytes: Uint8Array | string): string => {
  const p = path.join(TMP, name)
  writeFileSync(p, bytes)
  return p
}

let team: ExampleTeam
let unsealed = ''
let sealed: Uint8Array
let sealedFile = ''
let caFile = ''
beforeAll(async () => {
  const built = await buildExamplePack()
  unsealed = file('cc-unsealed.zip', built.zip)
  team = await exampleTeam()
  sealed = await sealAsAda(team, unsealed, SEAL_AT)
  sealedFile = file('cc-sealed.zip', sealed)
  caFile = file('cc-team-ca.pem', team.caPem)
  file('cc-team-ca.crl.pem', team.crlPem)
}, 180_000)

describe('the sealed example pack in the C2PA reference reader', () => {
  it('every PNG, SVG and PDF asset reads back Valid (only "untrusted signer" without the CA) and Trusted with the example team CA', async () => {
    const files = new Map(Object.entries(unzipSync(sealed)))
    const m = JSON.parse(Buffer.from(files.get('manifest.json')!).toString('utf8')) as PackManifest
    const assets = m.assets
    expect(assets.map((a) => a.mediaType).sort()).toEqual(['application/pdf', 'image/png', 'image/png', 'image/png', 'image/svg+xml'])
    for (const a of assets) {
      const bytes = files.get(a.path)!
      const plain = await readAsset(bytes, a.mediaType)
      expect(plain.state, a.path).toBe('Valid')
      expect(plain.failures.map((f) => f.code)).toEqual(['signingCredential.untrusted'])
      const trusted = await readAsset(bytes, a.mediaType, team.caPem)
      expect(trusted.state, a.path).toBe('Trusted')
      expect(trusted.failures).toEqual([])
      const labels = (trusted.manifest?.assertions ?? []).map((x) => x.label)
      expect(labels).toEqual(expect.arrayContaining(['c2pa.actions.v2', 'cawg.training-mining', 'cawg.metadata', 'com.loomprint.hcc']))
      expect(labels).not.toContain('stds.schema-org.CreativeWork')
      const hcc = trusted.manifest!.assertions!.find((x) => x.label === 'com.loomprint.hcc')!.data as { hcc: number; label: string }
      const p = m.patterns.find((x) => x.id === a.pattern)!
      expect(hcc).toMatchObject({ hcc: p.hcc, label: p.label })
    }
  }, 120_000)

  it('loomprint verify --trust-ca: VERIFIED, the chain, the revocation list and every embedded manifest checked', async () => {
    const r = await cli(TODAY, 'verify', sealedFile, '--trust-ca', caFile)
    expect(r.out).toMatch(/^✓ certificate: signed by Ada Example, certified by Example Studio Loomprint team CA/m)
    expect(r.out).toMatch(/^✓ revocation: not revoked/m)
    expect(r.out).toMatch(/^✓ credentials: 5 embedded C2PA manifests, each Trusted with the team CA/m)
    expect(r.code).toBe(0)
    // a pinned key keeps working
    expect((await cli(TODAY, 'verify', sealedFile, '--trust', toHex(team.ada.key.publicKey))).code).toBe(0)
  }, 120_000)

  it('the plugin\'s unsealed pack still verifies, and --trust-ca refuses it: no certificate', async () => {
    expect((await cli(TODAY, 'verify', unsealed)).code).toBe(0)
    const r = await cli(TODAY, 'verify', unsealed, '--trust-ca', caFile)
    expect(r.out).toMatch(/✗ certificate: the pack carries no certificate/)
    expect(r.code).toBe(1)
  })
})

describe('every kind of human change', () => {
  it('a pattern with colour, shape, added, moved, style and removed changes seals and reads Valid (c2pa.removed names the AI ingredient)', async () => {
    const fixture = writeTmp(await buildPack(), 'cc-fixture.zip')
    const r = await sealPack({ file: fixture, key: team.ada.key, cert: team.ada.cert, now: SEAL_AT })
    if (!r.ok) throw new Error(r.error)
    const files = new Map(Object.entries(unzipSync(concatBytes(r.parts))))
    const png = r.manifest.assets.find((a) => a.mediaType === 'image/png' && r.manifest.patterns.find((p) => p.id === a.pattern)!.origin)!
    const back = await readAsset(files.get(png.path)!, 'image/png', team.caPem)
    expect(back.state).toBe('Trusted')
    const actions = (back.manifest!.assertions!.find((x) => x.label === 'c2pa.actions.v2')!.data as { actions: { action: string }[] }).actions.map((a) => a.action)
    expect(actions).toContain('c2pa.removed')
    expect(actions[0]).toBe('c2pa.created')
  }, 120_000)
})

describe('refusals, each with its reason', () => {
  it('a changed pixel: the reader reports the data-hash mismatch, and verify refuses the pack even re-signed by its own key', async () => {
    const png = 'assets/paisley/paisley@2x.png'
    const files = new Map(Object.entries(unzipSync(sealed)))
    const bytes = Uint8Array.from(files.get(png)!)
    // the last IDAT byte before IEND's 12 bytes and the CRC: picture data, not the manifest
    bytes[bytes.length - 12 - 4 - 1] ^= 0x01
    const back = await readAsset(bytes, 'image/png', team.caPem)
    expect(back.failures.map((f) => f.code)).toContain('assertion.dataHash.mismatch')
    expect((await cli(TODAY, 'verify', file('cc-pixel-plain.zip', repackKeepSig(sealed, png, bytes)))).out).toMatch(/✗ hashes: SHA-256 differs for assets\/paisley\/paisley@2x.png/)
    const forged = repack(sealed, team.ada.key, (f) => f.set(png, bytes))
    const r = await cli(TODAY, 'verify', file('cc-pixel.zip', forged), '--trust-ca', caFile)
    expect(r.out).toMatch(/✗ credentials: .*paisley@2x\.png: Invalid \(.*assertion\.dataHash\.mismatch/)
    expect(r.code).toBe(1)
  }, 120_000)

  it('a swapped asset: each file carries its own manifest label, so swapping two is refused', async () => {
    const a = 'assets/paisley/paisley@1x.png'
    const b = 'assets/paisley/paisley@2x.png'
    const forged = repack(sealed, team.ada.key, (f) => {
      const x = f.get(a)!
      f.set(a, f.get(b)!)
      f.set(b, x)
    })
    const r = await cli(TODAY, 'verify', file('cc-swap.zip', forged), '--trust-ca', caFile)
    expect(r.out).toMatch(/✗ credentials: .*paisley@1x\.png: carries manifest urn:c2pa:[0-9a-f-]+, not the urn:c2pa:[0-9a-f-]+ the pack names/)
    expect(r.code).toBe(1)
  }, 120_000)

  it('another CA: the pack\'s certificate and, in a mixed pack, the asset manifest are refused', async () => {
    const otherKey = await keyFromSecret('Ed25519', new Uint8Array(32).fill(9))
    const other = { cert: await createTeamCa({ team: 'Example Studio', key: otherKey, now: new Date('2026-03-01T00:00:00Z') }), key: otherKey }
    const mallory = await certifyPerson({ ca: other, person: { name: 'Ada Example', email: 'ada@example.com' }, publicKey: team.ada.key.keys.publicKey, publicKeyRaw: team.ada.key.publicKey, now: new Date('2026-03-01T00:00:00Z'), days: 3650 })
    const r1 = await sealPack({ file: unsealed, key: team.ada.key, cert: mallory, now: SEAL_AT })
    if (!r1.ok) throw new Error(r1.error)
    const otherSealed = concatBytes(r1.parts)
    const whole = await cli(TODAY, 'verify', file('cc-other.zip', otherSealed), '--trust-ca', caFile)
    expect(whole.out).toMatch(/✗ certificate: Ada Example's certificate names the team CA but is not signed by its key/)
    expect(whole.code).toBe(1)
    // one asset from the other CA's seal inside Ada's sealed pack, everything else re-signed by Ada
    const png = 'assets/paisley/paisley@1x.png'
    const stray = new Map(Object.entries(unzipSync(otherSealed))).get(png)!
    const mixed = repack(sealed, team.ada.key, (f) => f.set(png, stray))
    const r = await cli(TODAY, 'verify', file('cc-mixed.zip', mixed), '--trust-ca', caFile)
    expect(r.out).toMatch(/✗ credentials: .*paisley@1x\.png: Valid, not signed under the team CA \(signingCredential\.untrusted\)/)
    expect(r.code).toBe(1)
    const noCa = await cli(TODAY, 'verify', file('cc-mixed.zip', mixed))
    expect(noCa.out).toMatch(/✗ credentials: .*paisley@1x\.png: signed with another certificate/)
  }, 180_000)

  it('a revoked key: loomprint team revoke, then every pack Ada signed is refused', async () => {
    const crl = await revocationList({ ca: team.ca, revoked: [{ serial: team.ada.cert.serialNumber.toLowerCase(), at: new Date('2026-11-01T00:00:00Z'), reason: 'keyCompromise' }], now: new Date('2026-11-01T00:00:00Z') })
    const crlFile = file('cc-revoked.crl.pem', crlPem(crl))
    const r = await cli(TODAY, 'verify', sealedFile, '--trust-ca', caFile, '--crl', crlFile)
    expect(r.out).toMatch(/✗ revocation: Ada Example's certificate was revoked on 2026-11-01 \(keyCompromise\)/)
    expect(r.code).toBe(1)
    // a list not signed by the team CA is refused, not believed
    const forgedCrl = await revocationList({ ca: { cert: team.ca.cert, key: team.ada.key }, revoked: [], now: TODAY })
    const f = await cli(TODAY, 'verify', sealedFile, '--trust-ca', caFile, '--crl', file('cc-forged.crl.pem', crlPem(forgedCrl)))
    expect(f.out).toMatch(/✗ revocation: the revocation list is not signed by the team CA/)
  }, 120_000)

  it('manifest.json that disagrees with the embedded manifests (another HCC, re-signed by the sealing key) is refused as a mismatch', async () => {
    const forged = repack(sealed, team.ada.key, (_f, m) => void (m.patterns[0]!.hcc = 0.9))
    const r = await cli(TODAY, 'verify', file('cc-hcc.zip', forged), '--trust-ca', caFile)
    expect(r.out).toMatch(/✗ credentials: .*the embedded manifest disagrees with manifest\.json \(label, HCC, source type or licence fingerprint/)
    expect(r.code).toBe(1)
  }, 120_000)

  it('an expired certificate is refused with its date', async () => {
    const r = await cli(new Date('2037-01-01T00:00:00Z'), 'verify', sealedFile, '--trust-ca', caFile)
    expect(r.out).toMatch(/✗ certificate: Ada Example's certificate expired on 2036-03-01 \(checked at 2037-01-01\)/)
    expect(r.code).toBe(1)
  })
})

describe('team commands', () => {
  it('init, certify (P-256), seal, verify, revoke — through the command line', async () => {
    const dir = path.join(TMP, 'team-cli')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(dir, { recursive: true })
    expect((await cli(TODAY, 'team', 'init', '--team', 'Nord', '--alg', 'p256', '--dir', dir)).code).toBe(0)
    expect((await cli(TODAY, 'team', 'init', '--team', 'Nord', '--dir', dir)).code).toBe(2) // never overwrites a CA
    const prefix = path.join(dir, 'bo')
    const c = await cli(TODAY, 'team', 'certify', '--name', 'Bo', '--email', 'bo@nord.example', '--alg', 'p256', '--dir', dir, '--out', prefix)
    expect(c.out).toMatch(/certified Bo <bo@nord\.example> \(ES256/)
    const out = path.join(dir, 'sealed.zip')
    const s = await cli(TODAY, 'seal', unsealed, '--key', `${prefix}.key.pem`, '--cert', `${prefix}.pem`, '--out', out)
    expect(s.out).toMatch(/sealed 5 assets/)
    expect(s.code).toBe(0)
    const v = await cli(TODAY, 'verify', out, '--trust-ca', path.join(dir, 'team-ca.pem'))
    expect(v.out).toMatch(/✓ signature: signed with ES256 key/)
    expect(v.code).toBe(0)
    expect((await cli(TODAY, 'team', 'revoke', `${prefix}.pem`, '--dir', dir)).code).toBe(0)
    const after = await cli(TODAY, 'verify', out, '--trust-ca', path.join(dir, 'team-ca.pem'))
    expect(after.out).toMatch(/✗ revocation: Bo's certificate was revoked/)
    expect(after.code).toBe(1)
    expect(certPem(team.ca.cert)).toBe(readFileSync(caFile, 'utf8'))
  }, 180_000)

  it('seal refuses a pack that does not verify, and a key its certificate does not certify', async () => {
    const bad = Uint8Array.from(readFileSync(unsealed))
    bad[bad.length - 300] ^= 0xff
    const r = await sealPack({ file: file('cc-bad.zip', bad), key: team.ada.key, cert: team.ada.cert, now: SEAL_AT })
    expect(r.ok).toBe(false)
    const other = await keyFromSecret('Ed25519', new Uint8Array(32).fill(3))
    const r2 = await sealPack({ file: unsealed, key: other, cert: team.ada.cert, now: SEAL_AT })
    expect(r2).toEqual({ ok: false, error: 'the certificate does not certify this key' })
  }, 120_000)

  it('the example team is the same bytes every run (Ed25519, serials from the content)', async () => {
    const again = await exampleTeam()
    expect(again.caPem).toBe(team.caPem)
    expect(certPem(again.ada.cert)).toBe(certPem(team.ada.cert))
  })
})

/** Replaces one file's bytes in the zip without touching the manifest (plain tampering). */
function repackKeepSig(zip: Uint8Array, p: string, bytes: Uint8Array): Uint8Array {
  const files = new Map<string, Uint8Array>(Object.entries(unzipSync(zip)))
  files.set(p, bytes)
  const m = JSON.parse(Buffer.from(files.get('manifest.json')!).toString('utf8')) as PackManifest
  const z = createZipWriter(Date.parse(m.created))
  z.add({ path: 'manifest.json', bytes: files.get('manifest.json')!, compress: true })
  z.add({ path: 'manifest.sig', bytes: files.get('manifest.sig')!, compress: false })
  for (const f of m.files) z.add({ path: f.path, bytes: files.get(f.path)!, compress: true })
  for (const a of m.assets) z.add({ path: a.path, bytes: files.get(a.path)!, compress: false })
  return concatBytes(z.finish())
}
