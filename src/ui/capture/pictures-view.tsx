/** The capture result's pictures (issue #20): each replaced or changed picture by name, and how much of it changed. */
import type { PictureReport } from '../../coefficient/picture/canvas-pictures'
import { describePicture } from './picture-words'

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
