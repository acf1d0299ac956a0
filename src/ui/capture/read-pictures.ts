/**
 * The pictures a pattern's image fills show, read for their samples (issue #20): main
 * hands each picture's bytes over in slices under the message budget (`readImage`), the
 * iframe decodes them with its own image decoders and shrinks them to the sample a
 * baseline keeps, yielding between slices of rows so the UI stays responsive. A pattern's
 * samples together stay within 64 kB (more pictures, smaller samples).
 */
import type { ClientEndpoint } from '../../channel'
import { createSampler, sampleBudget, type ImageSample } from '../../coefficient/picture/sample'
import type { PatternSnapshot } from '../../coefficient/snapshot'
import { WorkflowCancelled, WorkflowError, errorMessage } from '../shared/workflow-context'

/** Decodes a picture file and returns its sample within `maxBytes`. */
export type PictureDecoder = (bytes: Uint8Array, maxBytes: number, signal?: AbortSignal) => Promise<ImageSample>

/** Room for the envelope around a slice (id, offsets, field names). */
const ENVELOPE_ROOM = 1024
const DEFAULT_BUDGET = 256 * 1024
/**
 * Picture bytes per message, each its own turn of main. Posting a slice copies it (Figma's
 * structured clone): a 128 kB slice holds main for well under 15 ms in QuickJS (bench
 * picture-quickjs, a 4096 × 4096 picture: 8–14 ms at load 6–9, the most of any turn of the
 * capture). Earlier 16 kB slices were sized against the test harness spelling bytes out as
 * JSON numbers (~29 ms per 16 kB), not against Figma; 128 kB takes an eighth of the turns.
 */
const PICTURE_SLICE = 128 * 1024
/** Decoded pixels handed to the sampler per turn (≈ 4 MB of RGBA: a few ms). */
const PIXELS_PER_TURN = 1 << 20

/** Every distinct picture hash the snapshot's image fills reference, sorted. */
export function pictureHashes(s: PatternSnapshot): string[] {
  const out = new Set<string>()
  for (const el of s.elements) for (const p of el.fills) if (p.kind === 'image' && p.imageHash !== null) out.add(p.imageHash)
  return [...out].sort()
}

export interface ReadPicturesOptions {
  decode?: PictureDecoder
  /** Samples already known (the baseline's): the same hash is the same picture, not read again. */
  known?: Record<string, ImageSample>
  messageBudgetBytes?: number
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

/** The snapshot with `images` for every picture it shows. */
export async function readPicturesAsync(client: ClientEndpoint, snapshot: PatternSnapshot, options: ReadPicturesOptions = {}): Promise<PatternSnapshot> {
  const hashes = pictureHashes(snapshot)
  if (hashes.length === 0) return snapshot
  const budget = sampleBudget(hashes.length)
  const sliceBytes = Math.max(1, Math.min(PICTURE_SLICE, (options.messageBudgetBytes ?? DEFAULT_BUDGET) - ENVELOPE_ROOM))
  const decode = options.decode ?? decodeInBrowserAsync
  const images: Record<string, ImageSample> = {}
  for (const [i, hash] of hashes.entries()) {
    if (options.signal?.aborted) throw new WorkflowCancelled('Cancelled.')
    options.onProgress?.(i, hashes.length)
    const known = options.known?.[hash]
    if (known && known.width * known.height * 4 <= budget) {
      images[hash] = known
      continue
    }
    const parts: Uint8Array[] = []
    let received = 0
    const result = await client.request('readImage', { hash, sliceBytes }, {
      onProgress: (p) => {
        const data = p.data as { offset?: unknown; bytes?: unknown } | undefined
        if (!data || !(data.bytes instanceof Uint8Array) || data.offset !== received) return
        parts.push(data.bytes)
        received += data.bytes.length
      },
    })
    if (received !== result.size) throw new WorkflowError(`A picture arrived incomplete (${String(received)} of ${String(result.size)} bytes). Nothing was written.`)
    const bytes = new Uint8Array(received)
    let at = 0
    for (const p of parts) {
      bytes.set(p, at)
      at += p.length
    }
    try {
      images[hash] = await decode(bytes, budget, options.signal)
    } catch (error) {
      if (error instanceof WorkflowCancelled) throw error
      throw new WorkflowError(`A picture in this pattern (${hash.slice(0, 12)}…) could not be decoded: ${errorMessage(error)} Nothing was written.`)
    }
  }
  options.onProgress?.(hashes.length, hashes.length)
  return { ...snapshot, images }
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * The iframe's own decoders: `createImageBitmap`, drawn on a canvas, read back a slice of
 * rows at a time into the sampler (a turn between slices: a 4096 × 4096 picture never
 * holds the UI long).
 */
export async function decodeInBrowserAsync(bytes: Uint8Array, maxBytes: number, signal?: AbortSignal): Promise<ImageSample> {
  if (typeof createImageBitmap !== 'function') throw new Error('this window has no image decoder')
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]))
  const { width, height } = bitmap
  const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height })
  const g = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null
  if (!g) throw new Error('no 2D canvas to decode on')
  g.drawImage(bitmap, 0, 0)
  bitmap.close()
  const sampler = createSampler(width, height, maxBytes)
  const rows = Math.max(1, Math.floor(PIXELS_PER_TURN / width))
  for (let y = 0; y < height; y += rows) {
    if (signal?.aborted) throw new WorkflowCancelled('Cancelled.')
    const y1 = Math.min(height, y + rows)
    sampler.addRows(g.getImageData(0, y, width, y1 - y).data, y, y1)
    await nextTurn()
  }
  return sampler.finish()
}
