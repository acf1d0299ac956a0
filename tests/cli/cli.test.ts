/**
 * The `loomprint` command as a recipient runs it: the committed bin (which builds the
 * bundle when it is missing or stale), exit codes, and never a stack trace.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildPack, TMP, writeTmp } from '../pack/support'

const ROOT = path.resolve(import.meta.dirname, '../..')
const BIN = path.join(ROOT, 'bin/loomprint.mjs')

function run(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr }
}

const STACK = /\n\s+at .+:\d+:\d+/

let good = ''
let bad = ''
beforeAll(async () => {
  const pack = await buildPack()
  good = writeTmp(pack, 'cli-good.zip')
  const tampered = Buffer.from(pack)
  tampered[tampered.length - 400] ^= 0xff
  bad = writeTmp(tampered, 'cli-bad.zip')
})

describe('loomprint (the bin)', () => {
  it('verifies a pack: exit 0, ✓ lines, VERIFIED', () => {
    const r = run('verify', good)
    expect(r.out).toMatch(/^✓ signature: signed with Ed25519 key/m)
    expect(r.out.trim().split('\n').pop()).toBe('VERIFIED')
    expect(r.code).toBe(0)
  })

  it('refuses a damaged pack: exit 1 with the reason, no stack trace', () => {
    const r = run('verify', bad)
    expect(r.out).toMatch(/^✗ /m)
    expect(r.out).toMatch(/NOT VERIFIED/)
    expect(r.code).toBe(1)
    expect(`${r.out}${r.err}`).not.toMatch(STACK)
  })

  it('prints JSON with --json', () => {
    const r = run('verify', good, '--json')
    const report = JSON.parse(r.out) as { verified: boolean; checks: unknown[]; pack: { packId: string } }
    expect(report.verified).toBe(true)
    expect(report.pack.packId).toMatch(/^lp-/)
  })

  it('pins the key from a public key record file with --trust', () => {
    const m = JSON.parse(execFileSync('unzip', ['-p', good, 'manifest.json'], { encoding: 'utf8' })) as { signer: { publicKey: string } }
    const file = path.join(TMP, 'trusted.pub.json')
    writeFileSync(file, JSON.stringify({ alg: 'Ed25519', publicKey: m.signer.publicKey }))
    expect(run('verify', good, '--trust', file).code).toBe(0)
    const other = run('verify', good, '--trust', 'ab'.repeat(32))
    expect(other.out).toMatch(/✗ key: key \w+ is not among the trusted keys/)
    expect(other.code).toBe(1)
  })

  it('exit 2 for usage errors and unreadable input, with a one-line reason', () => {
    const cases: string[][] = [
      [],
      ['frobnicate'],
      ['verify'],
      ['verify', good, '--bogus'],
      ['verify', good, '--at', 'yesterday'],
      ['verify', good, '--use', 'spaceships', '--territory', 'FR'],
      ['verify', good, '--use', 'apparel'],
      ['verify', path.join(TMP, 'does-not-exist.zip')],
      ['verify', TMP],
      ['verify', good, '--trust', path.join(TMP, 'nope.key')],
      // Not a zip at all: the wrong file, not a damaged pack (issue #21, item 5).
      ['verify', writeTmp(Buffer.from('pattern,hcc\nRose Trellis,0.42\n'), 'royalties.csv')],
      ['inspect', writeTmp(Buffer.from('pattern,hcc\nRose Trellis,0.42\n'), 'royalties.csv')],
      ['verify', writeTmp(Buffer.from([0x89, 0x50, 0x4e, 0x47, ...new Array<number>(60).fill(0)]), 'image.png')],
    ]
    for (const args of cases) {
      const r = run(...args)
      expect({ args, code: r.code }).toEqual({ args, code: 2 })
      expect(`${r.out}${r.err}`).not.toMatch(STACK)
    }
  })

  it('inspect prints the patterns, scores, labels and terms', () => {
    const r = run('inspect', good)
    expect(r.out).toContain('Rose Trellis  (V1StGXR8_Z5jdHi6B-myT)')
    expect(r.out).toContain('HCC        42.0%')
    expect(r.out).toContain('license    hybridCreative, nonExclusive, 2026-03-01 to 2027-02-28, licensor Studio Loom')
    expect(r.code).toBe(0)
    const warned = run('inspect', bad)
    expect(warned.code).toBe(1)
  })

  it('inspect marks a rule that does not block with “!”, as the License tab does (issue #21, item 5)', async () => {
    const { eligibilityMark } = await import('../../src/cli/inspect-command')
    expect([
      eligibilityMark({ ok: true, severity: 'error' }),
      eligibilityMark({ ok: false, severity: 'error' }),
      eligibilityMark({ ok: false, severity: 'warning' }),
      eligibilityMark({ ok: false, severity: 'info' }),
    ]).toEqual(['✓', '✗', '!', '!'])
  })

  it('a truncated zip is a damaged pack: exit 1, not 2', () => {
    const truncated = readFileSync(good).subarray(0, 2000)
    expect(run('verify', writeTmp(truncated, 'cli-truncated.zip')).code).toBe(1)
  })

  it('--help lists the subcommands', () => {
    const r = run('--help')
    expect(r.out).toMatch(/verify\s+check a licensed pattern pack/)
    expect(r.out).toMatch(/inspect\s+print the patterns/)
    expect(r.code).toBe(0)
  })
})

describe('npm run example:pack', () => {
  it('writes a pack that loomprint verify accepts, pinned to the key written beside it', () => {
    const out = path.join(TMP, 'example.zip')
    const printed = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/example-pack.ts', out], { cwd: ROOT, encoding: 'utf8' })
    // The example runs the plugin's export path: the unapproved pattern is refused and said so.
    expect(printed).toContain('left out (the user confirmed): Ikat: Its current capture has no approved review')
    const r = run('verify', out, '--trust', out.replace(/\.zip$/, '.pub.json'), '--use', 'apparel', '--territory', 'FR', '--units', '100')
    expect(r.out).toContain('✓ use: Paisley: intended use allowed')
    expect(r.out).not.toContain('Ikat')
    expect(r.code).toBe(0)
    expect(readFileSync(out).length).toBeGreaterThan(1000)
  }, 120_000)
})
