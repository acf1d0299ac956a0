#!/usr/bin/env node
/**
 * `npm run build:verifier`: the verifier for people who never saw this repository —
 * a package with no dependencies, made into a tarball with `npm pack`:
 *
 *   dist/verifier/loomprint.mjs    the whole command line bundled (zod, yauzl, jsonld, the
 *                                  ODRL context, @noble, @peculiar/x509, the C2PA JS glue)
 *   dist/verifier/c2pa_bg.wasm     the C2PA reference implementation (c2pa-rs as wasm)
 *   dist/verifier/package.json     bin "loomprint", Node ≥ 20, no dependencies
 *   dist/loomprint-verifier-<version>.tgz
 *
 * Install anywhere: `npm install -g ./loomprint-verifier-0.1.0.tgz`, then
 * `loomprint verify pack.zip --trust-ca team-ca.pem`. tests/cli/verifier-package.test.ts
 * installs the tarball into an empty folder and runs it there.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const VERIFIER_DIR = path.join(ROOT, 'dist/verifier')

export async function buildVerifier(): Promise<string> {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
  rmSync(VERIFIER_DIR, { recursive: true, force: true })
  mkdirSync(VERIFIER_DIR, { recursive: true })
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, 'src/cli/entry.ts')],
    outfile: path.join(VERIFIER_DIR, 'loomprint.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: path.join(ROOT, 'tsconfig.cli.json'),
    legalComments: 'eof',
    logLevel: 'silent',
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __loomprintRequire } from 'node:module'; const require = __loomprintRequire(import.meta.url);" },
  })
  const wasm = new URL(import.meta.resolve('@contentauth/c2pa-wasm/c2pa.wasm'))
  copyFileSync(wasm, path.join(VERIFIER_DIR, 'c2pa_bg.wasm'))
  writeFileSync(
    path.join(VERIFIER_DIR, 'package.json'),
    `${JSON.stringify(
      {
        name: 'loomprint-verifier',
        version: pkg.version,
        description: 'Checks Loomprint licensed pattern packs: archive, signature, team certificate, Content Credentials, terms',
        type: 'module',
        bin: { loomprint: 'loomprint.mjs' },
        files: ['loomprint.mjs', 'c2pa_bg.wasm', 'README.md'],
        engines: { node: '>=20' },
        license: 'SEE LICENSE IN README.md',
      },
      null,
      2,
    )}\n`,
  )
  writeFileSync(
    path.join(VERIFIER_DIR, 'README.md'),
    '# loomprint-verifier\n\n`loomprint verify PACK [--trust-ca team-ca.pem] [--trust KEY]`: checks a Loomprint licensed pattern pack offline.\nBundles @contentauth/c2pa-wasm (MIT), jsonld (BSD-3-Clause), @digitalbazaar/odrl-context (BSD-3-Clause), @peculiar/x509 (MIT), yauzl (MIT), zod (MIT), @noble (MIT); their notices are at the end of loomprint.mjs.\n',
  )
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', path.dirname(VERIFIER_DIR)], { cwd: VERIFIER_DIR, encoding: 'utf8' }).trim().split('\n').pop()!
  return path.join(path.dirname(VERIFIER_DIR), out)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const tarball = await buildVerifier()
  console.log(`wrote ${path.relative(ROOT, tarball)}`)
}
