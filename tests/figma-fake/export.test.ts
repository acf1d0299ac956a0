import { unzlibSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { createFigmaWorld } from './index'
import { crc32, utf8Decode } from './util'

/** Minimal PNG reader for the test: checks signature and CRCs, inflates IDAT, undoes filter 0 rows. */
function decodePng(bytes: Uint8Array) {
  expect(Array.from(bytes.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let o = 8
  let width = 0
  let height = 0
  const idat: Uint8Array[] = []
  const types: string[] = []
  while (o < bytes.length) {
    const len = dv.getUint32(o)
    const type = String.fromCharCode(...bytes.subarray(o + 4, o + 8))
    types.push(type)
    expect(dv.getUint32(o + 8 + len)).toBe(crc32(bytes, o + 4, o + 8 + len))
    const data = bytes.subarray(o + 8, o + 8 + len)
    if (type === 'IHDR') {
      width = dv.getUint32(o + 8)
      height = dv.getUint32(o + 12)
      expect([data[8], data[9]]).toEqual([8, 6]) // 8-bit RGBA
    }
    if (type === 'IDAT') idat.push(data)
    o += 12 + len
  }
  expect(types[0]).toBe('IHDR')
  expect(types[types.length - 1]).toBe('IEND')
  const raw = unzlibSync(idat.length === 1 ? idat[0] : new Uint8Array(idat.flatMap((d) => Array.from(d))))
  const stride = width * 4
  expect(raw.length).toBe((stride + 1) * height)
  const pixel = (x: number, y: number) => {
    const row = y * (stride + 1)
    expect(raw[row]).toBe(0) // filter type None
    return Array.from(raw.subarray(row + 1 + x * 4, row + 1 + x * 4 + 4))
  }
  return { width, height, pixel }
}

function scene() {
  const world = createFigmaWorld()
  const s = world.openSession()
  const f = s.figma
  const frame = f.createFrame()
  frame.resize(100, 50)
  frame.fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 1 } }]
  const rect = f.createRectangle()
  frame.appendChild(rect)
  rect.resize(20, 10)
  rect.x = 10
  rect.y = 10
  rect.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }]
  const ellipse = f.createEllipse()
  frame.appendChild(ellipse)
  ellipse.resize(40, 40)
  ellipse.x = 50
  ellipse.y = 5
  ellipse.fills = [{ type: 'SOLID', color: { r: 0, g: 1, b: 0 }, opacity: 0.5 }]
  return { world, f, frame, rect, ellipse }
}

