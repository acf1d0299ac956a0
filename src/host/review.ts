/**
 * What the review needs from the file: every tracked pattern on every page (raw
 * entries, decoded in the UI), thumbnails, and the append-only write of a decision.
 */
import type { ParamsOf, TrackedPattern } from '../messages'
import { licenseWriteCheck } from '../license/stamp'
import { LICENSE_KEY, LICENSE_SUMMARY_KEY } from '../provenance/license-store'
import { parseRecord, RECORD_KEY, SUMMARY_KEY, SUMMARY_NAMESPACE } from '../provenance/record'
import { REVIEW_KEY, reviewWriteCheck } from '../provenance/review'
import { pageOf } from './layers'
import { checkEntrySize, refuseIfChanged } from './storage'
import { createSlicer, type Slicer } from './yield'

const JOURNAL_KEY = /^journal\.(.+)\.(\d+)$/

/**
 * Characters of row text per batch. Posting to the UI copies the message on the main
 * thread (structured clone); measured in QuickJS on the fake, 86 kB of rows took 35 ms
 * to post, so a page's rows go out in batches of about this size.
 */
const BATCH_CHARS = 16_000

/** The header line of each person's last journal chunk (see storage/journal.ts, "Chunks"). */
function journalHeads(node: BaseNode): string[] {
  const last = new Map<string, number>()
  for (const key of node.getPluginDataKeys()) {
    const match = JOURNAL_KEY.exec(key)
    if (!match) continue
    const n = Number(match[2])
    if ((last.get(match[1]) ?? -1) < n) last.set(match[1], n)
  }
  const heads: string[] = []
  for (const [user, n] of last) {
    const chunk = node.getPluginData(`journal.${user}.${String(n)}`)
    const end = chunk.indexOf('\n')
    heads.push(end < 0 ? chunk : chunk.slice(0, end))
  }
  return heads
}

function rowChars(row: TrackedPattern): number {
  let n = row.record.length + (row.review?.length ?? 0) + (row.license?.length ?? 0) + row.name.length
  for (const head of row.journalHeads) n += head.length
  return n
}

function rowOf(node: BaseNode, page: PageNode): TrackedPattern {
  const review = node.getPluginData(REVIEW_KEY)
  const license = node.getPluginData(LICENSE_KEY)
  return {
    nodeId: node.id,
    name: node.name,
    pageId: page.id,
    pageName: page.name,
    record: node.getPluginData(RECORD_KEY),
    review: review === '' ? null : review,
    license: license === '' ? null : license,
    journalHeads: journalHeads(node),
  }
}

/**
 * Lists every pattern with a record, page by page. Each page is loaded on its own
 * (`page.loadAsync`, dynamic-page: cheaper than loading the whole file at once), searched
 * with `findAllWithCriteria` on the record key (Figma's indexed search, no walk of the
 * tree here), and its rows read in slices that give the editor a turn.
 */
export async function listTrackedAsync(
  api: PluginAPI,
  onBatch: (rows: TrackedPattern[], pagesDone: number, pages: number) => void,
  slicer: Slicer = createSlicer(12),
): Promise<{ patterns: number; pages: number }> {
  const pages = api.root.children
  let patterns = 0
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p]!
    await page.loadAsync()
    const nodes = page.findAllWithCriteria({ pluginData: { keys: [RECORD_KEY] } })
    let batch: TrackedPattern[] = []
    let chars = 0
    for (const node of nodes) {
      const row = rowOf(node, page)
      batch.push(row)
      chars += rowChars(row)
      patterns++
      if (chars >= BATCH_CHARS || slicer.due()) {
        onBatch(batch, p, pages.length)
        batch = []
        chars = 0
        // The post was the expensive part: give the editor its turn after each one.
        await slicer.yieldAsync()
      }
    }
    onBatch(batch, p + 1, pages.length)
    await slicer.yieldAsync()
  }
  return { patterns, pages: pages.length }
}

