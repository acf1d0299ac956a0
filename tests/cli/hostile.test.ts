/**
 * Hostile packs: generated mutations of valid packs. Every one must be refused —
 * exit 1 (or 2), never "VERIFIED" — with a reason, and none may throw.
 */
import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { checkArchiveLayout } from '../../src/cli/archive'
import { canonicalBytes } from '../../src/pack/canonical'
import { signerFromSecretKey } from '../../src/pack/keys'
import { keyFingerprint } from '../../src/pack/keys'
import { base64Encode } from '../../src/storage/base64'
import { sha256, toHex } from '../../src/storage/sha256'
import { fixtureInputWithHeatMap, fixtureSigner, OTHER_SECRET_KEY, publicKeyHex } from '../pack/fixture'
import { PAPER_INDEX } from '../../src/coefficient/heatmap'
import { encodeIndexed } from '../../src/storage/heatmap-png'
import { buildPack, cli, unzipPack, writeTmp } from '../pack/support'
import { craftZip, type CraftEntry } from './zip-craft'

interface Mutation {
  kind: string
  bytes: Buffer
  args?: string[]
}

/** A deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const STORED = /\.(png|pdf)$|^manifest\.sig$/

function entriesOf(files: Map<string, Uint8Array>): CraftEntry[] {
  return [...files].map(([name, data]) => ({ name, data, deflate: !STORED.test(name) }))
}

function kindOf(name: string): string {
  if (name.startsWith('c2pa/')) return 'c2pa'
  if (name.startsWith('heatmap/')) return 'heatmap'
  if (name.startsWith('assets/')) return name.slice(name.lastIndexOf('.') + 1)
  return name
}

async function mutations(): Promise<Mutation[]> {
  // The base pack carries a heat map, so every generic mutation below reaches it too.
  const pack = await buildPack(fixtureInputWithHeatMap())
  const files = unzipPack(pack)
  const out: Mutation[] = []
  const rand = rng(8)
  const file = writeTmp(pack, 'base.zip')
  const layout = await checkArchiveLayout(file)
  if (!layout.ok) throw new Error('the base pack does not pass its own layout check')

  // A byte changed inside every entry's data, 40 places each (every kind of file).
  for (const e of layout.entries) {
    const start = e.localOffset + 30 + Buffer.byteLength(e.name)
    for (let i = 0; i < 40; i++) {
      const b = Buffer.from(pack)
      const at = start + Math.floor(rand() * e.compressedSize)
      b[at] = b[at]! ^ (1 + Math.floor(rand() * 255))
      out.push({ kind: `byte in ${kindOf(e.name)}`, bytes: b })
    }
  }
  // A byte changed in the headers and directory: every fixed field of every header.
  const cdStart = pack.length - 22 - (pack.readUInt32LE(pack.length - 22 + 12))
  const headerFields = [4, 6, 8, 10, 12, 14, 18, 22, 26]
  for (const e of layout.entries) {
    for (const f of headerFields) {
      const b = Buffer.from(pack)
      b[e.localOffset + f] = b[e.localOffset + f]! ^ 0x41
      out.push({ kind: 'local header field', bytes: b })
    }
  }
  // Directory fields that only describe (made-by version byte, internal and DOS
  // attributes, Unix permission bits) do not change what is read; the rest of every directory byte is fair game.
  const benign = new Set<number>()
  const fieldAt = new Map<number, number>()
  for (let q = cdStart; pack.readUInt32LE(q) === 0x02014b50; q += 46 + pack.readUInt16LE(q + 28)) {
    for (const off of [4, 36, 37, 38, 39, 40]) benign.add(q + off)
    for (let k = 0; k < 46; k++) fieldAt.set(q + k, k)
  }
  for (let i = 0; i < 40; i++) {
    const b = Buffer.from(pack)
    let at = cdStart + Math.floor(rand() * (pack.length - cdStart))
    while (benign.has(at)) at++
    b[at] = b[at]! ^ 0x80
    out.push({ kind: `directory byte${fieldAt.has(at) ? ` +${fieldAt.get(at)}` : ''}`, bytes: b })
  }
  // Truncated archives.
  for (let i = 0; i < 100; i++) out.push({ kind: 'truncated', bytes: pack.subarray(0, Math.floor((pack.length * i) / 100)) })

  // Edited manifest fields, the signature kept.
  const manifest = JSON.parse(Buffer.from(files.get('manifest.json')!).toString('utf8')) as { [k: string]: any }
  const rezip = (m: unknown, extra: (f: Map<string, Uint8Array>) => void = () => {}): Buffer => {
    const f = new Map(files)
    if (m !== undefined) f.set('manifest.json', Buffer.from(`${JSON.stringify(m, null, 2)}\n`))
    extra(f)
    return craftZip(entriesOf(f))
  }
  const edits: [string, (m: any) => void][] = [
    ['score', (m) => (m.patterns[0].hcc = 0.9)],
    ['score', (m) => (m.patterns[0].hcc = 0.4200001)],
    ['score', (m) => (m.patterns[0].hcc = 2)],
    ['score', (m) => (m.patterns[0].breakdown.color = 0.5)],
    ['label', (m) => (m.patterns[0].label = 'Human-authored, AI-assisted')],
    ['label', (m) => (m.patterns[0].digitalSourceType = 'digitalCreation')],
    ['origin', (m) => (m.patterns[0].origin.model = 'Other')],
    ['origin', (m) => (m.patterns[0].origin = null)],
    ['terms', (m) => (m.patterns[0].license.terms.territory = { scope: 'worldwide' })],
    ['terms', (m) => (m.patterns[0].license.terms.term.end = '2099-12-31')],
    ['terms', (m) => (m.patterns[0].license.terms.aiTraining = { use: 'allowed' })],
    ['terms', (m) => (m.patterns[0].license.terms.exclusivity = 'exclusive')],
    ['terms', (m) => (m.patterns[0].license.fingerprint = 'sha256-' + '0'.repeat(64))],
    ['terms', (m) => (m.patterns[0].license = null)],
    ['review', (m) => (m.patterns[0].reviews[0].status = 'rejected')],
    ['review', (m) => (m.patterns[0].reviews = [])],
    ['contributors', (m) => (m.patterns[0].contributors[0].name = 'Mallory')],
    ['hashes', (m) => (m.assets[0].sha256 = '0'.repeat(64))],
    ['hashes', (m) => (m.files[0].sha256 = 'f'.repeat(64))],
    ['hashes', (m) => (m.assets[1].bytes += 1)],
    ['hashes', (m) => (m.packDigest = '1'.repeat(64))],
    ['phash', (m) => (m.assets[0].phash = '0'.repeat(64))],
    ['created', (m) => (m.created = '2020-01-01T00:00:00.000Z')],
    ['packId', (m) => (m.packId = 'lp-' + '0'.repeat(32))],
    ['intended use', (m) => (m.intendedUse.territory = 'US')],
    ['unknown field', (m) => (m.extra = true)],
    ['unknown field', (m) => (m.patterns[0].extra = 1)],
    ['removed pattern', (m) => m.patterns.pop()],
    ['removed asset', (m) => m.assets.pop()],
    ['removed file', (m) => m.files.pop()],
    ['schema', (m) => (m.schema = 'loomprint/pack@2')],
    ['owner', (m) => (m.signer.owner.name = 'Someone Else')],
  ]
  for (const [kind, edit] of edits) {
    const m = structuredClone(manifest)
    edit(m)
    out.push({ kind: `manifest ${kind}`, bytes: rezip(m) })
  }
  out.push({ kind: 'manifest not JSON', bytes: rezip(undefined, (f) => f.set('manifest.json', Buffer.from('{"schema":'))) })
  out.push({ kind: 'manifest duplicate key', bytes: rezip(undefined, (f) => f.set('manifest.json', Buffer.from(Buffer.from(files.get('manifest.json')!).toString().replace('{', '{"packDigest":"x",')))) })

  // Swapped key or signature.
  const other = signerFromSecretKey(OTHER_SECRET_KEY, { id: 'u-1', name: 'Ada Licensing' })!
  {
    const m = structuredClone(manifest)
    m.signer.publicKey = publicKeyHex(OTHER_SECRET_KEY)
    m.signer.fingerprint = keyFingerprint(other.publicKey)
    out.push({ kind: 'swapped key', bytes: rezip(m) })
    const resigned = (edit: (m: any) => void): Buffer => {
      const mm = structuredClone(manifest)
      edit(mm)
      mm.signer.publicKey = publicKeyHex(OTHER_SECRET_KEY)
      mm.signer.fingerprint = keyFingerprint(other.publicKey)
      const sig = other.sign(canonicalBytes(mm)) as Uint8Array
      return rezip(mm, (f) => f.set('manifest.sig', Buffer.from(base64Encode(sig) + '\n')))
    }
    const trusted = ['--trust', keyFingerprint(fixtureSigner().publicKey)]
    out.push({ kind: 're-signed by another key', bytes: resigned(() => {}), args: trusted })
    out.push({ kind: 're-signed by another key', bytes: resigned((mm) => (mm.patterns[0].hcc = 0.95)), args: trusted })
    out.push({ kind: 're-signed by another key', bytes: resigned((mm) => (mm.patterns[0].license.terms.territory = { scope: 'worldwide' })), args: ['--trust', publicKeyHex()] })
  }
  const otherPack = unzipPack(await buildPack(undefined, undefined, new Date('2026-03-05T00:00:00Z')))
  out.push({ kind: 'swapped signature', bytes: rezip(manifest, (f) => f.set('manifest.sig', otherPack.get('manifest.sig')!)) })
  out.push({ kind: 'swapped manifest', bytes: rezip(JSON.parse(Buffer.from(otherPack.get('manifest.json')!).toString())) })
  out.push({ kind: 'signature random', bytes: rezip(manifest, (f) => f.set('manifest.sig', Buffer.from(base64Encode(new Uint8Array(64).fill(7))))) })
  out.push({ kind: 'signature empty', bytes: rezip(manifest, (f) => f.set('manifest.sig', Buffer.alloc(0))) })
  out.push({ kind: 'signature not base64', bytes: rezip(manifest, (f) => f.set('manifest.sig', Buffer.from('not a signature!'))) })

  // Missing, extra and duplicate entries.
  for (const name of files.keys()) {
    const f = new Map(files)
    f.delete(name)
    out.push({ kind: `missing ${kindOf(name)}`, bytes: craftZip(entriesOf(f)) })
  }
  const base = entriesOf(files)
  const extra = (e: CraftEntry): Buffer => craftZip([...base, e])
  out.push({ kind: 'extra entry', bytes: extra({ name: 'assets/rose-trellis/extra.png', data: Buffer.from('x') }) })
  out.push({ kind: 'extra entry', bytes: extra({ name: 'README.txt', data: Buffer.from('hello') }) })
  out.push({ kind: 'extra entry', bytes: extra({ name: 'c2pa/x.json', data: Buffer.from('{}') }) })
  out.push({ kind: 'duplicate entry', bytes: extra({ ...base[0]! }) })
  out.push({ kind: 'duplicate entry', bytes: extra({ ...base[base.length - 1]! }) })
  out.push({ kind: 'duplicate entry (case)', bytes: extra({ ...base[0]!, name: 'MANIFEST.JSON' }) })
  out.push({ kind: 'duplicate entry (case)', bytes: extra({ ...base[3]!, name: String(base[3]!.name).toUpperCase() }) })
  out.push({
    kind: 'duplicate entry (NFC)',
    bytes: craftZip([...base, { name: 'assets/caf\u00e9.png', data: Buffer.from('a') }, { name: 'assets/cafe\u0301.png', data: Buffer.from('b') }]),
  })
  out.push({ kind: 'duplicate entry (fold)', bytes: craftZip([...base, { name: 'assets/STRASSE.png', data: Buffer.from('a') }, { name: 'assets/stra\u00dfe.png', data: Buffer.from('b') }]) })

  // Zip-slip and other unsafe names (one entry renamed).
  const slip = ['../evil.png', '/etc/passwd', 'C:/Windows/x.png', 'C:evil', 'assets/../../evil', 'assets\\..\\evil', './manifest.json', 'assets//x.png', 'assets/x\u0000.png', 'assets/../manifest.json', '..', 'assets/\u001b[2Jx.png']
  for (const name of slip) {
    out.push({ kind: 'zip-slip name', bytes: craftZip([...base.slice(0, 3), { ...base[3]!, name }, ...base.slice(4)]) })
    out.push({ kind: 'zip-slip name', bytes: extra({ name, data: Buffer.from('pwned') }) })
  }
  // Symlink entries.
  out.push({ kind: 'symlink', bytes: craftZip([...base.slice(0, 5), { ...base[5]!, external: (0o120777 << 16) >>> 0 }, ...base.slice(6)]) })
  out.push({ kind: 'symlink', bytes: extra({ name: 'link', data: Buffer.from('/etc/passwd'), external: (0o120777 << 16) >>> 0 }) })
  out.push({ kind: 'device file', bytes: extra({ name: 'dev', data: Buffer.alloc(0), external: (0o020644 << 16) >>> 0 }) })
  // A zip bomb, lying sizes, huge declared sizes.
  const zeros = Buffer.alloc(200 * 1024 * 1024)
  const bomb = deflateRawSync(zeros, { level: 9 })
  out.push({ kind: 'zip bomb', bytes: extra({ name: 'bomb.bin', data: Buffer.alloc(0), deflate: true, raw: bomb, declaredSize: zeros.length, crc: 0 }) })
  out.push({ kind: 'zip bomb (size lie)', bytes: extra({ name: 'bomb.bin', data: Buffer.alloc(0), deflate: true, raw: bomb, declaredSize: 1000, crc: 0 }) })
  out.push({ kind: 'zip bomb (size lie)', bytes: craftZip([...base.slice(0, 2), { ...base[2]!, raw: deflateRawSync(Buffer.alloc(5_000_000, 32)), declaredSize: base[2]!.data.length }, ...base.slice(3)]) })
  out.push({ kind: 'huge declared size', bytes: craftZip([...base.slice(0, 5), { ...base[5]!, declaredSize: 0xfffffff0 }, ...base.slice(6)]) })
  out.push({ kind: 'huge declared size', bytes: extra({ name: 'big.bin', data: Buffer.from('tiny'), deflate: true, declaredSize: 3_500_000_000 }) })
  // Non-UTF-8 names.
  out.push({ kind: 'non-UTF-8 name', bytes: extra({ name: Buffer.from([0x61, 0xff, 0xfe, 0x2e, 0x70]), data: Buffer.from('x') }) })
  out.push({ kind: 'non-UTF-8 name', bytes: extra({ name: Buffer.from([0x61, 0xe9, 0x2e, 0x70]), data: Buffer.from('x'), flags: 0 }) })
  out.push({ kind: 'non-UTF-8 name', bytes: extra({ name: Buffer.from([0xc0, 0xaf, 0x65]), data: Buffer.from('x') }) })
  out.push({ kind: 'unflagged UTF-8 name', bytes: extra({ name: 'assets/café.png', data: Buffer.from('x'), flags: 0 }) })
  // Container tricks.
  out.push({ kind: 'encrypted', bytes: craftZip([...base.slice(0, 5), { ...base[5]!, flags: 0x0801 }, ...base.slice(6)]) })
  out.push({ kind: 'local name differs', bytes: craftZip([...base.slice(0, 5), { ...base[5]!, localName: '../../x.png'.padEnd(String(base[5]!.name).length, 'x') }, ...base.slice(6)]) })
  out.push({ kind: 'CRC lie', bytes: craftZip([...base.slice(0, 5), { ...base[5]!, crc: 1234 }, ...base.slice(6)]) })
  out.push({ kind: 'CRC lie', bytes: craftZip([{ ...base[0]!, crc: 99 }, ...base.slice(1)]) })
  out.push({ kind: 'bytes before', bytes: Buffer.concat([Buffer.from('MZ self-extractor stub'), pack]) })
  out.push({ kind: 'bytes after', bytes: Buffer.concat([pack, Buffer.from('trailing')]) })
  out.push({ kind: 'archive comment', bytes: craftZip(base, { comment: Buffer.from('hello') }) })
  out.push({ kind: 'two archives', bytes: Buffer.concat([pack, pack]) })
  out.push({ kind: 'not a zip', bytes: Buffer.from('%PDF-1.4 not a zip at all') })
  out.push({ kind: 'empty file', bytes: Buffer.alloc(0) })
  {
    // Overlapping entries: the directory places entry 2 at entry 1's local header.
    const b = Buffer.from(craftZip(base))
    const cdOff = b.readUInt32LE(b.length - 22 + 16)
    const firstLen = 46 + b.readUInt16LE(cdOff + 28)
    b.writeUInt32LE(0, cdOff + firstLen + 42)
    out.push({ kind: 'overlapping entries', bytes: b })
    // Bytes hidden between entries: shift the second entry's offset.
    const c = craftZip([base[0]!, { ...base[1]!, data: Buffer.concat([Buffer.from(base[1]!.data)]) }, ...base.slice(2)])
    out.push({ kind: 'directory offset', bytes: craftZip(base, { cdOffsetDelta: -4 }) })
    out.push({ kind: 'directory offset', bytes: craftZip(base, { cdOffsetDelta: 4 }) })
    void c
  }

  // The heat map: other bytes, gone, one too many, or a manifest that points elsewhere.
  {
    const HEAT = 'heatmap/rose-trellis.png'
    // Another valid heat map: an untouched 8 px pattern.
    const swapped = encodeIndexed({ width: 8, height: 8, index: new Uint8Array(64).fill(PAPER_INDEX) })
    out.push({ kind: 'heatmap swapped bytes', bytes: rezip(undefined, (f) => f.set(HEAT, swapped)) })
    out.push({ kind: 'heatmap swapped bytes', bytes: rezip(undefined, (f) => f.set(HEAT, files.get('assets/rose-trellis/rose-trellis@1x.png')!)) })
    out.push({ kind: 'missing heatmap', bytes: rezip(undefined, (f) => f.delete(HEAT)) })
    out.push({ kind: 'extra entry', bytes: extra({ name: 'heatmap/hand-drawn-dots.png', data: swapped }) })
    // With the old signature: the edit itself breaks it.
    const pointed = (edit: (m: any) => void): any => {
      const m = structuredClone(manifest)
      edit(m)
      return m
    }
    out.push({ kind: 'manifest heatmap path', bytes: rezip(pointed((m) => (m.patterns[0].heatmap.path = 'heatmap/hand-drawn-dots.png'))) })
    out.push({ kind: 'manifest heatmap path', bytes: rezip(pointed((m) => (m.patterns[0].heatmap.shares.changed = 0))) })
    // Re-signed by the pack's own key, so only the heat map check can refuse it.
    const own = fixtureSigner()
    const resignedOwn = (m: any, extraFiles: (f: Map<string, Uint8Array>) => void = () => {}): Buffer =>
      rezip(m, (f) => {
        f.set('manifest.sig', Buffer.from(base64Encode(own.sign(canonicalBytes(m)) as Uint8Array) + '\n'))
        extraFiles(f)
      })
    const redigest = (m: any): any => {
      m.packDigest = toHex(sha256(canonicalBytes([...m.assets, ...m.files].map((e: any) => ({ path: e.path, bytes: e.bytes, sha256: e.sha256 })))))
      return m
    }
    out.push({ kind: 're-signed heatmap path', bytes: resignedOwn(pointed((m) => (m.patterns[0].heatmap.path = 'heatmap/elsewhere.png'))) })
    out.push({ kind: 're-signed heatmap path', bytes: resignedOwn(pointed((m) => (m.patterns[0].heatmap.path = 'assets/rose-trellis/rose-trellis@1x.png'))) })
    out.push({ kind: 're-signed heatmap path', bytes: resignedOwn(pointed((m) => (m.patterns[1].heatmap = structuredClone(m.patterns[0].heatmap)))) })
    out.push({ kind: 're-signed heatmap path', bytes: resignedOwn(pointed((m) => (m.patterns[0].heatmap.sha256 = '0'.repeat(64)))) })
    out.push({ kind: 're-signed heatmap path', bytes: resignedOwn(pointed((m) => delete m.patterns[0].heatmap)) })
    // A second heat map file, listed and hashed, that no pattern names.
    const orphan = redigest(pointed((m) => m.files.push({ path: 'heatmap/orphan.png', mediaType: 'image/png', bytes: swapped.length, sha256: toHex(sha256(swapped)) })))
    out.push({ kind: 're-signed heatmap path', bytes: resignedOwn(orphan, (f) => f.set('heatmap/orphan.png', swapped)) })
  }
  return out
}

/** The reason each kind of mutation must be refused for (not merely refused). */
const REASONS: [RegExp, RegExp][] = [
  [/^zip-slip name$/, /unsafe name|backslash|the local header|not in the manifest|not UTF-8/],
  [/^symlink$/, /symbolic link/],
  [/^device file$/, /not a regular file/],
  [/^zip bomb$/, /zip bomb/],
  [/^zip bomb \(size lie\)$/, /too large|length|size|CRC|damaged/i],
  [/^huge declared size$/, /entry cap|sizes differ|over the/],
  [/^non-UTF-8 name$/, /not UTF-8/],
  [/^unflagged UTF-8 name$/, /not flagged as UTF-8/],
  [/^duplicate entry/, /duplicate name/],
  [/^encrypted$/, /encrypted/],
  [/^local name differs$/, /local header names/],
  [/^overlapping entries$/, /overlaps|local header names|duplicate/],
  [/^bytes (before|after)$|^two archives$|^archive comment$/, /bytes|comment/],
  [/^CRC lie$/, /CRC|declares other/],
  [/^manifest (score|label|origin|terms|review|contributors|owner|created|packId|intended use)$/, /signature does not match|does not match loomprint/],
  [/^re-signed by another key$/, /not among the trusted keys/],
  [/^missing /, /missing|manifest\.(json|sig) is missing/],
  [/^extra entry$/, /not in the manifest/],
  [/^heatmap swapped bytes$/, /SHA-256 differs for heatmap\/rose-trellis\.png/],
  [/^missing heatmap$/, /missing: heatmap\/rose-trellis\.png/],
  [/^manifest heatmap path$/, /signature does not match/],
  [/^re-signed heatmap path$/, /the heat maps do not match the manifest/],
  [/^byte in (png|pdf|heatmap|manifest\.sig)$/, /CRC-32|damaged/],
  [/^truncated$/, /truncated|not a zip|end-of-central/],
]

