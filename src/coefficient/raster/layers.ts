/**
 * Faded containers as layers: Figma (and SVG: `opacity` on a `g`) composites a group's or
 * frame's content first and then fades it as a whole, so two overlapping children of a
 * group at 50 % show 50 % where they overlap, not 75 %. For each element, `chain` gives
 * the containers with opacity below 1 that it is painted in (itself included when it is
 * a container), innermost first; `own` what is left of its opacity once they are layers.
 */
import type { Layer } from './raster'

export interface LayerSource {
  path: string
  opacity: number
}

const NONE: readonly Layer[] = []

export class Layers {
  private readonly byPath = new Map<string, LayerSource>()
  private readonly containers = new Set<string>()
  private readonly memo = new Map<string, readonly Layer[]>()
  private readonly layerOf = new Map<string, Layer>()
  private readonly faded: boolean

  constructor(
    elements: readonly (LayerSource | null | undefined)[],
    private readonly parentOf: (path: string) => string | null,
  ) {
    let faded = false
    for (const el of elements) {
      if (!el) continue
      this.byPath.set(el.path, el)
      const up = parentOf(el.path)
      if (up !== null) this.containers.add(up)
      if (el.opacity < 1) faded = true
    }
    this.faded = faded
  }

  /** The faded containers `path` paints in, innermost first (itself first when it is one). */
  chain(path: string): readonly Layer[] {
    if (!this.faded) return NONE
    const memo = this.memo.get(path)
    if (memo) return memo
    const up = this.parentOf(path)
    const above = up === null ? NONE : this.chain(up)
    const el = this.byPath.get(path)
    let out = above
    if (el && this.containers.has(path) && el.opacity < 1) {
      let layer = this.layerOf.get(path)
      if (!layer) {
        layer = { alpha: el.opacity > 0 ? el.opacity : 0 }
        this.layerOf.set(path, layer)
      }
      out = [layer, ...above]
    }
    this.memo.set(path, out)
    return out
  }
}
