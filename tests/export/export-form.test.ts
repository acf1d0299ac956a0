/** The Export tab's form: what is typed becomes assets and an intended use, or a message per field. */
import { describe, expect, it } from 'vitest'
import { defaultExportForm, parseExportForm, type ExportForm } from '../../src/ui/license/export-form'

const form = (over: Partial<ExportForm> = {}): ExportForm => ({ ...defaultExportForm('2026-04-01'), ...over })

describe('export form', () => {
  it('the defaults are PNG 1× and 2×, SVG, PDF, repeat preview, apparel worldwide from today', () => {
    expect(parseExportForm(form())).toEqual({
      ok: true,
      choice: { pngScales: [1, 2], pngWidths: [], svg: true, pdf: true, repeatPreview: true },
      use: { use: { fieldOfUse: 'apparel', territory: 'worldwide' }, at: '2026-04-01' },
    })
  })

  it('reads widths, countries in any case, and counts with separators', () => {
    const r = parseExportForm(form({ pngScales: '', pngWidths: '2048, 512px', territory: 'fr de', units: '5,000', impressions: '1 000 000' }))
    expect(r).toMatchObject({ ok: true, choice: { pngScales: [], pngWidths: [2048, 512] }, use: { use: { territory: ['FR', 'DE'], units: 5000, impressions: 1_000_000 } } })
  })

  it.each<[string, Partial<ExportForm>, keyof ExportForm]>([
    ['a scale over Figma’s 4×', { pngScales: '1, 8' }, 'pngScales'],
    ['a scale that is not a number', { pngScales: 'big' }, 'pngScales'],
    ['a fractional width', { pngWidths: '100.5' }, 'pngWidths'],
    ['a country that is not two letters', { territory: 'France' }, 'territory'],
    ['two letters that are no country (issue #21, item 17)', { territory: 'FR, XX' }, 'territory'],
    ['units that are not whole', { units: '1.5' }, 'units'],
    ['a date that is not a day', { date: 'next spring' }, 'date'],
  ])('%s is refused on its field', (_, over, field) => {
    const r = parseExportForm(form(over))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => e.field)).toEqual([field])
  })

  it('the intended use starts from the team’s licence defaults (issue #21, item 17)', () => {
    expect(defaultExportForm('2026-04-01', { territory: { scope: 'include', countries: ['FR', 'DE'] } }).territory).toBe('FR, DE')
    expect(defaultExportForm('2026-04-01', { territory: { scope: 'worldwide' } }).territory).toBe('worldwide')
    expect(defaultExportForm('2026-04-01').territory).toBe('worldwide')
  })

  it('names the codes that are not countries', () => {
    const r = parseExportForm(form({ territory: 'fr, xx, zz' }))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/not a country code: XX, ZZ/)
  })
})
