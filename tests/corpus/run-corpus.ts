/**
 * The corpus through the plugin, as a designer would bring it in: each SVG imported with
 * figma.createNodeFromSvg (the fake's), marked with its AI origin, captured untouched, and
 * its reading painted by method 2 and compared with resvg (agreement.ts).
 */
import { captureAsync, markAsync, readSnapshotAsync } from '../../src/ui/workflows'
import { createFigmaWorld } from '../figma-fake/index'
import { ADA, captured, openPlugin, ORIGIN } from '../support/plugin-session'
import { agreement, method2Picture, resvgPicture, type Agreement } from './agreement'
import type { CorpusPattern } from './patterns'

export interface CorpusResult {
  name: string
  /** HCC of the untouched capture (must be exactly 0). */
  hcc: number
  layers: number
  /** Against resvg without anti-aliasing (crispEdges): the same sampling as method 2. */
  agreement: Agreement
  /** Against resvg anti-aliased (geometricPrecision): edge pixels are blends method 2 does not make. */
  agreementAntialiased: Agreement
}

export async function runCorpusAsync(patterns: readonly CorpusPattern[]): Promise<CorpusResult[]> {
  const world = createFigmaWorld({ pageNames: ['Corpus'] })
  const ada = openPlugin(world, ADA)
  const frames: FrameNode[] = []
  world.edit(ada.session, () => {
    patterns.forEach((p, i) => {
      const frame = ada.figma.createNodeFromSvg(p.svg)
      frame.name = p.name
      frame.x = (i % 12) * 300
      frame.y = Math.floor(i / 12) * 300
      frames.push(frame)
    })
  })
  await world.flush()
  const out: CorpusResult[] = []
  for (let i = 0; i < patterns.length; i++) {
    const frame = frames[i]!
    const mark = await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
    if (mark.kind !== 'done' || mark.marked.length !== 1) throw new Error(`${patterns[i]!.name}: not marked (${JSON.stringify(mark).slice(0, 300)})`)
    const result = captured(await captureAsync(frame.id, ada.ctx))
    const read = await readSnapshotAsync(ada.client, frame.id)
    const mine = method2Picture(read.snapshot)
    const svg = patterns[i]!.svg
    out.push({
      name: patterns[i]!.name,
      hcc: result.score.hcc,
      layers: read.snapshot.elements.length,
      agreement: agreement(mine, resvgPicture(svg, mine.width, true)),
      agreementAntialiased: agreement(mine, resvgPicture(svg, mine.width, false)),
    })
  }
  return out
}
