#!/usr/bin/env node
/**
 * `npm start`: the playground — the built plugin running on a simulation of Figma, in
 * any browser, without Figma.
 *
 * Serves one page on 127.0.0.1 (a free port unless PORT is set). The page runs the
 * in-memory Figma (tests/figma-fake) with an embedded sample document, draws it with the
 * fake's rasterizer, and runs the *built* plugin exactly as the browser harness does
 * (tests/harness/browser.ts): build/main.js in a sandbox over the fake, build/ui.html in a
 * null-origin data: iframe, messages bridged as `{ pluginMessage }` envelopes. Nothing of
 * the plugin is forked: main.js and ui.html are read from build/ on every page load, so
 * `npm run watch` + reload shows a change.
 *
 * Nothing is fetched from anywhere but this server; the page's Content-Security-Policy
 * (inherited by the plugin's data: iframe) allows no other connection.
 *
 *   tsx playground/server.ts              build if needed, serve, print the address
 *   PORT=4173 tsx playground/server.ts    on a fixed port
 */
import * as esbuild from 'esbuild'
import { existsSync, statSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { buildAll, MAIN_OUT, UI_OUT } from '../scripts/build'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CLIENT_ENTRY = path.join(ROOT, 'playground/client/index.ts')

export interface PlaygroundOptions {
  /** 0 (default) picks a free port. */
  port?: number
  /** Build the plugin when build/ is missing or older than src/ (default true). */
  build?: boolean
  /** Print what happens (default true). */
  log?: (line: string) => void
}

export interface Playground {
  url: string
  close(): Promise<void>
}

/** The newest modification time of any file under `dir` (0 when absent). */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }
  return newest
}

/** True when build/main.js or build/ui.html is missing or older than a file in src/ (or manifest.json). */
export function buildIsStale(): boolean {
  if (!existsSync(MAIN_OUT) || !existsSync(UI_OUT)) return true
  const built = Math.min(statSync(MAIN_OUT).mtimeMs, statSync(UI_OUT).mtimeMs)
  return Math.max(newestMtime(path.join(ROOT, 'src')), statSync(path.join(ROOT, 'manifest.json')).mtimeMs) > built
}

/**
 * Figma's theme variables, as the browser harness injects them: the copy of Figma's colour
 * tokens that @create-figma-plugin/ui ships (lib/css/theme.css), selectors rewritten from
 * `:root .figma-dark` to `:root.figma-dark` because Figma puts the class on <html> itself.
 */
async function themeCss(): Promise<string> {
  const require = createRequire(import.meta.url)
  const css = await readFile(path.join(path.dirname(require.resolve('@create-figma-plugin/ui')), 'css/theme.css'), 'utf8')
  return ['figma-light', 'figma-dark']
    .map((name) => {
      const match = new RegExp(`:root \\.${name}\\s*\\{([^}]*)\\}`).exec(css)
      return match ? `:root.${name}{${match[1]}}` : ''
    })
    .join('\n')
}

/** The page's code: playground/client (with the fake and the plugin's UI-side workflows it imports). */
async function bundleClient(): Promise<{ js: string; css: string }> {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    tsconfig: path.join(ROOT, 'tsconfig.tests.json'),
    outdir: path.join(ROOT, 'build/.playground'),
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    charset: 'utf8',
    loader: { '.css': 'css' },
  })
  const js = result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => f.text).join('\n')
  const css = result.outputFiles.filter((f) => f.path.endsWith('.css')).map((f) => f.text).join('\n')
  return { js, css }
}

const CSP = [
  "default-src 'self'",
  // The fake, the sandboxed main.js (new Function) and the plugin UI's inline code.
  "script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  'frame-src data:',
  // Only this server; the plugin's data: iframe inherits this policy, so it reaches nothing
  // (the manifest says networkAccess: none).
  "connect-src 'self'",
].join('; ')

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Loomprint playground — a simulation of Figma</title>
<link rel="stylesheet" href="/playground.css">
</head>
<body>
<div id="playground" aria-busy="true">Loading the playground…</div>
<noscript>The playground needs JavaScript: it runs the plugin and a simulated Figma in this page.</noscript>
<script src="/playground.js"></script>
</body>
</html>
`

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const log = options.log ?? ((line: string) => console.log(line))
  if (options.build !== false && buildIsStale()) {
    log('building the plugin (build/ is missing or older than src/)…')
    await buildAll({ quiet: true })
  }
  if (!existsSync(MAIN_OUT) || !existsSync(UI_OUT)) throw new Error('build/main.js or build/ui.html is missing: run npm run build')
  const [client, theme, manifest] = await Promise.all([
    bundleClient(),
    themeCss(),
    readFile(path.join(ROOT, 'manifest.json'), 'utf8').then(
      (text) => JSON.parse(text) as { id: string; name: string; menu?: unknown[]; relaunchButtons?: unknown[] },
    ),
  ])

  const server = http.createServer((request, response) => {
    const send = (status: number, type: string, body: string): void => {
      response.writeHead(status, {
        'content-type': `${type}; charset=utf-8`,
        'cache-control': 'no-store',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
      })
      response.end(body)
    }
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (request.method !== 'GET') return send(405, 'text/plain', 'GET only')
    switch (url.pathname) {
      case '/':
        return send(200, 'text/html', PAGE)
      case '/playground.js':
        return send(200, 'text/javascript', client.js)
      case '/playground.css':
        return send(200, 'text/css', client.css)
      case '/plugin.json':
        // Read on every load: the build as it is now (npm run watch keeps it fresh).
        Promise.all([readFile(MAIN_OUT, 'utf8'), readFile(UI_OUT, 'utf8')])
          .then(([mainJs, uiHtml]) =>
            send(200, 'application/json', JSON.stringify({
                mainJs,
                uiHtml,
                themeCss: theme,
                id: manifest.id,
                name: manifest.name,
                menu: manifest.menu ?? [],
                relaunchButtons: manifest.relaunchButtons ?? [],
              }),),
          )
          .catch((error: unknown) => send(500, 'text/plain', `cannot read the build: ${String(error)}`))
        return
      case '/favicon.ico':
        response.writeHead(204).end()
        return
      default:
        return send(404, 'text/plain', 'not found')
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${String(port)}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const isCli = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (isCli) {
  const port = process.env.PORT ? Number(process.env.PORT) : 0
  startPlayground({ port })
    .then(({ url }) => {
      console.log(`Loomprint playground (a simulation of Figma running the built plugin): ${url}`)
      console.log('Open it in a browser. Ctrl-C stops it.')
    })
    .catch((error: unknown) => {
      console.error(`playground failed to start: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    })
}
