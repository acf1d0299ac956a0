/**
 * Benchmark: scoring a 10,000-element textile repeat against its edited state.
 *
 *   npm run bench -- score
 *
 * Figures (median of ≥ 7 timed runs after warm-up, milliseconds):
 *   capture.score10k.ms     scoreContribution(baseline, current), method 2 (both rasters
 *                           included), 10k vs ~10k elements (≤ 200)
 *   capture.score10k.v1.ms  the same with method 1, for comparison
 *   capture.raster10k.ms    method 2 on the irregular fixture (10k unique outlines, every
 *                           shape its own place, size, rotation), against a lightly edited copy
 *   capture.outline10k.ms   outlineSignature for 10k petal/leaf/stem paths (host work)
 *   capture.flatten10k.ms   method 2 when every layer of the repeat was flattened (new ids,
 *                           VECTORs with their outline as path data): every layer is
 *                           remade in place and compared on a grid of its own (the worst case)
 *   capture.flatten10k.hcc  its score (0: nothing a viewer can see changed)
 */
import { performance } from 'node:perf_hooks'
import { outlineSignature } from '../src/coefficient/outline'
import { elementFromShape, METHOD_V1, scoreContribution } from '../src/coefficient/score'
import type { PatternSnapshot } from '../src/coefficient/snapshot'
import { irregularMotifs } from './fixtures/irregular-motifs'
import { realisticEdits, textileRepeat, withPathData } from './fixtures/textile-repeat'

/** Every 50th shape recoloured, every 97th nudged: a light edit of the irregular fixture. */
function lightlyEdited(p: PatternSnapshot): PatternSnapshot {
  const out = JSON.parse(JSON.stringify(p)) as PatternSnapshot
  out.elements.forEach((e, i) => {
    if (i % 50 === 7 && e.fills[0]?.kind === 'solid') e.fills[0].color.r = 1 - e.fills[0].color.r
    if (i % 97 === 3) e.bounds.x += 6
  })
  return out
}

/** Select all, Flatten: each shape a VECTOR with a new id and its outline as path data. */
function flattened(p: PatternSnapshot): PatternSnapshot {
  const k = 0.5522847498
  return {
    ...p,
    elements: p.elements.map((e) => {
      if (e.path === '' || !(e.type === 'RECTANGLE' || e.type === 'ELLIPSE' || e.pathData)) return e
      const { w, h } = e.bounds
      const [rx, ry] = [w / 2, h / 2]
      const ellipse = `M 0 ${ry} C 0 ${ry - k * ry} ${rx - k * rx} 0 ${rx} 0 C ${rx + k * rx} 0 ${w} ${ry - k * ry} ${w} ${ry} C ${w} ${ry + k * ry} ${rx + k * rx} ${h} ${rx} ${h} C ${rx - k * rx} ${h} 0 ${ry + k * ry} 0 ${ry} Z`
      const pathData = e.pathData ?? [e.type === 'ELLIPSE' ? ellipse : `M 0 0 L ${w} 0 L ${w} ${h} L 0 ${h} Z`]
      return elementFromShape({ ...e, id: `flat-${e.id}`, type: 'VECTOR', pathData })
    }),
  }
}

const RUNS = 9

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[s.length >> 1]!
}

function timeIt(fn: () => unknown, runs = RUNS): number {
  for (let i = 0; i < 2; i++) fn() // warm-up: let the JIT settle
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return median(times)
}

export async function run(): Promise<Record<string, number>> {
  const baseline = textileRepeat(10_000, 1)
  const current = realisticEdits(baseline, 2)
  const score = scoreContribution(baseline, current)
  const drawn = withPathData(baseline)
  const flat = flattened(drawn)
  const irregular = irregularMotifs(10_000, 1)
  const irregularEdited = lightlyEdited(irregular)

  const paths: string[] = []
  for (let i = 0; i < 10_000; i++) {
    const w = 10 + (i % 40)
    const h = 20 + (i % 17)
    paths.push(
      i % 3 === 0
        ? `M ${w / 2} ${h} C ${-w * 0.1} ${h * 0.6} ${w * 0.1} 0 ${w / 2} 0 C ${w * 0.9} 0 ${w * 1.1} ${h * 0.6} ${w / 2} ${h} Z`
        : i % 3 === 1
          ? `M 0 ${h / 2} Q ${w / 2} ${-h * 0.4} ${w} ${h / 2} Q ${w / 2} ${h * 1.4} 0 ${h / 2} Z`
          : `M 0 0 L ${w} 0 L ${w} ${h} L ${w / 2} ${h * 1.2} L 0 ${h} Z`,
    )
  }

  return {
    'capture.score10k.ms': round(timeIt(() => scoreContribution(baseline, current))),
    'capture.score10k.v1.ms': round(timeIt(() => scoreContribution(baseline, current, undefined, { method: METHOD_V1 }))),
    'capture.raster10k.ms': round(timeIt(() => scoreContribution(irregular, irregularEdited))),
    'capture.outline10k.ms': round(timeIt(() => {
      for (let i = 0; i < paths.length; i++) outlineSignature([paths[i]!], { w: 50, h: 40 })
    })),
    'capture.flatten10k.ms': round(timeIt(() => scoreContribution(drawn, flat), 5)),
    'capture.flatten10k.hcc': round(scoreContribution(drawn, flat).hcc, 4),
    'capture.score10k.hcc': round(score.hcc, 4),
    'capture.score10k.elements': baseline.elements.length,
  }
}

function round(v: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(v * f) / f
}
