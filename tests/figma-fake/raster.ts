/**
 * exportAsync for the fake (plugin-api.d.ts:9040 ExportMixin, :5123-5240 ExportSettings*).
 *
 * PNG: a real, decodable PNG (RGBA, 8 bit, no interlace) rasterised from the node's subtree:
 * solid and image fills (image-paint.ts: scale modes, crop, tiling, quarter turns) of rectangles,
 * frames, components, ellipses and vector paths, with node and paint opacity and frame clipping;
 * no anti-aliasing, gradients, strokes, effects or text glyphs. SVG and PDF leave image fills out.
 * SVG / SVG_STRING: an SVG document of the same shapes. PDF: a minimal valid one-page PDF of the
 * same shapes (solid fills, no opacity). JPG and JSON_REST_V1: rejected, not supported by the fake.
 */
import { zlibSync } from 'fflate'
import type { Box, PageFake, SceneFake } from './nodes'
import { imageLayer, type ImageLayer } from './image-paint'
import { checkArgument, t, type Schema } from './schema'
import { crc32, mulAffine as mul, utf8Encode, type Affine as M } from './util'

type Pt = [number, number]

/** Pixel budget of the fake's rasteriser (keeps a mistaken 100x export from eating the test run). */
export const MAX_EXPORT_PIXELS = 8192 * 8192

interface Drawable {
  node: SceneFake
  abs: M
  inv: M
  /** Polygons in node-local coordinates (null: the node's 0..w x 0..h box). */
  polys: Pt[][] | null
  evenOdd: boolean
  ellipse: boolean
  paints: { r: number; g: number; b: number; a: number }[]
  /** The fills as given (solid and image, bottom to top), for the PNG rasteriser. */
  fills: readonly Paint[]
  strokes: { r: number; g: number; b: number; a: number }[]
  strokeWeight: number
  clips: { inv: M; w: number; h: number }[]
  opacity: number
}

function inverse(m: M): M {
  const det = m[0] * m[4] - m[1] * m[3] || 1e-12
  const a = m[4] / det
  const b = -m[1] / det
  const c = -m[3] / det
  const d = m[0] / det
  return [a, b, -(a * m[2] + b * m[5]), c, d, -(c * m[2] + d * m[5])]
}

// ---------------------------------------------------------------- path data (plugin-api.d.ts:5496: M L Q C Z, absolute)

function tokens(d: string): string[] {
  return d.match(/[MLQCZmlqcz]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) || []
}

export function flattenPath(d: string): Pt[][] {
  const t = tokens(d)
  const polys: Pt[][] = []
  let cur: Pt[] = []
  let x = 0
  let y = 0
  let sx = 0
  let sy = 0
  let i = 0
  let cmd = ''
  const num = (): number => Number(t[i++])
  while (i < t.length) {
    if (/[A-Za-z]/.test(t[i])) cmd = t[i++].toUpperCase()
    if (cmd === 'M') {
      if (cur.length > 1) polys.push(cur)
      x = sx = num()
      y = sy = num()
      cur = [[x, y]]
      cmd = 'L'
    } else if (cmd === 'L') {
      x = num()
      y = num()
      cur.push([x, y])
    } else if (cmd === 'Q') {
      const x1 = num()
      const y1 = num()
      const x2 = num()
      const y2 = num()
      for (let k = 1; k <= 8; k++) {
        const s = k / 8
        const u = 1 - s
        cur.push([u * u * x + 2 * u * s * x1 + s * s * x2, u * u * y + 2 * u * s * y1 + s * s * y2])
      }
      x = x2
      y = y2
    } else if (cmd === 'C') {
      const x1 = num()
      const y1 = num()
      const x2 = num()
      const y2 = num()
      const x3 = num()
      const y3 = num()
      for (let k = 1; k <= 12; k++) {
        const s = k / 12
        const u = 1 - s
        cur.push([
          u * u * u * x + 3 * u * u * s * x1 + 3 * u * s * s * x2 + s * s * s * x3,
          u * u * u * y + 3 * u * u * s * y1 + 3 * u * s * s * y2 + s * s * s * y3,
        ])
      }
      x = x3
      y = y3
    } else if (cmd === 'Z') {
      cur.push([sx, sy])
      if (cur.length > 1) polys.push(cur)
      cur = [[sx, sy]]
      x = sx
      y = sy
      cmd = ''
    } else {
      i++ // stray number: skip
    }
  }
  if (cur.length > 1) polys.push(cur)
  return polys
}