/** A PNG of `height` px for the review table; null when the layer is gone or cannot be exported. */
export async function thumbnailAsync(api: PluginAPI, nodeId: string, height: number): Promise<Uint8Array | null> {
  const node = await api.getNodeByIdAsync(nodeId)
  if (!node || node.removed || node.type === 'PAGE' || node.type === 'DOCUMENT' || !('exportAsync' in node)) return null
  // dynamic-page: a layer on a page that is not loaded cannot be exported.
  await pageOf(node)?.loadAsync()
  const scene = node as SceneNode
  const h = Math.max(1, Math.min(256, Math.round(height)))
  return scene.exportAsync({ format: 'PNG', constraint: { type: 'HEIGHT', value: h } })
}

/** Appends a decision to a pattern's review history; refuses anything else. */
export function writeReview(api: PluginAPI, node: SceneNode, params: ParamsOf<'writeReview'>): void {
  refuseIfChanged(
    node,
    RECORD_KEY,
    params.expectRecord,
    `The score of “${node.name}” changed since you opened the review (a new capture, an undo, or another user). Your decision was not written; look at the new score and decide again.`,
  )
  refuseIfChanged(
    node,
    REVIEW_KEY,
    params.expect,
    `Someone else recorded a decision on “${node.name}” since you opened the review. Their decision was kept and yours was not written; reload the review and decide again.`,
  )
  const record = parseRecord(params.expectRecord)
  if (!record.ok) throw new Error(`The record of “${node.name}” is damaged; it is kept as it is. Nothing was written.`)
  const stored = node.getPluginData(REVIEW_KEY)
  const check = reviewWriteCheck(stored, params.review, record.record)
  if (!check.ok) throw new Error(`${check.reason} Nothing was written.`)
  checkEntrySize(REVIEW_KEY, params.review)
  // An inherited history (this layer is a captured copy) is kept under its own key first.
  if (check.keepAside) node.setPluginData(check.keepAside, stored)
  node.setPluginData(REVIEW_KEY, params.review)
  // One undo step per decision, separate from the reviewer's other actions.
  api.commitUndo()
}

/** Stamps license terms (entry + public summary); refuses anything but a grown history. */
export function writeLicense(api: PluginAPI, node: SceneNode, params: ParamsOf<'writeLicense'>): void {
  refuseIfChanged(
    node,
    RECORD_KEY,
    params.expectRecord,
    `The record of “${node.name}” changed since the license form was opened (a capture, an undo, or another user). Nothing was written; open the form again.`,
  )
  refuseIfChanged(
    node,
    LICENSE_KEY,
    params.expect,
    `Someone else changed the license of “${node.name}” since the form was opened. Their terms were kept and yours were not written; open the form again.`,
  )
  const record = parseRecord(params.expectRecord)
  if (!record.ok) throw new Error(`The record of “${node.name}” is damaged; it is kept as it is. Nothing was written.`)
  const stored = node.getPluginData(LICENSE_KEY)
  const check = licenseWriteCheck(stored, params.license, record.record)
  if (!check.ok) throw new Error(`${check.reason} Nothing was written.`)
  checkEntrySize(LICENSE_KEY, params.license)
  checkEntrySize(SUMMARY_NAMESPACE + LICENSE_SUMMARY_KEY, params.summary)
  if (params.patternSummary !== undefined) checkEntrySize(SUMMARY_NAMESPACE + SUMMARY_KEY, params.patternSummary)
  if (check.keepAside) node.setPluginData(check.keepAside, stored)
  node.setPluginData(LICENSE_KEY, params.license)
  node.setSharedPluginData(SUMMARY_NAMESPACE, LICENSE_SUMMARY_KEY, params.summary)
  if (params.patternSummary !== undefined) node.setSharedPluginData(SUMMARY_NAMESPACE, SUMMARY_KEY, params.patternSummary)
  api.commitUndo()
}
