/**
 * Every plugin-data read and write Loomprint makes on a pattern (DESIGN.md,
 * "Storage in the file"). Writes are ordered so an interruption never leaves a
 * record pointing at half a baseline: new chunks first, the record last, old
 * generations removed after. A record that fails validation is never overwritten
 * here; it is only moved aside on an explicit repair.
 */
import type { ParamsOf, StoredPattern } from '../messages'
import { ENTRY_LIMIT_BYTES } from '../storage/entry-limit'
import { HEATMAP_KEY, parseRecord, RECORD_KEY, SUMMARY_KEY, SUMMARY_NAMESPACE } from '../provenance/record'
import { LICENSE_KEY, LICENSE_SUMMARY_KEY } from '../provenance/license-store'
import { REVIEW_KEY } from '../provenance/review'
import { relaunchText } from '../provenance/record-text'
import { utf8Length } from '../storage/utf8'
import { refusalToMark } from './layers'

export { ENTRY_LIMIT_BYTES }
export const POLICY_KEY = 'policy'
const QUARANTINE_PREFIX = 'record.quarantined.'
const BASELINE_KEY = /^baseline\.(\d+)\.(\d+)$/
const JOURNAL_KEY = /^journal\.(.+)\.(\d+)$/

export function readStored(node: SceneNode): StoredPattern {
  const record = node.getPluginData(RECORD_KEY)
  const parsed = record === '' ? null : parseRecord(record)
  const baselineChunks: string[] = []
  if (parsed?.ok) {
    const { generation, chunks } = parsed.record.baseline
    for (let i = 0; i < chunks; i++) baselineChunks.push(node.getPluginData(`baseline.${String(generation)}.${String(i)}`))
  }
  const journals: Record<string, string[]> = {}
  const order: Record<string, number[]> = {}
  for (const key of node.getPluginDataKeys()) {
    const match = JOURNAL_KEY.exec(key)
    if (!match) continue
    const user = match[1]
    ;(order[user] = order[user] ?? []).push(Number(match[2]))
  }
  for (const user of Object.keys(order)) {
    journals[user] = order[user].sort((a, b) => a - b).map((n) => node.getPluginData(`journal.${user}.${String(n)}`))
  }
  const review = node.getPluginData(REVIEW_KEY)
  const license = node.getPluginData(LICENSE_KEY)
  return {
    nodeId: node.id,
    name: node.name,
    record: record === '' ? null : record,
    baselineChunks,
    journals,
    review: review === '' ? null : review,
    license: license === '' ? null : license,
  }
}

/**
 * Optimistic concurrency: `expect` is what the entry held when the UI read it (null:
 * absent). If it changed since — another user, an undo, a second write — refuse with
 * `message` rather than overwrite what someone else wrote.
 */
export function refuseIfChanged(node: BaseNode, key: string, expect: string | null, message: string): void {
  if (node.getPluginData(key) !== (expect ?? '')) throw new Error(message)
}

export function checkEntrySize(key: string, value: string): void {
  const bytes = utf8Length(key) + utf8Length(value)
  if (bytes > ENTRY_LIMIT_BYTES) {
    throw new Error(
      `“${key}” would be ${Math.ceil(bytes / 1024).toString()} kB; Figma stores at most 100 kB per entry. Nothing was written.`,
    )
  }
}

