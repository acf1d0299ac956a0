/**
 * A faded group is faded as a whole (SVG `opacity` on a `g`, and Figma's layer opacity on a
 * group or frame): its content is composited first, so where two of its opaque children
 * overlap it shows its opacity once, not twice. Method 2 painted each child with the
 * group's opacity, which darkened every overlap (geopattern "xes": 0.965 of pixels agreed
 * with resvg). Each SVG here goes through the fake's createNodeFromSvg and the plugin,
 * and method 2's picture is compared with resvg's (the reference renderer).
 */
import { describe, expect, test } from 'vitest'
import type { CorpusPattern } from './patterns'
import { runCorpusAsync } from './run-corpus'

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100"><rect width="100" height="100" fill="#f4ecd8"/>${body}</svg>`
const CROSS = '<rect x="20" y="40" width="60" height="20"/><rect x="40" y="20" width="20" height="60"/>'

const cases: { name: string; body: string }[] = [
  { name: 'two overlapping children of a group at 40 %', body: `<g fill="#1d2a6b" opacity="0.4">${CROSS}</g>` },
  { name: 'a group at 50 % in a group at 60 %', body: `<g opacity="0.6"><rect x="10" y="10" width="50" height="50" fill="#8a1c1c"/><g fill="#1d2a6b" opacity="0.5">${CROSS}</g></g>` },
  { name: 'a faded child inside a faded group, over its sibling', body: `<g opacity="0.5"><rect x="10" y="10" width="60" height="60" fill="#1d2a6b"/><rect x="30" y="30" width="60" height="60" fill="#c8553d" opacity="0.5"/></g>` },
  { name: 'a turned group of a cross (geopattern xes)', body: `<g fill="#222" opacity="0.3" transform="translate(50,5) rotate(45)">${CROSS}</g>` },
  { name: 'a faded group that does not overlap itself (unchanged by layering)', body: `<g fill="#1d2a6b" opacity="0.5"><rect x="10" y="10" width="30" height="30"/><rect x="60" y="60" width="30" height="30"/></g>` },
]

describe('faded groups are faded as a whole, as resvg (and Figma) composite them', () => {
  test.each(cases)('$name', async ({ name, body }) => {
    const pattern = { name, source: 'geopattern', svg: svg(body) } satisfies CorpusPattern
    const [result] = await runCorpusAsync([pattern])
    expect(result!.hcc).toBe(0)
    // Every pixel agrees but for a rare sampling tie on an edge.
    expect(result!.agreement.share).toBeGreaterThanOrEqual(0.995)
  })
})