function windingAt(polys: Pt[][], px: number, py: number, evenOdd: boolean): boolean {
  let wn = 0
  let crossings = 0
  for (const poly of polys) {
    const n = poly.length
    for (let i = 0; i < n; i++) {
      const [x0, y0] = poly[i]
      const [x1, y1] = poly[(i + 1) % n]
      if (y0 <= py ? y1 > py : y1 <= py) {
        const xi = x0 + ((py - y0) / (y1 - y0)) * (x1 - x0)
        if (px < xi) {
          crossings++
          wn += y1 > y0 ? 1 : -1
        }
      }
    }
  }
  return evenOdd ? crossings % 2 === 1 : wn !== 0
}

// ---------------------------------------------------------------- collecting what to draw

function solid(paints: readonly Paint[], opacity: number): { r: number; g: number; b: number; a: number }[] {
  const out: { r: number; g: number; b: number; a: number }[] = []
  for (const p of paints) {
    if (p.type !== 'SOLID' || p.visible === false) continue
    const c = p.color as RGB & { a?: number }
    out.push({ r: c.r, g: c.g, b: c.b, a: (p.opacity === undefined ? 1 : p.opacity) * opacity })
  }
  return out
}

function collect(root: SceneFake | PageFake): Drawable[] {
  const out: Drawable[] = []
  const walk = (n: SceneFake, clips: Drawable['clips'], opacity: number): void => {
    if (!n._visible) return
    const abs = n._abs()
    const inv = inverse(abs)
    const op = opacity * n._opacity
    const anyN = n as SceneFake & { _fills?: readonly Paint[]; _strokes?: readonly Paint[]; _strokeWeight?: number }
    if (anyN._fills && n.type !== 'TEXT') {
      let polys: Pt[][] | null = null
      let evenOdd = false
      if (n.type === 'VECTOR') {
        polys = []
        for (const p of n._vectorPaths) {
          if (p.windingRule === 'NONE') continue
          polys.push(...flattenPath(p.data))
          if (p.windingRule === 'EVENODD') evenOdd = true
        }
      } else if (n.type === 'LINE' || n.type === 'POLYGON' || n.type === 'STAR' || n.type === 'BOOLEAN_OPERATION') {
        // kinds.ts: their fill is their fillGeometry (a boolean's result; a line has none).
        polys = []
        for (const p of (n as unknown as { fillGeometry: VectorPaths }).fillGeometry) polys.push(...flattenPath(p.data))
      }
      out.push({
        node: n,
        abs,
        inv,
        polys,
        evenOdd,
        ellipse: n.type === 'ELLIPSE',
        paints: solid(anyN._fills, op),
        fills: anyN._fills,
        strokes: solid(anyN._strokes || [], op),
        strokeWeight: anyN._strokeWeight || 0,
        clips,
        opacity: op,
      })
    }
    const kids = (n as { _children?: SceneFake[] })._children
    if (kids && kids.length) {
      const clip = (n.type === 'FRAME' || n.type === 'COMPONENT' || n.type === 'INSTANCE') && (n as { _clipsContent?: boolean })._clipsContent
      // A boolean operation paints its result; its children are operands, not painted (kinds.ts).
      if (n.type === 'BOOLEAN_OPERATION') return
      const next = clip ? clips.concat([{ inv, w: n._w, h: n._h }]) : clips
      for (const c of kids) walk(c, next, n.type === 'GROUP' ? op : op)
    }
  }
  if (root.type === 'PAGE') for (const c of root._children) walk(c, [], 1)
  else walk(root, [], 1)
  return out
}

function unionBox(a: Box | null, b: Box | null): Box | null {
  if (!a) return b
  if (!b) return a
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) }
}

function intersectBox(a: Box | null, b: Box): Box | null {
  if (!a) return null
  const r = { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) }
  return r.x0 < r.x1 && r.y0 < r.y1 ? r : null
}

function visiblePaint(paints: readonly Paint[] | undefined): boolean {
  return !!paints && paints.some((p) => p.visible !== false && (p.opacity === undefined || p.opacity > 0))
}

