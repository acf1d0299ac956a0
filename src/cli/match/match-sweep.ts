/**
 * `loomprint match --catalogue DIR --in FOLDER`: a sweep people can leave running
 * (docs/enforcement.md, "The sweep"). Every core scans (worker threads); the main
 * thread lists, reads and hashes files, skips those already in the results file for
 * this catalogue, shows progress, and appends each result as it arrives. Ctrl-C
 * stops handing out images, lets the ones in flight finish, keeps their results,
 * and says how to go on.
 */
import { createHash } from 'node:crypto'
import { lstat, readFile } from 'node:fs/promises'
import path from 'node:path'
import { printable } from '../archive'
import { EXIT, type Io } from '../command'
import { descriptorsOf, loadCatalogue } from './catalogue-store'
import { createPool, defaultWorkers, type Pool } from './match-pool'
import { scanBytes, type WorkerSetup } from './match-worker'
import { appendResult, readResults, RESULTS_VERSION, type ResultLine } from './match-results'
import { listImages } from './match-files'
import type { Progress } from './match-progress'
import { DEFAULT_IMAGE_LIMITS } from '../../enforcement/decode-image'
import { CATALOGUE_THRESHOLD, createCatalogueMatcher, type Finding } from '../../enforcement/catalogue-matcher'

export type SweepOptions = {
  catalogue: string
  folder: string
  json: boolean
  threshold: number
  results: string
  workers: number
  /** Where the progress bar goes (stderr); null for none. */
  progress: Progress | null
  /** Aborted on Ctrl-C. */
  signal: AbortSignal
}

export type SweepImage =
  | { path: string; sha256: string; status: 'copy' | 'clean'; fromEarlierRun: boolean; matches: (Finding & { confidence: number })[]; nearest: Finding | null }
  | { path: string; status: 'skipped'; reason: string }

const MAX_REPORTED = 3

export function confidence(distance: number, threshold: number): number {
  // 100 % at half the threshold, 0 % at 1.6 × it: a reading aid, not a probability.
  return Math.min(1, Math.max(0, (1.6 * threshold - distance) / (1.1 * threshold)))
}

function describe(f: Finding): string {
  const done: string[] = []
  if (Math.abs(f.rotation) >= 2) done.push(`turned ${Math.round(f.rotation)}°`)
  if (f.mirrored) done.push('mirrored')
  if (f.colour !== 'original colours') done.push(f.colour)
  done.push(`${f.scale.toFixed(2)}×`)
  return done.join(', ')
}

/** --workers 0: everything on this thread (tests, debugging). */
function inThread(setup: WorkerSetup): Pool {
  const matcher = createCatalogueMatcher(descriptorsOf(setup.file, setup.descriptors), setup.options)
  let id = 0
  return { size: 1, scan: (bytes) => Promise.resolve(scanBytes(matcher, { id: id++, bytes })), close: () => Promise.resolve() }
}

