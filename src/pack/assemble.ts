/**
 * Assembles a licensed pattern pack from plain data: the patterns (as the manifest
 * states them), the exported bytes and the intended use. Pure and portable: it runs
 * in the UI iframe (the Export tab) and in Node (tests, the example, benchmarks).
 *
 * Same input, same `now`, same key → byte-identical zip (fixed entry order, fixed
 * timestamps from `now`, deterministic deflate and PNG encoding, a pack id derived
 * from the content).
 */
import * as z from 'zod/mini'
import { canonicalBytes } from './canonical'
import { c2paDefinition } from './c2pa'
import { concatBytes, utf8Encode } from './bytes'
import { crc32 } from './crc32'
import { disclosureMarkdown } from './disclosure'
import { decodePngAsync, encodePng, perceptualHash, pngSize, repeatTile, type Rgba } from './image'
import type { InflateAsync } from './png-decode'
import { keyFingerprint, type PackSigner } from './keys'
import { licenseMarkdown, licenseOdrl, licenseViewOf } from './license-bridge'
import {
  HEATMAP_DIR,
  IntendedUseSchema,
  MANIFEST_PATH,
  MEDIA_TYPES,
  PACK_SCHEMA,
  PackHeatMapSchema,
  PackPatternSchema,
  SIGNATURE_PATH,
  digestItems,
  type AssetEntry,
  type FileEntry,
  type IntendedUse,
  type PackManifest,
  type PackPattern,
} from './manifest'
import { base64Encode } from '../storage/base64'
import { RASTER_MAX_BYTES } from '../storage/entry-limit'
import { plainPngSize } from '../provenance/heatmap-entry'
import { fieldIssuesOf, formatIssues } from '../provenance/issues'
import { sha256, toHex } from '../storage/sha256'
import { embedXmpInPng, embedXmpInSvg, xmpPacket, xmpRdf, type XmpFields } from './xmp'
import { createZipWriter } from './zip'

export const GENERATOR = { name: 'Loomprint', version: '0.1.0' } as const

export interface PackAssetInput {
  /** The pattern id this export belongs to. */
  pattern: string
  kind: 'png' | 'svg' | 'pdf'
  /** PNG export scale (1, 2, …); ignored for SVG and PDF. */
  scale?: number | null
  bytes: Uint8Array
}

/** A pattern's heat map as stored with its capture (checked against the record by the caller). */
export interface PackHeatMapInput {
  pattern: string
  /** The PNG, shipped byte for byte (nothing is added to it). */
  bytes: Uint8Array
  shares: { changed: number; added: number; removed: number }
}

export interface PackInput {
  patterns: PackPattern[]
  assets: PackAssetInput[]
  /** At most one per pattern; a pattern without one ships none. */
  heatmaps?: PackHeatMapInput[]
  intendedUse: IntendedUse | null
  /** Add a 3 × 3 repeat preview per pattern, from its smallest PNG (default true). */
  repeatPreview?: boolean
}

export type PackStage = 'assets' | 'preview' | 'documents' | 'sign' | 'zip'

export interface PackProgress {
  stage: PackStage
  done: number
  total: number
}

export interface AssembleOptions {
  signer: PackSigner
  now: () => Date
  onProgress?: (p: PackProgress) => void
  /** Checked between steps; true → the assembly stops with `{ ok: false, stopped: true }`. */
  shouldStop?: () => boolean
  /** Lets the event loop run between steps (the UI stays responsive). Default: setTimeout 0. */
  yieldAsync?: () => Promise<void>
  /** SHA-256 implementation (default @noble/hashes; Node callers may pass crypto's). */
  sha256?: (bytes: Uint8Array) => Uint8Array
  /** zlib inflate for PNG decoding (default: the platform's DecompressionStream, else fflate). */
  inflateAsync?: InflateAsync
  generator?: { name: string; version: string }
}

export type AssembleResult =
  | {
      ok: true
      /** The zip as parts: `new Blob(parts)` in the UI, `concatBytes(parts)` elsewhere. */
      parts: Uint8Array[]
      size: number
      manifest: PackManifest
      /** The file name suggested for the download. */
      fileName: string
    }
  | { ok: false; stopped: boolean; error: string }

// Every host the pack runs in (UI iframe, Node) has setTimeout; the pure lib does not declare it.
const timer = (globalThis as { setTimeout?: (fn: () => void, ms: number) => unknown }).setTimeout
const defaultYield = (): Promise<void> => new Promise((resolve) => (timer ? timer(resolve, 0) : resolve()))

