/**
 * One sweep worker thread: holds the catalogue (descriptors shared with the main
 * thread, never copied) and a matcher, and answers { id, bytes } with what the
 * image copies. Decoding runs here too: it is a good part of the cost per image.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createCatalogueMatcher, type CatalogueMatchOptions, type Finding } from '../../enforcement/catalogue-matcher'
import { decodeImage } from '../../enforcement/decode-image'
import { descriptorsOf, type CatalogueFile } from './catalogue-store'

export type WorkerSetup = { role: 'loomprint-match'; file: CatalogueFile; descriptors: Float32Array; options: Partial<CatalogueMatchOptions> }
export type WorkerJob = { id: number; bytes: Uint8Array }
export type WorkerAnswer = { id: number; ok: true; findings: Finding[]; megapixels: number } | { id: number; ok: false; reason: string }

/** Scores one image; also what the main thread runs when there is no worker. */
export function scanBytes(matcher: ReturnType<typeof createCatalogueMatcher>, job: WorkerJob): WorkerAnswer {
  const decoded = decodeImage(job.bytes)
  if (!decoded.ok) return { id: job.id, ok: false, reason: decoded.error }
  try {
    return { id: job.id, ok: true, findings: matcher.findCopies(decoded.image), megapixels: (decoded.image.width * decoded.image.height) / 1e6 }
  } catch (err) {
    return { id: job.id, ok: false, reason: `could not be matched (${err instanceof Error ? err.message : String(err)})` }
  }
}

export function isMatchWorker(): boolean {
  return parentPort !== null && (workerData as Partial<WorkerSetup> | undefined)?.role === 'loomprint-match'
}

export function runMatchWorker(): void {
  const setup = workerData as WorkerSetup
  const matcher = createCatalogueMatcher(descriptorsOf(setup.file, setup.descriptors), setup.options)
  parentPort!.on('message', (job: WorkerJob) => parentPort!.postMessage(scanBytes(matcher, job)))
}
