/**
 * `loomprint royalties PACK --usage USAGE.csv [--json] [--csv] [--out PREFIX]`: the
 * royalty statement of a usage report under the terms in a verified pack
 * (docs/royalties.md).
 */
import { createHash } from 'node:crypto'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { EXIT, parseFlags, UsageError, type Command, type Io } from './command'
import { loadPack } from './load-pack'
import { statementCsv, statementMarkdown } from '../royalties/render'
import { computeStatement, type RoyaltyPattern } from '../royalties/statement'
import { parseUsageReport } from '../royalties/usage-report'

const USAGE = `usage: loomprint royalties PACK --usage USAGE.csv [--json] [--csv] [--out PREFIX]

Checks a usage report against each pattern's terms in PACK and computes what is
owed, per pattern and per party, in minor units of each currency. Rows outside the
field of use, territory or term, or beyond a cap whose rule is deny or renegotiate,
are flagged and not charged. The pack must verify (see loomprint verify).

USAGE.csv has the header
  pattern_id,period,field_of_use,territory,units,impressions,revenue,currency
period: 2026, 2026-04, 2026-Q2 or 2026-04-01/2026-06-30; territory: ISO 3166-1
alpha-2; revenue: a plain decimal in the currency (ISO 4217).

  --json          print the checks and the statement as JSON
  --csv           print the statement as CSV instead of Markdown
  --out PREFIX    also write PREFIX.md and PREFIX.csv

exit codes: 0 statement made, no row flagged; 1 statement made, rows flagged;
            2 usage error, unreadable or malformed report, or a pack that does not verify`

/** Largest usage report read. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024

export const royaltiesCommand: Command = {
  name: 'royalties',
  summary: 'compute the royalties a usage report owes under a pack’s terms, per pattern and party',
  usage: USAGE,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseFlags(args, {
      usage: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      out: { type: 'string' },
    })
    if (values.help) {
      io.out(USAGE)
      return EXIT.verified
    }
    if (positionals.length !== 1) throw new UsageError('royalties takes exactly one PACK')
    if (!values.usage) throw new UsageError('royalties needs --usage USAGE.csv')
    const file = positionals[0]!

    let text: string
    let sha256: string
    try {
      const size = (await stat(values.usage)).size
      if (size > MAX_REPORT_BYTES) {
        io.err(`✗ ${values.usage}: ${size} bytes, over the ${MAX_REPORT_BYTES}-byte limit; no statement was made.`)
        return EXIT.usage
      }
      const bytes = await readFile(values.usage)
      sha256 = createHash('sha256').update(bytes).digest('hex')
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      io.err(`✗ ${values.usage}: ${code ? `cannot be read (${code})` : 'is not UTF-8 text'}; no statement was made.`)
      return EXIT.usage
    }
    const parsed = parseUsageReport(text)
    if (!parsed.ok) {
      io.err(`✗ ${values.usage}: the usage report is malformed; no statement was made.`)
      for (const issue of parsed.issues) io.err(`  row ${issue.row}${issue.column ? `, ${issue.column}` : ''}: ${issue.message}`)
      return EXIT.usage
    }

    const report = await loadPack(file, { now: () => io.now() })
    if (!report.verified || !report.manifest) {
      const why = report.checks.filter((c) => c.ok === false).map((c) => `${c.id}: ${c.message}`)
      io.err(`✗ ${file}: the pack does not verify, so its terms cannot be relied on; no statement was made (${why.slice(0, 3).join('; ') || 'unreadable'}). Run loomprint verify ${file} for details.`)
      return EXIT.usage
    }
    const m = report.manifest
    const patterns: RoyaltyPattern[] = m.patterns.map((p, index) => ({ id: p.id, name: p.name, index, license: p.license }))
    const statement = computeStatement(patterns, parsed.rows, { packId: m.packId, packDigest: m.packDigest }, sha256)
    const markdown = statementMarkdown(statement)
    const csv = statementCsv(statement)
    if (values.out) {
      try {
        await writeFile(`${values.out}.md`, markdown)
        await writeFile(`${values.out}.csv`, csv)
      } catch (err) {
        io.err(`✗ --out ${values.out}: cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
        return EXIT.usage
      }
    }

    if (values.json) {
      io.out(JSON.stringify({ verified: true, checks: report.checks, statement }, null, 2))
    } else if (values.csv) {
      io.out(csv.replace(/\r\n$/, ''))
    } else {
      io.out(`✓ pack ${m.packId} verifies (${m.patterns.length} pattern${m.patterns.length === 1 ? '' : 's'})`)
      io.out(`✓ usage report: ${parsed.rows.length} rows read`)
      for (const f of statement.flags) {
        io.out(`✗ row ${f.row} (${f.patternId}, ${f.period}, ${f.fieldOfUse}, ${f.territory}): flagged, not charged — ${f.reasons.map((r) => r.message).join(' ')}`)
      }
      for (const t of statement.totals) io.out(`✓ owed ${t.amount} ${t.currency}`)
      if (values.out) io.out(`✓ wrote ${values.out}.md and ${values.out}.csv`)
      io.out('')
      io.out(markdown)
    }
    return statement.flagged > 0 ? 1 : EXIT.verified
  },
}
