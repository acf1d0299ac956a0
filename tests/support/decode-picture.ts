/** Node's picture decoder for the UI workflows under test: fast-png / jpeg-js (src/enforcement), then the sample. */
import { imageSample, type ImageSample } from '../../src/coefficient/picture/sample'
import { decodeImage } from '../../src/enforcement/decode-image'

export async function decodePictureInNode(bytes: Uint8Array, maxBytes: number): Promise<ImageSample> {
  const decoded = decodeImage(bytes)
  if (!decoded.ok) throw new Error(decoded.error)
  return imageSample(decoded.image, maxBytes)
}
