/**
 * What the licensee pays, and when, under each pattern's payment terms (the contract
 * frame's `payment`, issue #24): the royalties earned per reporting period with
 * their due date, the advance recouped from them first, and the shortfall under a
 * minimum guarantee once the term has ended. Pure and deterministic, in minor units.
 *
 * Terms without a frame have no payment terms: nothing here is computed for them and
 * a note says so ("needs contract frame").
 *
 * Rules (docs/royalties.md, "Payment terms"):
 * - A charge line belongs to the reporting period containing the end of its usage
 *   period; a flat fee to the acceptance date (or the term start without one).
 * - Due = end of the reporting period (or that date) + `dueDays`.
 * - The advance (same currency as the royalty) is recouped from earnings in period
 *   order until it is used up; payable = earned − recouped.
 * - Minimum guarantee: once the report reaches the term's end, the licensee owes
 *   guarantee − max(advance, earned) if positive, due with the last period.
 */
import type { ReportingPeriod } from '../license/contract'
import { addDays } from '../license/odrl'
import { formatMinor, multiplyMoney } from './money'
import type { LicenseTerms } from '../license/terms'

/** What the schedule reads of a statement's patterns and charge lines (statement.ts has the full types). */
type PatternTerms = { id: string; name: string; index: number; license: { terms: LicenseTerms } | null }
type Charge = { patternId: string; row: number | null; currency: string; minor: string }

export type PaymentPeriod = {
  patternId: string
  /** "2026-Q1", "2026-03", "2026-H2", "2026", or the date a flat fee falls on. */
  period: string
  periodEnd: string
  due: string
  currency: string
  earned: string
  recouped: string
  payable: string
  term: string
}

export type GuaranteeCheck = {
  patternId: string
  currency: string
  guarantee: string
  advance: string
  earned: string
  /** Owed on top of the royalties; null while the term has not ended within the report. */
  shortfall: string | null
  due: string | null
  term: string
}

export type PaymentSchedule = { periods: PaymentPeriod[]; guarantees: GuaranteeCheck[]; notes: string[] }

const pad = (n: number) => String(n).padStart(2, '0')

function lastDayOf(year: number, month: number): string {
  return addDays(`${year + (month === 12 ? 1 : 0)}-${pad(month === 12 ? 1 : month + 1)}-01`, -1)
}

/** The reporting period that contains `day`, and its last day. */
export function reportingPeriodOf(day: string, period: Exclude<ReportingPeriod, 'none'>): { label: string; end: string } {
  const y = Number(day.slice(0, 4))
  const m = Number(day.slice(5, 7))
  switch (period) {
    case 'monthly':
      return { label: `${y}-${pad(m)}`, end: lastDayOf(y, m) }
    case 'quarterly': {
      const q = Math.ceil(m / 3)
      return { label: `${y}-Q${q}`, end: lastDayOf(y, q * 3) }
    }
    case 'semiAnnual':
      return m <= 6 ? { label: `${y}-H1`, end: `${y}-06-30` } : { label: `${y}-H2`, end: `${y}-12-31` }
    case 'annual':
      return { label: String(y), end: `${y}-12-31` }
  }
}

export function paymentSchedule(patterns: readonly PatternTerms[], lines: readonly Charge[], periodEnds: ReadonlyMap<number, string>): PaymentSchedule {
  const periods: PaymentPeriod[] = []
  const guarantees: GuaranteeCheck[] = []
  const notes: string[] = []
  for (const p of patterns) {
    if (!p.license) continue
    const mine = lines.filter((l) => l.patternId === p.id)
    const { terms } = p.license
    const contract = terms.contract
    if (!contract) {
      if (mine.length > 0) notes.push(`${p.name}: the terms have no payment terms (needs contract frame), so no due dates, advance or minimum guarantee are computed.`)
      continue
    }
    const pay = contract.payment
    const base = `patterns[${p.index}].license.terms.contract.payment`
    const flatDay = contract.acceptance?.at ?? terms.term.start
    // Earned per (period, currency), in the order periods end.
    const buckets = new Map<string, { period: string; end: string; currency: string; minor: bigint }>()
    for (const l of mine) {
      const usageEnd = l.row === null ? null : periodEnds.get(l.row) ?? null
      const slot = usageEnd === null || pay.reportingPeriod === 'none' ? { label: usageEnd ?? flatDay, end: usageEnd ?? flatDay } : reportingPeriodOf(usageEnd, pay.reportingPeriod)
      const key = `${slot.end}\u0000${l.currency}`
      const b = buckets.get(key) ?? { period: slot.label, end: slot.end, currency: l.currency, minor: 0n }
      b.minor += BigInt(l.minor)
      buckets.set(key, b)
    }
    const ordered = [...buckets.values()].sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.currency < b.currency ? -1 : 1))
    const advance = pay.advance ? multiplyMoney(pay.advance, 1n) : 0n
    let toRecoup = advance
    const earnedIn = new Map<string, bigint>()
    for (const b of ordered) {
      const recoup = pay.advance && b.currency === pay.advance.currency ? (toRecoup < b.minor ? toRecoup : b.minor) : 0n
      toRecoup -= recoup
      earnedIn.set(b.currency, (earnedIn.get(b.currency) ?? 0n) + b.minor)
      periods.push({
        patternId: p.id,
        period: b.period,
        periodEnd: b.end,
        due: addDays(b.end, pay.dueDays),
        currency: b.currency,
        earned: formatMinor(b.minor, b.currency),
        recouped: formatMinor(recoup, b.currency),
        payable: formatMinor(b.minor - recoup, b.currency),
        term: `${base}.dueDays`,
      })
    }
    if (pay.advance && toRecoup > 0n) notes.push(`${p.name}: ${formatMinor(toRecoup, pay.advance.currency)} ${pay.advance.currency} of the advance is not yet recouped.`)
    if (pay.minimumGuarantee) {
      const g = pay.minimumGuarantee
      const guarantee = multiplyMoney(g, 1n)
      const earned = earnedIn.get(g.currency) ?? 0n
      const lastEnd = ordered.length > 0 ? ordered[ordered.length - 1]!.end : null
      const ended = terms.term.end !== null && lastEnd !== null && lastEnd >= terms.term.end
      const paid = advance > earned ? advance : earned
      const shortfall = guarantee > paid ? guarantee - paid : 0n
      guarantees.push({
        patternId: p.id,
        currency: g.currency,
        guarantee: formatMinor(guarantee, g.currency),
        advance: formatMinor(advance, g.currency),
        earned: formatMinor(earned, g.currency),
        shortfall: ended ? formatMinor(shortfall, g.currency) : null,
        due: ended && lastEnd !== null ? addDays(lastEnd, pay.dueDays) : null,
        term: `${base}.minimumGuarantee`,
      })
      if (!ended) notes.push(`${p.name}: minimum guarantee ${g.amount} ${g.currency}; ${formatMinor(earned, g.currency)} earned so far. Any shortfall is due after the term ends${terms.term.end ? ` on ${terms.term.end}` : ''}.`)
    }
  }
  return { periods, guarantees, notes }
}