export function writeProvenance(api: PluginAPI, node: SceneNode, params: ParamsOf<'writeProvenance'>): number {
  if (params.mode === 'mark') {
    const refusal = refusalToMark(node)
    if (refusal) throw new Error(refusal)
  }
  refuseIfChanged(
    node,
    RECORD_KEY,
    params.expect,
    `The record of “${node.name}” changed since it was read (another capture, or an undo). Nothing was written; try again.`,
  )
  const parsed = parseRecord(params.record)
  if (!parsed.ok) throw new Error(`Refusing to write an invalid record: ${parsed.error}`)
  if (parsed.record.rootNodeId !== node.id) throw new Error('Refusing to write a record that names another layer.')
  if (parsed.record.baseline.generation !== params.keepBaselineGeneration) {
    throw new Error('The record and the baseline generation to keep disagree.')
  }
  // The UI checked and hashed the heat map; main only sees that a record naming one
  // carries it in the same write, and one naming none leaves no stale picture behind.
  const names = parsed.record.capture?.heatmap !== undefined
  let heatmap = false
  for (const entry of params.entries) {
    if (entry.key === HEATMAP_KEY) heatmap = entry.value !== ''
    else if (!BASELINE_KEY.test(entry.key)) throw new Error(`Unexpected plugin-data key “${entry.key}”.`)
    checkEntrySize(entry.key, entry.value)
  }
  if (heatmap !== names) throw new Error(names ? 'The record names a heat map the write does not carry. Nothing was written.' : 'A heat map was sent without a capture that names it. Nothing was written.')
  checkEntrySize(RECORD_KEY, params.record)
  checkEntrySize(SUMMARY_NAMESPACE + SUMMARY_KEY, params.summary)

  // Chunks first, pointer last: until the record is switched, the old one stays whole.
  for (const entry of params.entries) node.setPluginData(entry.key, entry.value)
  node.setPluginData(RECORD_KEY, params.record)
  node.setSharedPluginData(SUMMARY_NAMESPACE, SUMMARY_KEY, params.summary)
  node.setRelaunchData({ capture: relaunchText(parsed.record) })
  if (!names && node.getPluginData(HEATMAP_KEY) !== '') node.setPluginData(HEATMAP_KEY, '')
  const written = new Set(params.entries.map((e) => e.key))
  const chunks = parsed.record.baseline.chunks
  for (const key of node.getPluginDataKeys()) {
    const match = BASELINE_KEY.exec(key)
    if (!match || written.has(key)) continue
    const stale = Number(match[1]) !== params.keepBaselineGeneration || Number(match[2]) >= chunks
    if (stale) node.setPluginData(key, '')
  }
  // One undo step for the whole write, separate from the user's last edit (plugin-api.d.ts, commitUndo).
  api.commitUndo()
  return params.entries.length + 2
}

/** The record and the heat map entry, read together so the UI checks one against the other. */
export function readHeatMapEntry(node: SceneNode): { record: string | null; heatmap: string | null } {
  return { record: node.getPluginData(RECORD_KEY) || null, heatmap: node.getPluginData(HEATMAP_KEY) || null }
}

/** Removes all of Loomprint's data from a pattern. The UI asks for confirmation first. */
export function unmark(api: PluginAPI, node: SceneNode): void {
  for (const key of node.getPluginDataKeys()) {
    if (key === RECORD_KEY || key === REVIEW_KEY || key === LICENSE_KEY || key === HEATMAP_KEY || BASELINE_KEY.test(key) || JOURNAL_KEY.test(key)) {
      node.setPluginData(key, '')
    }
  }
  node.setSharedPluginData(SUMMARY_NAMESPACE, SUMMARY_KEY, '')
  node.setSharedPluginData(SUMMARY_NAMESPACE, LICENSE_SUMMARY_KEY, '')
  node.setRelaunchData({})
  api.commitUndo()
}

/** The explicit repair of a damaged record: keep its text aside, untrack the layer. */
export function quarantine(api: PluginAPI, node: SceneNode, now: number): string {
  const raw = node.getPluginData(RECORD_KEY)
  if (raw === '') throw new Error(`“${node.name}” has no record to repair.`)
  if (parseRecord(raw).ok) throw new Error(`The record of “${node.name}” is valid; there is nothing to repair.`)
  const keptAs = QUARANTINE_PREFIX + String(now)
  node.setPluginData(keptAs, raw)
  node.setPluginData(RECORD_KEY, '')
  node.setSharedPluginData(SUMMARY_NAMESPACE, SUMMARY_KEY, '')
  node.setRelaunchData({})
  api.commitUndo()
  return keptAs
}
