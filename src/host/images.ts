/**
 * Pictures' bytes for the UI (issue #20): `figma.getImageByHash(hash).getBytesAsync()`
 * and `getSizeAsync()`, handed over in slices under the per-message budget. Decoding and
 * sampling happen in the UI iframe (its own image decoders), never here: a 4096 × 4096
 * picture decoded on Figma's main thread would hold the editor for seconds.
 */
import type { ParamsOf, ResultOf } from '../messages'
import { sendInSlicesAsync, type SliceSink } from './export'

export async function readImageAsync(api: PluginAPI, params: ParamsOf<'readImage'>, sink: SliceSink): Promise<ResultOf<'readImage'>> {
  const image = api.getImageByHash(params.hash)
  if (!image) throw new Error(`The picture ${params.hash.slice(0, 12)}… is not in this file any more. Nothing was read.`)
  const [bytes, size] = await Promise.all([image.getBytesAsync(), image.getSizeAsync()])
  const slices = await sendInSlicesAsync(bytes, params.sliceBytes, sink)
  return { size: bytes.length, slices, width: size.width, height: size.height }
}
