/** A royalty statement as Markdown (for people) and CSV (for a ledger or a spreadsheet). */
import { formatPercent } from '../license/terms'
import { csvField } from './csv'
import type { Statement } from './statement'

export const STATEMENT_CSV_COLUMNS = [
  'line', 'kind', 'pattern_id', 'pattern_name', 'row', 'period', 'party', 'basis_points', 'description', 'currency', 'amount', 'term', 'license_fingerprint',
] as const

/**
 * Hazard (OWASP "CSV injection"): a spreadsheet runs a cell that starts with = + - @
 * as a formula, and pattern and party names come from the pack. Such text cells get a
 * leading apostrophe (pattern ids too: a usage report may hold any id). Amounts and
 * codes are validated and never start with one of these characters.
 */
function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/**
 * One CSV: charge lines ("charge"), then flagged rows ("flag", amount empty), then
 * payments due per reporting period ("payment") and minimum-guarantee shortfalls
 * ("guarantee"), then each party's share per pattern ("share"). Lines are numbered in that order.
 */
export function statementCsv(s: Statement): string {
  const out: string[][] = [[...STATEMENT_CSV_COLUMNS]]
  for (const l of s.lines) {
    out.push([`L${l.line}`, `charge:${l.kind}`, textCell(l.patternId), textCell(l.patternName), l.row === null ? '' : String(l.row), l.period ?? '', '', '', textCell(l.description), l.currency, l.amount, l.term, l.fingerprint])
  }
  s.flags.forEach((f, i) => {
    for (const r of f.reasons) out.push([`F${i + 1}`, 'flag', textCell(f.patternId), '', String(f.row), f.period, '', '', textCell(r.message), '', '', r.term, ''])
  })
  s.payments.forEach((p, i) => {
    out.push([`P${i + 1}`, 'payment', textCell(p.patternId), '', '', p.period, '', '', `due ${p.due}; earned ${p.earned}, advance recouped ${p.recouped}`, p.currency, p.payable, p.term, ''])
  })
  s.guarantees.forEach((g, i) => {
    if (g.shortfall !== null) out.push([`G${i + 1}`, 'guarantee', textCell(g.patternId), '', '', '', '', '', `minimum guarantee ${g.guarantee}; due ${g.due ?? ''}`, g.currency, g.shortfall, g.term, ''])
  })
  s.shares.forEach((sh, i) => {
    out.push([`S${i + 1}`, 'share', textCell(sh.patternId), '', '', '', textCell(sh.party), String(sh.basisPoints), `${formatPercent(sh.basisPoints)} of the pattern's ${sh.currency} total`, sh.currency, sh.amount, sh.term, sh.fingerprint])
  })
  return out.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ')
}

export function statementMarkdown(s: Statement): string {
  const md: string[] = []
  md.push(`# Royalty statement`, '')
  md.push(`Pack \`${s.pack.packId}\` (digest \`${s.pack.packDigest.slice(0, 16)}…\`). Usage report: ${s.report.rows} rows${s.report.sha256 ? `, SHA-256 \`${s.report.sha256.slice(0, 16)}…\`` : ''}.`)
  md.push(`${s.charged} rows charged, ${s.flagged} flagged. Amounts are exact to the minor unit; each line is rounded half up once; shares use the largest-remainder method.`, '')
  md.push('## Totals', '')
  if (s.totals.length === 0) md.push('Nothing is owed.', '')
  else {
    md.push('| Currency | Owed |', '|---|---:|')
    for (const t of s.totals) md.push(`| ${t.currency} | ${t.amount} |`)
    md.push('')
  }
  if (s.parties.length > 0) {
    md.push('## Per party', '', '| Party | Currency | Owed |', '|---|---|---:|')
    for (const p of s.parties) md.push(`| ${cell(p.party)} (${cell(p.key.split(':')[0]!)}) | ${p.currency} | ${p.amount} |`)
    md.push('')
  }
  md.push('## Charges', '')
  if (s.lines.length === 0) md.push('No charges.', '')
  else {
    md.push('| # | Pattern | Row | Period | What | Amount | Term |', '|---|---|---:|---|---|---:|---|')
    for (const l of s.lines) {
      md.push(`| L${l.line} | ${cell(l.patternName)} | ${l.row ?? '—'} | ${l.period ?? '—'} | ${cell(l.description)} | ${l.amount} ${l.currency} | \`${l.term}\` |`)
    }
    md.push('')
  }
  md.push('## Flagged rows (not charged)', '')
  if (s.flags.length === 0) md.push('None.', '')
  else {
    md.push('| # | Row | Pattern | Period | Field | Territory | Why | Term |', '|---|---:|---|---|---|---|---|---|')
    s.flags.forEach((f, i) => {
      for (const r of f.reasons) md.push(`| F${i + 1} | ${f.row} | ${cell(f.patternId)} | ${f.period} | ${f.fieldOfUse} | ${f.territory} | ${cell(r.message)} | \`${r.term}\` |`)
    })
    md.push('')
  }
  if (s.payments.length > 0) {
    md.push('## Payments due (the payment terms)', '', '| Pattern | Period | Due | Earned | Advance recouped | Payable | Term |', '|---|---|---|---:|---:|---:|---|')
    for (const p of s.payments) md.push(`| ${cell(p.patternId)} | ${p.period} | ${p.due} | ${p.earned} ${p.currency} | ${p.recouped} ${p.currency} | ${p.payable} ${p.currency} | \`${p.term}\` |`)
    md.push('')
  }
  if (s.guarantees.length > 0) {
    md.push('## Minimum guarantees', '', '| Pattern | Guarantee | Advance | Earned | Shortfall owed | Due |', '|---|---:|---:|---:|---:|---|')
    for (const g of s.guarantees) md.push(`| ${cell(g.patternId)} | ${g.guarantee} ${g.currency} | ${g.advance} ${g.currency} | ${g.earned} ${g.currency} | ${g.shortfall === null ? 'term not ended' : `${g.shortfall} ${g.currency}`} | ${g.due ?? '—'} |`)
    md.push('')
  }
  if (s.shares.length > 0) {
    // The splits are the licensor's business, not the licensee's: they are not in LICENSE.md or the ODRL policy.
    md.push('## Licensor’s distribution statement (splits)', '', 'How the licensor shares what it is paid; not part of the licence.', '', '| # | Pattern | Party | Share | Amount | Term |', '|---|---|---|---:|---:|---|')
    s.shares.forEach((sh, i) => md.push(`| S${i + 1} | ${cell(sh.patternId)} | ${cell(sh.party)} | ${formatPercent(sh.basisPoints)} | ${sh.amount} ${sh.currency} | \`${sh.term}\` |`))
    md.push('')
  }
  if (s.notes.length > 0) {
    md.push('## Notes', '')
    for (const n of s.notes) md.push(`- ${n}`)
    md.push('')
  }
  md.push('Terms are quoted as paths into the pack\'s manifest.json; the license fingerprint of each line is in the CSV and JSON forms.', '')
  return md.join('\n')
}
