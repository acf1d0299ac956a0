/**
 * Method 2 against the reference renderer on real SVG patterns (tests/corpus): each pattern
 * imported with the fake's createNodeFromSvg, marked and captured untouched through the plugin,
 * its reading painted by method 2 and compared with @resvg/resvg-js pixel by pixel.
 *
 * capture.corpus.patterns                  how many real patterns were scored
 * capture.corpus.untouchedNonZero          how many of them did not score exactly 0 untouched (target 0)
 * capture.raster.agreementVsResvg.min      the lowest share of agreeing pixels over the corpus (target ≥ 0.97)
 * capture.raster.agreementVsResvg.mean     the mean share (target ≥ 0.99)
 * capture.raster.coverageVsResvg.min       the lowest share agreeing on painted vs not alone
 * capture.raster.agreementVsResvgAA.min / .mean   the same against resvg anti-aliased: every
 *                                          edge pixel there is a blend method 2 never makes
 *                                          (it samples pixel centres), so thin-line patterns fall
 */
import { corpusPatterns } from '../tests/corpus/patterns'
import { runCorpusAsync } from '../tests/corpus/run-corpus'

const round = (x: number) => Math.round(x * 10000) / 10000

export async function run(): Promise<Record<string, number>> {
  const results = await runCorpusAsync(corpusPatterns())
  const shares = results.map((r) => r.agreement.share)
  const worst = [...results].sort((a, b) => a.agreement.share - b.agreement.share).slice(0, 5)
  console.log('\n  lowest agreement: ' + worst.map((r) => `${r.name} ${r.agreement.share.toFixed(4)}`).join(', '))
  const sources = [...new Set(results.map((r) => r.name.split('/')[0]!))]
  const bySource = sources.map((src) => {
    const own = results.filter((r) => r.name.startsWith(`${src}/`))
    const low = own.reduce((a, r) => (r.agreement.share < a.agreement.share ? r : a))
    return `${src} (${own.length}) min ${low.agreement.share.toFixed(4)} (${low.name.slice(src.length + 1)})`
  })
  console.log('  per source: ' + bySource.join('; '))
  return {
    'capture.corpus.patterns': results.length,
    'capture.corpus.untouchedNonZero': results.filter((r) => r.hcc !== 0).length,
    'capture.raster.agreementVsResvg.min': round(Math.min(...shares)),
    'capture.raster.agreementVsResvg.mean': round(shares.reduce((s, x) => s + x, 0) / shares.length),
    'capture.raster.coverageVsResvg.min': round(Math.min(...results.map((r) => r.agreement.coverage))),
    'capture.raster.agreementVsResvgAA.min': round(Math.min(...results.map((r) => r.agreementAntialiased.share))),
    'capture.raster.agreementVsResvgAA.mean': round(results.reduce((s, r) => s + r.agreementAntialiased.share, 0) / results.length),
  }
}
