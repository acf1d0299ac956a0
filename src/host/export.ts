/**
 * The Export tab's only contact with the file: `exportAsync` of one layer in one
 * format, its bytes handed to the UI in slices. Everything else about a pack (checks,
 * hashing, zipping, signing) happens in the UI iframe (DESIGN.md, "where work runs").
 */
import type { ParamsOf, ResultOf } from '../messages'
import { pageOf } from './layers'

/** The colour profile of every PNG and PDF a pack carries (docs/pack.md, "Assets"). */
export const ASSET_COLOR_PROFILE = 'SRGB'

export type SliceSink = (offset: number, bytes: Uint8Array, size: number) => void

/** The smallest slice main sends: anything smaller only multiplies messages. */
const MIN_SLICE = 1024

/**
 * Hands `bytes` to `sink` in slices of `sliceBytes` (at least MIN_SLICE), one slice per turn
 * so the editor and other plugin messages run in between; an empty file is one empty slice.
 * Returns how many slices were sent.
 */
export async function sendInSlicesAsync(bytes: Uint8Array, sliceBytes: number, sink: SliceSink): Promise<number> {
  const slice = Math.max(MIN_SLICE, Math.floor(sliceBytes))
  let slices = 0
  for (let offset = 0; offset < bytes.length || slices === 0; offset += slice) {
    // A copy, not a view: postMessage clones the whole underlying buffer of a view.
    sink(offset, bytes.slice(offset, offset + slice), bytes.length)
    slices++
    await new Promise<void>((resolve) => setTimeout(resolve, 0))
  }
  return slices
}

/** Export settings for one asset, in Figma's own shapes (only documented keys: the validator refuses others). */
export function exportSettingsOf(params: Pick<ParamsOf<'exportAsset'>, 'format' | 'scale' | 'width'>): ExportSettings {
  if (params.format === 'SVG') {
    // Text stays text (`<text>` elements): outlines would lose the words a reader or search needs.
    return { format: 'SVG', svgOutlineText: false }
  }
  // Pack assets are sRGB whatever the document's profile: `colorProfile` defaults to
  // 'DOCUMENT' (plugin-api.d.ts:5166-5176), so a Display P3 file would export P3 images
  // into a pack whose hashes, previews and matching assume sRGB (issue #19, 9).
  if (params.format === 'PDF') return { format: 'PDF', colorProfile: ASSET_COLOR_PROFILE }
  if (params.width !== undefined) {
    if (!(params.width >= 1 && params.width <= 16384)) throw new Error(`A PNG width of ${String(params.width)} px is outside 1–16,384 px. Nothing was exported.`)
    return { format: 'PNG', constraint: { type: 'WIDTH', value: Math.round(params.width) }, colorProfile: ASSET_COLOR_PROFILE }
  }
  const scale = params.scale ?? 1
  if (!(scale > 0 && scale <= 4)) throw new Error(`A PNG scale of ${String(scale)}× is outside Figma's 0.01–4×. Nothing was exported.`)
  return { format: 'PNG', constraint: { type: 'SCALE', value: scale }, colorProfile: ASSET_COLOR_PROFILE }
}

export async function exportAssetAsync(
  api: PluginAPI,
  params: ParamsOf<'exportAsset'>,
  sink: SliceSink,
): Promise<ResultOf<'exportAsset'>> {
  const node = await api.getNodeByIdAsync(params.nodeId)
  if (!node || node.removed || node.type === 'PAGE' || node.type === 'DOCUMENT' || !('exportAsync' in node)) {
    throw new Error('That layer no longer exists (deleted, or on a page that is not open). Nothing was exported.')
  }
  // dynamic-page: a layer on a page that is not loaded cannot be exported.
  await pageOf(node)?.loadAsync()
  const scene = node as SceneNode
  const settings = exportSettingsOf(params)
  let bytes: Uint8Array
  try {
    bytes = await scene.exportAsync(settings)
  } catch (error) {
    throw new Error(`Figma could not export “${scene.name}” as ${params.format}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const slices = await sendInSlicesAsync(bytes, params.sliceBytes, sink)
  return { size: bytes.length, slices, name: scene.name, scale: pngScale(scene, params) }
}

/** The scale a PNG was exported at; a pixel width is stated as a scale of the render bounds (what Figma exports). */
function pngScale(scene: SceneNode, params: ParamsOf<'exportAsset'>): number | null {
  if (params.format !== 'PNG') return null
  if (params.width === undefined) return params.scale ?? 1
  const box = 'absoluteRenderBounds' in scene ? scene.absoluteRenderBounds : null
  const w = box?.width ?? scene.width
  return w > 0 ? Math.round((Math.round(params.width) / w) * 10000) / 10000 : null
}
