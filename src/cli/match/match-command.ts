/**
 * `loomprint match PACK... --in FOLDER [--json] [--threshold N]`: scans a folder of
 * PNG and JPEG images for copies of the packs' patterns (docs/enforcement.md).
 */
import { lstat, readFile } from 'node:fs/promises'
import path from 'node:path'
import { printable } from '../archive'
import { EXIT, parseFlags, UsageError, type Command, type Io } from '../command'
import { loadPack } from '../load-pack'
import { listImages } from './match-files'
import { runCatalogueMatch } from './match-catalogue-args'
import { readPackReferences } from './match-references'
import { decodeImage, DEFAULT_IMAGE_LIMITS } from '../../enforcement/decode-image'
import { confidenceOf, createMatcher, DEFAULT_THRESHOLD, MATCH_DEFAULTS, type PatternScore } from '../../enforcement/match'
import type { PatternTile } from '../../enforcement/reference'

const USAGE = `usage: loomprint match PACK... --in FOLDER [--json] [--threshold N]
       loomprint match --catalogue DIR --in FOLDER [--json] [--threshold N] [--results FILE] [--workers N]

Scans FOLDER (recursively) for PNG and JPEG images that copy a pattern of the packs —
cropped at another offset of the repeat, scaled 0.4×–2.5×, slightly recoloured,
re-compressed, or part of a larger picture — and lists, per image, the patterns it
most likely copies, best first, with a distance (0 = the same picture) and a
confidence. Each PACK must verify (see loomprint verify).

  --in FOLDER      the folder to scan (symbolic links are not followed)
  --threshold N    largest distance reported as a copy, 0..2 (default ${DEFAULT_THRESHOLD})
  --json           print the results as JSON

With --catalogue, FOLDER is swept against a whole catalogue (loomprint catalogue add):
copies turned by any angle, mirrored, recoloured (light and dark swapped too) or grey
are found and each is reported with what was done to it. All cores work; progress
goes to stderr; Ctrl-C stops cleanly; results are kept in FILE (default
loomprint-results.jsonl in the current folder) so a second run skips every image
already scanned against the same catalogue (docs/enforcement.md).

  --catalogue DIR  the catalogue to search
  --results FILE   where results are kept between runs
  --workers N      worker threads (default: one per core; 0: this thread only)

exit codes: 0 no likely copy found, 1 likely copies found,
            2 usage error, unreadable input or a pack that does not verify`

/** Most images scanned in one run; the rest are reported as not scanned. */
const MAX_IMAGES = 100_000
const MAX_REPORTED = 3

export type ImageResult =
  | { path: string; status: 'copy' | 'clean'; matches: (PatternScore & { pack: string; confidence: number })[]; nearest: (PatternScore & { pack: string }) | null }
  | { path: string; status: 'skipped'; reason: string }

function fmt(x: number): string {
  return x.toFixed(3)
}

