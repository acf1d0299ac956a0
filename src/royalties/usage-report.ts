/**
 * The usage report a licensee sends: one CSV row per pattern, period, field of use
 * and territory. Parsed strictly; a report with any bad row is refused as a whole
 * (a statement of money is never made from part of a report), with every problem
 * listed by row and column.
 */
import { FIELD_OF_USE_IDS, isCalendarDate, isCountryCode, type FieldOfUse } from '../license/terms'
import { parseCsv } from './csv'
import { minorUnits, parseDecimal } from './money'

export const USAGE_COLUMNS = ['pattern_id', 'period', 'field_of_use', 'territory', 'units', 'impressions', 'revenue', 'currency'] as const
export type UsageColumn = (typeof USAGE_COLUMNS)[number]

/** Most rows a report may have (a monthly report per pattern × territory × field is far below). */
export const MAX_USAGE_ROWS = 200_000

export type Period = { text: string; start: string; end: string }

export type UsageRow = {
  /** The row number as a spreadsheet shows it (the header is row 1). */
  row: number
  patternId: string
  period: Period
  fieldOfUse: FieldOfUse
  /** ISO 3166-1 alpha-2. */
  territory: string
  units: number
  impressions: number
  /** Revenue in minor units of `currency`. */
  revenue: bigint
  currency: string
}

export type UsageIssue = { row: number; column: UsageColumn | null; message: string }

export type UsageReportResult = { ok: true; rows: UsageRow[] } | { ok: false; issues: UsageIssue[] }

function lastDay(year: number, month: number): string {
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
  return `${year}-${String(month).padStart(2, '0')}-${days}`
}

/**
 * "2026", "2026-04", "2026-Q2" or "2026-04-01/2026-06-30" (ISO 8601 interval of
 * dates, inclusive) → first and last day.
 */
export function parsePeriod(text: string): Period | null {
  let m = /^(\d{4})$/.exec(text)
  if (m) return { text, start: `${m[1]}-01-01`, end: `${m[1]}-12-31` }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text)
  if (m) return { text, start: `${m[1]}-${m[2]}-01`, end: lastDay(Number(m[1]), Number(m[2])) }
  m = /^(\d{4})-Q([1-4])$/.exec(text)
  if (m) {
    const first = (Number(m[2]) - 1) * 3 + 1
    return { text, start: `${m[1]}-${String(first).padStart(2, '0')}-01`, end: lastDay(Number(m[1]), first + 2) }
  }
  m = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(text)
  if (m && isCalendarDate(m[1]!) && isCalendarDate(m[2]!) && m[1]! <= m[2]!) return { text, start: m[1]!, end: m[2]! }
  return null
}

function count(text: string): number | null {
  if (text === '') return 0
  if (!/^(0|[1-9]\d*)$/.test(text)) return null
  const n = Number(text)
  return Number.isSafeInteger(n) ? n : null
}

const MAX_ISSUES = 50

export function parseUsageReport(text: string): UsageReportResult {
  const csv = parseCsv(text)
  if (!csv.ok) return { ok: false, issues: [{ row: csv.row, column: null, message: `Not valid CSV: ${csv.error}.` }] }
  const records = csv.records
  if (records.length === 0) return { ok: false, issues: [{ row: 1, column: null, message: `The report is empty; it needs the header ${USAGE_COLUMNS.join(',')}.` }] }
  if (records.length - 1 > MAX_USAGE_ROWS) {
    return { ok: false, issues: [{ row: MAX_USAGE_ROWS + 2, column: null, message: `The report has ${records.length - 1} rows; at most ${MAX_USAGE_ROWS} are read.` }] }
  }
  const header = records[0]!.map((h) => h.trim().toLowerCase())
  const missing = USAGE_COLUMNS.filter((c) => !header.includes(c))
  const unknown = header.filter((h) => !(USAGE_COLUMNS as readonly string[]).includes(h))
  const repeated = header.filter((h, i) => header.indexOf(h) !== i)
  if (missing.length > 0 || unknown.length > 0 || repeated.length > 0) {
    const parts = [
      missing.length ? `missing ${missing.join(', ')}` : '',
      unknown.length ? `unknown ${unknown.map((u) => JSON.stringify(u)).join(', ')}` : '',
      repeated.length ? `repeated ${repeated.join(', ')}` : '',
    ].filter(Boolean)
    return { ok: false, issues: [{ row: 1, column: null, message: `The header must name the columns ${USAGE_COLUMNS.join(',')} (any order): ${parts.join('; ')}.` }] }
  }
  const at = Object.fromEntries(USAGE_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<UsageColumn, number>

  const rows: UsageRow[] = []
  const issues: UsageIssue[] = []
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!
    const row = r + 1
    if (record.length === 1 && record[0] === '') continue // a blank line
    if (record.length !== header.length) {
      issues.push({ row, column: null, message: `Has ${record.length} fields; the header has ${header.length}.` })
      if (issues.length >= MAX_ISSUES) break
      continue
    }
    const get = (c: UsageColumn): string => record[at[c]]!.trim()
    const problem = (column: UsageColumn, message: string): void => {
      issues.push({ row, column, message })
    }
    const before = issues.length

    const patternId = get('pattern_id')
    if (patternId === '') problem('pattern_id', 'The pattern id is empty.')
    // Hazard: the id is echoed to a terminal and into the statement; control characters could rewrite what is shown.
    else if (/[\u0000-\u001f\u007f-\u009f]/.test(patternId)) problem('pattern_id', 'The pattern id contains control characters.')
    else if (patternId.length > 200) problem('pattern_id', 'The pattern id is longer than 200 characters.')
    const period = parsePeriod(get('period'))
    if (!period) problem('period', `"${get('period')}" is not a period; write 2026, 2026-04, 2026-Q2 or 2026-04-01/2026-06-30.`)
    const field = get('field_of_use')
    if (!(FIELD_OF_USE_IDS as readonly string[]).includes(field)) problem('field_of_use', `"${field}" is not a field of use; use one of ${FIELD_OF_USE_IDS.join(', ')}.`)
    const territory = get('territory')
    if (!isCountryCode(territory)) problem('territory', `"${territory}" is not an ISO 3166-1 alpha-2 country code (such as FR or US).`)
    const units = count(get('units'))
    if (units === null) problem('units', `"${get('units')}" is not a whole number of units.`)
    const impressions = count(get('impressions'))
    if (impressions === null) problem('impressions', `"${get('impressions')}" is not a whole number of impressions.`)
    const currency = get('currency')
    const exponent = minorUnits(currency)
    if (exponent === null) problem('currency', `"${currency}" is not a supported ISO 4217 currency code (such as EUR, USD or JPY).`)
    const revenueText = get('revenue') === '' ? '0' : get('revenue')
    const revenue = parseDecimal(revenueText)
    let revenueMinor = 0n
    if (!revenue) problem('revenue', `"${get('revenue')}" is not an amount; write a plain decimal such as 1234.50 (no sign, no thousands separator).`)
    else if (exponent !== null) {
      if (revenue.scale > exponent) problem('revenue', `${revenueText} has ${revenue.scale} decimals; ${currency} has ${exponent}.`)
      else revenueMinor = revenue.units * 10n ** BigInt(exponent - revenue.scale)
    }
    if (issues.length === before) {
      rows.push({
        row,
        patternId,
        period: period!,
        fieldOfUse: field as FieldOfUse,
        territory,
        units: units!,
        impressions: impressions!,
        revenue: revenueMinor,
        currency,
      })
    }
    if (issues.length >= MAX_ISSUES) break
  }
  if (issues.length > 0) return { ok: false, issues }
  return { ok: true, rows }
}
