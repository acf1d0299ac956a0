#!/usr/bin/env node
/**
 * `npm run example:pack -- OUT.zip`: builds an example licensed pattern pack without
 * Figma, then `npx loomprint verify OUT.zip` says VERIFIED.
 *
 * build/main.js (built in memory with the production options) runs on the in-memory Figma (tests/figma-fake) with the
 * fake's globals installed, exactly as Figma would run it; the UI's own workflows
 * (markAsync, captureAsync) talk to it over the fake's UI bridge. A designer draws a
 * pattern, marks it as AI-generated and recolours part of it; the record is read from
 * the layer's plugin data, the assets come from the fake's exportAsync (PNG at 1× and
 * 2×, SVG, PDF), eligibility and the intended use from src/license, and the pack from
 * src/pack — the code the Export tab runs. The plugin's own Export command does not
 * exist yet; when it does, this script should drive it instead of calling exportAsync.
 *
 * The signing key is a fixed example key (never use it for real packs); its public
 * key record is written next to the pack as OUT.pub.json, for `--trust`.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { captureAsync, markAsync } from '../src/ui/workflows'
import { parseRecord, RECORD_KEY } from '../src/provenance/record'
import { checkEligibility } from '../src/license/eligibility'
import { checkIntendedUse } from '../src/license/intended-use'
import { licenseFingerprint } from '../src/license/terms'
import { assemblePackAsync, packPatternOf, type IntendedUse, type PackAssetInput } from '../src/pack/index'
import { generateKeyPair, signerFromSecretKey } from '../src/pack/keys'
import { createFigmaWorld, installGlobals, uninstallGlobals, type FakeSession, type FigmaWorld } from '../tests/figma-fake/index'
import { ORIGIN, ADA } from '../tests/support/plugin-session'
import { createClient } from '../src/channel'
import type { WorkflowContext } from '../src/ui/workflows'
import * as esbuild from 'esbuild'
import { mainOptions } from './build'
import { TERMS } from '../tests/pack/fixture'

const EXAMPLE_SEED = new Uint8Array(32).map((_, i) => (i * 7 + 3) & 0xff)
const CREATED = new Date('2026-03-04T09:30:00.000Z')

export async function buildExamplePack(): Promise<{ zip: Uint8Array[]; publicKey: unknown; fileName: string }> {
  // Built in memory with the production options, so a running test suite's build/main.js is never rewritten.
  const built = await esbuild.build(mainOptions())
  const mainJs = built.outputFiles.find((f) => f.path.endsWith('.js'))?.text
  if (!mainJs) throw new Error('esbuild produced no main.js')
  const world = createFigmaWorld()
  const session = world.openSession(ADA)
  installGlobals(session, '<div id="app"></div>')
  try {
    new Function(mainJs)()
    let clock = Date.UTC(2025, 2, 4, 9, 30)
    const client = createClient({ send: (m) => session.ui.postToMain(m), listen: (receive) => session.ui.onMessage(receive) })
    const ctx = { client, now: () => (clock += 1000), newId: () => 'ExamplePattern_000001', user: ADA }
    return await packFromPlugin(world, session, ctx)
  } finally {
    uninstallGlobals()
  }
}

async function packFromPlugin(world: FigmaWorld, session: FakeSession, ctx: WorkflowContext): Promise<{ zip: Uint8Array[]; publicKey: unknown; fileName: string }> {
  const ada = { figma: session.figma, session }
  let frame!: FrameNode
  let tiles: EllipseNode[] = []
  world.edit(ada.session, () => {
    frame = ada.figma.createFrame()
    frame.name = 'Paisley repeat'
    frame.resize(240, 240)
    frame.fills = [{ type: 'SOLID', color: { r: 0.97, g: 0.94, b: 0.86 } }]
    tiles = []
    for (let i = 0; i < 4; i++) {
      const t = ada.figma.createEllipse()
      t.resize(80, 80)
      t.x = 20 + (i % 2) * 120
      t.y = 20 + Math.floor(i / 2) * 120
      t.fills = [{ type: 'SOLID', color: { r: 0.15, g: 0.2 + 0.1 * i, b: 0.55 } }]
      frame.appendChild(t)
      tiles.push(t)
    }
    ada.figma.currentPage.selection = [frame]
  })
  const marked = await markAsync(ctx.client, [frame.id], ORIGIN, ctx)
  if (marked.kind !== 'done' || marked.failed.length) throw new Error(`marking failed: ${JSON.stringify(marked)}`)
  world.edit(ada.session, () => {
    tiles[0]!.fills = [{ type: 'SOLID', color: { r: 0.85, g: 0.3, b: 0.1 } }]
    tiles[1]!.fills = [{ type: 'SOLID', color: { r: 0.9, g: 0.75, b: 0.2 } }]
    tiles[3]!.x += 10
  })
  await new Promise((resolve) => setTimeout(resolve, 20))
  const outcome = await captureAsync(frame.id, ctx)
  if (outcome.kind !== 'captured') throw new Error(`capture failed: ${outcome.kind}`)
  const parsed = parseRecord(frame.getPluginData(RECORD_KEY))
  if (!parsed.ok) throw new Error(parsed.error)
  const record = parsed.record
  const c = record.capture!

  const use: IntendedUse = { use: { fieldOfUse: 'apparel', territory: ['FR'], units: 5000 }, at: '2026-04-01' }
  const eligibility = checkEligibility(TERMS, {
    capture: { hcc: c.hcc, label: c.label, method: c.method, at: c.at },
    captureIsCurrent: true,
    reviews: [],
    journal: { allChainsVerify: outcome.journalChecks.every((j) => j.ok), editors: c.journal.people.map((p) => ({ id: p.id, name: p.name })) },
    aiOrigin: { trainingData: record.origin.trainingData, modelLicense: record.origin.modelLicense, fineTune: record.origin.fineTune ?? null },
  })
  const pattern = packPatternOf(record, {
    name: frame.name,
    license: { terms: TERMS, fingerprint: licenseFingerprint(TERMS) },
    eligibility,
    use: checkIntendedUse(TERMS, use.use, use.at),
  })
  const assets: PackAssetInput[] = [
    { pattern: pattern.id, kind: 'png', scale: 1, bytes: await frame.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 1 } }) },
    { pattern: pattern.id, kind: 'png', scale: 2, bytes: await frame.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 2 } }) },
    { pattern: pattern.id, kind: 'svg', bytes: await frame.exportAsync({ format: 'SVG' }) },
    { pattern: pattern.id, kind: 'pdf', bytes: await frame.exportAsync({ format: 'PDF' }) },
  ]
  const signer = signerFromSecretKey(Buffer.from(EXAMPLE_SEED).toString('hex'), { id: ADA.id, name: ADA.name })!
  const key = generateKeyPair({ randomBytes: () => EXAMPLE_SEED, now: () => CREATED, owner: { id: ADA.id, name: ADA.name } })
  const r = await assemblePackAsync({ patterns: [pattern], assets, intendedUse: use }, { signer, now: () => CREATED })
  if (!r.ok) throw new Error(r.error)
  return { zip: r.parts, publicKey: key.record, fileName: r.fileName }
}

const out = process.argv[2]
if (!out || out.startsWith('-')) {
  console.error('usage: npm run example:pack -- OUT.zip')
  process.exit(2)
}
try {
  const { zip, publicKey } = await buildExamplePack()
  writeFileSync(out, Buffer.concat(zip))
  const pub = out.replace(/\.zip$/i, '') + '.pub.json'
  writeFileSync(pub, `${JSON.stringify(publicKey, null, 2)}\n`)
  console.log(`wrote ${out} and ${path.basename(pub)}; check it with: npx loomprint verify ${out} --trust ${pub}`)
  process.exit(0)
} catch (err) {
  console.error(`example:pack failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}
