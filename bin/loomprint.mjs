#!/usr/bin/env node
// `loomprint` (package.json "bin"). Runs the esbuild bundle build/cli/loomprint.mjs,
// building it first when it is missing or older than its sources — so
// `npx loomprint verify pack.zip` works right after `npm ci`, with nothing built yet.
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const CLI_OUT = path.join(ROOT, 'build', 'cli', 'loomprint.mjs')
const SOURCES = ['src/cli', 'src/pack', 'src/provenance', 'src/license', 'src/enforcement', 'src/royalties', 'src/team'].map((d) => path.join(ROOT, d))

function newestSource(dir) {
  let newest = 0
  if (!existsSync(dir)) return newest
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs)
  }
  return newest
}

/**
 * Bundles src/cli/entry.ts for Node 20 into one file. Written
 * to a temporary file and renamed: two loomprint processes starting at once never
 * run a half-written bundle.
 */
export async function buildCli() {
  const esbuild = await import('esbuild')
  const tmp = `${CLI_OUT}.${process.pid}.tmp.mjs`
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, 'src/cli/entry.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies are bundled, except the C2PA reader/writer (it loads its .wasm file
    // from its package). Bundled, @peculiar/x509's tsyringe runs after the Reflect shim
    // (src/team/reflect-shim.ts); an external import would be hoisted above it.
    external: ['@contentauth/c2pa-wasm'],
    banner: { js: "import { createRequire as __loomprintRequire } from 'node:module'; const require = __loomprintRequire(import.meta.url);" },
    tsconfig: path.join(ROOT, 'tsconfig.cli.json'),
    legalComments: 'none',
    logLevel: 'silent',
  })
  renameSync(tmp, CLI_OUT)
}

function isStale() {
  if (!existsSync(CLI_OUT)) return true
  const built = statSync(CLI_OUT).mtimeMs
  return SOURCES.some((dir) => newestSource(dir) > built)
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
  || (process.argv[1] !== undefined && path.basename(process.argv[1]) === 'loomprint')
if (isMain) {
  try {
    if (existsSync(path.join(ROOT, 'src/cli')) && isStale()) await buildCli()
  } catch (err) {
    process.stderr.write(`loomprint: could not build the command line (${err instanceof Error ? err.message.split('\n')[0] : String(err)})\n`)
    process.exit(2)
  }
  await import(pathToFileURL(CLI_OUT).href)
}
