/** The capture result's sentence for a picture (issue #20): what happened to it, and how much of it changed. */
import type { PictureReport } from '../../coefficient/picture/canvas-pictures'

const percent = (v: number) => `${Math.round(v * 100)} %`

/** One sentence per picture, in words a designer uses. */
export function describePicture(p: PictureReport): string {
  if (p.changedShare === null) return 'replaced; the baseline holds no sample of the AI’s picture (marked before pictures were read), so it counts as wholly new'
  const how = p.changedShare === 0 ? 'nothing of it changed visibly' : `${percent(p.changedShare)} of it changed visibly`
  if (p.rasterized) return `AI layers rasterized into a picture of themselves; ${p.changedShare === 0 ? 'it shows what they showed' : `${percent(p.changedShare)} of it differs from what they showed`}`
  // Almost all of it different: another picture, not an edit of the AI's.
  if (p.replaced && p.changedShare >= 0.9) return `replaced by another picture: ${percent(p.changedShare)} of it differs from the AI’s`
  const placed = p.placement === 'mirrored or turned' ? ', mirrored or turned' : p.placement === 'cropped, scaled or shifted' ? ', cropped, scaled or shifted' : ''
  return p.replaced ? `replaced by a new image of the AI’s picture${placed}: ${how}` : `the AI’s picture, adjusted or placed anew${placed}: ${how}`
}
