import { describe, expect, it } from 'vitest'
import { parsePeriod, parseUsageReport } from '../../src/royalties/usage-report'
import { HEADER } from './fixture'

describe('usage report', () => {
  it('reads rows, any column order, empty counts as 0, revenue in minor units', () => {
    const r = parseUsageReport('currency,revenue,units,impressions,territory,field_of_use,period,pattern_id\r\nEUR,12.5,,40,FR,apparel,2026-Q2,"p,1"\r\n')
    expect(r).toEqual({
      ok: true,
      rows: [{ row: 2, patternId: 'p,1', period: { text: '2026-Q2', start: '2026-04-01', end: '2026-06-30' }, fieldOfUse: 'apparel', territory: 'FR', units: 0, impressions: 40, revenue: 1250n, currency: 'EUR' }],
    })
  })

  it('names every bad field by row and column', () => {
    const r = parseUsageReport(`${HEADER}\np1,2026-13,toys,France,-3,1.5,12.345,EUR\np1,2026-01,apparel,FR,1,0,1,JPY\np2,2026-01,apparel,FR,1\n`)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'period'],
      [2, 'field_of_use'],
      [2, 'territory'],
      [2, 'units'],
      [2, 'impressions'],
      [2, 'revenue'],
      [4, null],
    ])
    expect(r.issues[5]!.message).toBe('12.345 has 3 decimals; EUR has 2.')
  })

  it('refuses a header with a missing or unknown column', () => {
    const r = parseUsageReport('pattern_id,period,field,territory,units,impressions,revenue,currency\n')
    expect(r.ok === false && r.issues[0]!.message).toContain('missing field_of_use; unknown "field"')
  })

  it.each([
    ['2026', '2026-01-01', '2026-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
    ['2026-03-05/2026-03-09', '2026-03-05', '2026-03-09'],
  ])('period %s runs %s to %s', (text, start, end) => expect(parsePeriod(text)).toEqual({ text, start, end }))

  it.each(['2026-3', '2026-Q5', '2026-03-09/2026-03-05', '2026-02-30/2026-03-01', ''])('period %j is refused', (text) => expect(parsePeriod(text)).toBeNull())
})

describe('usage report: hostile ids', () => {
  it('refuses a pattern id with control characters (terminal escapes)', () => {
    const r = parseUsageReport(`${HEADER}\n"p1\u001b[2J",2026-01,apparel,FR,1,0,0,EUR\n`)
    expect(r.ok === false && r.issues[0]).toEqual({ row: 2, column: 'pattern_id', message: 'The pattern id contains control characters.' })
  })
})