/** "Rose Trellis / v2" → "rose-trellis-v2" (≤ 40 characters, never empty). */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return s || 'pattern'
}

/** Width and height of an SVG from its root element's width/height (or viewBox). */
export function svgSize(svg: string): { width: number; height: number } | null {
  const open = /<svg\b[^>]*>/.exec(svg)
  if (!open) return null
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(open[0])?.[1] ?? null
  const num = (v: string | null) => (v && /^\s*\d+(\.\d+)?(px)?\s*$/.test(v) ? Math.round(parseFloat(v)) : null)
  const w = num(attr('width'))
  const h = num(attr('height'))
  if (w !== null && h !== null) return { width: w, height: h }
  const vb = attr('viewBox')?.trim().split(/[\s,]+/).map(Number)
  if (vb && vb.length === 4 && vb.every(Number.isFinite)) return { width: Math.round(vb[2]!), height: Math.round(vb[3]!) }
  return null
}

function fail(error: string): AssembleResult {
  return { ok: false, stopped: false, error: `${error} Nothing was written.` }
}

function xmpFieldsOf(p: PackPattern, generator: { name: string; version: string }): XmpFields {
  const lic = licenseViewOf(p)
  return {
    title: p.name,
    digitalSourceType: p.digitalSourceType,
    dataMining: lic.plusDataMining,
    otherConstraints: lic.plusOtherConstraints,
    tdmReservation: lic.tdmReservation,
    tdmPolicy: lic.tdmPolicy,
    creators: p.contributors.map((c) => c.name || c.id),
    rights: lic.rights,
    usageTerms: lic.usageTerms,
    licensor: lic.licensor,
    licenseId: lic.licenseId,
    creatorTool: `${generator.name} ${generator.version}`,
  }
}

