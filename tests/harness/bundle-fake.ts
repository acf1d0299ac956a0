/**
 * The in-memory Figma (tests/figma-fake/) as one IIFE script, for environments that
 * cannot import TypeScript modules: the QuickJS VM and the Chromium host page.
 * Running it sets `globalThis.FigmaFake = { createFigmaWorld, installGlobals }`.
 *
 * Built once per process (the promise is cached) with esbuild, target es2020.
 */
import * as esbuild from 'esbuild'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const FAKE_ENTRY = path.join(ROOT, 'tests/figma-fake/global.ts')

let cached: Promise<string> | undefined

export function bundleFake(): Promise<string> {
  cached ??= esbuild
    .build({
      absWorkingDir: ROOT,
      entryPoints: [FAKE_ENTRY],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      tsconfig: path.join(ROOT, 'tsconfig.tests.json'),
      write: false,
      logLevel: 'silent',
      legalComments: 'none',
      charset: 'utf8',
    })
    .then((result) => {
      const file = result.outputFiles[0]
      if (!file) throw new Error(`esbuild produced no output for ${FAKE_ENTRY}`)
      return file.text
    })
  // A failed build is not cached: the next caller retries (e.g. after a fix in watch mode).
  cached.catch(() => {
    cached = undefined
  })
  return cached
}
