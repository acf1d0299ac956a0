/** main's part of export: exportAsync per asset with documented settings, bytes in slices. */
import { describe, expect, test } from 'vitest'
import { exportSettingsOf } from '../../src/host/export'
import { createFigmaWorld } from '../figma-fake/index'
import { ADA, drawPattern, openPlugin } from '../support/plugin-session'

async function collect(user: ReturnType<typeof openPlugin>, params: Parameters<typeof user.client.request<'exportAsset'>>[1]) {
  const slices: { offset: number; length: number }[] = []
  const parts: Uint8Array[] = []
  const result = await user.client.request('exportAsset', params, {
    onProgress: (p) => {
      const d = p.data as { offset: number; bytes: Uint8Array }
      slices.push({ offset: d.offset, length: d.bytes.length })
      parts.push(d.bytes)
    },
  })
  return { result, slices, bytes: Buffer.concat(parts) }
}

describe('exportAsset', () => {
  test('SVG keeps text as text (outlined text would lose the words)', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    const { frame } = drawPattern(world, ada)
    world.edit(ada.session, () => {
      const text = ada.figma.createText()
      frame.appendChild(text)
      text.characters = 'Loom'
    })
    const { result, bytes } = await collect(ada, { nodeId: frame.id, format: 'SVG', sliceBytes: 64_000 })
    expect(bytes.toString('utf8')).toContain('>Loom</text>')
    expect(result).toMatchObject({ size: bytes.length, scale: null, name: 'Paisley repeat' })
  })

  test('bytes arrive in order, in slices of at most sliceBytes, and add up to the export', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    const { frame } = drawPattern(world, ada)
    const whole = await frame.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 4 } })
    const { result, slices, bytes } = await collect(ada, { nodeId: frame.id, format: 'PNG', scale: 4, sliceBytes: 2000 })
    expect(slices.length).toBe(Math.ceil(whole.length / 2000))
    expect(slices.every((s, i) => s.offset === i * 2000 && s.length <= 2000)).toBe(true)
    expect(Buffer.compare(bytes, Buffer.from(whole))).toBe(0)
    expect(result).toMatchObject({ size: whole.length, slices: slices.length, scale: 4 })
  })

  test('a pixel width is exported with a WIDTH constraint and reported as its scale', async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    const { frame } = drawPattern(world, ada) // 300 px wide
    const { result } = await collect(ada, { nodeId: frame.id, format: 'PNG', width: 600, sliceBytes: 64_000 })
    expect(result.scale).toBe(2)
  })

  test('settings are Figma’s documented ones; out-of-range sizes are refused before exporting', () => {
    expect(exportSettingsOf({ format: 'PDF' })).toEqual({ format: 'PDF', colorProfile: 'SRGB' })
    expect(exportSettingsOf({ format: 'PNG' })).toEqual({ format: 'PNG', constraint: { type: 'SCALE', value: 1 }, colorProfile: 'SRGB' })
    expect(() => exportSettingsOf({ format: 'PNG', scale: 5 })).toThrow(/outside Figma's 0.01–4×/)
    expect(() => exportSettingsOf({ format: 'PNG', width: 20_000 })).toThrow(/outside 1–16,384 px/)
  })

  // Issue #19, 9: exportAsync's colorProfile defaults to 'DOCUMENT' (plugin-api.d.ts:5166-5176).
  test('a Display P3 document still gives sRGB pack assets (PNG and PDF)', async () => {
    const world = createFigmaWorld({ documentColorProfile: 'DISPLAY_P3' })
    const ada = openPlugin(world, ADA)
    const { frame } = drawPattern(world, ada)
    await expect(frame.exportAsync({ format: 'PNG' })).rejects.toThrow(/DISPLAY_P3|Display P3/) // what a default export would be
    for (const format of ['PNG', 'PDF'] as const) {
      const { result, bytes } = await collect(ada, { nodeId: frame.id, format, sliceBytes: 64_000 })
      expect(result.size).toBe(bytes.length)
      const srgb = await frame.exportAsync(format === 'PNG' ? { format, colorProfile: 'SRGB' } : { format, colorProfile: 'SRGB' })
      expect(Buffer.compare(bytes, Buffer.from(srgb))).toBe(0)
    }
  })
})
