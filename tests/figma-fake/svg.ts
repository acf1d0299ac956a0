/**
 * figma.createNodeFromSvg (plugin-api.d.ts:1730-1734: "equivalent to the SVG import feature in
 * the editor"; returns a FrameNode). The fake imports what patterns use: `svg` → a FRAME of the
 * SVG's size (viewBox mapped onto it, clipping as an SVG viewport does, no fill); `g` → GROUP;
 * `rect` → RECTANGLE (rounded: VECTOR); `circle` / `ellipse` → ELLIPSE; `path`, `polygon`,
 * `polyline`, `line` → VECTOR (path data rewritten as Figma stores it: absolute M L Q C Z, arcs
 * as cubics, the node placed at its path's box); transforms (matrix, translate, scale, rotate,
 * skew) composed down to each layer; `fill`, `stroke` (colour, `none`, opacity), `stroke-width`,
 * `opacity` and `fill-rule` (evenodd → windingRule EVENODD), as attributes or `style`, inherited.
 * A filled open subpath is closed (the import gives it a region); an unfilled one keeps windingRule
 * NONE: "an open path won't have a fill" (:5490). Gradients, `use`, `clipPath`, `mask`, `text` and
 * images are refused as not modelled: the corpus must not pass by skipping what it draws.
 */
import { EllipseFake, FrameFake, GroupFake, RectangleFake, VectorFake, internals, type Host, type SceneFake } from './nodes'
import { formatSubpaths, parsePathData, subpathBox, type Subpath } from './svg-path'
import { deepFreeze, mulAffine as mul, type Affine as M } from './util'

interface XmlNode {
  tag: string
  attrs: Record<string, string>
  children: XmlNode[]
}

function notModelled(what: string): Error {
  return new Error(`in createNodeFromSvg: ${what} is not modelled by the fake`)
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  )
}

/** A small XML reader: elements and attributes; text, comments, CDATA, doctype and PIs skipped. */
export function parseXml(src: string): XmlNode {
  const root: XmlNode = { tag: '#root', attrs: {}, children: [] }
  const stack = [root]
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[\s\S]*?\?>|<\/\s*([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g
  let m: RegExpExecArray | null
  while ((m = re.exec(src))) {
    if (m[1]) {
      if (stack.length > 1) stack.pop()
    } else if (m[2]) {
      const attrs: Record<string, string> = {}
      const ar = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
      let a: RegExpExecArray | null
      while ((a = ar.exec(m[3] ?? ''))) attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '')
      const node: XmlNode = { tag: m[2].replace(/^svg:/, ''), attrs, children: [] }
      stack[stack.length - 1]!.children.push(node)
      if (!m[4]) stack.push(node)
    }
  }
  return root
}

const NAMED: Record<string, string> = {
  black: '#000000', white: '#ffffff', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00', gray: '#808080', grey: '#808080',
  silver: '#c0c0c0', maroon: '#800000', purple: '#800080', fuchsia: '#ff00ff', lime: '#00ff00', olive: '#808000', navy: '#000080', teal: '#008080', aqua: '#00ffff', orange: '#ffa500',
}

/** A CSS colour → RGB 0..1 and alpha, or null for `none`. */
export function parseColor(v: string): { r: number; g: number; b: number; a: number } | null {
  let s = v.trim().toLowerCase()
  if (s === 'none' || s === 'transparent') return null
  if (s.startsWith('url(')) throw notModelled(`paint ${v}`)
  if (NAMED[s]) s = NAMED[s]!
  let m = /^#([0-9a-f]{3,8})$/.exec(s)
  if (m) {
    let h = m[1]!
    if (h.length === 3 || h.length === 4) h = h.split('').map((c) => c + c).join('')
    const n = (k: number) => parseInt(h.slice(k, k + 2), 16) / 255
    return { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? n(6) : 1 }
  }
  m = /^rgba?\(([^)]*)\)$/.exec(s)
  if (m) {
    const p = m[1]!.split(/[\s,/]+/).filter(Boolean)
    const ch = (x: string) => Math.min(1, Math.max(0, x.endsWith('%') ? parseFloat(x) / 100 : parseFloat(x) / 255))
    return { r: ch(p[0]!), g: ch(p[1]!), b: ch(p[2]!), a: p[3] === undefined ? 1 : Math.min(1, Math.max(0, p[3].endsWith('%') ? parseFloat(p[3]) / 100 : parseFloat(p[3]))) }
  }
  throw notModelled(`colour ${JSON.stringify(v)}`)
}

