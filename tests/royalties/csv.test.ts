import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvField, parseCsv } from '../../src/royalties/csv'

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\r\nlines"\r\n1,2,3,4\r\n')).toEqual({
      ok: true,
      records: [
        ['a', 'b,c', 'say "hi"', 'two\r\nlines'],
        ['1', '2', '3', '4'],
      ],
    })
  })

  it('accepts LF line ends, a BOM and no final line break', () => {
    expect(parseCsv('\ufeffa,b\nc,d')).toEqual({ ok: true, records: [['a', 'b'], ['c', 'd']] })
  })

  it.each([
    ['a,"b\n', 1, 'not closed'],
    ['a,b\nc,d"e\n', 2, 'quote inside an unquoted field'],
    ['a,b\n"c"x,d\n', 2, 'after a closing quote'],
    ['a\rb', 1, 'carriage return'],
  ])('refuses %j at row %i', (text, row, message) => {
    const r = parseCsv(text)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.row).toBe(row)
      expect(r.error).toContain(message)
    }
  })

  it('property: what csvField writes, parseCsv reads back', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', 'é', ' ') }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (records) => {
        const text = records.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
        expect(parseCsv(text)).toEqual({ ok: true, records })
      }),
    )
  })
})