describe('exportAsync', () => {
  test('PNG at SCALE 2: real bytes, IHDR size and pixel colours', async () => {
    const { frame } = scene()
    const bytes = (await frame.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 2 } })) as Uint8Array
    expect(bytes).toBeInstanceOf(Uint8Array)
    const png = decodePng(bytes)
    expect([png.width, png.height]).toEqual([200, 100])
    expect(png.pixel(2, 2)).toEqual([0, 0, 255, 255]) // frame background
    expect(png.pixel(30, 30)).toEqual([255, 0, 0, 255]) // the rectangle at (10..30, 10..20) x2
    expect(png.pixel(140, 50)).toEqual([0, 128, 128, 255]) // ellipse centre: 50% green over blue
    expect(png.pixel(101, 11)).toEqual([0, 0, 255, 255]) // ellipse bounding-box corner is outside the ellipse
  })

  test('PNG of a single ellipse: transparent corners; WIDTH constraint; default is PNG 1x', async () => {
    const { ellipse } = scene()
    const png = decodePng((await ellipse.exportAsync({ format: 'PNG', constraint: { type: 'WIDTH', value: 20 } })) as Uint8Array)
    expect([png.width, png.height]).toEqual([20, 20])
    expect(png.pixel(0, 0)).toEqual([0, 0, 0, 0])
    expect(png.pixel(10, 10)).toEqual([0, 255, 0, 128])
    const def = decodePng((await ellipse.exportAsync()) as Uint8Array)
    expect([def.width, def.height]).toEqual([40, 40])
  })

  test('SVG returns Uint8Array, SVG_STRING a string; PDF is a minimal PDF; JPG rejects', async () => {
    const { frame } = scene()
    const svg = await frame.exportAsync({ format: 'SVG_STRING' })
    expect(typeof svg).toBe('string')
    expect(svg).toMatch(/^<svg width="100" height="50"/)
    expect(svg).toContain('<ellipse')
    expect(svg).toContain('fill="#FF0000"'.toLowerCase())
    const bytes = await frame.exportAsync({ format: 'SVG' })
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect(utf8Decode(bytes as Uint8Array)).toBe(svg)
    const pdf = utf8Decode((await frame.exportAsync({ format: 'PDF' })) as Uint8Array)
    expect(pdf.startsWith('%PDF-1.4')).toBe(true)
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true)
    await expect(frame.exportAsync({ format: 'JPG' })).rejects.toThrow(/not modelled by the fake/)
  })

  test('vector paths are rasterised with their winding rule; invisible nodes are skipped', async () => {
    const { f } = scene()
    const frame = f.createFrame()
    frame.resize(100, 100)
    frame.fills = []
    const v = f.createVector()
    frame.appendChild(v)
    v.resize(100, 100)
    v.vectorPaths = [{ windingRule: 'EVENODD', data: 'M 0 0 L 100 0 L 100 100 L 0 100 Z M 25 25 L 75 25 L 75 75 L 25 75 Z' }]
    v.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 0 } }]
    const hidden = f.createRectangle()
    frame.appendChild(hidden)
    hidden.visible = false
    const png = decodePng((await frame.exportAsync({ format: 'PNG' })) as Uint8Array)
    expect(png.pixel(10, 10)).toEqual([255, 255, 0, 255])
    expect(png.pixel(50, 50)).toEqual([0, 0, 0, 0]) // the hole
  })

  test('settings are checked per format with Figma’s wording', async () => {
    const { frame } = scene()
    const exportAny = (settings: unknown) => frame.exportAsync(settings as ExportSettings)
    await expect(exportAny({ format: 'PNG', svgOutlineText: false })).rejects.toThrow(
      /^in exportAsync: Expected "settings" to have type \{format: "PNG", contentsOnly: \(optional\) boolean, .*\} but got additional property "svgOutlineText"$/,
    )
    await expect(exportAny({ format: 'SVG', constraint: { type: 'SCALE', value: 2 } })).rejects.toThrow(
      /Expected "settings" to have type \{format: "SVG", .*\} but got additional property "constraint"/,
    )
    await expect(exportAny({ format: 'PDF', constraint: { type: 'SCALE', value: 2 } })).rejects.toThrow(/additional property "constraint"/)
    await expect(exportAny({ format: 'PNG', constraint: { type: 'PERCENT', value: 2 } })).rejects.toThrow(
      'Expected "settings.constraint.type" to have type oneOf("SCALE", "WIDTH", "HEIGHT") but got string instead',
    )
    await expect(exportAny({ format: 'PNG', constraint: { type: 'SCALE', value: '2' } })).rejects.toThrow(
      'Expected "settings.constraint.value" to have type number but got string instead',
    )
    await expect(exportAny({ format: 'WEBP' })).rejects.toThrow('Expected "settings.format" to be one of the allowed values for this property')
    await expect(exportAny({ format: 'PNG', contentsOnly: false })).rejects.toThrow(/contentsOnly: false is not modelled/)
  })

  test('the render bounds are exported by default: strokes by alignment, shadows, unclipped children', async () => {
    const { f } = scene()
    const size = async (node: SceneNode, settings?: ExportSettingsImage) => {
      const png = decodePng((await node.exportAsync(settings)) as Uint8Array)
      return [png.width, png.height]
    }
    const rect = f.createRectangle()
    rect.strokes = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }]
    rect.strokeWeight = 4
    expect(await size(rect)).toEqual([100, 100]) // INSIDE is the default for rectangles
    rect.strokeAlign = 'CENTER'
    expect(await size(rect)).toEqual([104, 104])
    rect.strokeAlign = 'OUTSIDE'
    expect(await size(rect)).toEqual([108, 108])
    expect(rect.absoluteRenderBounds).toEqual({ x: -4, y: -4, width: 108, height: 108 })
    expect(await size(rect, { format: 'PNG', useAbsoluteBounds: true })).toEqual([100, 100])
    // WIDTH scales from the exported box.
    expect(await size(rect, { format: 'PNG', constraint: { type: 'WIDTH', value: 54 } })).toEqual([54, 54])
    rect.strokes = []
    rect.effects = [{ type: 'DROP_SHADOW', color: { r: 0, g: 0, b: 0, a: 0.25 }, offset: { x: 0, y: 4 }, radius: 4, spread: 0, visible: true, blendMode: 'NORMAL' }]
    expect(rect.absoluteRenderBounds).toEqual({ x: -4, y: -4 + 4, width: 108, height: 108 - 4 + 4 })
    expect(await size(rect)).toEqual([108, 108])

    const frame = f.createFrame()
    frame.resize(50, 50)
    const child = f.createEllipse()
    frame.appendChild(child)
    child.x = 30 // sticks out 80 px to the right
    expect(await size(frame)).toEqual([50, 50]) // clipped
    frame.clipsContent = false
    expect(await size(frame)).toEqual([130, 100])
    expect(await size(frame, { format: 'PNG', useAbsoluteBounds: true })).toEqual([50, 50])
  })

  test('SVG text is outlined by default, which the fake refuses; svgOutlineText: false gives <text>', async () => {
    const { f, frame } = scene()
    const text = f.createText()
    frame.appendChild(text)
    text.characters = 'Loom'
    await expect(frame.exportAsync({ format: 'SVG_STRING' })).rejects.toThrow(/outlined SVG text .* is not modelled by the fake/)
    expect(await frame.exportAsync({ format: 'SVG_STRING', svgOutlineText: false })).toContain('>Loom</text>')
    text.visible = false
    expect(await frame.exportAsync({ format: 'SVG_STRING' })).not.toContain('<text')
  })

  test('hidden nodes and nodes that paint nothing are refused as not modelled', async () => {
    const { f, rect } = scene()
    rect.visible = false
    await expect(rect.exportAsync()).rejects.toThrow(/exporting a hidden node is not modelled/)
    const empty = f.createFrame()
    empty.fills = []
    await expect(empty.exportAsync()).rejects.toThrow(/paints nothing/)
    await expect(f.createVector().exportAsync({ format: 'SVG' })).rejects.toThrow(/paints nothing/)
  })
})
