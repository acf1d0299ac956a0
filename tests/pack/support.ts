/** Builds the fixture pack and runs the CLI in-process, capturing its output. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { assemblePackAsync, type PackInput } from '../../src/pack/assemble'
import { concatBytes } from '../../src/pack/bytes'
import { runCli } from '../../src/cli/main'
import { FIXED_NOW, fixtureInput, fixtureSigner } from './fixture'
import type { PackSigner } from '../../src/pack/keys'

export async function buildPack(input: PackInput = fixtureInput(), signer: PackSigner = fixtureSigner(), now = FIXED_NOW): Promise<Buffer> {
  const r = await assemblePackAsync(input, { signer, now: () => now, yieldAsync: () => Promise.resolve() })
  if (!r.ok) throw new Error(r.error)
  return Buffer.from(concatBytes(r.parts))
}

export function unzipPack(zip: Uint8Array): Map<string, Uint8Array> {
  const files = unzipSync(zip)
  return new Map(Object.entries(files))
}

export const TMP = mkdtempSync(path.join(tmpdir(), 'loomprint-pack-'))

let n = 0
export function writeTmp(bytes: Uint8Array, name = `pack-${n++}.zip`): string {
  const file = path.join(TMP, name)
  writeFileSync(file, bytes)
  return file
}

export interface CliRun {
  code: number
  out: string
  err: string
}

export async function cli(...argv: string[]): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date('2026-06-01T00:00:00Z') })
  return { code, out: out.join('\n'), err: err.join('\n') }
}
