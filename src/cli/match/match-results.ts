/**
 * Sweep results kept between runs: one JSON line per image scanned, appended as
 * each image finishes (an interrupted sweep loses nothing it finished), keyed by
 * the image's SHA-256 and the catalogue's fingerprint. A second run skips every
 * image whose bytes were already scanned against the same catalogue, wherever the
 * file now lives; results of several machines merge by concatenating their files.
 * Lines that do not validate are counted and ignored, never rewritten.
 */
import { appendFile, readFile } from 'node:fs/promises'
import { z } from 'zod'

/**
 * Raised whenever the matcher finds differently (v2: windows weighted by contrast, wider scale search,
 * refined poses, threshold 0.17; v3: registration re-ranks the short list, the quarter-period agreement
 * joins the distance, threshold 0.15; v4: threshold 0.14, plain stripes refused; v5: the short list weighs a ring's mean amplitude
 * 0.3, 16 candidates registered, plain lattices refused; v6: no closer look for a picture that is one texture
 * throughout, the short list's first pass only where it pays), so a sweep rescans images an earlier matcher scanned;
 * their old lines are counted as such and left in the file.
 */
export const RESULTS_VERSION = 6

const FindingSchema = z.object({
  patternId: z.string().max(200),
  name: z.string().max(500),
  correlation: z.number(),
  distance: z.number(),
  scale: z.number(),
  rotation: z.number(),
  mirrored: z.boolean(),
  colour: z.enum(['original colours', 'recoloured', 'light and dark swapped', 'greyscale', 'greyscale, light and dark swapped']),
  region: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
  shortlistRank: z.number().int(),
  agreement: z.number().nullable(),
})

const LineSchema = z.union([
  z.object({ v: z.literal(RESULTS_VERSION), catalogue: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), path: z.string(), status: z.literal('scanned'), megapixels: z.number(), findings: z.array(FindingSchema).max(20) }),
  z.object({ v: z.literal(RESULTS_VERSION), catalogue: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), path: z.string(), status: z.literal('unreadable'), reason: z.string().max(1000) }),
])
export type ResultLine = z.infer<typeof LineSchema>

export type KeptResults = { byHash: Map<string, ResultLine>; invalidLines: number; otherCatalogue: number; earlierMatcher: number }

export async function readResults(file: string, fingerprint: string): Promise<KeptResults> {
  const kept: KeptResults = { byHash: new Map(), invalidLines: 0, otherCatalogue: 0, earlierMatcher: 0 }
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return kept
  }
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    let parsed
    let raw: unknown
    try {
      raw = JSON.parse(line)
      parsed = LineSchema.safeParse(raw)
    } catch {
      kept.invalidLines++
      continue
    }
    const v = typeof raw === 'object' && raw !== null && 'v' in raw ? raw.v : undefined
    if (!parsed.success && Number.isInteger(v) && (v as number) >= 1 && (v as number) < RESULTS_VERSION) kept.earlierMatcher++
    else if (!parsed.success) kept.invalidLines++
    else if (parsed.data.catalogue !== fingerprint) kept.otherCatalogue++
    else kept.byHash.set(parsed.data.sha256, parsed.data)
  }
  return kept
}

export function appendResult(file: string, line: ResultLine): Promise<void> {
  return appendFile(file, `${JSON.stringify(line)}\n`)
}