describe('hostile packs', () => {
  it('refuses every one of over 1,000 mutations of a valid pack, each with a reason, without throwing', async () => {
    const all = await mutations()
    expect(all.length).toBeGreaterThanOrEqual(1000)
    const verified: string[] = []
    const noReason: string[] = []
    const thrown: string[] = []
    const wrongReason: string[] = []
    const kinds = new Map<string, number>()
    for (const [i, m] of all.entries()) {
      kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1)
      const file = writeTmp(m.bytes, `hostile-${i}.zip`)
      try {
        const r = await cli('verify', file, '--json', ...(m.args ?? []))
        if (r.err.includes('internal error')) thrown.push(`${m.kind}: ${r.err}`)
        const report = JSON.parse(r.out) as { verified: boolean; checks: { ok: boolean | null; message: string }[] }
        if (report.verified || r.code === 0) verified.push(`#${i} ${m.kind}`)
        const failed = report.checks.filter((c) => c.ok === false)
        if (failed.length === 0 || failed.some((c) => c.message.length < 10)) noReason.push(`#${i} ${m.kind}`)
        const want = REASONS.find(([kind]) => kind.test(m.kind))?.[1]
        if (want && !failed.some((c) => want.test(c.message))) wrongReason.push(`#${i} ${m.kind}: ${failed.map((c) => c.message).join(' | ')}`)
      } catch (err) {
        thrown.push(`#${i} ${m.kind}: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
    console.log(`hostile packs: ${all.length} mutations of ${kinds.size} kinds; verified ${verified.length}, without reason ${noReason.length}, thrown ${thrown.length}`)
    expect(thrown).toEqual([])
    expect(verified).toEqual([])
    expect(noReason).toEqual([])
    expect(wrongReason).toEqual([])
  }, 600_000)

  it('the unmutated pack verifies (so the refusals above are the mutations, not the harness)', async () => {
    const r = await cli('verify', writeTmp(await buildPack(fixtureInputWithHeatMap()), 'good.zip'))
    expect(r.out).toMatch(/✓ heatmaps:/)
    expect(r.code).toBe(0)
  })
})
