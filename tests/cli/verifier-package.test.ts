/**
 * The verifier as someone who never saw this repository installs it: the tarball of
 * `npm run build:verifier` installed into an empty folder (no dev dependencies, no
 * registry: the package has no dependencies), run there on Node 20 against the
 * sealed example pack and the example team CA.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildVerifier } from '../../scripts/build-verifier'
import { buildExamplePack } from '../../scripts/example-pack'
import { exampleTeam, sealAsAda } from '../../scripts/example-team'

describe('the standalone verifier (npm pack tarball)', () => {
  it('installs into an empty folder with nothing else and verifies the sealed example: Trusted, VERIFIED; a changed byte: NOT VERIFIED', async () => {
    const tarball = await buildVerifier()
    const clean = mkdtempSync(path.join(tmpdir(), 'loomprint-clean-'))
    writeFileSync(path.join(clean, 'package.json'), '{ "name": "buyer", "private": true }\n')
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--omit=dev', tarball], { cwd: clean, encoding: 'utf8' })
    expect(readdirSync(path.join(clean, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['loomprint-verifier'])

    const work = mkdtempSync(path.join(tmpdir(), 'loomprint-verifier-pack-'))
    const unsealed = path.join(work, 'unsealed.zip')
    writeFileSync(unsealed, (await buildExamplePack()).zip)
    const team = await exampleTeam()
    const sealed = await sealAsAda(team, unsealed, new Date('2026-03-05T10:00:00Z'))
    const pack = path.join(work, 'example.zip')
    writeFileSync(pack, sealed)
    writeFileSync(path.join(work, 'team-ca.pem'), team.caPem)
    writeFileSync(path.join(work, 'team-ca.crl.pem'), team.crlPem)

    const bin = path.join(clean, 'node_modules/.bin/loomprint')
    const ok = spawnSync(bin, ['verify', pack, '--trust-ca', path.join(work, 'team-ca.pem')], { cwd: clean, encoding: 'utf8' })
    expect(ok.stdout).toMatch(/✓ credentials: 5 embedded C2PA manifests, each Trusted with the team CA/)
    expect(ok.stdout).toMatch(/✓ odrl: /)
    expect(ok.status).toBe(0)

    const bad = Buffer.from(sealed)
    bad[bad.length - 500] ^= 0xff
    writeFileSync(path.join(work, 'bad.zip'), bad)
    const refused = spawnSync(bin, ['verify', path.join(work, 'bad.zip')], { cwd: clean, encoding: 'utf8' })
    expect(refused.stdout).toMatch(/NOT VERIFIED/)
    expect(refused.status).toBe(1)
  }, 300_000)
})
