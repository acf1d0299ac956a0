/**
 * `npm start`'s server (playground/server.ts): it listens on 127.0.0.1 only, serves the
 * build as it is on disk, and its page may reach nothing but itself. Needs a build.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startPlayground, type Playground } from '../../playground/server'
import { ROOT } from '../build/paths'

let playground: Playground | undefined
beforeAll(async () => {
  playground = await startPlayground({ build: false, log: () => undefined })
})
afterAll(async () => {
  await playground?.close()
})

describe('the playground server', () => {
  test('listens on 127.0.0.1, on a free port', () => {
    expect(playground!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  test('serves the page, saying it is a simulation, with a policy that allows no other connection', async () => {
    const response = await fetch(playground!.url)
    expect(response.status).toBe(200)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("default-src 'self'")
    expect(await response.text()).toMatch(/simulation of Figma/)
  })

  test('hands the page the plugin exactly as built, and the manifest’s commands', async () => {
    const served = (await (await fetch(new URL('/plugin.json', playground!.url))).json()) as {
      mainJs: string
      uiHtml: string
      id: string
      menu: { command: string }[]
    }
    expect(served.mainJs).toBe(readFileSync(path.join(ROOT, 'build/main.js'), 'utf8'))
    expect(served.uiHtml).toBe(readFileSync(path.join(ROOT, 'build/ui.html'), 'utf8'))
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as { id: string; menu: { command: string }[] }
    expect(served.id).toBe(manifest.id)
    expect(served.menu.map((m) => m.command)).toEqual(manifest.menu.map((m) => m.command))
  })

  test('answers anything else with 404, and only GET', async () => {
    expect((await fetch(new URL('/../package.json', playground!.url))).status).toBe(404)
    expect((await fetch(new URL('/build/main.js', playground!.url))).status).toBe(404)
    expect((await fetch(playground!.url, { method: 'POST' })).status).toBe(405)
  })
})
