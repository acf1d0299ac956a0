/**
 * Masks. In Figma a layer marked as a mask clips the layers above it in the same
 * parent (its later siblings and everything inside them) to its shape, and is not
 * painted itself. Method 2 paints masked layers through the mask's covered pixels,
 * its fill region (or its stroke band, when it has no fill).
 */
import { Raster, type MaskBits, type PixelRect, type RenderItem } from './raster/raster'
import { parentPath } from './visibility'

/** Which masks govern each path: parent path → the child indices of its shown masks, ascending. */
export class MaskIndex {
  private readonly byParent = new Map<string, { index: number; path: string }[]>()

  add(path: string): void {
    const parent = parentPath(path)
    if (parent === null) return // the root itself masks nothing above it
    const index = Number(path.slice(path.lastIndexOf('.') + 1))
    const list = this.byParent.get(parent)
    if (list) list.push({ index, path })
    else this.byParent.set(parent, [{ index, path }])
  }

  get empty(): boolean {
    return this.byParent.size === 0
  }

  /** The paths of the masks over `path`: at each level, the nearest mask below it among its siblings. */
  over(path: string): string[] {
    const out: string[] = []
    let child = path
    for (let parent = parentPath(child); parent !== null; child = parent, parent = parentPath(child)) {
      const list = this.byParent.get(parent)
      if (!list) continue
      const index = Number(child.slice(child.lastIndexOf('.') + 1))
      let best: string | null = null
      let bestIndex = -1
      for (const m of list) {
        if (m.index < index && m.index > bestIndex) {
          best = m.path
          bestIndex = m.index
        }
      }
      if (best !== null) out.push(best)
    }
    return out
  }
}

/** The pixels a mask lets paint through: its fill region (else its stroke band), within its clip. */
export function maskBits(item: RenderItem): MaskBits {
  const { clip } = item
  const width = Math.max(0, clip.x1 - clip.x0)
  const height = Math.max(0, clip.y1 - clip.y0)
  const bits = new Uint8Array(width * height)
  if (width > 0 && height > 0) {
    const r = new Raster(width, height)
    const t = item.transform
    const local: PixelRect = { x0: 0, y0: 0, x1: width, y1: height }
    const fill = item.fillAlpha > 0
    r.paint(0, { outline: item.outline, transform: { ...t, e: t.e - clip.x0, f: t.f - clip.y0 }, fillAlpha: fill ? 1 : 0, strokeAlpha: fill ? 0 : 1, strokeWeight: item.strokeWeight, clip: local, flagged: false, evenOdd: item.evenOdd })
    for (let i = 0; i < bits.length; i++) bits[i] = r.top[i]! > 0 ? 1 : 0
  }
  return { x0: clip.x0, y0: clip.y0, x1: clip.x0 + width, y1: clip.y0 + height, bits }
}
