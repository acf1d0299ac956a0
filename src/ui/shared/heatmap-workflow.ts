/**
 * Reading a pattern's stored heat map for the Review tab, pure of DOM: the record and
 * the heat map entry come from main in one read, and the picture is shown only when
 * that record is the one the reviewer sees and vouches for it (heatmap-entry.ts).
 */
import type { ClientEndpoint } from '../../channel'
import { readHeatMap, type HeatMapRead } from '../../provenance/heatmap-entry'
import { parseRecord, type ProvenanceRecord } from '../../provenance/record'

export type StoredHeatMap = HeatMapRead | { kind: 'unavailable'; message: string }

/**
 * The heat map of the capture in `recordRaw` (the record text the review row was made
 * from). `record`: that text already parsed (one read of the evidence,
 * license/pattern-evidence.ts), so it is not parsed again.
 */
export async function loadHeatMapAsync(client: ClientEndpoint, nodeId: string, recordRaw: string, record?: ProvenanceRecord): Promise<StoredHeatMap> {
  const now = await client.request('readHeatMap', { nodeId })
  if (now.record === null) return { kind: 'unavailable', message: 'This layer is not tracked any more.' }
  // A newer capture's picture next to the older score would show something else than it says.
  if (now.record !== recordRaw) return { kind: 'unavailable', message: 'The pattern was captured again since the list was read; refresh the list to see its heat map.' }
  if (record) return readHeatMap(record.capture, now.heatmap)
  const parsed = parseRecord(now.record)
  if (!parsed.ok) return { kind: 'unavailable', message: 'The provenance record is damaged, so its heat map cannot be checked.' }
  return readHeatMap(parsed.record.capture, now.heatmap)
}
