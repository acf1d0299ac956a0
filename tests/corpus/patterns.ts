/**
 * Real SVG patterns from outside the project, as the corpus method 2 is checked against
 * (issue #19, "Real patterns from outside"); each source's licence is in README.md here.
 *
 * - hero-patterns: the 87 Hero Patterns, each a CSS `url('data:image/svg+xml,…')`.
 * - geopattern: one pattern per each of its 16 generators, from a fixed string.
 * - OpenMoji (@iconify-json/openmoji): motifs arranged as a 3 × 3 half-drop repeat.
 */
import { createRequire } from 'node:module'
import heroPatterns from 'hero-patterns'
import GeoPattern from 'geopattern'

export interface CorpusPattern {
  /** `source/name`. */
  name: string
  source: 'hero-patterns' | 'geopattern' | 'openmoji'
  svg: string
}

const HERO_INK = '#5b4b8a'
const HERO_OPACITY = 0.6

/** The SVG inside a CSS url('data:image/svg+xml,…') as hero-patterns returns it. */
export function svgOfDataUrl(css: string): string {
  const start = css.indexOf(',')
  const end = css.lastIndexOf("'")
  return decodeURIComponent(css.slice(start + 1, end > start ? end : undefined))
}

function hero(): CorpusPattern[] {
  const all = heroPatterns as unknown as Record<string, (color: string, opacity: number) => string>
  return Object.keys(all)
    .sort()
    .map((name) => ({ name: `hero-patterns/${name}`, source: 'hero-patterns' as const, svg: svgOfDataUrl(all[name]!(HERO_INK, HERO_OPACITY)) }))
}

/** geopattern's generators (its lib/pattern.js), one pattern each. */
export const GEOPATTERN_GENERATORS = [
  'chevrons', 'concentricCircles', 'diamonds', 'hexagons', 'mosaicSquares', 'nestedSquares', 'octogons', 'overlappingCircles',
  'overlappingRings', 'plaid', 'plusSigns', 'sineWaves', 'squares', 'tessellation', 'triangles', 'xes',
] as const

function geo(): CorpusPattern[] {
  const gp = GeoPattern as unknown as { generate(s: string, o: { generator: string }): { toString(): string } }
  return GEOPATTERN_GENERATORS.map((g) => ({ name: `geopattern/${g}`, source: 'geopattern' as const, svg: gp.generate(`loomprint ${g}`, { generator: g }).toString() }))
}

/** Motifs that use only what an SVG import of a pattern holds (no <use>, <defs>, clip paths). */
export const OPENMOJI_MOTIFS = [
  'red-apple', 'sunflower', 'cherry-blossom', 'star', 'four-leaf-clover', 'maple-leaf', 'tulip', 'hibiscus', 'lemon', 'cherries',
  'strawberry', 'leaf-fluttering-in-wind', 'herb', 'rose', 'blossom', 'seedling', 'mushroom', 'shamrock', 'butterfly', 'snowflake',
]

function openmoji(): CorpusPattern[] {
  const require = createRequire(import.meta.url)
  const set = require('@iconify-json/openmoji/icons.json') as { width?: number; height?: number; icons: Record<string, { body: string }> }
  const size = set.width ?? 72
  const out: CorpusPattern[] = []
  for (const name of OPENMOJI_MOTIFS) {
    const icon = set.icons[name]
    if (!icon || /<(use|defs|clipPath|mask|linearGradient|radialGradient|text|image)\b/.test(icon.body)) continue
    // A half-drop repeat: 3 columns, the middle one dropped by half a motif, on a cream ground.
    const cells: string[] = []
    for (let col = 0; col < 3; col++) {
      for (let row = -1; row < 3; row++) {
        const y = row * size + (col === 1 ? size / 2 : 0)
        if (y + size <= 0 || y >= 3 * size) continue
        cells.push(`<g transform="translate(${col * size} ${y})">${icon.body}</g>`)
      }
    }
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${3 * size}" height="${3 * size}" viewBox="0 0 ${3 * size} ${3 * size}"><rect width="100%" height="100%" fill="#f6efe0"/>${cells.join('')}</svg>`
    out.push({ name: `openmoji/${name}`, source: 'openmoji', svg })
  }
  return out
}

/** The whole corpus, in a fixed order. */
export function corpusPatterns(): CorpusPattern[] {
  return [...hero(), ...geo(), ...openmoji()]
}
