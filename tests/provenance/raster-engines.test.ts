/**
 * Method 2 paints the same bytes in Node and in Chromium (the UI iframe, where
 * captures are scored): every judged scenario's two rasters and change map, compared
 * by digest, and its score to 12 decimals. Needs /usr/bin/chromium (FIGMA.md "Tooling").
 */
import * as esbuild from 'esbuild'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM_FLAGS, findChromium } from '../harness/browser'
import { rasterDigests } from './judged/raster-digests'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

describe('the raster across engines', () => {
  it('gives the same bytes in Node and in Chromium for every judged scenario', async () => {
    const bundle = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: [path.join(ROOT, 'tests/provenance/judged/raster-digests.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'RasterDigests',
      target: 'es2020',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    })
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS })
    try {
      const page = await browser.newPage()
      const inChromium = (await page.evaluate(`${bundle.outputFiles[0]!.text}; RasterDigests.rasterDigests()`)) as ReturnType<typeof rasterDigests>
      const inNode = rasterDigests()
      expect(Object.keys(inNode).length).toBeGreaterThanOrEqual(100)
      const differ = Object.keys(inNode).filter((k) => inNode[k]!.raster !== inChromium[k]?.raster)
      expect(differ).toEqual([])
      // Scores agree to the last few bits: colour distance (CIEDE2000, culori) uses
      // Math.pow and trigonometry, whose last bit may differ between engine versions.
      for (const k of Object.keys(inNode)) expect(inChromium[k]!.hcc).toBeCloseTo(inNode[k]!.hcc, 12)
    } finally {
      await browser.close()
    }
  }, 120_000)
})
