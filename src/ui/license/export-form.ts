/** The Export tab's form: text as typed, parsed into assets and an intended use (refusals name the field). */
import { FIELDS_OF_USE, isCountryCode, type FieldOfUse, type Territory } from '../../license/terms'
import type { AssetChoice, ExportUse } from './export-workflow'

export interface ExportForm {
  pngScales: string
  pngWidths: string
  svg: boolean
  pdf: boolean
  repeatPreview: boolean
  fieldOfUse: FieldOfUse
  territory: string
  units: string
  impressions: string
  date: string
}

/**
 * The form's first values. The territory starts from the team's licence defaults when
 * they name one a use can be checked against (issue #21, item 17: the intended use
 * ignored them): worldwide, or the countries the terms include.
 */
export function defaultExportForm(today: string, defaults?: { territory?: Territory }): ExportForm {
  const t = defaults?.territory
  const territory = t?.scope === 'include' ? t.countries.join(', ') : 'worldwide'
  return { pngScales: '1, 2', pngWidths: '', svg: true, pdf: true, repeatPreview: true, fieldOfUse: 'apparel', territory, units: '', impressions: '', date: today }
}

export type ExportFormParse = { ok: true; choice: AssetChoice; use: ExportUse } | { ok: false; errors: { field: keyof ExportForm; message: string }[] }

function numbers(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '')
  const values = parts.map((p) => Number(p.replace(/[x×]|px$/gi, '')))
  return values.every((v) => Number.isFinite(v) && v > 0) ? values : null
}

function count(text: string): number | undefined | null {
  const t = text.replace(/[\s,]/g, '')
  if (t === '') return undefined
  return /^\d+$/.test(t) && Number(t) <= Number.MAX_SAFE_INTEGER ? Number(t) : null
}

export function parseExportForm(form: ExportForm): ExportFormParse {
  const errors: { field: keyof ExportForm; message: string }[] = []
  const scales = numbers(form.pngScales)
  if (!scales || scales.some((s) => s > 4)) errors.push({ field: 'pngScales', message: 'PNG scales are numbers from 0.01 to 4, separated by commas (for example “1, 2”).' })
  const widths = numbers(form.pngWidths)
  if (!widths || widths.some((w) => !Number.isInteger(w) || w > 16384)) errors.push({ field: 'pngWidths', message: 'PNG widths are whole numbers of pixels up to 16,384, separated by commas.' })
  const t = form.territory.trim()
  const territory = /^worldwide$/i.test(t) ? ('worldwide' as const) : t.split(/[\s,;]+/).filter((c) => c !== '').map((c) => c.toUpperCase())
  // The same country list as the License tab's (issue #21, item 17: “XX” passed here).
  const unknown = territory === 'worldwide' ? [] : territory.filter((c) => !isCountryCode(c))
  if (territory !== 'worldwide' && (territory.length === 0 || unknown.length > 0)) {
    errors.push({
      field: 'territory',
      message: `Territory is “worldwide” or ISO 3166-1 alpha-2 country codes such as “FR, DE”${unknown.length > 0 ? `; not a country code: ${unknown.slice(0, 5).join(', ')}` : ''}.`,
    })
  }
  const units = count(form.units)
  if (units === null) errors.push({ field: 'units', message: 'Units is a whole number (or empty).' })
  const impressions = count(form.impressions)
  if (impressions === null) errors.push({ field: 'impressions', message: 'Impressions is a whole number (or empty).' })
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date) || Number.isNaN(Date.parse(form.date))) errors.push({ field: 'date', message: 'The date is a day such as 2026-04-01.' })
  if (!FIELDS_OF_USE.some((f) => f.id === form.fieldOfUse)) errors.push({ field: 'fieldOfUse', message: 'Choose a field of use.' })
  if (errors.length) return { ok: false, errors }
  const use: ExportUse['use'] = { fieldOfUse: form.fieldOfUse, territory }
  if (units !== undefined && units !== null) use.units = units
  if (impressions !== undefined && impressions !== null) use.impressions = impressions
  return {
    ok: true,
    choice: { pngScales: scales ?? [], pngWidths: widths ?? [], svg: form.svg, pdf: form.pdf, repeatPreview: form.repeatPreview },
    use: { use, at: form.date },
  }
}
