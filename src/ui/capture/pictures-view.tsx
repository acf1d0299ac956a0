/** The capture result's pictures (issue #20): each replaced or changed picture by name, and how much of it changed. */
import type { PictureReport } from '../../coefficient/picture/canvas-pictures'

const percent = (v: number) => `${Math.round(v * 100)} %`

/** One sentence per picture, in words a designer uses. */
export function describePicture(p: PictureReport): string {
  if (p.changedShare === null) return 'replaced; the baseline holds no sample of the AI’s picture (marked before pictures were read), so it counts as wholly new'
  const how = p.changedShare === 0 ? 'nothing of it changed visibly' : `${percent(p.changedShare)} of it changed visibly`
  if (p.rasterized) return `AI layers rasterized into a picture of themselves; ${p.changedShare === 0 ? 'it shows what they showed' : `${percent(p.changedShare)} of it differs from what they showed`}`
  const placed = p.placement === 'mirrored or turned' ? ', mirrored or turned' : p.placement === 'cropped, scaled or shifted' ? ', cropped, scaled or shifted' : ''
  return p.replaced ? `replaced by a new image of the AI’s picture${placed}: ${how}` : `the AI’s picture, adjusted or placed anew${placed}: ${how}`
}

export function PicturesView({ pictures, names }: { pictures: readonly PictureReport[]; names: ReadonlyMap<string, string> }) {
  if (pictures.length === 0) return null
  return (
    <>
      <h2 class="lp-h3">Pictures</h2>
      <ul aria-label="Pictures">
        {pictures.map((p) => (
          <li key={p.id}>
            <strong>{names.get(p.id) ?? p.id}</strong>: {describePicture(p)}.
          </li>
        ))}
      </ul>
    </>
  )
}
