#!/usr/bin/env node
// `npm run typecheck`: checks each context against its own tsconfig (different
// globals per context, FIGMA.md "Runtime"), strict everywhere. A context with no
// files yet (e.g. src/cli before the CLI exists) is skipped, not failed.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
const projects = ['main', 'ui', 'pure', 'cli', 'tests']

let failed = false
for (const name of projects) {
  const config = `tsconfig.${name}.json`
  const started = Date.now()
  const run = spawnSync(process.execPath, [tsc, '-p', config, '--pretty'], { cwd: root, encoding: 'utf8' })
  const output = `${run.stdout}${run.stderr}`
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (run.status === 0) {
    console.log(`✓ ${config} (${seconds}s)`)
  } else if (output.includes('TS18003')) {
    console.log(`- ${config}: no files yet, skipped`)
  } else {
    failed = true
    console.log(`✗ ${config} (${seconds}s)`)
    process.stdout.write(output)
  }
}
process.exit(failed ? 1 : 0)
