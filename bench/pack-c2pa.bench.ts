/**
 * Content Credentials: the two places signing could happen (docs/decisions.md,
 * "Where C2PA signing happens").
 *
 *   npm run bench -- pack-c2pa      (also runs with `-- pack`)
 *
 * Figures:
 *   pack.c2pa.signMsPerAsset        `loomprint seal`'s step for one 2048 px PNG (the textured
 *                                   tile of pack.bench.ts): the reference
 *                                   writer (c2pa-wasm) embeds the pack's C2PA definition, signed
 *                                   Ed25519 with a team certificate; best of 5, Node
 *   pack.c2pa.signMsPerAssetES256   the same with a P-256 certificate
 *   pack.c2pa.readMsPerAsset        reading it back and validating (what verify does per asset)
 *   pack.c2pa.wasmKB                the reference implementation's wasm, kB
 *   pack.c2pa.ts.hashMs             for a TypeScript writer in the UI: SHA-256 (@noble/hashes, as
 *                                   the UI hashes) over the same PNG — the data hash it must compute
 *   pack.c2pa.ts.coseKB             the COSE_Sign1 + CBOR code it would share with seal
 *                                   (src/team/cose.ts, cbor.ts), minified, kB
 *   pack.c2pa.uiHeadroomKB          the UI bundle's budget (460 kB, docs/decisions.md) less bundle.uiKB
 */
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import * as esbuild from 'esbuild'
import { encode } from 'fast-png'
import { signAsset, readAsset } from '../src/cli/team/c2pa-node'
import { sha256 } from '../src/storage/sha256'
import { certifyPerson, createTeamCa } from '../src/team/ca'
import { keyFromSecret, type TeamAlg } from '../src/team/keys'
import { c2paDefinition } from '../src/pack/c2pa'
import { licenseViewOf } from '../src/pack/license-bridge'
import { GENERATOR } from '../src/pack/assemble'
import { AI_PATTERN } from '../tests/pack/fixture'
import { seededRandom } from './fixtures/random'

const UI_BUDGET_KB = 460

function texturedPng(size: number, seed: number): Uint8Array {
  const rand = seededRandom(seed)
  const data = new Uint8Array(size * size * 4)
  for (let i = 0; i < data.length; i += 4) {
    const x = (i / 4) % size
    const y = Math.floor(i / 4 / size)
    const motif = ((x >> 5) + (y >> 5)) % 3
    const grain = (rand() * 24) | 0
    data[i] = (motif * 70 + grain) & 0xff
    data[i + 1] = (120 + grain) & 0xff
    data[i + 2] = (200 - motif * 40 + grain) & 0xff
    data[i + 3] = 255
  }
  return encode({ width: size, height: size, data, channels: 4, depth: 8 }, { zlib: { level: 1 } })
}

async function best(n: number, f: () => Promise<unknown> | unknown): Promise<number> {
  let ms = Infinity
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await f()
    ms = Math.min(ms, performance.now() - t0)
  }
  return ms
}

export async function run(): Promise<Record<string, number>> {
  const now = new Date('2026-03-04T09:00:00Z')
  const png = texturedPng(2048, 3)
  const definition = { ...(c2paDefinition({ path: 'assets/bench/bench@4x.png', mediaType: 'image/png' }, AI_PATTERN, licenseViewOf(AI_PATTERN), GENERATOR) as object), label: 'urn:c2pa:00000000-0000-4000-8000-000000000000' }
  const out: Record<string, number> = {}
  let signed: Uint8Array = new Uint8Array()
  for (const alg of ['Ed25519', 'ES256'] as TeamAlg[]) {
    const caKey = await keyFromSecret(alg, new Uint8Array(32).fill(7))
    const ca = { cert: await createTeamCa({ team: 'Bench', key: caKey, now }), key: caKey }
    const key = await keyFromSecret(alg, new Uint8Array(32).fill(8))
    const cert = await certifyPerson({ ca, person: { name: 'Bench', email: 'bench@example.com' }, publicKey: key.keys.publicKey, publicKeyRaw: key.publicKey, now, days: 3650 })
    // one warm-up: the wasm compiles its hot paths on first use
    await signAsset({ definition, mediaType: 'image/png', bytes: png, key, chain: [new Uint8Array(cert.rawData)] })
    const ms = await best(5, async () => {
      signed = await signAsset({ definition, mediaType: 'image/png', bytes: png, key, chain: [new Uint8Array(cert.rawData)] })
    })
    out[alg === 'Ed25519' ? 'pack.c2pa.signMsPerAsset' : 'pack.c2pa.signMsPerAssetES256'] = Math.round(ms)
  }
  out['pack.c2pa.readMsPerAsset'] = Math.round(await best(5, () => readAsset(signed, 'image/png')))
  const wasm = path.join(path.dirname(new URL(import.meta.resolve('@contentauth/c2pa-wasm/c2pa.wasm')).pathname), 'c2pa_bg.wasm')
  out['pack.c2pa.wasmKB'] = Math.round(statSync(wasm).size / 1024)
  out['pack.c2pa.ts.hashMs'] = Math.round(await best(5, () => sha256(png)))
  const cose = await esbuild.build({ stdin: { contents: "export { coseSign1 } from './src/team/cose'", resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, write: false, format: 'esm' })
  out['pack.c2pa.ts.coseKB'] = Math.round((cose.outputFiles[0]!.contents.length / 1024) * 10) / 10
  try {
    const prev = JSON.parse(readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'results.json'), 'utf8')) as Record<string, number>
    if (typeof prev['bundle.uiKB'] === 'number') out['pack.c2pa.uiHeadroomKB'] = Math.round((UI_BUDGET_KB - prev['bundle.uiKB']) * 10) / 10
  } catch {
    // no earlier bundle figure: the headroom is left out
  }
  return out
}