/**
 * What a node paints itself, in page coordinates, or null: its box (text: when it has
 * characters), grown by a visible stroke by its alignment (CENTER half the weight, OUTSIDE all of
 * it, INSIDE none) and by visible effects (drop shadow: offset, radius and spread; layer blur:
 * radius; inner shadow and background blur stay inside). A node with no visible fill or stroke
 * paints nothing, whatever its effects.
 */
function ownRenderBox(n: SceneFake): Box | null {
  const g = n as SceneFake & { _fills?: readonly Paint[]; _strokes?: readonly Paint[]; _strokeWeight?: number; _strokeAlign?: string }
  if (n.type === 'GROUP') return null
  if (n.type === 'TEXT' && !n._characters) return null
  const fill = visiblePaint(g._fills)
  const stroke = visiblePaint(g._strokes) && (g._strokeWeight || 0) > 0
  if (!fill && !stroke) return null
  const [w, h] = n._size() // a boolean operation's box comes from its operands, like a group's
  const sw = stroke ? (g._strokeAlign === 'OUTSIDE' ? g._strokeWeight! : g._strokeAlign === 'CENTER' ? g._strokeWeight! / 2 : 0) : 0
  let local: Box = { x0: -sw, y0: -sw, x1: w + sw, y1: h + sw }
  for (const e of n._effects) {
    if (e.visible === false) continue
    if (e.type === 'DROP_SHADOW') {
      const grow = e.radius + (e.spread || 0)
      local = unionBox(local, {
        x0: local.x0 + e.offset.x - grow,
        y0: local.y0 + e.offset.y - grow,
        x1: local.x1 + e.offset.x + grow,
        y1: local.y1 + e.offset.y + grow,
      })!
    } else if (e.type === 'LAYER_BLUR') {
      local = { x0: local.x0 - e.radius, y0: local.y0 - e.radius, x1: local.x1 + e.radius, y1: local.y1 + e.radius }
    }
  }
  const m = n._abs()
  const xs = [local.x0, local.x1, local.x0, local.x1].map((x, i) => m[0] * x + m[1] * (i < 2 ? local.y0 : local.y1) + m[2])
  const ys = [local.x0, local.x1, local.x0, local.x1].map((x, i) => m[3] * x + m[4] * (i < 2 ? local.y0 : local.y1) + m[5])
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }
}

/**
 * plugin-api.d.ts:7400 absoluteRenderBounds, and the box exportAsync uses by default
 * (useAbsoluteBounds defaults to false, :5141): what the node and its visible descendants paint,
 * children cut by a clipping frame's box, unclipped children (clipsContent false, groups) included.
 */
export function renderBox(n: SceneFake): Box | null {
  if (!n._visible) return null
  let b = ownRenderBox(n)
  const kids = (n as { _children?: SceneFake[] })._children
  if (kids && kids.length) {
    let k: Box | null = null
    for (const c of kids) k = unionBox(k, renderBox(c))
    const clips = (n.type === 'FRAME' || n.type === 'COMPONENT' || n.type === 'INSTANCE') && (n as { _clipsContent?: boolean })._clipsContent
    if (clips) {
      const frameBox = n._absBox()
      k = frameBox ? intersectBox(k, frameBox) : null
    }
    b = unionBox(b, k)
  }
  return b
}

/** The exported area: render bounds by default, the layout box with `useAbsoluteBounds: true`. */
function exportBox(root: SceneFake | PageFake, useAbsoluteBounds: boolean): Box | null {
  const of = (n: SceneFake): Box | null => (useAbsoluteBounds ? n._absBox() : renderBox(n))
  if (root.type === 'PAGE') {
    let b: Box | null = null
    for (const c of root._children) b = unionBox(b, of(c))
    return b
  }
  return of(root)
}

// ---------------------------------------------------------------- PNG

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const dv = new DataView(out.buffer)
  dv.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  dv.setUint32(8 + data.length, crc32(out, 4, 8 + data.length))
  return out
}

