/**
 * The canvas: the current page drawn by the fake's own rasterizer (the same pixels the
 * plugin's exportAsync gets), people's selections on top, and the pointer and keyboard
 * tools — select and move, draw a rectangle or an ellipse.
 */
import { rasterize } from '../../tests/figma-fake/raster'
import type { Editor, Person, Rgb } from './editor'

export type Tool = 'select' | 'rectangle' | 'ellipse'

interface Viewport {
  x: number
  y: number
  zoom: number
}

type Matrix = readonly [number, number, number, number, number, number]

const SELECTION_BLUE = '#0d99ff'
/** A shape drawn from the keyboard (or with a click and no drag). */
export const DEFAULT_SHAPE = 64

function matrixOf(node: SceneNode): Matrix {
  const t = node.absoluteTransform
  return [t[0][0], t[0][1], t[0][2], t[1][0], t[1][1], t[1][2]]
}

function invert(m: Matrix): Matrix {
  const [a, b, c, d, e, f] = m
  const det = a * e - b * d || 1
  return [e / det, -b / det, (b * f - c * e) / det, -d / det, a / det, (c * d - a * f) / det]
}

function corners(node: SceneNode, dx = 0, dy = 0): [number, number][] {
  const [a, b, c, d, e, f] = matrixOf(node)
  const w = node.width
  const h = node.height
  return ([[0, 0], [w, 0], [w, h], [0, h]] as const).map(([x, y]) => [a * x + b * y + c + dx, d * x + e * y + f + dy])
}

function contains(node: SceneNode, px: number, py: number): boolean {
  const [a, b, c, d, e, f] = invert(matrixOf(node))
  const lx = a * px + b * py + c
  const ly = d * px + e * py + f
  const w = node.width
  const h = node.height
  if (node.type === 'ELLIPSE') {
    const nx = (lx - w / 2) / (w / 2)
    const ny = (ly - h / 2) / (h / 2)
    return nx * nx + ny * ny <= 1
  }
  return lx >= 0 && ly >= 0 && lx <= w && ly <= h
}

export interface CanvasCallbacks {
  tool(): Tool
  setTool(tool: Tool): void
  fill(): Rgb
  announce(message: string): void
}

export class CanvasView {
  private readonly viewports = new Map<string, Viewport>()
  private raster: HTMLCanvasElement | null = null
  private rasterAt = { x: 0, y: 0 }
  private rasterKey = ''
  private drag: { start: [number, number]; at: [number, number]; kind: 'move' | 'draw' } | null = null

  constructor(
    readonly element: HTMLCanvasElement,
    private readonly editor: Editor,
    private readonly callbacks: CanvasCallbacks,
  ) {
    element.addEventListener('pointerdown', (e) => this.onPointerDown(e))
    element.addEventListener('pointermove', (e) => this.onPointerMove(e))
    element.addEventListener('pointerup', (e) => this.onPointerUp(e))
    element.addEventListener('keydown', (e) => this.onKey(e))
  }

  private viewport(page: PageNode): Viewport {
    let v = this.viewports.get(page.id)
    if (!v) {
      v = this.fit(page)
      this.viewports.set(page.id, v)
    }
    return v
  }

  /** Fits the page's content into the canvas (zoom ≤ 1). */
  fit(page: PageNode): Viewport {
    const bounds = this.contentBounds(page)
    const width = this.element.clientWidth || 800
    const height = this.element.clientHeight || 600
    if (!bounds) return { x: -40, y: -40, zoom: 1 }
    const margin = 40
    const zoom = Math.min(1, (width - 2 * margin) / bounds.w, (height - 2 * margin) / bounds.h)
    const v = { x: bounds.x - (width / zoom - bounds.w) / 2, y: bounds.y - margin / zoom, zoom }
    this.viewports.set(page.id, v)
    return v
  }

  private contentBounds(page: PageNode): { x: number; y: number; w: number; h: number } | null {
    const children = this.editor.read(() => page.children)
    let x0 = Infinity
    let y0 = Infinity
    let x1 = -Infinity
    let y1 = -Infinity
    for (const child of children) {
      const b = child.absoluteBoundingBox
      if (!b) continue
      x0 = Math.min(x0, b.x)
      y0 = Math.min(y0, b.y)
      x1 = Math.max(x1, b.x + b.width)
      y1 = Math.max(y1, b.y + b.height)
    }
    return x0 <= x1 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null
  }

  toPage(event: { clientX: number; clientY: number }): [number, number] {
    const rect = this.element.getBoundingClientRect()
    const v = this.viewport(this.editor.pageOf())
    return [(event.clientX - rect.left) / v.zoom + v.x, (event.clientY - rect.top) / v.zoom + v.y]
  }

  /** Page point → client (viewport) coordinates. */
  toClient(x: number, y: number): { x: number; y: number } {
    const rect = this.element.getBoundingClientRect()
    const v = this.viewport(this.editor.pageOf())
    return { x: rect.left + (x - v.x) * v.zoom, y: rect.top + (y - v.y) * v.zoom }
  }

