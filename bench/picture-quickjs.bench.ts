/**
 * A pattern holding a 4096 × 4096 picture (Figma's largest, plugin-api.d.ts:1741), marked
 * and captured with the built build/main.js inside QuickJS (Figma's kind of VM) on the
 * fake, the UI side in Node: how long main ever holds the editor while the picture's
 * bytes go to the UI in slices.
 *
 * capture.picture4096.maxSliceMs   longest synchronous stretch of main-thread code in the
 *                                  capture after the picture was replaced (its bytes read)
 * mark.picture4096.maxSliceMs      the same while marking (the AI picture's bytes read)
 * capture.picture4096.bytes        the JPEG's size
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import jpeg from 'jpeg-js'
import { captureAsync, markAsync } from '../src/ui/workflows'
import { startInQuickJs } from '../tests/harness/quickjs'
import { clientFor } from '../tests/support/quickjs-client'
import { decodePictureInNode } from '../tests/support/decode-picture'
import { ADA, ORIGIN } from '../tests/support/plugin-session'
import { paintOver, painterly, resize } from '../tests/provenance/judged/pictures-set'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const round = (ms: number) => Math.round(ms * 10) / 10
const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0)

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

export async function run(): Promise<Record<string, number>> {
  const mainFile = path.join(ROOT, 'build/main.js')
  if (!existsSync(mainFile)) throw new Error('build/main.js is missing: run npm run build first')
  const big = resize(painterly(11), 4096, 4096)
  const aiJpeg = new Uint8Array(jpeg.encode({ width: 4096, height: 4096, data: Buffer.from(big.data) }, 85).data)
  const edited = paintOver(big, resize(painterly(53), 4096, 4096), (x) => x < 1365)
  const editedJpeg = new Uint8Array(jpeg.encode({ width: 4096, height: 4096, data: Buffer.from(edited.data) }, 85).data)
  const plugin = await startInQuickJs({
    mainJs: readFileSync(mainFile, 'utf8'),
    setup: `
      const frame = figma.createFrame(); frame.name = 'AI tile'; frame.resize(400, 400)
      const rect = figma.createRectangle(); rect.resize(400, 400)
      rect.fills = [{ type: 'IMAGE', imageHash: figma.createImage(figma.base64Decode(${JSON.stringify(b64(aiJpeg))})).hash, scaleMode: 'FILL' }]
      frame.appendChild(rect); figma.currentPage.appendChild(frame)
      globalThis.__root = frame; globalThis.__rect = rect`,
    user: ADA,
    command: 'capture',
    sliceTimeoutMs: 120_000,
  })
  try {
    await new Promise((resolve) => setTimeout(resolve, 300))
    const { ctx } = clientFor(plugin, ADA)
    const work = { ...ctx, decodePicture: decodePictureInNode }
    const rootId = plugin.evalInVm('__root.id') as string
    let from = plugin.slicesMs.length
    const marked = await markAsync(ctx.client, [rootId], ORIGIN, work)
    if (marked.kind !== 'done' || marked.failed.length > 0) throw new Error(JSON.stringify(marked))
    const markSlices = plugin.slicesMs.slice(from)
    if (process.env['PICTURE_SLICES']) console.log('mark', markSlices.map((s) => s.toFixed(0)).join(' '))
    // The picture edited outside Figma and placed back (setup-like test code: not timed as plugin work).
    plugin.evalInVm(`globalThis.__edited = figma.base64Decode(${JSON.stringify(b64(editedJpeg))})`)
    plugin.evalInVm(`__rect.fills = [{ type: 'IMAGE', imageHash: figma.createImage(__edited).hash, scaleMode: 'FILL' }]`)
    await new Promise((resolve) => setTimeout(resolve, 100))
    from = plugin.slicesMs.length
    const outcome = await captureAsync(rootId, work)
    if (outcome.kind !== 'captured') throw new Error(JSON.stringify(outcome))
    const captureSlices = plugin.slicesMs.slice(from)
    if (process.env['PICTURE_SLICES']) console.log(captureSlices.map((s) => s.toFixed(0)).join(' '))
    return {
      'capture.picture4096.maxSliceMs': round(max(captureSlices)),
      'capture.picture4096.slices': captureSlices.length,
      'capture.picture4096.hcc': Math.round(outcome.score.hcc * 1e4) / 1e4,
      'capture.picture4096.bytes': editedJpeg.length,
      'mark.picture4096.maxSliceMs': round(max(markSlices)),
    }
  } finally {
    plugin.dispose()
  }
}
