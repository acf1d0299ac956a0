import { describe, expect, it } from 'vitest'
import type { TrackedPattern } from '../../src/messages'
import { csvCell, filterRows, NO_FILTERS, reviewCsv, sortRows, summarize } from '../../src/ui/review/review-table'
import { toReviewRow, type ReviewRow } from '../../src/ui/review/review-workflows'

function row(name: string, page: string, over: Partial<ReviewRow> = {}): ReviewRow {
  const raw: TrackedPattern = { nodeId: name, name, pageId: page, pageName: page, record: '{}', review: null, license: null, journalHeads: [] }
  return {
    ...toReviewRow(raw),
    status: 'unreviewed',
    record: null,
    hcc: 0.5,
    label: 'AI-assisted',
    ...over,
  }
}

const rows = [
  row('Toile', 'B', { hcc: 0.7, label: 'Human-authored, AI-assisted', status: 'approved', capturedAt: '2025-03-03T10:00:00Z' }),
  row('ikat', 'A', { hcc: 0.05, label: 'AI-generated', capturedAt: '2025-03-01T10:00:00Z', outOfDate: true }),
  row('Paisley', 'A', { hcc: null, label: null, status: 'not-captured', capturedAt: null, outOfDate: true }),
  row('Damask', 'C', { hcc: 0.3, status: 'approved-out-of-date', capturedAt: '2025-03-02T10:00:00Z' }),
]

describe('sortRows', () => {
  it.each<[string, 'ascending' | 'descending', string[]]>([
    ['name', 'ascending', ['Damask', 'ikat', 'Paisley', 'Toile']],
    ['name', 'descending', ['Toile', 'Paisley', 'ikat', 'Damask']],
    ['hcc', 'ascending', ['ikat', 'Damask', 'Toile', 'Paisley']],
    ['hcc', 'descending', ['Toile', 'Damask', 'ikat', 'Paisley']],
    ['captured', 'descending', ['Toile', 'Damask', 'ikat', 'Paisley']],
    ['page', 'ascending', ['ikat', 'Paisley', 'Toile', 'Damask']],
  ])('by %s %s (rows without a value last, ties keep listing order)', (key, direction, expected) => {
    expect(sortRows(rows, { key: key as never, direction }).map((r) => r.name)).toEqual(expected)
  })
})

describe('filterRows and summarize', () => {
  it.each<[string, Partial<typeof NO_FILTERS>, string[]]>([
    ['none', {}, ['Toile', 'ikat', 'Paisley', 'Damask']],
    ['name, any case', { name: 'IK' }, ['ikat']],
    ['label', { label: 'AI-generated' }, ['ikat']],
    ['not captured as a label', { label: 'Not captured' }, ['Paisley']],
    ['status', { status: 'approved-out-of-date' }, ['Damask']],
    ['page', { pageId: 'A' }, ['ikat', 'Paisley']],
    ['out of date', { outOfDateOnly: true }, ['ikat', 'Paisley']],
    ['combined', { pageId: 'A', outOfDateOnly: true, name: 'pai' }, ['Paisley']],
  ])('%s', (_name, filters, expected) => {
    expect(filterRows(rows, { ...NO_FILTERS, ...filters }).map((r) => r.name)).toEqual(expected)
  })

  it('counts per label and per status', () => {
    const s = summarize(rows)
    expect(s.total).toBe(4)
    expect(s.byLabel).toContainEqual(['AI-assisted', 1])
    expect(s.byStatus).toContainEqual(['Approved', 1])
    expect(s.byStatus).toContainEqual(['Not captured', 1])
  })
})

describe('CSV', () => {
  it.each<[string | number | null, string]>([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+1', "'+1"],
    ['@cmd', "'@cmd"],
    [null, ''],
    [0.4213, '0.4213'],
  ])('cell %j → %s', (value, expected) => expect(csvCell(value)).toBe(expected))

  it('has a header and one CRLF line per row as filtered', () => {
    const csv = reviewCsv(filterRows(rows, { ...NO_FILTERS, pageId: 'A' }))
    const lines = csv.split('\r\n')
    expect(lines[0]).toMatch(/^pattern,node id,pattern id,page,hcc,label,review status/)
    expect(lines).toHaveLength(4) // header, 2 rows, trailing empty
    expect(lines[1]).toMatch(/^ikat,ikat,,A,0\.0500,AI-generated,Awaiting review/)
  })

  it('carries the review comment of the last decision, beside who decided and when (issue #21, item 18)', () => {
    const decided = row('Tile', 'A', {
      status: 'changes-requested',
      latest: {
        decision: 'request-changes',
        by: { id: 'bo', name: 'Bo' },
        at: '2025-03-04T10:00:00Z',
        comment: 'Warmer ground, please',
        capture: { hash: 'a'.repeat(64), hcc: 0.5, label: 'AI-assisted', method: 'loomprint-hcc/2', policyFingerprint: 'p', at: '2025-03-04T09:00:00Z' },
      },
    })
    const [header, line] = reviewCsv([decided]).split('\r\n')
    const columns = header!.split(',')
    const cells = line!.split(',')
    expect(columns.slice(7, 11)).toEqual(['last decision', 'decided by', 'decided at', 'review comment'])
    expect(cells[columns.indexOf('review comment')]).toBe('"Warmer ground')
    expect(line).toContain('"Warmer ground, please"')
  })
})
