/**
 * The reference tiles of verified packs, for `loomprint match`: per pattern, its
 * 1× PNG tile (or the smallest-scale PNG), else the centre ninth of its 3 × 3
 * repeat preview. Read only after the pack verified, so every byte used is one the
 * signature covers.
 */
import { checkArchiveLayout, DEFAULT_LIMITS, readEntries } from '../archive'
import { decodeImage, type RgbaImage } from '../../enforcement/decode-image'
import type { PatternTile } from '../../enforcement/reference'
import type { AssetEntry, PackManifest } from '../../pack/manifest'

/** Largest asset read as a reference. */
const MAX_REFERENCE_BYTES = 64 * 1024 * 1024

export type PackReferences = { tiles: PatternTile[]; skipped: { pattern: string; reason: string }[] }

function pickAsset(assets: readonly AssetEntry[]): AssetEntry | null {
  const pngs = assets.filter((a) => a.kind === 'png').sort((a, b) => Math.abs(Math.log(a.scale ?? 1)) - Math.abs(Math.log(b.scale ?? 1)) || (a.scale ?? 1) - (b.scale ?? 1))
  return pngs[0] ?? assets.find((a) => a.kind === 'repeat-preview') ?? null
}

/** The centre tile of a 3 × 3 repeat preview. */
function centreNinth(image: RgbaImage): RgbaImage {
  const w = Math.floor(image.width / 3)
  const h = Math.floor(image.height / 3)
  const data = new Uint8Array(w * h * 4)
  for (let y = 0; y < h; y++) data.set(image.data.subarray(((y + h) * image.width + w) * 4, ((y + h) * image.width + 2 * w) * 4), y * w * 4)
  return { width: w, height: h, data }
}

export async function readPackReferences(file: string, manifest: PackManifest): Promise<PackReferences | { error: string }> {
  const chosen = new Map<string, AssetEntry>()
  const skipped: PackReferences['skipped'] = []
  for (const p of manifest.patterns) {
    const asset = pickAsset(manifest.assets.filter((a) => a.pattern === p.id))
    if (asset) chosen.set(p.id, asset)
    else skipped.push({ pattern: p.name, reason: 'no PNG tile or repeat preview in the pack' })
  }
  const layout = await checkArchiveLayout(file, DEFAULT_LIMITS)
  if (!layout.ok) return { error: layout.reasons.join('; ') }
  const read = await readEntries(file, layout.entries, new Set([...chosen.values()].map((a) => a.path)), MAX_REFERENCE_BYTES)
  if (!read.ok) return { error: read.reasons.join('; ') }
  const byPath = new Map(read.entries.map((e) => [e.path, e]))
  const tiles: PatternTile[] = []
  for (const p of manifest.patterns) {
    const asset = chosen.get(p.id)
    if (!asset) continue
    const entry = byPath.get(asset.path)
    // The bytes must be the ones the signed manifest lists.
    if (!entry?.content || entry.sha256 !== asset.sha256) {
      skipped.push({ pattern: p.name, reason: `${asset.path} could not be read or does not match its SHA-256` })
      continue
    }
    const decoded = decodeImage(new Uint8Array(entry.content.buffer, entry.content.byteOffset, entry.content.byteLength))
    if (!decoded.ok) {
      skipped.push({ pattern: p.name, reason: `${asset.path}: ${decoded.error}` })
      continue
    }
    tiles.push({ patternId: p.id, name: p.name, tile: asset.kind === 'repeat-preview' ? centreNinth(decoded.image) : decoded.image })
  }
  return { tiles, skipped }
}