/** Encodes RGBA pixels as a PNG (PNG spec: signature, IHDR, IDAT (zlib, filter 0), IEND). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const ihdr = new Uint8Array(13)
  const dv = new DataView(ihdr.buffer)
  dv.setUint32(0, width)
  dv.setUint32(4, height)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // colour type RGBA
  ihdr[10] = 0 // compression
  ihdr[11] = 0 // filter
  ihdr[12] = 0 // interlace
  const stride = width * 4
  const raw = new Uint8Array((stride + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1)
  }
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(raw, { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ]
  const total = parts.reduce((n, p) => n + p.length, 0)
  const out = new Uint8Array(total)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

function inside(d: Drawable, lx: number, ly: number): boolean {
  const w = d.node._w
  const h = d.node._h
  if (d.polys) return windingAt(d.polys, lx, ly, d.evenOdd)
  if (d.ellipse) {
    const nx = (lx - w / 2) / (w / 2)
    const ny = (ly - h / 2) / (h / 2)
    return nx * nx + ny * ny <= 1
  }
  return lx >= 0 && ly >= 0 && lx < w && ly < h
}

/** A drawable's fills as the PNG rasteriser paints them, bottom to top: solid colours and pictures. */
function paintLayers(d: Drawable, scale: number): ({ r: number; g: number; b: number; a: number } | ImageLayer)[] {
  const out: ({ r: number; g: number; b: number; a: number } | ImageLayer)[] = []
  // Layer units one exported pixel spans (the picture's mip level follows it).
  const unitsPerPixel = Math.max(Math.hypot(d.inv[0], d.inv[3]), Math.hypot(d.inv[1], d.inv[4])) / scale
  for (const p of d.fills) {
    if (p.type === 'SOLID') out.push(...solid([p], d.opacity))
    else if (p.type === 'IMAGE') {
      const layer = imageLayer(d.node.host, p, d.node._w, d.node._h, d.opacity, unitsPerPixel)
      if (layer) out.push(layer)
    }
  }
  return out
}

export function rasterize(root: SceneFake | PageFake, scale: number, b: Box): { width: number; height: number; rgba: Uint8Array } {
  const width = Math.max(1, Math.round((b.x1 - b.x0) * scale))
  const height = Math.max(1, Math.round((b.y1 - b.y0) * scale))
  if (width * height > MAX_EXPORT_PIXELS) {
    throw new Error(`in exportAsync: ${width}x${height} exceeds the fake's export pixel budget`)
  }
  const buf = new Float32Array(width * height * 4) // straight (non-premultiplied) RGBA, 0..1
  const px4 = new Float32Array(4)
  for (const d of collect(root)) {
    const layers = paintLayers(d, scale)
    if (!layers.length) continue
    const nb = boxOfNode(d)
    const px0 = Math.max(0, Math.floor((nb.x0 - b.x0) * scale))
    const py0 = Math.max(0, Math.floor((nb.y0 - b.y0) * scale))
    const px1 = Math.min(width, Math.ceil((nb.x1 - b.x0) * scale))
    const py1 = Math.min(height, Math.ceil((nb.y1 - b.y0) * scale))
    const inv = d.inv
    for (let py = py0; py < py1; py++) {
      const gy = b.y0 + (py + 0.5) / scale
      for (let px = px0; px < px1; px++) {
        const gx = b.x0 + (px + 0.5) / scale
        const lx = inv[0] * gx + inv[1] * gy + inv[2]
        const ly = inv[3] * gx + inv[4] * gy + inv[5]
        if (!inside(d, lx, ly)) continue
        let clipped = false
        for (const c of d.clips) {
          const cx = c.inv[0] * gx + c.inv[1] * gy + c.inv[2]
          const cy = c.inv[3] * gx + c.inv[4] * gy + c.inv[5]
          if (cx < 0 || cy < 0 || cx >= c.w || cy >= c.h) {
            clipped = true
            break
          }
        }
        if (clipped) continue
        const o = (py * width + px) * 4
        for (const layer of layers) {
          let r: number
          let g: number
          let bl: number
          let a: number
          if ('colourAt' in layer) {
            if (!layer.colourAt(lx, ly, px4)) continue
            r = px4[0]
            g = px4[1]
            bl = px4[2]
            a = px4[3] * layer.opacity
          } else ({ r, g, b: bl, a } = layer)
          if (a <= 0) continue
          const da = buf[o + 3]
          const oa = a + da * (1 - a)
          buf[o] = (r * a + buf[o] * da * (1 - a)) / oa
          buf[o + 1] = (g * a + buf[o + 1] * da * (1 - a)) / oa
          buf[o + 2] = (bl * a + buf[o + 2] * da * (1 - a)) / oa
          buf[o + 3] = oa
        }
      }
    }
  }
  const rgba = new Uint8Array(width * height * 4)
  for (let i = 0; i < rgba.length; i++) rgba[i] = Math.round(Math.min(1, Math.max(0, buf[i])) * 255)
  return { width, height, rgba }
}

