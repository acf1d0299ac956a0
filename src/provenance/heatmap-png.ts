/**
 * The heat map as a small PNG (one pixel per raster pixel, 256 on the long side), for
 * the review table and the licensed pattern pack. Kept apart from heatmap.ts so the
 * plugin UI, which draws the map into a canvas, does not carry the PNG encoder.
 */
import { encode } from 'fast-png'
import { heatMapPixels } from './heatmap'
import type { CanvasMap } from './score-v2'

export function heatMapPng(map: CanvasMap): Uint8Array {
  return encode({ width: map.width, height: map.height, data: new Uint8Array(heatMapPixels(map).buffer), channels: 4, depth: 8 })
}