export function parseTransform(v: string | undefined): M {
  let m: M = [1, 0, 0, 0, 1, 0]
  if (!v) return m
  const re = /(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)/g
  let t: RegExpExecArray | null
  while ((t = re.exec(v))) {
    const a = t[2]!.split(/[\s,]+/).filter(Boolean).map(Number)
    let k: M
    switch (t[1]) {
      case 'matrix':
        k = [a[0]!, a[2]!, a[4]!, a[1]!, a[3]!, a[5]!]
        break
      case 'translate':
        k = [1, 0, a[0] ?? 0, 0, 1, a[1] ?? 0]
        break
      case 'scale':
        k = [a[0]!, 0, 0, 0, a[1] ?? a[0]!, 0]
        break
      case 'rotate': {
        const r = ((a[0] ?? 0) * Math.PI) / 180
        const c = Math.cos(r)
        const s = Math.sin(r)
        const cx = a[1] ?? 0
        const cy = a[2] ?? 0
        k = [c, -s, cx - c * cx + s * cy, s, c, cy - s * cx - c * cy]
        break
      }
      case 'skewX':
        k = [1, Math.tan(((a[0] ?? 0) * Math.PI) / 180), 0, 0, 1, 0]
        break
      default:
        k = [1, 0, 0, Math.tan(((a[0] ?? 0) * Math.PI) / 180), 1, 0]
    }
    m = mul(m, k)
  }
  return m
}

interface Style {
  fill: string
  fillOpacity: number
  fillRule: string
  stroke: string
  strokeOpacity: number
  strokeWidth: number
}

const INHERITED = ['fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-opacity', 'stroke-width']

function propsOf(n: XmlNode): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(n.attrs)) out[k] = v
  for (const decl of (n.attrs.style ?? '').split(';')) {
    const i = decl.indexOf(':')
    if (i > 0) out[decl.slice(0, i).trim()] = decl.slice(i + 1).trim()
  }
  return out
}

function styleOf(props: Record<string, string>, parent: Style): Style {
  const num = (k: string, d: number) => (props[k] !== undefined && props[k] !== 'inherit' ? parseFloat(props[k]!) : d)
  const str = (k: string, d: string) => (props[k] !== undefined && props[k] !== 'inherit' ? props[k]! : d)
  for (const k of INHERITED) void k
  return {
    fill: str('fill', parent.fill),
    fillOpacity: num('fill-opacity', parent.fillOpacity),
    fillRule: str('fill-rule', parent.fillRule),
    stroke: str('stroke', parent.stroke),
    strokeOpacity: num('stroke-opacity', parent.strokeOpacity),
    strokeWidth: num('stroke-width', parent.strokeWidth),
  }
}

function paints(color: string, opacity: number): readonly Paint[] {
  const c = parseColor(color)
  if (c === null) return deepFreeze([])
  const a = c.a * opacity
  return deepFreeze([{ type: 'SOLID', visible: true, opacity: a, blendMode: 'NORMAL', color: { r: c.r, g: c.g, b: c.b } } as SolidPaint])
}

function len(v: string | undefined, whole: number): number {
  if (v === undefined) return 0
  return v.trim().endsWith('%') ? (parseFloat(v) / 100) * whole : parseFloat(v)
}

/** Unit axes and the scale along each, when the transform keeps right angles (else null: a skew). */
function axes(m: M): { sx: number; sy: number; rt: M } | null {
  const sx = Math.hypot(m[0], m[3])
  const sy = Math.hypot(m[1], m[4])
  if (!(sx > 0) || !(sy > 0) || Math.abs(m[0] * m[1] + m[3] * m[4]) > 1e-9 * sx * sy) return null
  return { sx, sy, rt: [m[0] / sx, m[1] / sy, m[2], m[3] / sx, m[4] / sy, m[5]] }
}

