/**
 * Benchmark: the capture's heat map on the 10,000-element fixtures.
 *
 *   npm run bench -- heatmap
 *
 * Figures (median of 7 timed runs after warm-up, milliseconds; sizes in bytes):
 *   heatmap.<fixture>.ms      captureHeatMap + heatMapPng after compareOnCanvas (what a
 *                             capture adds for its picture), in the UI's V8
 *   heatmap.<fixture>.bytes   the stored PNG (≤ 65,536: RASTER_MAX_BYTES)
 *   heatmap.<fixture>.colours palette entries it uses
 * textile: the repeat with the afternoon's edits (textile-repeat.ts realisticEdits);
 * irregular: the irregular fixture with every 50th shape recoloured and every 97th nudged.
 */
import { performance } from 'node:perf_hooks'
import { quantizeSnapshot } from '../src/storage/baseline-codec'
import { captureHeatMap } from '../src/coefficient/heatmap'
import { heatMapPng } from '../src/storage/heatmap-png'
import { DEFAULT_POLICY } from '../src/provenance/policy'
import { compareOnCanvas } from '../src/coefficient/score'
import type { PatternSnapshot } from '../src/coefficient/snapshot'
import { irregularMotifs } from './fixtures/irregular-motifs'
import { realisticEdits, textileRepeat } from './fixtures/textile-repeat'

function lightlyEdited(p: PatternSnapshot): PatternSnapshot {
  const out = structuredClone(p)
  out.elements.forEach((e, i) => {
    if (i % 50 === 7 && e.fills[0]?.kind === 'solid') e.fills[0].color.r = 1 - e.fills[0].color.r
    if (i % 97 === 3) e.bounds.x += 6
  })
  return out
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[s.length >> 1]!
}

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  const textile = textileRepeat(10_000, 1)
  const irregular = irregularMotifs(10_000, 1)
  const cases: [string, PatternSnapshot, PatternSnapshot][] = [
    ['textile', textile, realisticEdits(textile, 2)],
    ['irregular', irregular, lightlyEdited(irregular)],
  ]
  for (const [name, base, edited] of cases) {
    const b = quantizeSnapshot(base)
    const c = quantizeSnapshot(edited)
    const comparison = compareOnCanvas(b, c, DEFAULT_POLICY, 'id')
    const make = () => heatMapPng(captureHeatMap(comparison))
    for (let i = 0; i < 2; i++) make()
    const times: number[] = []
    let result = make()
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now()
      result = make()
      times.push(performance.now() - t0)
    }
    out[`heatmap.${name}.ms`] = Math.round(median(times) * 10) / 10
    out[`heatmap.${name}.bytes`] = result.png.length
    out[`heatmap.${name}.colours`] = new Set(result.image.index).size
  }
  return out
}