function boxOfNode(d: Drawable): Box {
  const m = d.abs
  const w = d.node._w
  const h = d.node._h
  let x0 = 0
  let y0 = 0
  let x1 = w
  let y1 = h
  if (d.polys && d.polys.length) {
    x0 = y0 = Infinity
    x1 = y1 = -Infinity
    for (const p of d.polys)
      for (const [x, y] of p) {
        x0 = Math.min(x0, x)
        y0 = Math.min(y0, y)
        x1 = Math.max(x1, x)
        y1 = Math.max(y1, y)
      }
  }
  const pts: Pt[] = [
    [x0, y0],
    [x1, y0],
    [x0, y1],
    [x1, y1],
  ]
  const xs = pts.map(([x, y]) => m[0] * x + m[1] * y + m[2])
  const ys = pts.map(([x, y]) => m[3] * x + m[4] * y + m[5])
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }
}

// ---------------------------------------------------------------- SVG

function hex(c: { r: number; g: number; b: number }): string {
  const h = (v: number): string => ('0' + Math.round(v * 255).toString(16)).slice(-2)
  return '#' + h(c.r) + h(c.g) + h(c.b)
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function n4(v: number): string {
  return String(Math.round(v * 10000) / 10000)
}

export function toSvg(root: SceneFake | PageFake, idAttribute: boolean, b: Box): string {
  const W = b.x1 - b.x0
  const H = b.y1 - b.y0
  const lines: string[] = []
  lines.push(
    `<svg width="${n4(W)}" height="${n4(H)}" viewBox="0 0 ${n4(W)} ${n4(H)}" fill="none" xmlns="http://www.w3.org/2000/svg">`,
  )
  const drawables = collect(root)
  for (const d of drawables) {
    const m = d.abs
    const tf = `matrix(${[m[0], m[3], m[1], m[4], m[2] - b.x0, m[5] - b.y0].map(n4).join(' ')})`
    const id = idAttribute ? ` id="${esc(d.node.name)}"` : ''
    const w = n4(d.node._w)
    const h = n4(d.node._h)
    const strokeAttr = d.strokes.length && d.strokeWeight > 0
      ? ` stroke="${hex(d.strokes[0])}" stroke-width="${n4(d.strokeWeight)}"${d.strokes[0].a < 1 ? ` stroke-opacity="${n4(d.strokes[0].a)}"` : ''}`
      : ''
    const paints = d.paints.length ? d.paints : [null]
    for (const p of paints) {
      const fill = p ? ` fill="${hex(p)}"${p.a < 1 ? ` fill-opacity="${n4(p.a)}"` : ''}` : ''
      if (!p && !strokeAttr) continue
      if (d.node.type === 'VECTOR') {
        for (const vp of d.node._vectorPaths) {
          const rule = vp.windingRule === 'EVENODD' ? ' fill-rule="evenodd"' : ''
          lines.push(`<path${id} d="${esc(vp.data)}" transform="${tf}"${rule}${vp.windingRule === 'NONE' ? '' : fill}${strokeAttr}/>`)
        }
      } else if (d.ellipse) {
        lines.push(`<ellipse${id} cx="${n4(d.node._w / 2)}" cy="${n4(d.node._h / 2)}" rx="${n4(d.node._w / 2)}" ry="${n4(d.node._h / 2)}" transform="${tf}"${fill}${strokeAttr}/>`)
      } else {
        lines.push(`<rect${id} width="${w}" height="${h}" transform="${tf}"${fill}${strokeAttr}/>`)
      }
    }
  }
  // Text as <text>: only reached with svgOutlineText: false (exportNode refuses outlined text).
  const walkText = (n: SceneFake): void => {
    if (!n._visible) return
    if (n.type === 'TEXT' && n._characters) {
      const m = n._abs()
      const p = solid(n._fills, n._opacity)[0] || { r: 0, g: 0, b: 0, a: 1 }
      lines.push(
        `<text transform="matrix(${[m[0], m[3], m[1], m[4], m[2] - b.x0, m[5] - b.y0].map(n4).join(' ')})" font-family="${esc(n._fontName.family)}" font-size="${n4(n._fontSize)}" fill="${hex(p)}" dominant-baseline="hanging">${esc(n._characters)}</text>`,
      )
    }
    const kids = (n as { _children?: SceneFake[] })._children
    if (kids) kids.forEach(walkText)
  }
  if (root.type === 'PAGE') root._children.forEach(walkText)
  else walkText(root)
  lines.push('</svg>')
  return lines.join('\n')
}

// ---------------------------------------------------------------- PDF (minimal, PDF 1.4)

export function toPdf(root: SceneFake | PageFake, b: Box): Uint8Array {
  const W = b.x1 - b.x0
  const H = b.y1 - b.y0
  const ops: string[] = [`1 0 0 -1 0 ${n4(H)} cm`, `1 0 0 1 ${n4(-b.x0)} ${n4(-b.y0)} cm`]
  for (const d of collect(root)) {
    const p = d.paints[d.paints.length - 1]
    if (!p) continue
    const m = d.abs
    ops.push('q', `${[m[0], m[3], m[1], m[4], m[2], m[5]].map(n4).join(' ')} cm`, `${n4(p.r)} ${n4(p.g)} ${n4(p.b)} rg`)
    const polys = d.polys || (d.ellipse ? flattenPath(ellipseD(d.node._w, d.node._h)) : null)
    if (polys) {
      for (const poly of polys) {
        poly.forEach(([x, y], i) => ops.push(`${n4(x)} ${n4(y)} ${i ? 'l' : 'm'}`))
        ops.push('h')
      }
      ops.push(d.evenOdd ? 'f*' : 'f')
    } else {
      ops.push(`0 0 ${n4(d.node._w)} ${n4(d.node._h)} re f`)
    }
    ops.push('Q')
  }
  const content = ops.join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${n4(W)} ${n4(H)}] /Contents 4 0 R /Resources << >> >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) out += `${('0000000000' + off).slice(-10)} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return utf8Encode(out)
}

function ellipseD(w: number, h: number): string {
  const k = 0.5522847498
  const rx = w / 2
  const ry = h / 2
  return (
    `M ${w} ${ry} C ${w} ${ry + k * ry} ${rx + k * rx} ${h} ${rx} ${h} ` +
    `C ${rx - k * rx} ${h} 0 ${ry + k * ry} 0 ${ry} C 0 ${ry - k * ry} ${rx - k * rx} 0 ${rx} 0 ` +
    `C ${rx + k * rx} 0 ${w} ${ry - k * ry} ${w} ${ry} Z`
  )
}

// ---------------------------------------------------------------- entry

const COMMON = {
  contentsOnly: t.optional(t.boolean),
  useAbsoluteBounds: t.optional(t.boolean),
  suffix: t.optional(t.string),
}
const COLOR_PROFILE = t.optional(t.oneOf(t.literal('DOCUMENT'), t.literal('SRGB'), t.literal('DISPLAY_P3_V4')))
const IMAGE = (format: string): Schema =>
  t.exact({
    format: t.literal(format),
    ...COMMON,
    constraint: t.optional(
      t.exact({ type: t.oneOf(t.literal('SCALE'), t.literal('WIDTH'), t.literal('HEIGHT')), value: t.number }),
    ),
    colorProfile: COLOR_PROFILE,
  })
const SVG = (format: string): Schema =>
  t.exact({
    format: t.literal(format),
    ...COMMON,
    svgOutlineText: t.optional(t.boolean),
    svgIdAttribute: t.optional(t.boolean),
    svgSimplifyStroke: t.optional(t.boolean),
    colorProfile: COLOR_PROFILE,
  })

/**
 * plugin-api.d.ts:5123-5240 ExportSettingsImage / SVG / SVG_STRING / PDF / JSON_REST_V1: each
 * format takes exactly its own keys (a constraint on SVG or PDF is refused), checked with the
 * wording of Figma's validator (schema.ts).
 */
export const EXPORT_SETTINGS: Schema = t.tagged('format', {
  JPG: IMAGE('JPG'),
  PNG: IMAGE('PNG'),
  SVG: SVG('SVG'),
  SVG_STRING: SVG('SVG_STRING'),
  PDF: t.exact({ format: t.literal('PDF'), ...COMMON, colorProfile: COLOR_PROFILE }),
  JSON_REST_V1: t.exact({ format: t.literal('JSON_REST_V1') }),
})

function notModelled(what: string): Error {
  return new Error(`in exportAsync: ${what} is not modelled by the fake`)
}

function hasVisibleText(root: SceneFake | PageFake): boolean {
  const walk = (n: SceneFake): boolean => {
    if (!n._visible) return false
    if (n.type === 'TEXT' && n._characters) return true
    const kids = (n as { _children?: SceneFake[] })._children
    return !!kids && kids.some(walk)
  }
  return root.type === 'PAGE' ? root._children.some(walk) : walk(root)
}

/** plugin-api.d.ts:9050 "When this parameter is absent, this function defaults to exporting as a PNG at 1x resolution." */
export async function exportNode(root: SceneFake | PageFake, settings?: ExportSettings | ExportSettingsSVGString | ExportSettingsREST): Promise<Uint8Array | string> {
  const s = (settings === undefined ? { format: 'PNG' } : settings) as Omit<ExportSettingsImage, 'format'> & ExportSettingsSVGBase & { format: string }
  const problem = checkArgument(s, EXPORT_SETTINGS, 'settings')
  if (problem) throw new Error(`in exportAsync: ${problem}`)
  // contentsOnly: false adds "any overlapping layer in the same area" (:5131); not drawn here.
  if (s.contentsOnly === false) throw notModelled('contentsOnly: false')
  // plugin-api.d.ts:5166-5176: colorProfile defaults to 'DOCUMENT', the document's profile
  // (:10474). The fake draws sRGB only, so an export that would come out in Display P3 is refused.
  const docProfile = root.host.doc.documentColorProfile
  if (s.colorProfile === 'DISPLAY_P3_V4' || ((s.colorProfile ?? 'DOCUMENT') === 'DOCUMENT' && docProfile === 'DISPLAY_P3')) {
    throw notModelled('colorProfile DISPLAY_P3_V4 (or DOCUMENT in a Display P3 document)')
  }
  if (s.format === 'JPG' || (s.format as string) === 'JSON_REST_V1') throw notModelled(`format ${s.format} (use PNG)`)
  // What Figma exports for a hidden root is not documented: refused rather than guessed.
  if (root.type !== 'PAGE' && !root._visible) throw notModelled('exporting a hidden node')
  const box = exportBox(root, s.useAbsoluteBounds === true)
  // Nothing painted (a 0 × 0 node, an empty frame without fills): what Figma returns is not documented.
  if (!box || !(box.x1 > box.x0) || !(box.y1 > box.y0)) throw notModelled('exporting a node that paints nothing (empty render bounds)')
  if (s.format === 'PNG') {
    const c = s.constraint || { type: 'SCALE', value: 1 }
    if (!(c.value > 0)) throw new Error('in exportAsync: Expected "settings.constraint.value" to have value > 0')
    // plugin-api.d.ts:5160-5162 SCALE / WIDTH / HEIGHT, measured on the exported box.
    const scale = c.type === 'WIDTH' ? c.value / (box.x1 - box.x0) : c.type === 'HEIGHT' ? c.value / (box.y1 - box.y0) : c.value
    const r = rasterize(root, scale, box)
    return encodePng(r.width, r.height, r.rgba)
  }
  if (s.format === 'PDF') return toPdf(root, box)
  // plugin-api.d.ts:5183 svgOutlineText "Defaults to `true`": text as vector outlines. The fake
  // has no glyph outlines, so it refuses rather than emit <text> Figma would not write.
  if (s.svgOutlineText !== false && hasVisibleText(root)) {
    throw notModelled('outlined SVG text (svgOutlineText defaults to true; pass svgOutlineText: false for <text>)')
  }
  const svg = toSvg(root, s.svgIdAttribute === true, box)
  return s.format === 'SVG' ? utf8Encode(svg) : svg
}

export { mul as _mul }
