/**
 * A pattern's thumbnail in the Review table: the layer as Figma draws it, or the heat
 * map stored with its capture (the same picture the detail and the pack show).
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { ClientEndpoint } from '../../channel'
import type { ProvenanceRecord } from '../../provenance/record'
import { loadHeatMapAsync } from '../shared/heatmap-workflow'

/** Big enough to judge a pattern by (issue #21, item 18: 30 px was too small); fetched at twice that for sharp screens. */
const THUMB_HEIGHT = 48

/** What the table's thumbnail column shows. */
export type ThumbnailSource = 'picture' | 'heatmap'

/** Cached thumbnails: a blob URL, or why there is none (null: nothing to show). */
export type ThumbnailCache = Map<string, { url: string | null; why?: string }>

async function fetchPng(client: ClientEndpoint, source: ThumbnailSource, nodeId: string, recordRaw: string | null, record: ProvenanceRecord | undefined): Promise<{ png: Uint8Array | null; why?: string }> {
  if (source === 'picture') return { png: (await client.request('thumbnail', { nodeId, height: THUMB_HEIGHT * 2 })).png }
  if (recordRaw === null) return { png: null, why: 'No capture yet' }
  const read = await loadHeatMapAsync(client, nodeId, recordRaw, record)
  return read.kind === 'ok' ? { png: read.png } : { png: null, why: read.message }
}

/** A thumbnail fetched when its row scrolls into view; kept in memory (a blob URL) only. */
export function Thumbnail({
  client,
  nodeId,
  name,
  recordRaw,
  record,
  source,
  cache,
}: {
  client: ClientEndpoint
  nodeId: string
  name: string
  /** The record text the row was made from: a heat map is shown only for that capture. */
  recordRaw: string | null
  /** That text as the row read it (one read of the evidence): not parsed again. */
  record?: ProvenanceRecord
  source: ThumbnailSource
  cache: ThumbnailCache
}) {
  const key = `${source}:${nodeId}:${source === 'heatmap' ? (recordRaw ?? '') : ''}`
  // What was fetched, with the key it was fetched for: after a switch of source, the
  // render before the effect must not show the layer's picture labelled as its heat map.
  const [fetched, setFetched] = useState<{ key: string; value: { url: string | null; why?: string } | undefined }>({ key, value: cache.get(key) })
  const shown = fetched.key === key ? fetched.value : cache.get(key)
  const setShown = (value: { url: string | null; why?: string } | undefined) => setFetched({ key, value })
  const ref = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    const cached = cache.get(key)
    setShown(cached)
    if (cached !== undefined || !ref.current) return
    let cancelled = false
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return
      observer.disconnect()
      fetchPng(client, source, nodeId, recordRaw, record)
        .then(({ png, why }) => {
          const made = { url: png ? URL.createObjectURL(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' })) : null, why }
          cache.set(key, made)
          if (!cancelled) setShown(made)
        })
        .catch(() => {
          cache.set(key, { url: null })
          if (!cancelled) setShown({ url: null })
        })
    })
    observer.observe(ref.current)
    return () => {
      cancelled = true
      observer.disconnect()
    }
  }, [key])
  return (
    <span ref={ref} class="lp-thumb" title={shown?.why}>
      {shown?.url ? (
        <img src={shown.url} alt={source === 'heatmap' ? `${name}: heat map` : ''} height={THUMB_HEIGHT} style={source === 'heatmap' ? { imageRendering: 'pixelated' } : undefined} />
      ) : source === 'heatmap' && shown ? (
        <span class="lp-muted lp-small">no map</span>
      ) : null}
    </span>
  )
}
