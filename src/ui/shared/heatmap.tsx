/**
 * The capture's heat map: the pattern, faded, with the human contribution highlighted
 * (changed, added, removed), drawn from method 2's raster — the same pixels as the PNG
 * stored with the capture. Clicking a highlighted region selects that layer.
 */
import { useEffect, useRef } from 'preact/hooks'
import { elementAt, fadedIndex, HEAT_COLORS, heatImageRgba, PALETTE, type HeatImage } from '../../coefficient/heatmap'
import { heatMapAltText } from '../../provenance/heatmap-entry'
import type { HeatMapRef } from '../../provenance/record'
import type { CanvasMap } from '../../coefficient/score-v2'

/** Longest side of the map on screen, in CSS pixels. */
export const SHOWN = 240

const css = (c: readonly number[]) => `rgb(${String(c[0])}, ${String(c[1])}, ${String(c[2])})`
const percent = (v: number) => `${String(Math.round(v * 100))} %`
/** Mid grey, faded: the legend's swatch for unchanged paint. */
const FADED = PALETTE[fadedIndex(128, 128, 128)]!

/** On-screen size of a map: SHOWN on its long side, pixels kept square. */
export function shownSize(width: number, height: number): { width: string; height: string } {
  const scale = SHOWN / Math.max(width, height)
  return { width: `${String(Math.round(width * scale))}px`, height: `${String(Math.round(height * scale))}px` }
}

/** What the colours mean, with each highlight's share of the pattern. */
export function HeatMapLegend({ shares }: { shares: HeatMapRef['shares'] }) {
  return (
    <figcaption class="lp-muted lp-heat-legend">
      <span aria-hidden="true" style={{ color: css(FADED) }}>■</span> unchanged AI output (faded) ·{' '}
      <span aria-hidden="true" style={{ color: css(HEAT_COLORS[1]!) }}>■</span> changed {percent(shares.changed)} ·{' '}
      <span aria-hidden="true" style={{ color: css(HEAT_COLORS[2]!) }}>■</span> added {percent(shares.added)} ·{' '}
      <span aria-hidden="true" style={{ color: css(HEAT_COLORS[3]!) }}>■</span> removed {percent(shares.removed)} of the pattern
    </figcaption>
  )
}

export function HeatMap({
  name,
  map,
  image,
  shares,
  onSelect,
}: {
  name: string
  /** The change map: which element a click selects. */
  map: CanvasMap
  /** The pixels shown (and stored). */
  image: HeatImage
  shares: HeatMapRef['shares']
  onSelect: (nodeId: string) => void
}) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const el = canvas.current
    const ctx = el?.getContext('2d')
    if (!el || !ctx) return
    ctx.putImageData(new ImageData(heatImageRgba(image), image.width, image.height), 0, 0)
  }, [image])
  const pick = (event: MouseEvent) => {
    const el = event.currentTarget as HTMLCanvasElement
    const box = el.getBoundingClientRect()
    // The stored image may be the map halved; clicks land on the map's own grid.
    const id = elementAt(map, ((event.clientX - box.left) / box.width) * map.width, ((event.clientY - box.top) / box.height) * map.height)
    if (id !== null) onSelect(id)
  }
  return (
    <figure class="lp-heatmap" aria-label={`Heat map of ${name}`}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={heatMapAltText(name, shares)}
        width={image.width}
        height={image.height}
        style={{ ...shownSize(image.width, image.height), imageRendering: 'pixelated', cursor: 'pointer' }}
        onClick={pick}
        title="Click a highlighted region to select its layer"
      />
      <HeatMapLegend shares={shares} />
    </figure>
  )
}
