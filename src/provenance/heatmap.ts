/**
 * The heat map of a capture: method 2's change map (score-v2.ts, `CanvasMap`) as
 * RGBA pixels — changed, added and removed paint highlighted over a faint backdrop —
 * and the element under a pixel, so a click can select it. Pure: the UI draws the
 * pixels into a canvas; the pack can encode the same pixels as a PNG.
 */
import { CHANGE, type CanvasMap } from './score-v2'

/** RGBA per change kind (index = CHANGE value). */
export const HEAT_COLORS: readonly (readonly [number, number, number, number])[] = [
  [226, 226, 226, 255], // none: what the AI made, unchanged
  [245, 158, 11, 255], // changed: amber
  [16, 150, 120, 255], // added: teal
  [200, 40, 120, 255], // removed or hidden: magenta
]

/** The map's pixels, row by row, 4 bytes each. */
export function heatMapPixels(map: CanvasMap): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(map.width * map.height * 4)
  for (let p = 0; p < map.kinds.length; p++) {
    const c = HEAT_COLORS[map.kinds[p]!] ?? HEAT_COLORS[CHANGE.none]!
    out[4 * p] = c[0]
    out[4 * p + 1] = c[1]
    out[4 * p + 2] = c[2]
    out[4 * p + 3] = c[3]
  }
  return out
}

/** The node id of the element that made the change at a pixel, or null. */
export function elementAt(map: CanvasMap, x: number, y: number): string | null {
  const px = Math.floor(x)
  const py = Math.floor(y)
  if (px < 0 || py < 0 || px >= map.width || py >= map.height) return null
  const slot = map.at[py * map.width + px]!
  return slot > 0 ? (map.ids[slot - 1] ?? null) : null
}

/** Share of the map's pixels per kind (for the legend). */
export function heatMapShares(map: CanvasMap): { changed: number; added: number; removed: number } {
  let changed = 0
  let added = 0
  let removed = 0
  for (const k of map.kinds) {
    if (k === CHANGE.changed) changed++
    else if (k === CHANGE.added) added++
    else if (k === CHANGE.removed) removed++
  }
  const n = Math.max(1, map.kinds.length)
  return { changed: changed / n, added: added / n, removed: removed / n }
}
