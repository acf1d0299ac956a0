/**
 * The catalogue on disk (docs/enforcement.md, "The catalogue"): one folder with
 *
 *   catalogue.json    which packs (id, SHA-256 of the file) and patterns it holds,
 *                     each pattern's slot in descriptors.f32; validated with zod on
 *                     every read, so a damaged or hand-edited file is refused, not
 *                     "repaired"
 *   descriptors.f32   DESCRIPTOR_FLOATS little-endian float32 per slot
 *
 * Both are written to temporary names and renamed (descriptors first), so a reader
 * never sees half a catalogue. Its fingerprint — SHA-256 of catalogue.json — changes
 * whenever a pack is added or replaced; sweep results are keyed by it.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { DESCRIPTOR_FLOATS, unpackDescriptor, type PatternDescriptor } from '../../enforcement/pattern-descriptor'

export const CATALOGUE_FILE = 'catalogue.json'
export const DESCRIPTORS_FILE = 'descriptors.f32'
/** Bumped when descriptors are computed differently; an older catalogue must be rebuilt. */
export const DESCRIPTOR_VERSION = 2

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)
const CatalogueSchema = z.object({
  format: z.literal('loomprint-catalogue'),
  version: z.literal(1),
  descriptorVersion: z.number().int(),
  floatsPerPattern: z.number().int().positive(),
  packs: z.array(z.object({ packId: z.string().min(1).max(200), sha256: Sha256, file: z.string().max(500), addedAt: z.string().max(40), patterns: z.number().int().nonnegative() })).max(100_000),
  patterns: z
    .array(
      z.object({
        patternId: z.string().min(1).max(200),
        packId: z.string().min(1).max(200),
        name: z.string().max(500),
        tileWidth: z.number().int().positive().max(100_000),
        tileHeight: z.number().int().positive().max(100_000),
        slot: z.number().int().nonnegative(),
      }),
    )
    .max(1_000_000),
})
export type CatalogueFile = z.infer<typeof CatalogueSchema>
export type CataloguePattern = CatalogueFile['patterns'][number]

export type Catalogue = { dir: string; file: CatalogueFile; fingerprint: string; descriptors: Float32Array }

export function emptyCatalogue(dir: string): Catalogue {
  return {
    dir,
    file: { format: 'loomprint-catalogue', version: 1, descriptorVersion: DESCRIPTOR_VERSION, floatsPerPattern: DESCRIPTOR_FLOATS, packs: [], patterns: [] },
    fingerprint: '',
    descriptors: new Float32Array(0),
  }
}

export type LoadedCatalogue = { ok: true; catalogue: Catalogue } | { ok: false; missing: boolean; error: string }

/**
 * Reads a catalogue. With `shared`, the descriptors land in a SharedArrayBuffer that
 * worker threads read without a copy.
 */
export async function loadCatalogue(dir: string, options: { shared?: boolean } = {}): Promise<LoadedCatalogue> {
  let text: string
  try {
    text = await readFile(path.join(dir, CATALOGUE_FILE), 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return { ok: false, missing: code === 'ENOENT', error: `${path.join(dir, CATALOGUE_FILE)} cannot be read (${code ?? 'error'})` }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, missing: false, error: `${CATALOGUE_FILE} is not JSON` }
  }
  const parsed = CatalogueSchema.safeParse(json)
  if (!parsed.success) return { ok: false, missing: false, error: `${CATALOGUE_FILE} is not a catalogue: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` }
  const file = parsed.data
  if (file.descriptorVersion !== DESCRIPTOR_VERSION || file.floatsPerPattern !== DESCRIPTOR_FLOATS) {
    return { ok: false, missing: false, error: `the catalogue was made by another version of loomprint (descriptors v${file.descriptorVersion}, this one reads v${DESCRIPTOR_VERSION}); make it again with loomprint catalogue add` }
  }
  let bytes: Buffer
  try {
    bytes = await readFile(path.join(dir, DESCRIPTORS_FILE))
  } catch (err) {
    return { ok: false, missing: false, error: `${DESCRIPTORS_FILE} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` }
  }
  const slots = file.patterns.length
  if (bytes.byteLength !== slots * DESCRIPTOR_FLOATS * 4) return { ok: false, missing: false, error: `${DESCRIPTORS_FILE} holds ${bytes.byteLength} bytes, not the ${slots * DESCRIPTOR_FLOATS * 4} its ${slots} patterns need` }
  const slotsSeen = new Set(file.patterns.map((p) => p.slot))
  if (slotsSeen.size !== slots || [...slotsSeen].some((s) => s >= slots)) return { ok: false, missing: false, error: `${CATALOGUE_FILE}: pattern slots are not 0..${slots - 1}` }
  const buffer = options.shared ? new SharedArrayBuffer(bytes.byteLength) : new ArrayBuffer(bytes.byteLength)
  const descriptors = new Float32Array(buffer)
  // Little-endian on disk, whatever the machine.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let i = 0; i < descriptors.length; i++) descriptors[i] = view.getFloat32(i * 4, true)
  return { ok: true, catalogue: { dir, file, fingerprint: createHash('sha256').update(text).digest('hex'), descriptors } }
}

export function descriptorsOf(file: CatalogueFile, floats: Float32Array): PatternDescriptor[] {
  return file.patterns.map((p) => unpackDescriptor(p, floats.subarray(p.slot * DESCRIPTOR_FLOATS, (p.slot + 1) * DESCRIPTOR_FLOATS)))
}

/** Writes descriptors then catalogue.json, each through a temporary file and a rename. */
export async function saveCatalogue(c: Catalogue): Promise<string> {
  await mkdir(c.dir, { recursive: true })
  const bytes = Buffer.alloc(c.descriptors.length * 4)
  for (let i = 0; i < c.descriptors.length; i++) bytes.writeFloatLE(c.descriptors[i]!, i * 4)
  const text = `${JSON.stringify(c.file, null, 1)}\n`
  const tmp = `.tmp-${process.pid}`
  await writeFile(path.join(c.dir, DESCRIPTORS_FILE + tmp), bytes)
  await writeFile(path.join(c.dir, CATALOGUE_FILE + tmp), text)
  await rename(path.join(c.dir, DESCRIPTORS_FILE + tmp), path.join(c.dir, DESCRIPTORS_FILE))
  await rename(path.join(c.dir, CATALOGUE_FILE + tmp), path.join(c.dir, CATALOGUE_FILE))
  return createHash('sha256').update(text).digest('hex')
}
