#!/usr/bin/env node
/**
 * `npm run example:pack -- OUT.zip`: builds an example licensed pattern pack without
 * Figma, through the plugin's real export path; then `npx loomprint verify OUT.zip`
 * says VERIFIED.
 *
 * build/main.js (built in memory with the production options, so a running test
 * suite's build/main.js is never rewritten) runs on the in-memory Figma
 * (tests/figma-fake) with the fake's globals installed, once per person, exactly as
 * Figma would run it. The UI's own workflows talk to it over the fake's UI bridge: a
 * designer draws two patterns, marks and captures them and stamps license terms; an
 * art director approves one. The Export tab's workflow then makes a signing key
 * (kept in clientStorage, public half published on the file), checks both patterns
 * against the terms and the intended use (the unapproved one is refused, and the
 * script prints why), asks main to export each asset (bytes in slices) and assembles
 * the pack with src/pack — the code the Export tab runs.
 *
 * The signing key comes from a fixed seed (never use it for real packs); its public
 * key record is written next to the pack as OUT.pub.json, for `--trust`.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import * as esbuild from 'esbuild'
import { createClient } from '../src/channel'
import { concatBytes } from '../src/pack/bytes'
import { DEFAULT_POLICY } from '../src/provenance/policy'
import { exportPackAsync, newSigningKeyAsync, planExportAsync } from '../src/ui/license/export-workflow'
import { createFigmaWorld, installGlobals, uninstallGlobals, type FigmaWorld } from '../tests/figma-fake/index'
import { licensedFile, USE } from '../tests/export/support'
import type { PluginUser } from '../tests/support/plugin-session'
import { mainOptions } from './build'

const EXAMPLE_SEED = (n: number) => new Uint8Array(n).map((_, i) => (i * 7 + 3) & 0xff)
const CREATED = Date.UTC(2026, 2, 4, 9, 30)

export async function buildExamplePack(): Promise<{ zip: Uint8Array; publicKey: unknown; fileName: string; refused: string[] }> {
  const built = await esbuild.build(mainOptions())
  const mainJs = built.outputFiles.find((f) => f.path.endsWith('.js'))?.text
  if (!mainJs) throw new Error('esbuild produced no main.js')
  const world = createFigmaWorld()
  let ids = 0
  // Each person runs the built main.js in their own session, as Figma would.
  const open = (w: FigmaWorld, user: { id: string; name: string }): PluginUser => {
    const session = w.openSession(user)
    installGlobals(session, '<div id="app"></div>')
    new Function(mainJs)()
    let clock = Date.UTC(2025, 2, 4, 9, 30)
    const client = createClient({ send: (m) => session.ui.postToMain(m), listen: (receive) => session.ui.onMessage(receive) })
    return { session, figma: session.figma, client, ctx: { client, now: () => (clock += 1000), newId: () => `ExamplePattern_${String(++ids).padStart(6, '0')}`, user } }
  }
  try {
    const { ada, frames } = await licensedFile(world, open)
    const key = await newSigningKeyAsync(ada.client, ada.ctx.user, { randomBytes: EXAMPLE_SEED, now: () => CREATED })
    if (key.kind !== 'ready') throw new Error(`no signing key: ${key.kind}`)
    const plan = await planExportAsync(ada.client, frames.map((f) => f.id), USE, DEFAULT_POLICY)
    const refused = plan.filter((c) => c.reasons.length > 0).map((c) => `${c.name}: ${c.reasons.join(' ')}`)
    const outcome = await exportPackAsync(ada.client, plan, { pngScales: [1, 2], pngWidths: [], svg: true, pdf: true, repeatPreview: true }, USE, {
      signer: key.signer,
      now: () => CREATED,
    })
    if (outcome.kind !== 'packed') throw new Error(outcome.error)
    return { zip: concatBytes(outcome.result.parts), publicKey: key.record, fileName: outcome.result.fileName, refused }
  } finally {
    uninstallGlobals()
  }
}

const out = process.argv[2]
if (!out || out.startsWith('-')) {
  console.error('usage: npm run example:pack -- OUT.zip')
  process.exit(2)
}
try {
  const { zip, publicKey, refused } = await buildExamplePack()
  writeFileSync(out, zip)
  const pub = out.replace(/\.zip$/i, '') + '.pub.json'
  writeFileSync(pub, `${JSON.stringify(publicKey, null, 2)}\n`)
  for (const line of refused) console.log(`left out (the user confirmed): ${line}`)
  console.log(`wrote ${out} and ${path.basename(pub)}; check it with: npx loomprint verify ${out} --trust ${pub}`)
  process.exit(0)
} catch (err) {
  console.error(`example:pack failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}