export async function assemblePackAsync(input: PackInput, options: AssembleOptions): Promise<AssembleResult> {
  const hash = options.sha256 ?? sha256
  const yieldAsync = options.yieldAsync ?? defaultYield
  const generator = options.generator ?? GENERATOR
  const stopped = (): boolean => options.shouldStop?.() === true
  const report = (stage: PackStage, done: number, total: number): void => options.onProgress?.({ stage, done, total })
  const STOP: AssembleResult = { ok: false, stopped: true, error: 'Export cancelled. Nothing was written.' }

  // --- validate the plain data first: nothing half-built is ever returned
  const patterns: PackPattern[] = []
  for (const [i, raw] of input.patterns.entries()) {
    const r = z.safeParse(PackPatternSchema, raw)
    if (!r.success) {
      return fail(`Pattern ${i + 1} is invalid: ${formatIssues(fieldIssuesOf(r.error.issues.slice(0, 3)))}.`)
    }
    // A heat map is in the manifest only with its file: the one given below, if any.
    const { heatmap: _given, ...pattern } = r.data
    patterns.push(pattern)
  }
  if (patterns.length === 0) return fail('The pack has no patterns.')
  const ids = new Set(patterns.map((p) => p.id))
  if (ids.size !== patterns.length) return fail('A pattern appears twice.')
  if (input.intendedUse !== null) {
    const r = z.safeParse(IntendedUseSchema, input.intendedUse)
    if (!r.success) return fail(`The intended use is invalid: ${formatIssues(fieldIssuesOf(r.error.issues.slice(0, 3)))}.`)
  }
  const now = options.now()
  if (!Number.isFinite(now.getTime())) return fail('The clock returned an invalid date.')
  const created = now.toISOString()
  const signerPublic = options.signer.publicKey
  if (!(signerPublic instanceof Uint8Array) || signerPublic.length !== 32) return fail('The signing key is not an Ed25519 public key.')

  const dirOf = new Map<string, string>()
  const dirsUsed = new Set<string>()
  for (const p of patterns) {
    let dir = `assets/${slug(p.name)}`
    if (dirsUsed.has(dir)) dir = `${dir}-${slug(p.id).slice(0, 12)}`
    let n = 2
    const base = dir
    while (dirsUsed.has(dir)) dir = `${base}-${n++}`
    dirsUsed.add(dir)
    dirOf.set(p.id, dir)
  }
  // --- heat maps: evidence files, shipped exactly as stored (a plain PNG: the picture and nothing else)
  const heatDocs: { path: string; mediaType: string; bytes: Uint8Array }[] = []
  for (const [i, h] of (input.heatmaps ?? []).entries()) {
    const at = patterns.findIndex((p) => p.id === h.pattern)
    const p = patterns[at]
    if (!p) return fail(`Heat map ${i + 1} belongs to pattern ${h.pattern}, which is not in the pack.`)
    if (p.heatmap) return fail(`${p.name} has two heat maps.`)
    if (!(h.bytes instanceof Uint8Array) || h.bytes.length > RASTER_MAX_BYTES) return fail(`The heat map of ${p.name} is larger than a heat map may be.`)
    const size = plainPngSize(h.bytes)
    if (!size.ok) return fail(`The heat map of ${p.name} is not a plain heat map PNG: ${size.error}.`)
    const path = `${HEATMAP_DIR}/${dirOf.get(p.id)!.slice('assets/'.length)}.png`
    const entry = { path, bytes: h.bytes.length, sha256: toHex(hash(h.bytes)), width: size.width, height: size.height, shares: h.shares }
    const checked = z.safeParse(PackHeatMapSchema, entry)
    if (!checked.success) return fail(`The heat map of ${p.name} is invalid: ${formatIssues(fieldIssuesOf(checked.error.issues.slice(0, 3)))}.`)
    patterns[at] = { ...p, heatmap: checked.data }
    heatDocs.push({ path, mediaType: 'image/png', bytes: h.bytes })
  }
  const byId = new Map(patterns.map((p) => [p.id, p]))

  // --- assets: metadata in, hashes and sizes out
  type Built = { entry: AssetEntry; bytes: Uint8Array; crc: number }
  const built: Built[] = []
  // The smallest PNG of each pattern is the tile its repeat preview is made from.
  const smallest = new Map<string, { area: number; rgba: Rgba }>()
  const total = input.assets.length
  for (const [i, a] of input.assets.entries()) {
    if (stopped()) return STOP
    report('assets', i, total)
    const p = byId.get(a.pattern)
    if (!p) return fail(`Asset ${i + 1} belongs to pattern ${a.pattern}, which is not in the pack.`)
    if (!(a.bytes instanceof Uint8Array) || a.bytes.length === 0) return fail(`Asset ${i + 1} of ${p.name} is empty.`)
    const fields = xmpFieldsOf(p, generator)
    const base = slug(p.name)
    let path: string
    let bytes: Uint8Array
    let width: number | null = null
    let height: number | null = null
    let phash: string | null = null
    let scale: number | null = null
    try {
      if (a.kind === 'png') {
        scale = a.scale ?? 1
        if (!(scale > 0 && scale <= 100)) return fail(`Asset ${i + 1} of ${p.name} has an invalid scale.`)
        path = `${dirOf.get(p.id)!}/${base}@${String(scale).replace('.', '_')}x.png`
        bytes = embedXmpInPng(a.bytes, xmpPacket(fields))
        const size = pngSize(bytes)
        const rgba = await decodePngAsync(bytes, options.inflateAsync)
        if (!size || !rgba) return fail(`Asset ${i + 1} of ${p.name} is not a readable PNG.`)
        width = size.width
        height = size.height
        phash = perceptualHash(rgba)
        const prev = smallest.get(p.id)
        if (!prev || width * height < prev.area) smallest.set(p.id, { area: width * height, rgba })
      } else if (a.kind === 'svg') {
        path = `${dirOf.get(p.id)!}/${base}.svg`
        bytes = embedXmpInSvg(a.bytes, xmpRdf(fields))
        const size = svgSize(asciiHead(bytes, 4096))
        width = size?.width ?? null
        height = size?.height ?? null
      } else if (a.kind === 'pdf') {
        path = `${dirOf.get(p.id)!}/${base}.pdf`
        bytes = a.bytes
      } else {
        return fail(`Asset ${i + 1} has an unknown kind.`)
      }
    } catch (err) {
      return fail(`Asset ${i + 1} of ${p.name}: ${err instanceof Error ? err.message : String(err)}`)
    }
    if (built.some((b) => b.entry.path === path)) return fail(`Two assets of ${p.name} would both be ${path}.`)
    built.push({
      entry: {
        path,
        pattern: p.id,
        kind: a.kind,
        mediaType: MEDIA_TYPES[a.kind],
        scale,
        bytes: bytes.length,
        sha256: toHex(hash(bytes)),
        width,
        height,
        phash,
        c2pa: `c2pa/${path.slice('assets/'.length)}.json`,
      },
      bytes,
      crc: crc32(bytes),
    })
    await yieldAsync()
  }
  report('assets', total, total)

  // --- repeat previews
  if (input.repeatPreview !== false) {
    let done = 0
    for (const p of patterns) {
      if (stopped()) return STOP
      report('preview', done++, patterns.length)
      const tile = smallest.get(p.id)
      if (!tile) continue
      const preview = repeatTile(tile.rgba)
      const path = `${dirOf.get(p.id)!}/${slug(p.name)}-repeat-3x3.png`
      const bytes = embedXmpInPng(encodePng(preview), xmpPacket(xmpFieldsOf(p, generator)))
      built.push({
        entry: {
          path,
          pattern: p.id,
          kind: 'repeat-preview',
          mediaType: 'image/png',
          scale: null,
          bytes: bytes.length,
          sha256: toHex(hash(bytes)),
          width: preview.width,
          height: preview.height,
          phash: perceptualHash(preview),
          c2pa: `c2pa/${path.slice('assets/'.length)}.json`,
        },
        bytes,
        crc: crc32(bytes),
      })
      await yieldAsync()
    }
  }
  built.sort((a, b) => (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0))

  // --- documents
  if (stopped()) return STOP
  report('documents', 0, 1)
  const docs: { path: string; mediaType: string; bytes: Uint8Array }[] = []
  const json = (v: unknown) => utf8Encode(`${JSON.stringify(v, null, 2)}\n`)
  for (const b of built) {
    const p = byId.get(b.entry.pattern)!
    docs.push({ path: b.entry.c2pa, mediaType: 'application/json', bytes: json(c2paDefinition(b.entry, p, licenseViewOf(p), generator)) })
  }
  // The pack id comes from the content: the same inputs and time give the same id.
  const contentDigest = toHex(hash(canonicalBytes({ created, assets: built.map((b) => b.entry.sha256), patterns })))
  const packId = `lp-${contentDigest.slice(0, 32)}`
  docs.push({ path: 'LICENSE.md', mediaType: 'text/markdown', bytes: utf8Encode(licenseMarkdown(patterns)) })
  docs.push({ path: 'license.odrl.json', mediaType: 'application/ld+json', bytes: json(licenseOdrl(patterns)) })
  docs.push({ path: 'DISCLOSURE.md', mediaType: 'text/markdown', bytes: utf8Encode(disclosureMarkdown(patterns, created)) })
  docs.push(...heatDocs)
  docs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const files: FileEntry[] = docs.map((d) => ({ path: d.path, mediaType: d.mediaType, bytes: d.bytes.length, sha256: toHex(hash(d.bytes)) }))
  const assets = built.map((b) => b.entry)
  const packDigest = toHex(hash(canonicalBytes(digestItems({ assets, files }))))

  const manifest: PackManifest = {
    schema: PACK_SCHEMA,
    packId,
    created,
    generator: { name: generator.name, version: generator.version },
    signer: { alg: 'Ed25519', publicKey: toHex(signerPublic), fingerprint: keyFingerprint(signerPublic), owner: options.signer.owner },
    intendedUse: input.intendedUse,
    patterns,
    assets,
    files,
    packDigest,
  }

  // --- sign
  if (stopped()) return STOP
  report('sign', 0, 1)
  let signature: Uint8Array
  try {
    signature = await options.signer.sign(canonicalBytes(manifest))
  } catch (err) {
    return fail(`Signing failed: ${err instanceof Error ? err.message : String(err)}.`)
  }
  if (!(signature instanceof Uint8Array) || signature.length !== 64) return fail('The signer did not return an Ed25519 signature.')

  // --- zip: manifest, signature, documents, assets — in that order, every time
  if (stopped()) return STOP
  report('zip', 0, 1)
  const zip = createZipWriter(now.getTime())
  zip.add({ path: MANIFEST_PATH, bytes: json(manifest), compress: true })
  zip.add({ path: SIGNATURE_PATH, bytes: utf8Encode(`${base64Encode(signature)}\n`), compress: false })
  for (const d of docs) zip.add({ path: d.path, bytes: d.bytes, compress: d.mediaType !== 'image/png' })
  for (const b of built) zip.add({ path: b.entry.path, bytes: b.bytes, compress: b.entry.mediaType === 'image/svg+xml' }, b.crc)
  const parts = zip.finish()
  let size = 0
  for (const part of parts) size += part.length
  report('zip', 1, 1)
  const name = patterns.length === 1 ? slug(patterns[0]!.name) : 'patterns'
  return { ok: true, parts, size, manifest, fileName: `${name}-${created.slice(0, 10)}-${packId.slice(3, 11)}.zip` }
}

/** The first `n` bytes as one character each (enough to read an <svg …> tag's numbers). */
function asciiHead(bytes: Uint8Array, n: number): string {
  let s = ''
  const end = Math.min(n, bytes.length)
  for (let i = 0; i < end; i++) s += String.fromCharCode(bytes[i]!)
  return s
}

export { concatBytes }
