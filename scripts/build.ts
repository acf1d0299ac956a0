#!/usr/bin/env node
// Builds the plugin with the esbuild JS API (no other bundler):
//   src/main.ts      → build/main.js  (Figma main thread: IIFE, ES2017, minified)
//   src/ui/index.tsx → build/ui.html  (one self-contained HTML file, JS + CSS inlined)
// and enforces the budgets and the main-thread rules of FIGMA.md.
//
//   tsx scripts/build.ts           build once (exit 1 on any failure)  = npm run build
//   tsx scripts/build.ts --watch   rebuild both on change              = npm run watch
//
// Also importable: `import { buildAll } from '../scripts/build'` (tests and benches
// that need fresh build output).

import * as esbuild from 'esbuild'
import type { BuildOptions, BuildResult, Message, OutputFile, Plugin } from 'esbuild'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const BUILD_DIR = path.join(ROOT, 'build')
export const MAIN_OUT = path.join(BUILD_DIR, 'main.js')
export const UI_OUT = path.join(BUILD_DIR, 'ui.html')

/** Budgets in bytes (kB = 1000 bytes). */
// 110 kB since #19 (journal sessions, layer kinds), #20 (picture reading in slices) and #24 (the
// contract frame's schema) landed together at 104.8 kB (docs/decisions.md, "Main budget").
export const MAIN_BUDGET = 110_000
// 540 kB since method 2 sees inside pictures (+21 kB), the licence's contract frame (+35 kB) and the
// screens that follow the file (+7 kB) (issues #20, #24, #21; docs/decisions.md, "UI budget").
export const UI_BUDGET = 540_000

/**
 * Globals the Figma main thread does not have (FIGMA.md, "Runtime"). A match in the
 * bundled output fails the build: the code would throw a ReferenceError in Figma.
 */