export function nodeFromSvg(host: Host, svg: string): FrameFake {
  if (typeof svg !== 'string') throw new Error('in createNodeFromSvg: Expected "svg" to have type string')
  const doc = parseXml(svg).children.find((n) => n.tag === 'svg')
  if (!doc) throw new Error('in createNodeFromSvg: Failed to import the SVG (no <svg> element)')
  const vb = (doc.attrs.viewBox ?? '').split(/[\s,]+/).filter(Boolean).map(Number)
  const hasVb = vb.length === 4 && vb.every(Number.isFinite) && vb[2]! > 0 && vb[3]! > 0
  const w = doc.attrs.width && !doc.attrs.width.endsWith('%') ? parseFloat(doc.attrs.width) : hasVb ? vb[2]! : 100
  const h = doc.attrs.height && !doc.attrs.height.endsWith('%') ? parseFloat(doc.attrs.height) : hasVb ? vb[3]! : 100
  const frame = new FrameFake(host, host.newId(), 'FRAME')
  frame._name = 'svg'
  frame._w = w
  frame._h = h
  frame._fills = deepFreeze([])
  // viewBox → viewport, preserveAspectRatio xMidYMid meet (the SVG default).
  let root: M = [1, 0, 0, 0, 1, 0]
  if (hasVb) {
    const s = Math.min(w / vb[2]!, h / vb[3]!)
    root = [s, 0, (w - vb[2]! * s) / 2 - vb[0]! * s, 0, s, (h - vb[3]! * s) / 2 - vb[1]! * s]
  }
  const base: Style = { fill: 'black', fillOpacity: 1, fillRule: 'nonzero', stroke: 'none', strokeOpacity: 1, strokeWidth: 1 }
  const vw = hasVb ? vb[2]! : w
  const vh = hasVb ? vb[3]! : h
  const ctx = { host, vw, vh }
  for (const c of doc.children) {
    const n = build(c, mul(root, parseTransform(doc.attrs.transform)), styleOf(propsOf(doc), base), ctx)
    if (n) internals.rawInsert(frame, n, frame._children.length)
  }
  return frame
}

const SKIPPED = new Set(['defs', 'title', 'desc', 'metadata'])

function build(n: XmlNode, parentM: M, parentStyle: Style, ctx: { host: Host; vw: number; vh: number }): SceneFake | null {
  if (SKIPPED.has(n.tag)) return null
  const props = propsOf(n)
  if (props.display === 'none') return null
  const m = mul(parentM, parseTransform(n.attrs.transform))
  const style = styleOf(props, parentStyle)
  const opacity = props.opacity !== undefined ? parseFloat(props.opacity) : 1
  let node: SceneFake | null = null
  if (n.tag === 'g' || n.tag === 'svg') {
    const group = new GroupFake(ctx.host, ctx.host.newId())
    for (const c of n.children) {
      const k = build(c, m, style, ctx)
      if (k) internals.rawInsert(group, k, group._children.length)
    }
    if (group._children.length === 0) return null // Figma has no empty groups (plugin-api.d.ts:1861)
    node = group
  } else if (n.tag === 'rect' || n.tag === 'circle' || n.tag === 'ellipse') {
    node = shape(n, m, style, ctx)
  } else if (n.tag === 'path' || n.tag === 'polygon' || n.tag === 'polyline' || n.tag === 'line') {
    node = vector(n, m, style, ctx)
  } else {
    throw notModelled(`<${n.tag}>`)
  }
  if (node) {
    node._opacity = Math.min(1, Math.max(0, opacity))
    if (props.visibility === 'hidden') node._visible = false
    if (n.attrs.id) node._name = n.attrs.id
  }
  return node
}

function paintInto(node: RectangleFake | EllipseFake | VectorFake, style: Style, scale: number): void {
  node._fills = paints(style.fill, style.fillOpacity)
  node._strokes = paints(style.stroke, style.strokeOpacity)
  node._strokeWeight = style.strokeWidth * scale
  // SVG strokes are centred on the outline.
  node._strokeAlign = 'CENTER'
}

