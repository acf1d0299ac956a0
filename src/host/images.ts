/**
 * Pictures' bytes for the UI (issue #20): `figma.getImageByHash(hash).getBytesAsync()`
 * and `getSizeAsync()`, handed over in slices under the per-message budget. Decoding and
 * sampling happen in the UI iframe (its own image decoders), never here: a 4096 × 4096
 * picture decoded on Figma's main thread would hold the editor for seconds.
 */
import type { ParamsOf, ResultOf } from '../messages'
import type { SliceSink } from './export'

/** The smallest slice main sends: anything smaller only multiplies messages. */
const MIN_SLICE = 1024

export async function readImageAsync(api: PluginAPI, params: ParamsOf<'readImage'>, sink: SliceSink): Promise<ResultOf<'readImage'>> {
  const image = api.getImageByHash(params.hash)
  if (!image) throw new Error(`The picture ${params.hash.slice(0, 12)}… is not in this file any more. Nothing was read.`)
  const [bytes, size] = await Promise.all([image.getBytesAsync(), image.getSizeAsync()])
  const slice = Math.max(MIN_SLICE, Math.floor(params.sliceBytes))
  let slices = 0
  for (let offset = 0; offset < bytes.length || slices === 0; offset += slice) {
    // A copy, not a view: postMessage clones the whole underlying buffer of a view.
    sink(offset, bytes.slice(offset, offset + slice), bytes.length)
    slices++
    // One slice per turn: the editor (and other plugin messages) run in between.
    await new Promise<void>((resolve) => setTimeout(resolve, 0))
  }
  return { size: bytes.length, slices, width: size.width, height: size.height }
}
