import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cli, TMP, writeTmp } from '../pack/support'
import { writeCorpusPack } from './aftersale-fixture'

const HEADER = 'pattern_id,period,field_of_use,territory,units,impressions,revenue,currency'
let pack = ''

function report(name: string, rows: string[]): string {
  return writeTmp(Buffer.from(`${HEADER}\r\n${rows.join('\r\n')}\r\n`), name)
}

beforeAll(async () => {
  pack = await writeCorpusPack('royalties.zip')
}, 120_000)

describe('loomprint royalties', () => {
  it('a clean report: the statement, owed per party, exit 0', async () => {
    const usage = report('clean.csv', ['corpus-pattern-0,2026-03,apparel,FR,1001,0,2500,EUR', 'corpus-pattern-1,2026-Q2,homeTextiles,DE,400,0,0,EUR'])
    const r = await cli('royalties', pack, '--usage', usage)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^✓ pack lp-[0-9a-f]{32} verifies \(3 patterns\)/)
    expect(r.out).toContain('✓ owed 350.25 EUR')
    expect(r.out).toContain('| Grace Designer (humanAuthor) | EUR | 245.18 |')
    expect(r.out).toContain('| Studio Loom (studio) | EUR | 105.07 |')
    expect(r.out).toContain('`patterns[0].license.terms.royalty.basis`')
  })

  it('flagged rows are listed with their reasons and not charged: exit 1', async () => {
    const usage = report('flagged.csv', [
      'corpus-pattern-0,2026-03,apparel,FR,100,0,0,EUR',
      'corpus-pattern-0,2026-03,advertising,FR,100,0,0,EUR',
      'corpus-pattern-0,2026-04,apparel,US,100,0,0,EUR',
      'corpus-pattern-2,2026-05,apparel,FR,20000,0,0,EUR',
      'nobody,2026-05,apparel,FR,1,0,0,EUR',
    ])
    const r = await cli('royalties', pack, '--usage', usage)
    expect(r.code).toBe(1)
    expect(r.out).toContain('✗ row 3 (corpus-pattern-0, 2026-03, advertising, FR): flagged, not charged — Advertising is denied by the field of use')
    expect(r.out).toContain('✗ row 4 (corpus-pattern-0, 2026-04, apparel, US): flagged, not charged — US is outside the territory')
    expect(r.out).toMatch(/✗ row 5 .*beyond the cap of 10000; the terms say deny/)
    expect(r.out).toMatch(/✗ row 6 .*not in this pack/)
    expect(r.out).toContain('✓ owed 25.00 EUR')
  })

  it('--json and --out give the same statement as JSON, Markdown and CSV', async () => {
    const usage = report('json.csv', ['corpus-pattern-0,2026-03,apparel,FR,10,0,0,EUR'])
    const prefix = path.join(TMP, 'statement')
    const r = await cli('royalties', pack, '--usage', usage, '--json', '--out', prefix)
    const json = JSON.parse(r.out) as { statement: { totals: { amount: string }[]; lines: { term: string; fingerprint: string }[] } }
    expect(json.statement.totals).toEqual([{ currency: 'EUR', minor: '250', amount: '2.50' }])
    expect(json.statement.lines[0]!.fingerprint).toMatch(/^sha256-/)
    expect(readFileSync(`${prefix}.csv`, 'utf8')).toContain('L1,charge:perUnit,corpus-pattern-0')
    expect(readFileSync(`${prefix}.md`, 'utf8')).toContain('# Royalty statement')
  })

  it('a malformed report is refused with every bad row named: exit 2, no statement', async () => {
    const usage = report('bad.csv', ['corpus-pattern-0,2026-03,apparel,FR,ten,0,0,EUR', 'corpus-pattern-0,March,apparel,FR,1,0,0,EUR', '"unclosed,2026-03'])
    const r = await cli('royalties', pack, '--usage', usage)
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toContain('the usage report is malformed; no statement was made')
    expect(r.err).toContain('row 4: Not valid CSV: a quoted field is not closed')
    const r2 = await cli('royalties', pack, '--usage', report('bad2.csv', ['corpus-pattern-0,2026-03,apparel,FR,ten,0,0,EUR', 'corpus-pattern-0,March,apparel,FR,1,0,0,EUR']))
    expect(r2.err).toContain('row 2, units: "ten" is not a whole number of units.')
    expect(r2.err).toContain('row 3, period: "March" is not a period')
    expect(r2.err).not.toMatch(/\n\s+at /) // no stack trace
  })

  it.each([
    [['royalties', 'x.zip'], 'needs --usage'],
    [['royalties', '--usage', 'u.csv'], 'exactly one PACK'],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const r = await cli(...argv)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })

  it('a report that cannot be read, or a pack that does not exist: exit 2', async () => {
    expect((await cli('royalties', pack, '--usage', path.join(TMP, 'missing.csv'))).err).toContain('cannot be read (ENOENT)')
    const usage = report('ok.csv', ['corpus-pattern-0,2026-03,apparel,FR,10,0,0,EUR'])
    const r = await cli('royalties', path.join(TMP, 'missing.zip'), '--usage', usage)
    expect(r.code).toBe(2)
    expect(r.err).toContain('does not verify')
  })
})