function shape(n: XmlNode, m: M, style: Style, ctx: { host: Host; vw: number; vh: number }): SceneFake | null {
  const a = n.attrs
  let x: number
  let y: number
  let w: number
  let h: number
  if (n.tag === 'rect') {
    x = len(a.x, ctx.vw)
    y = len(a.y, ctx.vh)
    w = len(a.width, ctx.vw)
    h = len(a.height, ctx.vh)
    if (a.rx !== undefined || a.ry !== undefined) {
      // A rounded rectangle: its outline as a path (the fake's rectangles have no rounded fill geometry).
      const rx = Math.min(w / 2, len(a.rx ?? a.ry, ctx.vw))
      const ry = Math.min(h / 2, len(a.ry ?? a.rx, ctx.vh))
      const d = `M ${x + rx} ${y} H ${x + w - rx} A ${rx} ${ry} 0 0 1 ${x + w} ${y + ry} V ${y + h - ry} A ${rx} ${ry} 0 0 1 ${x + w - rx} ${y + h} H ${x + rx} A ${rx} ${ry} 0 0 1 ${x} ${y + h - ry} V ${y + ry} A ${rx} ${ry} 0 0 1 ${x + rx} ${y} Z`
      return vectorFrom(parsePathData(d, m), m, style, ctx, 'Rectangle')
    }
  } else {
    const rx = n.tag === 'circle' ? len(a.r, Math.hypot(ctx.vw, ctx.vh) / Math.SQRT2) : len(a.rx, ctx.vw)
    const ry = n.tag === 'circle' ? rx : len(a.ry, ctx.vh)
    x = len(a.cx, ctx.vw) - rx
    y = len(a.cy, ctx.vh) - ry
    w = 2 * rx
    h = 2 * ry
  }
  if (!(w > 0) || !(h > 0)) return null // SVG: a zero size disables rendering
  const ax = axes(m)
  if (!ax) {
    const k = 0.5522847498
    const rx = w / 2
    const ry = h / 2
    const cx = x + rx
    const cy = y + ry
    const d =
      n.tag === 'rect'
        ? `M ${x} ${y} H ${x + w} V ${y + h} H ${x} Z`
        : `M ${cx + rx} ${cy} C ${cx + rx} ${cy + k * ry} ${cx + k * rx} ${cy + ry} ${cx} ${cy + ry} C ${cx - k * rx} ${cy + ry} ${cx - rx} ${cy + k * ry} ${cx - rx} ${cy} C ${cx - rx} ${cy - k * ry} ${cx - k * rx} ${cy - ry} ${cx} ${cy - ry} C ${cx + k * rx} ${cy - ry} ${cx + rx} ${cy - k * ry} ${cx + rx} ${cy} Z`
    return vectorFrom(parsePathData(d, m), m, style, ctx, n.tag === 'rect' ? 'Rectangle' : 'Ellipse')
  }
  const node = n.tag === 'rect' ? new RectangleFake(ctx.host, ctx.host.newId()) : new EllipseFake(ctx.host, ctx.host.newId())
  const o = mul(m, [1, 0, x, 0, 1, y])
  node._a = ax.rt[0]
  node._b = ax.rt[1]
  node._tx = o[2]
  node._c = ax.rt[3]
  node._d = ax.rt[4]
  node._ty = o[5]
  node._w = w * ax.sx
  node._h = h * ax.sy
  paintInto(node, style, Math.sqrt(ax.sx * ax.sy))
  return node
}

function pointsPath(v: string | undefined, close: boolean): string {
  const nums = (v ?? '').split(/[\s,]+/).filter(Boolean).map(Number)
  if (nums.length < 4) return ''
  let d = `M ${nums[0]} ${nums[1]}`
  for (let i = 2; i + 1 < nums.length; i += 2) d += ` L ${nums[i]} ${nums[i + 1]}`
  return close ? d + ' Z' : d
}

function vector(n: XmlNode, m: M, style: Style, ctx: { host: Host; vw: number; vh: number }): SceneFake | null {
  const a = n.attrs
  let d: string
  if (n.tag === 'path') d = a.d ?? ''
  else if (n.tag === 'polygon') d = pointsPath(a.points, true)
  else if (n.tag === 'polyline') d = pointsPath(a.points, false)
  else d = `M ${len(a.x1, ctx.vw)} ${len(a.y1, ctx.vh)} L ${len(a.x2, ctx.vw)} ${len(a.y2, ctx.vh)}`
  // A line has no fill in SVG, whatever `fill` says.
  return vectorFrom(parsePathData(d, m), m, n.tag === 'line' ? { ...style, fill: 'none' } : style, ctx, 'Vector')
}

function vectorFrom(subs: Subpath[], m: M, style: Style, ctx: { host: Host }, name: string): SceneFake | null {
  const box = subpathBox(subs)
  if (!box) return null
  const node = new VectorFake(ctx.host, ctx.host.newId())
  node._name = name
  node._tx = box.x0
  node._ty = box.y0
  node._w = Math.max(box.x1 - box.x0, 0.01)
  node._h = Math.max(box.y1 - box.y0, 0.01)
  const filled = parseColor(style.fill) !== null
  const rule = style.fillRule === 'evenodd' ? 'EVENODD' : 'NONZERO'
  // Filled: every subpath takes part in the fill (an open one closed). Unfilled: open subpaths
  // are NONE ("an open path won't have a fill"), closed ones keep the rule.
  const paths: VectorPath[] = []
  if (filled) paths.push({ windingRule: rule, data: formatSubpaths(subs, box.x0, box.y0, true) })
  else {
    const open = subs.filter((s) => !s.closed)
    const closed = subs.filter((s) => s.closed)
    if (closed.length > 0) paths.push({ windingRule: rule, data: formatSubpaths(closed, box.x0, box.y0, false) })
    if (open.length > 0) paths.push({ windingRule: 'NONE', data: formatSubpaths(open, box.x0, box.y0, false) })
  }
  node._vectorPaths = deepFreeze(paths)
  paintInto(node, style, Math.sqrt(Math.abs(m[0] * m[4] - m[1] * m[3])))
  return node
}
