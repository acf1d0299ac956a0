/**
 * The stored heat map in a pattern's review: loaded when the detail opens (like the
 * table's thumbnails), checked against the record, shown with its legend — or the
 * reason it is not shown.
 */
import { useEffect, useState } from 'preact/hooks'
import type { ClientEndpoint } from '../../channel'
import { heatMapAltText } from '../../provenance/heatmap-entry'
import type { ProvenanceRecord } from '../../provenance/record'
import { loadHeatMapAsync, type StoredHeatMap } from './heatmap-workflow'
import { HeatMapLegend, shownSize } from './heatmap'
import { errorMessage } from './workflow-context'
import { Warning } from './widgets'

export function StoredHeatMapView({
  client,
  nodeId,
  name,
  recordRaw,
  record,
}: {
  client: ClientEndpoint
  nodeId: string
  name: string
  recordRaw: string
  /** `recordRaw` as the row already parsed it. */
  record?: ProvenanceRecord
}) {
  const [state, setState] = useState<StoredHeatMap | null>(null)
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    let made: string | null = null
    setState(null)
    setUrl(null)
    loadHeatMapAsync(client, nodeId, recordRaw, record)
      .then((read) => {
        if (cancelled) return
        if (read.kind === 'ok') {
          made = URL.createObjectURL(new Blob([read.png as Uint8Array<ArrayBuffer>], { type: 'image/png' }))
          setUrl(made)
        }
        setState(read)
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ kind: 'unavailable', message: `The heat map could not be read: ${errorMessage(error)}` })
      })
    return () => {
      cancelled = true
      if (made) URL.revokeObjectURL(made)
    }
  }, [nodeId, recordRaw])
  if (state === null) return <div class="lp-muted lp-small">Loading the heat map…</div>
  if (state.kind === 'mismatch') return <Warning>{state.message}</Warning>
  if (state.kind !== 'ok' || url === null) return <div class="lp-muted lp-small">{state.kind === 'ok' ? '' : state.message}</div>
  const { ref } = state
  return (
    <figure class="lp-heatmap" aria-label={`Heat map of ${name}`}>
      <img src={url} alt={heatMapAltText(name, ref.shares)} width={ref.width} height={ref.height} style={{ ...shownSize(ref.width, ref.height), imageRendering: 'pixelated' }} />
      <HeatMapLegend shares={ref.shares} />
    </figure>
  )
}
