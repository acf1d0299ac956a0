/**
 * A royalty statement: what a usage report makes due under each pattern's terms,
 * and to whom. Pure and deterministic — the same patterns and report give the same
 * statement, line for line (no clock, no randomness, no floats).
 *
 * Each row is either charged (one or more charge lines) or flagged (no charge, with
 * every reason). Every line and flag names the term it comes from, as a path into
 * the pack's manifest.json ("patterns[2].license.terms.caps[0]"), and the terms'
 * fingerprint.
 *
 * Rules (docs/royalties.md):
 * - Outside the field of use, the territory or the term → flagged.
 * - Caps count licensed usage of the whole report, in period order (then row order).
 *   A row that goes beyond a cap: deny or renegotiate → flagged, whole row;
 *   perUnitRoyalty → charged, the units beyond the cap at the over-cap rate.
 *   Flagged rows do not count toward a cap.
 * - Basis: flatFee → once per pattern with at least one charged row (its rows get a
 *   0 line "covered by the flat fee"); perUnit → units × rate, except units already
 *   charged at an over-cap rate; revenueShare → revenue × basis points / 10,000 in
 *   the row's currency.
 * - Each line is rounded half up to the minor unit once; a pattern's total per
 *   currency is split by basis points with the largest-remainder method.
 */
import { CAP_KIND_LABELS, fieldOfUseLabel, formatPercent, splitPartyKey, type LicenseTerms, type RoyaltySplit, type SplitParty } from '../license/terms'
import { allocate, divideHalfUp, formatMinor, minorUnits, multiplyMoney } from './money'
import type { UsageRow } from './usage-report'
import { paymentSchedule, type PaymentSchedule } from './payment'

export type RoyaltyPattern = {
  id: string
  name: string
  /** Index in the manifest's `patterns`, for term paths. */
  index: number
  license: { terms: LicenseTerms; fingerprint: string } | null
}

export type ChargeKind = 'flatFee' | 'flatFeeCovered' | 'perUnit' | 'revenueShare' | 'overCap'

export type ChargeLine = {
  line: number
  kind: ChargeKind
  patternId: string
  patternName: string
  /** The report row, or null for a flat fee (owed per pattern, not per row). */
  row: number | null
  period: string | null
  description: string
  currency: string
  /** Minor units, as a decimal string of an integer. */
  minor: string
  amount: string
  term: string
  fingerprint: string
}

export type FlagReason = { term: string; message: string }

export type Flag = {
  row: number
  patternId: string
  period: string
  fieldOfUse: string
  territory: string
  reasons: FlagReason[]
}

export type Share = {
  patternId: string
  party: string
  role: SplitParty['role']
  key: string
  basisPoints: number
  currency: string
  minor: string
  amount: string
  term: string
  fingerprint: string
}

export type Total = { currency: string; minor: string; amount: string }
export type PartyTotal = { party: string; key: string; currency: string; minor: string; amount: string }

export type Statement = {
  schema: 'loomprint/royalty-statement@1'
  pack: { packId: string; packDigest: string }
  report: { rows: number; sha256: string | null }
  charged: number
  flagged: number
  lines: ChargeLine[]
  flags: Flag[]
  shares: Share[]
  totals: Total[]
  parties: PartyTotal[]
  /** Due dates, advance recoupment and minimum guarantees (payment.ts); empty without payment terms. */
  payments: PaymentSchedule['periods']
  guarantees: PaymentSchedule['guarantees']
  notes: string[]
}

function partyName(party: SplitParty): string {
  return party.role === 'humanAuthor' ? party.person.name || party.person.id : party.name
}

function territoryCovers(terms: LicenseTerms, country: string): boolean {
  const t = terms.territory
  return t.scope === 'worldwide' || (t.scope === 'include' ? t.countries.includes(country) : !t.countries.includes(country))
}

