/**
 * Pictures in the playground (issue #20): the canvas draws image fills over the fake's
 * raster (the fake's rasterizer paints no pictures), decoded by the browser from the
 * bytes the fake holds; the sample's raster AI tile is made here as a PNG file.
 */
import { encode as encodePng } from 'fast-png'

const bitmaps = new Map<string, ImageBitmap | 'loading' | 'failed'>()

/** Every visible image fill on the page, top-most last (paint order), with its node. */
function imageNodes(page: PageNode): { node: SceneNode & MinimalFillsMixin; paint: ImagePaint }[] {
  const out: { node: SceneNode & MinimalFillsMixin; paint: ImagePaint }[] = []
  const visit = (n: SceneNode) => {
    if (!n.visible) return
    if ('fills' in n && Array.isArray(n.fills)) {
      for (const p of n.fills as readonly Paint[]) if (p.type === 'IMAGE' && p.visible !== false && p.imageHash) out.push({ node: n as SceneNode & MinimalFillsMixin, paint: p })
    }
    if ('children' in n) for (const c of n.children) visit(c)
  }
  for (const c of page.children) visit(c)
  return out
}

/**
 * Draws the page's pictures on `ctx` (screen = (page − origin) × zoom): each in its layer's
 * box, turned with it, as FILL (cover, centred) or FIT (contain); CROP and TILE are drawn as
 * FILL here (the score reads them exactly). `redraw` runs once a picture has decoded.
 */
export function drawPictures(ctx: CanvasRenderingContext2D, figma: PluginAPI, page: PageNode, view: { x: number; y: number; zoom: number }, redraw: () => void): void {
  for (const { node, paint } of imageNodes(page)) {
    const hash = paint.imageHash!
    const bitmap = bitmaps.get(hash)
    if (bitmap === undefined) {
      const image = figma.getImageByHash(hash)
      if (!image) continue
      bitmaps.set(hash, 'loading')
      image.getBytesAsync().then((bytes) => createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]))).then(
        (b) => {
          bitmaps.set(hash, b)
          redraw()
        },
        () => bitmaps.set(hash, 'failed'),
      )
      continue
    }
    if (bitmap === 'loading' || bitmap === 'failed') continue
    const m = node.absoluteTransform
    const w = node.width
    const h = node.height
    const dpr = ctx.getTransform().a
    ctx.save()
    ctx.setTransform(dpr * view.zoom * m[0][0], dpr * view.zoom * m[1][0], dpr * view.zoom * m[0][1], dpr * view.zoom * m[1][1], dpr * view.zoom * (m[0][2] - view.x), dpr * view.zoom * (m[1][2] - view.y))
    ctx.beginPath()
    ctx.rect(0, 0, w, h)
    ctx.clip()
    const s = paint.scaleMode === 'FIT' ? Math.min(w / bitmap.width, h / bitmap.height) : Math.max(w / bitmap.width, h / bitmap.height)
    ctx.globalAlpha = (paint.opacity ?? 1) * ('opacity' in node ? node.opacity : 1)
    ctx.drawImage(bitmap, (w - bitmap.width * s) / 2, (h - bitmap.height * s) / 2, bitmap.width * s, bitmap.height * s)
    ctx.restore()
  }
}

/** The sample's raster AI tile: a painterly 256 × 256 picture, as a generator delivers it (PNG bytes). */
export function rasterTilePng(): Uint8Array {
  const n = 256
  const data = new Uint8Array(n * n * 4)
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const u = (x / n) * Math.PI * 2
      const v = (y / n) * Math.PI * 2
      // Soft, seamless swirls of three inks on a warm ground.
      const a = 0.5 + 0.5 * Math.sin(u * 2 + Math.sin(v * 3) * 1.5)
      const b = 0.5 + 0.5 * Math.sin(v * 2 + Math.cos(u * 3) * 1.2)
      const c = 0.5 + 0.5 * Math.cos(u + v * 2)
      const i = (y * n + x) * 4
      const ch = (v: number) => Math.max(0, Math.min(255, Math.round(v)))
      data[i] = ch(225 - 120 * a * b + 20 * c)
      data[i + 1] = ch(200 - 60 * a - 70 * c * b)
      data[i + 2] = ch(150 - 40 * b + 60 * a * c)
      data[i + 3] = 255
    }
  }
  return encodePng({ width: n, height: n, data, channels: 4, depth: 8 })
}
