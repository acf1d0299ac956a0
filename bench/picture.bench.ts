/**
 * Pictures (issue #20), in Node: what the UI iframe does per picture at a capture.
 *
 * capture.image2048.ms       sample one 2048 × 2048 picture (a third of it painted over)
 *                            and compare it with the baseline's sample on the canvas,
 *                            placement fit included: median of 5
 * capture.image2048.cpuMs    the same in CPU time of this process (all its threads, the
 *                            JIT's and GC's included): what a loaded machine's waiting
 *                            leaves out
 * capture.image2048.firstMs  the first of the five (cold: nothing compiled yet)
 * capture.image2048.fit.ms   the placement fit alone (a crop of the picture), median of 5
 * capture.imageSampleBytes   the bytes a pattern's samples take (one picture: the most)
 */
import { compareOnCanvas } from '../src/coefficient/score'
import { DEFAULT_POLICY } from '../src/provenance/policy'
import { fitPlacement } from '../src/coefficient/picture/fit'
import { decodeSample, imageSample, sampleBytes } from '../src/coefficient/picture/sample'
import { crop, paintOver, painterly, pictureSnapshot } from '../tests/provenance/judged/pictures-set'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const round = (ms: number) => Math.round(ms * 10) / 10

export async function run(): Promise<Record<string, number>> {
  const ai = painterly(11, 2048)
  const brush = painterly(53, 2048, [[20, 60, 40], [240, 240, 250], [150, 30, 90]])
  const edited = paintOver(ai, brush, (x) => x < 683)
  const baseline = pictureSnapshot(ai, 'ai')
  const times: number[] = []
  const cpu: number[] = []
  let hcc = 0
  for (let k = 0; k < 5; k++) {
    const t = performance.now()
    const u = process.cpuUsage()
    const current = pictureSnapshot(edited, `edited-${k}`) // samples the 2048² picture
    hcc = compareOnCanvas(baseline, current, DEFAULT_POLICY, 'id').score.hcc
    const used = process.cpuUsage(u)
    cpu.push((used.user + used.system) / 1000)
    times.push(performance.now() - t)
  }
  const a = decodeSample(imageSample(ai))!
  const cropped = decodeSample(imageSample(crop(ai, 256, 256, 1536, 1536)))!
  const fits: number[] = []
  for (let k = 0; k < 5; k++) {
    const t = performance.now()
    fitPlacement(a, cropped)
    fits.push(performance.now() - t)
  }
  return {
    'capture.image2048.ms': round(median(times)),
    'capture.image2048.cpuMs': round(median(cpu)),
    'capture.image2048.firstMs': round(times[0]!),
    'capture.image2048.fit.ms': round(median(fits)),
    'capture.image2048.hcc': Math.round(hcc * 1e4) / 1e4,
    'capture.imageSampleBytes': sampleBytes(baseline.images!['ai']!),
  }
}
