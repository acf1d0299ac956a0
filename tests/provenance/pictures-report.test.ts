import { it } from 'vitest'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import { compareOnCanvas } from '../../src/provenance/score'
import { PICTURE_SET } from './judged/pictures-set'

it('report', () => {
  for (const c of PICTURE_SET.cases) {
    const t = performance.now()
    const [a, b] = c.build()
    const t1 = performance.now()
    const r = compareOnCanvas(a, b, DEFAULT_POLICY, 'id')
    console.log(c.id.padEnd(22), c.band.padEnd(9), r.score.hcc.toFixed(3), JSON.stringify(r.pictures.map((p) => [p.changedShare?.toFixed(2), p.placement, p.rasterized])), `${(t1 - t).toFixed(0)}+${(performance.now() - t1).toFixed(0)}ms`)
  }
})