export const matchCommand: Command = {
  name: 'match',
  summary: 'find copies of a pack’s patterns in a folder of PNG and JPEG images',
  usage: USAGE,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseFlags(args, {
      in: { type: 'string' },
      json: { type: 'boolean' },
      threshold: { type: 'string' },
      catalogue: { type: 'string' },
      results: { type: 'string' },
      workers: { type: 'string' },
    })
    if (values.help) {
      io.out(USAGE)
      return EXIT.verified
    }
    if (values.catalogue !== undefined) return runCatalogueMatch(values, positionals, io)
    if (positionals.length === 0) throw new UsageError('match needs at least one PACK')
    if (!values.in) throw new UsageError('match needs --in FOLDER')
    let threshold = DEFAULT_THRESHOLD
    if (values.threshold !== undefined) {
      threshold = Number(values.threshold)
      if (!/^\d+(\.\d+)?$/.test(values.threshold) || !(threshold >= 0 && threshold <= 2)) throw new UsageError('--threshold must be a distance between 0 and 2, such as 0.25')
    }
    const folder = values.in
    try {
      if (!(await lstat(folder)).isDirectory()) throw new Error('not a folder')
    } catch {
      io.err(`✗ --in ${folder}: not a readable folder`)
      return EXIT.usage
    }

    // Packs: each must verify before its pictures are trusted as references.
    const tiles: (PatternTile & { pack: string })[] = []
    const notes: string[] = []
    for (const file of positionals) {
      const report = await loadPack(file, { now: () => io.now() })
      if (!report.verified || !report.manifest) {
        const why = report.checks.filter((c) => c.ok === false).map((c) => `${c.id}: ${c.message}`)
        io.err(`✗ ${file}: the pack does not verify, nothing was scanned (${why.slice(0, 3).join('; ') || 'unreadable'}). Run loomprint verify ${file} for details.`)
        return EXIT.usage
      }
      const refs = await readPackReferences(file, report.manifest)
      if ('error' in refs) {
        io.err(`✗ ${file}: its images cannot be read (${refs.error}); nothing was scanned.`)
        return EXIT.usage
      }
      for (const s of refs.skipped) notes.push(`${file}: ${s.pattern} is not matched: ${s.reason}`)
      for (const t of refs.tiles) tiles.push({ ...t, pack: report.manifest.packId })
    }
    // Correlations below the floor are not refined; keep it at or below the threshold so every reported score is exact.
    const prepared = createMatcher(tiles, { floor: Math.min(MATCH_DEFAULTS.floor, 1 - threshold) })
    for (const s of prepared.skipped) notes.push(`${s.patternId} is not matched: ${s.error}`)
    const packOf = new Map(tiles.map((t) => [t.patternId, t.pack]))
    if (prepared.matcher.references.length === 0) {
      io.err('✗ the packs hold no pattern picture that can be matched; nothing was scanned.')
      return EXIT.usage
    }

    const started = performance.now()
    const listing = await listImages(folder)
    const results: ImageResult[] = listing.skipped.map((s) => ({ path: s.path, status: 'skipped' as const, reason: s.reason }))
    for (const [i, file] of listing.files.entries()) {
      const rel = path.relative(folder, file) || file
      if (i >= MAX_IMAGES) {
        results.push({ path: rel, status: 'skipped', reason: `not scanned: more than ${MAX_IMAGES} images` })
        continue
      }
      let bytes: Buffer
      try {
        const st = await lstat(file)
        if (st.size > DEFAULT_IMAGE_LIMITS.maxBytes) {
          results.push({ path: rel, status: 'skipped', reason: `${st.size} bytes, over the ${DEFAULT_IMAGE_LIMITS.maxBytes}-byte limit` })
          continue
        }
        bytes = await readFile(file)
      } catch (err) {
        results.push({ path: rel, status: 'skipped', reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` })
        continue
      }
      const decoded = decodeImage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
      if (!decoded.ok) {
        results.push({ path: rel, status: 'skipped', reason: decoded.error })
        continue
      }
      const scores = prepared.matcher.scoreImage(decoded.image).map((s) => ({ ...s, pack: packOf.get(s.patternId)! }))
      const matches = scores
        .filter((s) => s.distance <= threshold)
        .slice(0, MAX_REPORTED)
        .map((s) => ({ ...s, confidence: confidenceOf(s.distance) }))
      results.push({ path: rel, status: matches.length > 0 ? 'copy' : 'clean', matches, nearest: scores[0] ?? null })
    }
    const seconds = (performance.now() - started) / 1000
    const copies = results.filter((r) => r.status === 'copy').length
    const skipped = results.filter((r) => r.status === 'skipped').length
    const scanned = results.length - skipped

    if (values.json) {
      io.out(JSON.stringify({ threshold, patterns: prepared.matcher.references.length, scanned, copies, skipped, seconds: Number(seconds.toFixed(2)), notes, images: results }, null, 2))
    } else {
      for (const n of notes) io.out(`! ${n}`)
      for (const r of results) {
        if (r.status === 'skipped') io.out(`! ${printable(r.path)}: skipped — ${r.reason}`)
        else if (r.status === 'clean') {
          io.out(`✓ ${printable(r.path)}: no pack pattern${r.nearest ? ` (nearest ${printable(r.nearest.name)}, distance ${fmt(r.nearest.distance)})` : ''}`)
        } else {
          const [best, ...rest] = r.matches
          io.out(
            `✗ ${printable(r.path)}: likely copy of ${printable(best!.name)} (${printable(best!.patternId)}) — distance ${fmt(best!.distance)}, confidence ${Math.round(best!.confidence * 100)}%, ` +
              `${best!.scale.toFixed(2)}× at ${best!.region.x},${best!.region.y}`,
          )
          for (const m of rest) io.out(`    also ${printable(m.name)} (${printable(m.patternId)}) — distance ${fmt(m.distance)}, confidence ${Math.round(m.confidence * 100)}%`)
        }
      }
      io.out(`${scanned} images scanned against ${prepared.matcher.references.length} pattern${prepared.matcher.references.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s: ${copies} likely ${copies === 1 ? 'copy' : 'copies'}, ${skipped} skipped.`)
    }
    return copies > 0 ? 1 : EXIT.verified
  },
}
