/**
 * RFC 4180 CSV, strictly: fields separated by commas, records by CRLF (a bare LF
 * is accepted too), a field either wholly quoted (with "" for a quote, and any
 * comma or line break inside) or wholly unquoted (no quote in it). A UTF-8 byte
 * order mark is dropped. Every problem names its record (row 1 is the header, as
 * in a spreadsheet) and the parser never throws.
 */

export type CsvResult = { ok: true; records: string[][] } | { ok: false; row: number; error: string }

export function parseCsv(input: string): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const records: string[][] = []
  let record: string[] = []
  let i = 0
  const n = text.length
  if (n === 0) return { ok: true, records }
  for (;;) {
    const row = records.length + 1
    let field = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (i >= n) return { ok: false, row, error: 'a quoted field is not closed before the end of the file' }
        const c = text[i]!
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        field += c
        i++
      }
      if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        return { ok: false, row, error: `text after a closing quote (field ${record.length + 1}); quote the whole field` }
      }
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        if (text[i] === '"') return { ok: false, row, error: `a quote inside an unquoted field (field ${record.length + 1}); quote the field and double the quote` }
        field += text[i]
        i++
      }
    }
    record.push(field)
    if (i >= n) {
      records.push(record)
      return { ok: true, records }
    }
    const c = text[i]!
    if (c === ',') {
      i++
      continue
    }
    if (c === '\r') {
      if (text[i + 1] !== '\n') return { ok: false, row, error: 'a carriage return that is not followed by a line feed' }
      i++
    }
    i++ // the line feed
    records.push(record)
    record = []
    if (i >= n) return { ok: true, records } // a final line break ends the last record
  }
}

/** A field for a CSV we write: quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
