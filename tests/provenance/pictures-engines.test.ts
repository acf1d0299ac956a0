/**
 * The measured case in both engines: the AI painterly tile as a PNG file, the
 * same picture re-saved as JPEG, and a third of it painted over, decoded and sampled as a
 * capture does — in Chromium with its own image decoders (createImageBitmap, canvas: the
 * UI iframe's path), in Node with fast-png / jpeg-js — then scored. The re-save scores
 * below 0.1 and the painting at least 0.1 in each. Needs /usr/bin/chromium (FIGMA.md "Tooling").
 */
import * as esbuild from 'esbuild'
import { encode as encodePng } from 'fast-png'
import jpeg from 'jpeg-js'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM_FLAGS, findChromium } from '../harness/browser'
import { decodePictureInNode } from '../support/decode-picture'
import { pictureScores } from './judged/picture-scores'
import { paintOver, painterly, type Picture } from './judged/pictures-set'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const png = (p: Picture) => encodePng({ width: p.width, height: p.height, data: p.data, channels: 4, depth: 8 })
const jpg = (p: Picture) => new Uint8Array(jpeg.encode({ width: p.width, height: p.height, data: Buffer.from(p.data) }, 75).data)

describe('pictures across engines', () => {
  it('a re-saved JPEG scores < 0.1 and a third painted over ≥ 0.1, in Node and in Chromium', async () => {
    const ai = painterly(11)
    const files = {
      ai: png(ai),
      jpeg: jpg(ai),
      third: png(paintOver(ai, painterly(53, 512, [[20, 60, 40], [240, 240, 250], [150, 30, 90]]), (x) => x < 171)),
    }
    const inNode = await pictureScores(files, decodePictureInNode)
    const bundle = await esbuild.build({
      absWorkingDir: ROOT,
      stdin: {
        contents: `import { pictureScores } from './tests/provenance/judged/picture-scores'; import { decodeInBrowserAsync } from './src/ui/capture/read-pictures';
          window.score = (files) => pictureScores(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new Uint8Array(v)])), decodeInBrowserAsync)`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    })
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS })
    try {
      const page = await browser.newPage()
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text })
      const inChromium = (await page.evaluate((f) => (window as unknown as { score: (f: unknown) => Promise<Record<string, number>> }).score(f), Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Array.from(v)])))) as Record<string, number>
      for (const scores of [inNode, inChromium]) {
        expect(scores['jpeg']).toBeLessThan(0.1)
        expect(scores['third']).toBeGreaterThanOrEqual(0.1)
      }
      // Two decoders, one sample: the scores agree closely (JPEG decoders may round differently).
      expect(Math.abs(inChromium['third']! - inNode['third']!)).toBeLessThan(0.02)
    } finally {
      await browser.close()
    }
  }, 120_000)
})
