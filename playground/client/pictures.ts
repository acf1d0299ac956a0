/**
 * Pictures in the playground (issue #20): the sample's raster AI tile, made here as a PNG
 * file. The canvas paints image fills through the fake's own rasterizer (image-paint.ts:
 * scale modes, crop, tiles, turns, flips), the same pixels the plugin's exportAsync gets.
 */
import { encode as encodePng } from 'fast-png'

/** The sample's raster AI tile: a painterly 256 × 256 picture, as a generator delivers it (PNG bytes). */
export function rasterTilePng(): Uint8Array {
  const n = 256
  const data = new Uint8Array(n * n * 4)
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const u = (x / n) * Math.PI * 2
      const v = (y / n) * Math.PI * 2
      // Soft, seamless swirls of three inks on a warm ground.
      const a = 0.5 + 0.5 * Math.sin(u * 2 + Math.sin(v * 3) * 1.5)
      const b = 0.5 + 0.5 * Math.sin(v * 2 + Math.cos(u * 3) * 1.2)
      const c = 0.5 + 0.5 * Math.cos(u + v * 2)
      const i = (y * n + x) * 4
      const ch = (v: number) => Math.max(0, Math.min(255, Math.round(v)))
      data[i] = ch(225 - 120 * a * b + 20 * c)
      data[i + 1] = ch(200 - 60 * a - 70 * c * b)
      data[i + 2] = ch(150 - 40 * b + 60 * a * c)
      data[i + 3] = 255
    }
  }
  return encodePng({ width: n, height: n, data, channels: 4, depth: 8 })
}
