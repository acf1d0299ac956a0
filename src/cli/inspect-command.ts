/** `loomprint inspect PACK [--json]`: the patterns, scores, labels and terms, after the same checks as verify. */
import { EXIT, parseFlags, UsageError, type Command, type Io } from './command'
import { loadPack } from './load-pack'
import { mark } from './verify-command'

const USAGE = `usage: loomprint inspect PACK [--json]

Prints the patterns of a pack (scores, labels, origin, terms, assets). The pack is
checked as by verify first; a pack that does not verify is shown with a warning.`

function pct(x: number | null): string {
  return x === null ? '—' : `${(x * 100).toFixed(1)}%`
}

/** ✓ held; ✗ failed and blocks (an error); ! failed without blocking — the License tab's marks. */
export function eligibilityMark(rule: { ok: boolean; severity: string }): string {
  return rule.ok ? '✓' : rule.severity === 'error' ? '✗' : '!'
}

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'print the patterns, scores, labels and terms of a pack',
  usage: USAGE,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseFlags(args, { json: { type: 'boolean' } })
    if (values.help) {
      io.out(USAGE)
      return EXIT.verified
    }
    if (positionals.length !== 1) throw new UsageError('inspect takes exactly one PACK')
    const report = await loadPack(positionals[0]!, { now: () => io.now() })
    const m = report.manifest
    if (values.json) {
      io.out(JSON.stringify({ verified: report.verified, checks: report.checks, manifest: m }, null, 2))
    } else if (m) {
      if (!report.verified) {
        io.out('WARNING: this pack does not verify; what follows is what it claims:')
        for (const c of report.checks.filter((x) => x.ok === false)) io.out(`${mark(c)} ${c.id}: ${c.message}`)
      }
      io.out(`pack ${m.packId}  created ${m.created}  by ${m.generator.name} ${m.generator.version}`)
      io.out(`signer ${m.signer.fingerprint.slice(0, 16)}${m.signer.owner ? ` (${m.signer.owner.name || m.signer.owner.id})` : ''}`)
      if (m.intendedUse) {
        const u = m.intendedUse.use
        io.out(`intended use: ${u.fieldOfUse} in ${u.territory === 'worldwide' ? 'worldwide' : u.territory.join(', ')}${u.units === undefined ? '' : `, ${u.units} units`}, from ${m.intendedUse.at}`)
      }
      for (const p of m.patterns) {
        io.out('')
        io.out(`${p.name}  (${p.id})`)
        io.out(`  label      ${p.label}  [${p.digitalSourceType}]`)
        io.out(`  HCC        ${pct(p.hcc)}  ${p.method}${p.capturedAt ? `, captured ${p.capturedAt}` : ''}`)
        if (p.breakdown) io.out(`  breakdown  ${Object.entries(p.breakdown).map(([k, v]) => `${k} ${pct(v)}`).join(', ')}`)
        io.out(`  origin     ${p.origin ? `${p.origin.generator} / ${p.origin.model} ${p.origin.modelVersion} (${p.origin.generatedAt})` : 'no generative AI declared'}`)
        const review = p.reviews[p.reviews.length - 1]
        io.out(`  review     ${review ? `${review.decision} by ${review.by.name || review.by.id} on ${review.at}` : 'none'}`)
        io.out(`  license    ${p.license ? `${p.license.terms.tier}, ${p.license.terms.exclusivity}, ${p.license.terms.term.start} to ${p.license.terms.term.end ?? 'perpetual'}, licensor ${p.license.terms.licensor.name} (${p.license.fingerprint.slice(0, 23)})` : 'none'}`)
        if (p.eligibility) {
          io.out(`  eligible   ${p.eligibility.eligible ? 'yes' : 'no'}${p.eligibility.verifiedHuman ? ' · Provenance-verified human' : ''}`)
          // As the License tab shows them: ✗ only for a rule that blocks, ! for one that does not.
          for (const e of p.eligibility.rules) io.out(`    ${eligibilityMark(e)} ${e.reason}`)
        }
        if (p.use) io.out(`  use        ${p.use.permitted ? 'permitted' : 'not permitted'}: ${p.use.checks.filter((c) => !c.ok).map((c) => c.reason).join(' ') || 'every check holds'}`)
        if (p.heatmap) io.out(`  heat map   ${p.heatmap.path}  ${p.heatmap.width}×${p.heatmap.height}  changed ${pct(p.heatmap.shares.changed)}, added ${pct(p.heatmap.shares.added)}, removed ${pct(p.heatmap.shares.removed)}`)
        for (const a of m.assets.filter((x) => x.pattern === p.id)) {
          io.out(`  asset      ${a.path}  ${a.mediaType}  ${a.width ?? '?'}×${a.height ?? '?'}  ${a.bytes} bytes`)
        }
      }
    } else {
      for (const c of report.checks) io.out(`${mark(c)} ${c.id}: ${c.message}`)
    }
    if (report.unreadable) return EXIT.usage
    return report.verified ? EXIT.verified : EXIT.notVerified
  },
}