export async function runSweep(o: SweepOptions, io: Io): Promise<number> {
  const loaded = await loadCatalogue(o.catalogue, { shared: true })
  if (!loaded.ok) {
    io.err(`✗ --catalogue ${o.catalogue}: ${loaded.missing ? 'no catalogue there (make one with loomprint catalogue add PACK... --catalogue DIR)' : loaded.error}`)
    return EXIT.usage
  }
  const { catalogue } = loaded
  if (catalogue.file.patterns.length === 0) {
    io.err(`✗ --catalogue ${o.catalogue}: the catalogue holds no pattern; nothing was scanned.`)
    return EXIT.usage
  }
  try {
    if (!(await lstat(o.folder)).isDirectory()) throw new Error('not a folder')
  } catch {
    io.err(`✗ --in ${o.folder}: not a readable folder`)
    return EXIT.usage
  }
  const started = performance.now()
  const kept = await readResults(o.results, catalogue.fingerprint)
  const listing = await listImages(o.folder)
  const images: SweepImage[] = listing.skipped.map((s) => ({ path: s.path, status: 'skipped' as const, reason: s.reason }))
  const setup = { role: 'loomprint-match' as const, file: catalogue.file, descriptors: catalogue.descriptors, options: {} }
  const pool = o.workers === 0 ? inThread(setup) : createPool(Math.min(o.workers, Math.max(1, listing.files.length)), setup)
  let writes = Promise.resolve()
  let done = 0
  let reused = 0
  let scannedNow = 0
  const total = listing.files.length
  const toImage = (rel: string, line: ResultLine, fromEarlierRun: boolean): SweepImage => {
    if (line.status === 'unreadable') return { path: rel, status: 'skipped', reason: line.reason }
    const matches = line.findings.filter((f) => f.distance <= o.threshold).slice(0, MAX_REPORTED).map((f) => ({ ...f, confidence: confidence(f.distance, o.threshold) }))
    return { path: rel, sha256: line.sha256, status: matches.length > 0 ? 'copy' : 'clean', fromEarlierRun, matches, nearest: line.findings[0] ?? null }
  }
  const results: (SweepImage | undefined)[] = Array.from({ length: total }, () => undefined)
  let cursor = 0
  const tick = (): void => o.progress?.update({ done, total, scannedNow, seconds: (performance.now() - started) / 1000 })
  const lane = async (): Promise<void> => {
    while (!o.signal.aborted) {
      const i = cursor++
      if (i >= total) return
      const file = listing.files[i]!
      const rel = path.relative(o.folder, file) || file
      let bytes: Uint8Array
      try {
        const st = await lstat(file)
        if (st.size > DEFAULT_IMAGE_LIMITS.maxBytes) {
          results[i] = { path: rel, status: 'skipped', reason: `${st.size} bytes, over the ${DEFAULT_IMAGE_LIMITS.maxBytes}-byte limit` }
          done++
          continue
        }
        bytes = new Uint8Array(await readFile(file))
      } catch (err) {
        results[i] = { path: rel, status: 'skipped', reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` }
        done++
        continue
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      const earlier = kept.byHash.get(sha256)
      if (earlier) {
        results[i] = toImage(rel, earlier, true)
        reused++
        done++
        tick()
        continue
      }
      const answer = await pool.scan(bytes)
      const line: ResultLine = answer.ok
        ? { v: RESULTS_VERSION, catalogue: catalogue.fingerprint, sha256, path: rel, status: 'scanned', megapixels: answer.megapixels, findings: answer.findings.slice(0, 5) }
        : { v: RESULTS_VERSION, catalogue: catalogue.fingerprint, sha256, path: rel, status: 'unreadable', reason: answer.reason }
      kept.byHash.set(sha256, line)
      writes = writes.then(() => appendResult(o.results, line))
      results[i] = toImage(rel, line, false)
      scannedNow++
      done++
      tick()
    }
  }
  await Promise.all(Array.from({ length: pool.size + 1 }, lane))
  await writes
  await pool.close()
  o.progress?.finish()
  const interrupted = o.signal.aborted && done < total
  images.push(...results.filter((r): r is SweepImage => r !== undefined))
  const seconds = (performance.now() - started) / 1000
  const copies = images.filter((r) => r.status === 'copy').length
  const skipped = images.filter((r) => r.status === 'skipped').length
  const scanned = images.length - skipped
  const summary = { threshold: o.threshold, patterns: catalogue.file.patterns.length, catalogue: catalogue.fingerprint, scanned, scannedNow, fromEarlierRuns: reused, copies, skipped, notScanned: total - done, interrupted, seconds: Number(seconds.toFixed(2)), imagesPerSec: Number((scannedNow / Math.max(1e-9, seconds)).toFixed(2)), workers: o.workers === 0 ? 0 : pool.size, results: o.results }
  if (o.json) {
    io.out(JSON.stringify({ ...summary, images }, null, 2))
  } else {
    for (const r of images) {
      if (r.status === 'skipped') io.out(`! ${printable(r.path)}: skipped — ${r.reason}`)
      else if (r.status === 'clean') io.out(`✓ ${printable(r.path)}: no catalogue pattern${r.nearest ? ` (nearest ${printable(r.nearest.name)}, distance ${r.nearest.distance.toFixed(3)})` : ''}`)
      else {
        const [best, ...rest] = r.matches
        io.out(`✗ ${printable(r.path)}: likely copy of ${printable(best!.name)} (${printable(best!.patternId)}) — ${describe(best!)}; distance ${best!.distance.toFixed(3)}, confidence ${Math.round(best!.confidence * 100)}%, at ${best!.region.x},${best!.region.y}`)
        for (const m of rest) io.out(`    also ${printable(m.name)} (${printable(m.patternId)}) — ${describe(m)}; distance ${m.distance.toFixed(3)}`)
      }
    }
    io.out(
      `${scanned} images against ${summary.patterns} pattern${summary.patterns === 1 ? '' : 's'} in ${seconds.toFixed(1)} s (${scannedNow} scanned now on ${pool.size} worker${pool.size === 1 ? '' : 's'}, ${reused} from earlier runs): ${copies} likely ${copies === 1 ? 'copy' : 'copies'}, ${skipped} skipped.`,
    )
    if (kept.earlierMatcher > 0) io.out(`! ${o.results}: ${kept.earlierMatcher} results of an earlier loomprint matcher; those images were scanned again (the old lines are left as they are).`)
    if (kept.invalidLines > 0) io.out(`! ${o.results}: ${kept.invalidLines} lines did not validate and were ignored (left as they are).`)
    if (interrupted) io.out(`Stopped: ${total - done} images not scanned. Run the same command again to go on; finished images are kept in ${o.results}.`)
  }
  if (interrupted) return 130
  return copies > 0 ? 1 : EXIT.verified
}

export { CATALOGUE_THRESHOLD, defaultWorkers }