export const FORBIDDEN_IN_MAIN = [
  { pattern: /\bTextEncoder\b/, label: 'TextEncoder' },
  { pattern: /\bTextDecoder\b/, label: 'TextDecoder' },
  { pattern: /\bcrypto\??\./, label: 'crypto.' },
  { pattern: /\batob\(/, label: 'atob(' },
  { pattern: /\bbtoa\(/, label: 'btoa(' },
  { pattern: /\bWebAssembly\b/, label: 'WebAssembly' },
]

/** Returns the labels of forbidden globals found in a main-thread bundle. */
export function findForbiddenGlobals(code: string): string[] {
  return FORBIDDEN_IN_MAIN.filter(({ pattern }) => pattern.test(code)).map(({ label }) => label)
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`

/**
 * `@create-figma-plugin/ui` imports its global stylesheet as `import '!../css/base.css'`
 * (its own build treats a leading `!` as "global CSS, not a CSS module"). esbuild
 * already treats `*.module.css` as local CSS and other `.css` as global, so stripping
 * the `!` and resolving normally is all that is needed.
 */
const globalCssBangPlugin: Plugin = {
  name: 'global-css-bang',
  setup(build) {
    build.onResolve({ filter: /^!/ }, async (args) => {
      const result = await build.resolve(args.path.slice(1), {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
      })
      if (result.errors.length > 0) return { errors: result.errors }
      return { path: result.path, sideEffects: true }
    })
  },
}

/** esbuild options for the main thread. */
export interface BuildFlags {
  minify?: boolean
}

export function mainOptions({ minify = true }: BuildFlags = {}): BuildOptions & { write: false } {
  return {
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, 'src/main.ts')],
    outfile: MAIN_OUT,
    bundle: true,
    format: 'iife',
    // create-figma-plugin builds main with es2017 too: object spread/rest are not
    // supported in the main context (FIGMA.md).
    target: 'es2017',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['import', 'default'],
    minify,
    legalComments: 'none',
    charset: 'utf8',
    tsconfig: path.join(ROOT, 'tsconfig.main.json'),
    write: false,
    logLevel: 'silent',
    metafile: true,
  }
}

/** esbuild options for the UI (JS + CSS outputs, inlined into HTML afterwards). */
export function uiOptions({ minify = true }: BuildFlags = {}): BuildOptions & { write: false } {
  return {
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, 'src/ui/index.tsx')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify,
    legalComments: 'none',
    charset: 'utf8',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: path.join(ROOT, 'tsconfig.ui.json'),
    // Output paths are only used to name the in-memory files.
    outdir: path.join(BUILD_DIR, '.ui'),
    loader: {
      '.module.css': 'local-css',
      '.css': 'css',
      '.svg': 'dataurl',
      '.png': 'dataurl',
      '.woff2': 'dataurl',
    },
    define: { 'process.env.NODE_ENV': minify ? '"production"' : '"development"' },
    plugins: [globalCssBangPlugin],
    write: false,
    logLevel: 'silent',
    metafile: true,
  }
}

/** Makes a JS bundle safe to put inside an inline <script> element. */
export function escapeInlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--')
}

/** Makes CSS safe to put inside an inline <style> element. */
export function escapeInlineStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1')
}

/** Assembles the single-file UI document Figma loads with `figma.showUI(__html__)`. */
export function makeUiHtml({ js, css }: { js: string; css: string }): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Loomprint</title>',
    css ? `<style>${escapeInlineStyle(css)}</style>` : '',
    '</head>',
    '<body>',
    '<div id="app"></div>',
    `<script>${escapeInlineScript(js)}</script>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
}

function formatMessages(messages: Message[]): string {
  return messages
    .map((m) => {
      const where = m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : ''
      return `  ${where}${m.text}`
    })
    .join('\n')
}

export class BuildError extends Error {}

function check(ok: boolean, message: string): asserts ok {
  if (!ok) throw new BuildError(message)
}

/** Checks a main bundle's text; returns its size in bytes or throws. */
function checkMain(code: string): number {
  const bytes = Buffer.byteLength(code)
  const forbidden = findForbiddenGlobals(code)
  check(
    forbidden.length === 0,
    `build/main.js uses globals the Figma main thread does not have: ${forbidden.join(', ')}\n` +
      '  (FIGMA.md "Runtime": use figma.base64Encode/Decode, pure-JS hashing, no WebAssembly;' +
      ' move the work to the UI iframe or to a pure module that avoids them)',
  )
  check(bytes <= MAIN_BUDGET, `build/main.js is ${kB(bytes)}, over its ${kB(MAIN_BUDGET)} budget`)
  return bytes
}

function outputsFrom(result: Pick<BuildResult, 'errors' | 'outputFiles'>): OutputFile[] {
  if (result.errors.length > 0) throw new BuildError(`esbuild errors:\n${formatMessages(result.errors)}`)
  return result.outputFiles ?? []
}

/** Runs esbuild; a failed build becomes a BuildError listing esbuild's messages. */
async function run(options: BuildOptions & { write: false }): Promise<BuildResult & { outputFiles: OutputFile[] }> {
  try {
    return await esbuild.build(options)
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors
    if (Array.isArray(errors)) throw new BuildError(`esbuild errors:\n${formatMessages(errors)}`)
    throw error
  }
}

function joinOutputs(files: OutputFile[], ext: string): string {
  return files
    .filter((f) => f.path.endsWith(ext))
    .map((f) => f.text)
    .join('\n')
}

export interface OutputReport {
  bytes: number
  warnings: Message[]
}

/** Checks the main bundle (globals, budget) and writes build/main.js; returns its size. */
async function writeMainJs(files: OutputFile[]): Promise<number> {
  const code = joinOutputs(files, '.js')
  check(code.length > 0, 'esbuild produced no main.js')
  const bytes = checkMain(code)
  await mkdir(BUILD_DIR, { recursive: true })
  await writeFile(MAIN_OUT, code)
  return bytes
}

export async function buildMainOnce(options?: BuildFlags): Promise<OutputReport> {
  const result = await run(mainOptions(options))
  const bytes = await writeMainJs(outputsFrom(result))
  return { bytes, warnings: result.warnings }
}

/** Inlines the UI bundle's JS and CSS into build/ui.html, within its budget. */
async function writeUiHtml(files: Parameters<typeof joinOutputs>[0]): Promise<{ bytes: number; jsBytes: number; cssBytes: number }> {
  const js = joinOutputs(files, '.js')
  const css = joinOutputs(files, '.css')
  const html = makeUiHtml({ js, css })
  const bytes = Buffer.byteLength(html)
  check(bytes <= UI_BUDGET, `build/ui.html is ${kB(bytes)}, over its ${kB(UI_BUDGET)} budget`)
  await mkdir(BUILD_DIR, { recursive: true })
  await writeFile(UI_OUT, html)
  return { bytes, jsBytes: Buffer.byteLength(js), cssBytes: Buffer.byteLength(css) }
}

export async function buildUiOnce(options?: BuildFlags): Promise<OutputReport & { jsBytes: number; cssBytes: number }> {
  const result = await run(uiOptions(options))
  const files = outputsFrom(result)
  const { bytes, jsBytes, cssBytes } = await writeUiHtml(files)
  return { bytes, jsBytes, cssBytes, warnings: result.warnings }
}

/** Builds both outputs. Throws (with a readable message) on any failure. */
export async function buildAll({
  minify = true,
  quiet = false,
}: BuildFlags & { quiet?: boolean } = {}): Promise<{ mainBytes: number; uiBytes: number }> {
  const [main, ui] = await Promise.all([buildMainOnce({ minify }), buildUiOnce({ minify })])
  if (!quiet) {
    for (const w of [...main.warnings, ...ui.warnings]) console.warn(`warning: ${formatMessages([w])}`)
    console.log(`build/main.js  ${kB(main.bytes).padStart(9)}  (budget ${kB(MAIN_BUDGET)})`)
    console.log(
      `build/ui.html  ${kB(ui.bytes).padStart(9)}  (budget ${kB(UI_BUDGET)}; js ${kB(ui.jsBytes)}, css ${kB(ui.cssBytes)})`,
    )
  }
  return { mainBytes: main.bytes, uiBytes: ui.bytes }
}

/** Watch mode: one esbuild context per output, each re-checked and rewritten on change. */
async function watch(): Promise<void> {
  const stamp = () => new Date().toLocaleTimeString()
  const reporter = (name: string, finish: (files: OutputFile[]) => Promise<string>): Plugin => ({
    name: `report-${name}`,
    setup(build) {
      build.onEnd(async (result) => {
        try {
          const summary = await finish(outputsFrom(result))
          console.log(`[${stamp()}] ${summary}`)
        } catch (error) {
          console.error(`[${stamp()}] ${name} failed: ${error instanceof Error ? error.message : String(error)}`)
        }
      })
    },
  })
  const main = mainOptions()
  const ui = uiOptions()
  const mainCtx = await esbuild.context({
    ...main,
    plugins: [
      reporter('main', async (files) => `build/main.js ${kB(await writeMainJs(files))}`),
    ],
  })
  const uiCtx = await esbuild.context({
    ...ui,
    plugins: [
      ...(ui.plugins ?? []),
      reporter('ui', async (files) => {
        const { bytes } = await writeUiHtml(files)
        return `build/ui.html ${kB(bytes)}`
      }),
    ],
  })
  await Promise.all([mainCtx.watch(), uiCtx.watch()])
  console.log('watching src/ for changes (Ctrl-C to stop)')
  const stop = async (): Promise<void> => {
    await Promise.all([mainCtx.dispose(), uiCtx.dispose()])
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

const isCli = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (isCli) {
  if (process.argv.includes('--watch')) {
    watch().catch((error) => {
      console.error(error)
      process.exit(1)
    })
  } else {
    buildAll().catch((error) => {
      console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    })
  }
}