  /** The layer a click at page point (x, y) selects: the topmost child of a top-level frame, else the frame. */
  hitTest(x: number, y: number): SceneNode | null {
    const editor = this.editor
    return editor.read(() => {
      const top = editor.pageOf().children.slice().reverse()
      for (const node of top) {
        if (!node.visible) continue
        const box = node.absoluteBoundingBox
        if (!box || x < box.x || y < box.y || x > box.x + box.width || y > box.y + box.height) continue
        if ('children' in node && node.type !== 'GROUP') {
          for (const child of node.children.slice().reverse()) {
            if (!child.visible) continue
            if (child.type === 'GROUP') {
              const b = child.absoluteBoundingBox
              if (b && x >= b.x && y >= b.y && x <= b.x + b.width && y <= b.y + b.height) return child
            } else if (contains(child, x, y)) return child
          }
        }
        if (contains(node, x, y)) return node
      }
      return null
    })
  }

  /** Redraws; the document is rasterized again only when `documentKey` changed. */
  render(documentKey: string): void {
    const canvas = this.element
    const dpr = window.devicePixelRatio || 1
    const width = canvas.clientWidth
    const height = canvas.clientHeight
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr)
      canvas.height = Math.round(height * dpr)
      this.rasterKey = ''
      // The canvas changed size (the window, or a plugin window resized itself): fit again.
      this.viewports.clear()
    }
    const editor = this.editor
    const page = editor.pageOf()
    const v = this.viewport(page)
    const key = `${documentKey}|${String(v.x)},${String(v.y)},${String(v.zoom)},${String(dpr)}`
    if (key !== this.rasterKey) {
      this.rasterKey = key
      this.raster = null
      const bounds = this.contentBounds(page)
      if (bounds) {
        // The fake's rasterizer: solid and image fills, opacity, clipping; no strokes, text or gradients.
        // The box to draw (an argument of newer versions of the fake's rasterizer; older ones use the content's).
        const area = { x0: bounds.x, y0: bounds.y, x1: bounds.x + bounds.w, y1: bounds.y + bounds.h }
        const draw = rasterize as unknown as (root: unknown, scale: number, box: typeof area) => { width: number; height: number; rgba: Uint8Array }
        const image = draw(page, v.zoom * dpr, area)
        const offscreen = document.createElement('canvas')
        offscreen.width = image.width
        offscreen.height = image.height
        const pixels = new Uint8ClampedArray(image.rgba.length)
        pixels.set(image.rgba)
        const data = new ImageData(pixels, image.width, image.height)
        offscreen.getContext('2d')?.putImageData(data, 0, 0)
        this.raster = offscreen
        this.rasterAt = { x: bounds.x, y: bounds.y }
      }
    }

    const ctx = canvas.getContext('2d')
    if (!ctx) return
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    const style = getComputedStyle(canvas)
    ctx.fillStyle = style.getPropertyValue('--pg-canvas').trim() || '#e5e5e5'
    ctx.fillRect(0, 0, width, height)
    const toScreen = (x: number, y: number): [number, number] => [(x - v.x) * v.zoom, (y - v.y) * v.zoom]
    if (this.raster) {
      const [sx, sy] = toScreen(this.rasterAt.x, this.rasterAt.y)
      ctx.drawImage(this.raster, sx, sy, this.raster.width / dpr, this.raster.height / dpr)
    }

    editor.read(() => {
      // Frame names above top-level frames, as Figma shows them.
      ctx.font = '11px system-ui, sans-serif'
      ctx.fillStyle = style.getPropertyValue('--pg-muted').trim() || '#666'
      for (const node of page.children) {
        if (node.type !== 'FRAME' && node.type !== 'COMPONENT') continue
        const box = node.absoluteBoundingBox
        if (!box) continue
        const [sx, sy] = toScreen(box.x, box.y)
        ctx.fillText(node.name, sx, sy - 6)
      }
    })

    const outline = (points: [number, number][], color: string, width: number, dash: number[] = []): void => {
      ctx.beginPath()
      points.forEach(([x, y], i) => {
        const [sx, sy] = toScreen(x, y)
        if (i === 0) ctx.moveTo(sx, sy)
        else ctx.lineTo(sx, sy)
      })
      ctx.closePath()
      ctx.setLineDash(dash)
      ctx.strokeStyle = color
      ctx.lineWidth = width
      ctx.stroke()
      ctx.setLineDash([])
    }

    // Other people on this page: their selection in their colour, with their name.
    for (const person of editor.people) {
      if (person === editor.active || editor.pageOf(person).id !== page.id) continue
      const color = this.colorOf(person)
      for (const node of editor.selectionOf(person)) {
        const points = corners(node)
        outline(points, color, 1.5, [4, 3])
        const [sx, sy] = toScreen(points[0]![0], points[0]![1])
        ctx.font = '10px system-ui, sans-serif'
        const label = person.user.name
        const w = ctx.measureText(label).width + 8
        ctx.fillStyle = color
        ctx.fillRect(sx, sy - 15, w, 14)
        ctx.fillStyle = readableOn(color)
        ctx.fillText(label, sx + 4, sy - 4.5)
      }
    }

    const selection = editor.selectionOf()
    for (const node of selection) outline(corners(node), SELECTION_BLUE, 2)
    if (this.drag) {
      const [x0, y0] = this.drag.start
      const [x1, y1] = this.drag.at
      if (this.drag.kind === 'move') {
        for (const node of selection) outline(corners(node, x1 - x0, y1 - y0), SELECTION_BLUE, 1, [4, 4])
      } else {
        const box = normalize(x0, y0, x1, y1)
        const points: [number, number][] = [
          [box.x, box.y],
          [box.x + box.w, box.y],
          [box.x + box.w, box.y + box.h],
          [box.x, box.y + box.h],
        ]
        outline(points, SELECTION_BLUE, 1)
      }
    }
  }

  colorOf(person: Person): string {
    return person.session.closed ? '#888' : (person.session.figma.currentUser?.color ?? '#888')
  }

  // ── pointer ────────────────────────────────────────────────────────────────────

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0) return
    this.element.focus()
    const point = this.toPage(event)
    const tool = this.callbacks.tool()
    if (tool !== 'select') {
      this.drag = { start: point, at: point, kind: 'draw' }
      this.element.setPointerCapture(event.pointerId)
      return
    }
    const hit = this.hitTest(point[0], point[1])
    const editor = this.editor
    const selection = editor.selectionOf()
    if (!hit) {
      if (!event.shiftKey) editor.select([])
      return
    }
    if (event.shiftKey) {
      editor.select(selection.includes(hit) ? selection.filter((n) => n !== hit) : [...selection, hit])
      return
    }
    if (!selection.includes(hit)) editor.select([hit])
    this.drag = { start: point, at: point, kind: 'move' }
    this.element.setPointerCapture(event.pointerId)
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.drag) return
    this.drag.at = this.toPage(event)
    this.editor.changed()
  }

  private onPointerUp(event: PointerEvent): void {
    const drag = this.drag
    if (!drag) return
    this.drag = null
    drag.at = this.toPage(event)
    const dx = drag.at[0] - drag.start[0]
    const dy = drag.at[1] - drag.start[1]
    if (drag.kind === 'move') {
      if (Math.abs(dx) >= 1 || Math.abs(dy) >= 1) this.editor.move(dx, dy)
      else this.editor.changed()
      return
    }
    const kind = this.callbacks.tool() === 'ellipse' ? 'ellipse' : 'rectangle'
    const small = Math.abs(dx) < 3 && Math.abs(dy) < 3
    const box = small
      ? { x: drag.start[0], y: drag.start[1], w: DEFAULT_SHAPE, h: DEFAULT_SHAPE }
      : normalize(drag.start[0], drag.start[1], drag.at[0], drag.at[1])
    const shape = this.editor.draw(kind, box, this.callbacks.fill())
    this.callbacks.setTool('select')
    this.callbacks.announce(`Drew ${shape.name}.`)
  }

  // ── keyboard ───────────────────────────────────────────────────────────────────

  private onKey(event: KeyboardEvent): void {
    const editor = this.editor
    const step = event.shiftKey ? 10 : 1
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    }
    const move = moves[event.key]
    if (move) {
      event.preventDefault()
      editor.move(move[0], move[1])
      return
    }
    if (event.key === 'Enter' && this.callbacks.tool() !== 'select') {
      event.preventDefault()
      this.drawFromKeyboard()
    }
  }

  /** Draws a default-size shape in the middle of the selected layer's frame (or of the view). */
  drawFromKeyboard(): void {
    const editor = this.editor
    const kind = this.callbacks.tool() === 'ellipse' ? 'ellipse' : 'rectangle'
    const selected = editor.selectionOf()[0]
    let cx: number
    let cy: number
    const frameBox = selected
      ? editor.read(() => {
          let node: BaseNode | null = selected
          while (node && node.parent && node.parent.type !== 'PAGE') node = node.parent
          return node && 'absoluteBoundingBox' in node ? (node as SceneNode).absoluteBoundingBox : null
        })
      : null
    if (frameBox) {
      cx = frameBox.x + frameBox.width / 2
      cy = frameBox.y + frameBox.height / 2
    } else {
      const v = this.viewport(editor.pageOf())
      cx = v.x + this.element.clientWidth / v.zoom / 2
      cy = v.y + this.element.clientHeight / v.zoom / 2
    }
    const shape = editor.draw(kind, { x: cx - DEFAULT_SHAPE / 2, y: cy - DEFAULT_SHAPE / 2, w: DEFAULT_SHAPE, h: DEFAULT_SHAPE }, this.callbacks.fill())
    this.callbacks.setTool('select')
    this.callbacks.announce(`Drew ${shape.name}.`)
  }
}

function normalize(x0: number, y0: number, x1: number, y1: number): { x: number; y: number; w: number; h: number } {
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), w: Math.abs(x1 - x0), h: Math.abs(y1 - y0) }
}

/** Black or white, whichever reads better on a #rrggbb background. */
function readableOn(hex: string): string {
  const n = parseInt(hex.slice(1, 7), 16)
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  return luminance > 0.18 ? '#000' : '#fff'
}