function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function computeStatement(
  patterns: readonly RoyaltyPattern[],
  rows: readonly UsageRow[],
  pack: { packId: string; packDigest: string },
  reportSha256: string | null = null,
): Statement {
  const byId = new Map(patterns.map((p) => [p.id, p]))
  const lines: Omit<ChargeLine, 'line'>[] = []
  const flags: Flag[] = []
  const notes: string[] = []
  const used = new Map<string, { units: number; impressions: number }>()
  const chargedPatterns = new Set<string>()

  // Caps accrue in period order, then row order: the order usage happened in.
  const ordered = [...rows].sort((a, b) => byCode(a.period.start, b.period.start) || byCode(a.period.end, b.period.end) || a.row - b.row)

  for (const r of ordered) {
    const p = byId.get(r.patternId)
    const flag = (reasons: FlagReason[]): void => {
      flags.push({ row: r.row, patternId: r.patternId, period: r.period.text, fieldOfUse: r.fieldOfUse, territory: r.territory, reasons })
    }
    if (!p) {
      flag([{ term: 'patterns', message: `Pattern ${r.patternId} is not in this pack.` }])
      continue
    }
    if (!p.license) {
      flag([{ term: `patterns[${p.index}].license`, message: `${p.name} has no license terms in this pack.` }])
      continue
    }
    const { terms, fingerprint } = p.license
    const base = `patterns[${p.index}].license.terms`
    const unsupported = unsupportedCurrencies([p])
    if (unsupported.length > 0) {
      flag([{ term: `${base}.royalty`, message: `The terms charge in ${unsupported.join(', ')}, which has no minor unit; nothing can be computed.` }])
      continue
    }
    const reasons: FlagReason[] = []
    if (!terms.fieldOfUse.allowed.includes(r.fieldOfUse)) {
      const denied = terms.fieldOfUse.denied.includes(r.fieldOfUse)
      reasons.push({
        term: `${base}.fieldOfUse`,
        message: `${fieldOfUseLabel(r.fieldOfUse)} is ${denied ? 'denied by' : 'outside'} the field of use (allowed: ${terms.fieldOfUse.allowed.map(fieldOfUseLabel).join(', ')}).`,
      })
    }
    if (!territoryCovers(terms, r.territory)) {
      const t = terms.territory
      reasons.push({
        term: `${base}.territory`,
        message: `${r.territory} is outside the territory (${t.scope === 'include' ? `only ${t.countries.join(', ')}` : t.scope === 'exclude' ? `worldwide except ${t.countries.join(', ')}` : 'worldwide'}).`,
      })
    }
    if (r.period.start < terms.term.start || (terms.term.end !== null && r.period.end > terms.term.end)) {
      reasons.push({
        term: `${base}.term`,
        message: `The period ${r.period.start} to ${r.period.end} is not within the term ${terms.term.start} to ${terms.term.end ?? 'perpetual'}.`,
      })
    }
    if (reasons.length > 0) {
      flag(reasons)
      continue
    }

    // Caps: what this row adds beyond each one.
    const so = used.get(p.id) ?? { units: 0, impressions: 0 }
    used.set(p.id, so)
    const overCapLines: Omit<ChargeLine, 'line'>[] = []
    let unitsAtOverCapRate = 0
    terms.caps.forEach((cap, ci) => {
      if (cap.kind === 'variants') return
      const amount = cap.kind === 'units' ? r.units : r.impressions
      const before = so[cap.kind]
      const after = before + amount
      const beyond = Math.max(0, after - Math.max(cap.limit, before))
      if (beyond === 0) return
      const what = CAP_KIND_LABELS[cap.kind].toLowerCase()
      const term = `${base}.caps[${ci}]`
      const over = cap.overCap
      if (over.rule === 'perUnitRoyalty') {
        if (cap.kind === 'units') unitsAtOverCapRate = Math.max(unitsAtOverCapRate, beyond)
        const minor = multiplyMoney(over.perUnit, BigInt(beyond))
        overCapLines.push({
          kind: 'overCap',
          patternId: p.id,
          patternName: p.name,
          row: r.row,
          period: r.period.text,
          description: `${beyond} ${what} beyond the cap of ${cap.limit} × ${over.perUnit.amount} ${over.perUnit.currency}`,
          currency: over.perUnit.currency,
          minor: minor.toString(),
          amount: formatMinor(minor, over.perUnit.currency),
          term: `${term}.overCap`,
          fingerprint,
        })
      } else {
        reasons.push({
          term,
          message: `${after} ${what} in total goes ${beyond} beyond the cap of ${cap.limit}; the terms say ${over.rule === 'deny' ? 'deny' : 'renegotiate'} beyond it.`,
        })
      }
    })
    // Usage happened whether or not it was licensed: later rows count from here.
    so.units += r.units
    so.impressions += r.impressions
    if (reasons.length > 0) {
      flag(reasons)
      continue
    }

    chargedPatterns.add(p.id)
    const basis = terms.royalty.basis
    const row = { patternId: p.id, patternName: p.name, row: r.row, period: r.period.text, term: `${base}.royalty.basis`, fingerprint }
    if (basis.kind === 'flatFee') {
      lines.push({ ...row, kind: 'flatFeeCovered', description: `${r.units} units, ${r.impressions} impressions: covered by the flat fee`, currency: basis.fee.currency, minor: '0', amount: formatMinor(0n, basis.fee.currency) })
    } else if (basis.kind === 'perUnit') {
      const units = r.units - unitsAtOverCapRate
      const minor = multiplyMoney(basis.perUnit, BigInt(units))
      const note = unitsAtOverCapRate > 0 ? ` (${unitsAtOverCapRate} more at the over-cap rate)` : ''
      lines.push({ ...row, kind: 'perUnit', description: `${units} units × ${basis.perUnit.amount} ${basis.perUnit.currency}${note}`, currency: basis.perUnit.currency, minor: minor.toString(), amount: formatMinor(minor, basis.perUnit.currency) })
    } else {
      const minor = divideHalfUp(r.revenue * BigInt(basis.basisPoints), 10_000n)
      lines.push({ ...row, kind: 'revenueShare', description: `${formatPercent(basis.basisPoints)} of revenue ${formatMinor(r.revenue, r.currency)} ${r.currency}`, currency: r.currency, minor: minor.toString(), amount: formatMinor(minor, r.currency) })
    }
    lines.push(...overCapLines)
  }

  // Flat fees: once per pattern that has a charged row.
  for (const p of patterns) {
    const basis = p.license?.terms.royalty.basis
    if (!p.license || basis?.kind !== 'flatFee' || !chargedPatterns.has(p.id)) continue
    const minor = multiplyMoney(basis.fee, 1n)
    lines.push({
      kind: 'flatFee',
      patternId: p.id,
      patternName: p.name,
      row: null,
      period: null,
      description: `flat fee ${basis.fee.amount} ${basis.fee.currency} (once per pattern)`,
      currency: basis.fee.currency,
      minor: minor.toString(),
      amount: formatMinor(minor, basis.fee.currency),
      term: `patterns[${p.index}].license.terms.royalty.basis`,
      fingerprint: p.license.fingerprint,
    })
  }
  for (const p of patterns) {
    if (p.license?.terms.caps.some((c) => c.kind === 'variants')) {
      notes.push(`${p.name}: the cap on product variants is not checked; a usage report has no variants column.`)
    }
  }

  // Order: pattern order in the pack, then row, flat fee last; flags by row.
  const index = new Map(patterns.map((p) => [p.id, p.index]))
  const kindOrder: Record<ChargeKind, number> = { flatFeeCovered: 0, perUnit: 0, revenueShare: 0, overCap: 1, flatFee: 2 }
  lines.sort(
    (a, b) =>
      index.get(a.patternId)! - index.get(b.patternId)! ||
      (a.row ?? Infinity) - (b.row ?? Infinity) ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      byCode(a.term, b.term),
  )
  flags.sort((a, b) => a.row - b.row)
  const numbered: ChargeLine[] = lines.map((l, i) => ({ line: i + 1, ...l }))

  // Splits, per pattern and currency.
  const shares: Share[] = []
  for (const p of patterns) {
    if (!p.license) continue
    const perCurrency = new Map<string, bigint>()
    for (const l of numbered) if (l.patternId === p.id) perCurrency.set(l.currency, (perCurrency.get(l.currency) ?? 0n) + BigInt(l.minor))
    const splits: readonly RoyaltySplit[] = p.license.terms.royalty.splits
    for (const currency of [...perCurrency.keys()].sort(byCode)) {
      const total = perCurrency.get(currency)!
      const parts = allocate(total, splits.map((s) => s.basisPoints))
      splits.forEach((s, i) => {
        shares.push({
          patternId: p.id,
          party: partyName(s.party),
          role: s.party.role,
          key: splitPartyKey(s.party),
          basisPoints: s.basisPoints,
          currency,
          minor: parts[i]!.toString(),
          amount: formatMinor(parts[i]!, currency),
          term: `patterns[${p.index}].license.terms.royalty.splits[${i}]`,
          fingerprint: p.license!.fingerprint,
        })
      })
    }
  }

  const totals = new Map<string, bigint>()
  for (const l of numbered) totals.set(l.currency, (totals.get(l.currency) ?? 0n) + BigInt(l.minor))
  const partyTotals = new Map<string, { party: string; key: string; currency: string; minor: bigint }>()
  for (const s of shares) {
    const k = `${s.key}\u0000${s.currency}`
    const t = partyTotals.get(k) ?? { party: s.party, key: s.key, currency: s.currency, minor: 0n }
    t.minor += BigInt(s.minor)
    partyTotals.set(k, t)
  }
  const schedule = paymentSchedule(patterns, numbered, new Map(rows.map((r) => [r.row, r.period.end])))
  notes.push(...schedule.notes)
  return {
    schema: 'loomprint/royalty-statement@1',
    pack,
    report: { rows: rows.length, sha256: reportSha256 },
    charged: rows.length - flags.length,
    flagged: flags.length,
    lines: numbered,
    flags,
    shares,
    totals: [...totals.entries()].sort(([a], [b]) => byCode(a, b)).map(([currency, minor]) => ({ currency, minor: minor.toString(), amount: formatMinor(minor, currency) })),
    parties: [...partyTotals.values()]
      .sort((a, b) => byCode(a.key, b.key) || byCode(a.currency, b.currency))
      .map((t) => ({ party: t.party, key: t.key, currency: t.currency, minor: t.minor.toString(), amount: formatMinor(t.minor, t.currency) })),
    payments: schedule.periods,
    guarantees: schedule.guarantees,
    notes,
  }
}

/** Currencies a pattern's terms charge in that this build cannot round (none today but XDR). */
export function unsupportedCurrencies(patterns: readonly RoyaltyPattern[]): string[] {
  const out = new Set<string>()
  for (const p of patterns) {
    const t = p.license?.terms
    if (!t) continue
    const b = t.royalty.basis
    if (b.kind === 'flatFee' && minorUnits(b.fee.currency) === null) out.add(b.fee.currency)
    if (b.kind === 'perUnit' && minorUnits(b.perUnit.currency) === null) out.add(b.perUnit.currency)
    for (const c of t.caps) if (c.overCap.rule === 'perUnitRoyalty' && minorUnits(c.overCap.perUnit.currency) === null) out.add(c.overCap.perUnit.currency)
  }
  return [...out].sort(byCode)
}
