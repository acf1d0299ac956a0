/**
 * The capture's heat map: where the human contribution is (changed, added, removed),
 * drawn from method 2's raster. Clicking a highlighted region selects that layer.
 */
import { useEffect, useRef } from 'preact/hooks'
import { elementAt, HEAT_COLORS, heatMapPixels, heatMapShares } from '../provenance/heatmap'
import type { CanvasMap } from '../provenance/score-v2'

/** Longest side of the map on screen, in CSS pixels. */
const SHOWN = 240

const css = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`
const percent = (v: number) => `${Math.round(v * 100)} %`

export function HeatMap({ map, onSelect }: { map: CanvasMap; onSelect: (nodeId: string) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const el = canvas.current
    const ctx = el?.getContext('2d')
    if (!el || !ctx) return
    ctx.putImageData(new ImageData(heatMapPixels(map), map.width, map.height), 0, 0)
  }, [map])
  const scale = SHOWN / Math.max(map.width, map.height)
  const shares = heatMapShares(map)
  const pick = (event: MouseEvent) => {
    const el = event.currentTarget as HTMLCanvasElement
    const box = el.getBoundingClientRect()
    const id = elementAt(map, ((event.clientX - box.left) / box.width) * map.width, ((event.clientY - box.top) / box.height) * map.height)
    if (id !== null) onSelect(id)
  }
  return (
    <figure class="lp-heatmap" aria-label="Where the human contribution is">
      <canvas
        ref={canvas}
        width={map.width}
        height={map.height}
        style={{ width: `${Math.round(map.width * scale)}px`, height: `${Math.round(map.height * scale)}px`, imageRendering: 'pixelated', cursor: 'pointer' }}
        onClick={pick}
        title="Click a highlighted region to select its layer"
      />
      <figcaption class="lp-muted">
        <span style={{ color: css(HEAT_COLORS[1]!) }}>■</span> changed {percent(shares.changed)} ·{' '}
        <span style={{ color: css(HEAT_COLORS[2]!) }}>■</span> added {percent(shares.added)} ·{' '}
        <span style={{ color: css(HEAT_COLORS[3]!) }}>■</span> removed {percent(shares.removed)} of the pattern
      </figcaption>
    </figure>
  )
}
