/**
 * A tracked pattern's stored capture, read from the file when it is selected (issue #21,
 * item 9: a person had to capture again to see a score). Read only: nothing is written.
 */
import { useEffect, useState } from 'preact/hooks'
import type { ClientEndpoint } from '../../channel'
import { parseRecord, type ProvenanceRecord } from '../../provenance/record'
import { formatHcc } from '../shared/format'
import { StoredHeatMapView } from '../shared/stored-heatmap'
import { errorMessage } from '../shared/workflow-context'
import { Warning } from '../shared/widgets'

type Read = { kind: 'ok'; raw: string; record: ProvenanceRecord } | { kind: 'none' } | { kind: 'error'; message: string }

export function StoredCaptureView({ client, nodeId, name, version }: { client: ClientEndpoint; nodeId: string; name: string; version: number }) {
  const [read, setRead] = useState<Read | null>(null)
  useEffect(() => {
    let cancelled = false
    client
      .request('readHeatMap', { nodeId })
      .then(({ record }) => {
        if (cancelled) return
        if (record === null) return setRead({ kind: 'none' })
        const parsed = parseRecord(record)
        setRead(parsed.ok ? { kind: 'ok', raw: record, record: parsed.record } : { kind: 'error', message: parsed.error })
      })
      .catch((error: unknown) => {
        if (!cancelled) setRead({ kind: 'error', message: errorMessage(error) })
      })
    return () => {
      cancelled = true
    }
  }, [client, nodeId, version])
  if (read === null) return <div class="lp-muted lp-small">Reading the stored capture…</div>
  if (read.kind === 'error') return <Warning>The stored record of “{name}” cannot be read: {read.message}</Warning>
  if (read.kind === 'none') return null
  const capture = read.record.capture
  if (!capture) return <div class="lp-note">“{name}” is marked as AI-generated and has not been captured yet.</div>
  const shown = formatHcc(capture.hcc, capture.policy?.thresholds)
  return (
    <section class="lp-stack" aria-label={`Stored capture of ${name}`}>
      <div>
        <strong>Last capture: HCC {shown}</strong> · {capture.label}
      </div>
      <div class="lp-muted lp-small">
        by {capture.by.name}, {capture.at.slice(0, 16).replace('T', ' ')} · method {capture.method} · {capture.changed} changed ·{' '}
        {capture.added} added · {capture.removed} removed or hidden
      </div>
      {capture.heatmap ? <StoredHeatMapView client={client} nodeId={nodeId} name={name} recordRaw={read.raw} /> : null}
    </section>
  )
}
