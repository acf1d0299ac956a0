/**
 * The terms in plain words, as Markdown: `LICENSE.md` in a pack — the schedule that
 * incorporates counsel's agreement template (contract.ts) — and what a licensing team
 * reads back before saving. Deterministic (no clock): the same terms give the same
 * text, so packs stay reproducible.
 *
 * The licensee's document names only the licensor as payee: how the licensor shares
 * what it is paid (the royalty splits) is the licensor's distribution statement
 * (`loomprint royalties`), not part of the grant (issue #24).
 *
 * Text typed by people (names, notes, constraints, attribution) is escaped, so a
 * licensee's name cannot turn into a heading or a link.
 */
import { formatCount } from '../provenance/issues'
import {
  ACCEPTANCE_LABELS,
  ASSIGNMENT_LABELS,
  FILES_AFTER_LABELS,
  NEEDS_FRAME,
  PRECEDENCE_WORDS,
  REPORTING_LABELS,
  SUBLICENSING_LABELS,
  type Contract,
  type LegalParty,
} from './contract'
import { contractualOnly } from './contractual-only'
import { findModelLicense } from './model-licenses'
import { grantedActions } from './odrl'
import { CAP_KIND_LABELS, EXCLUSIVITY_LABELS, TIER_LABELS, fieldOfUseLabel, formatPercent, licenseFingerprint, type LicenseTerms, type Money, type OverCapRule } from './terms'
import { effectiveTraining } from './training'

export { contractualOnly }

const TIER_MEANING: { readonly [K in LicenseTerms['tier']]: string } = {
  commodity: 'a non-exclusive, high-volume license.',
  hybridCreative: 'a pattern generated with AI and refined by people.',
  foundationalIp: 'access to the licensor’s fine-tuned model (LoRA or checkpoint) that produces the style, not only this output.',
}

const EXCLUSIVITY_MEANING: { readonly [K in LicenseTerms['exclusivity']]: string } = {
  nonExclusive: 'The licensor may license the same pattern to others.',
  exclusive: 'Only the licensee may use the pattern as licensed; the licensor grants it to no one else and does not use it either.',
  sole: 'The licensor grants it to no one else, but may still use the pattern itself.',
}

const ACTION_WORDS: { readonly [k: string]: string } = {
  reproduce: 'reproduce (print, produce)',
  distribute: 'distribute',
  display: 'display',
  sell: 'sell products bearing the pattern',
  modify: 'modify',
  derive: 'make derivative works',
}

const WARRANTY_MEANING: { readonly [W in Contract['warranty']]: string } = {
  asIs: 'The pattern is licensed **as is**, without any warranty of originality, non-infringement or fitness for a purpose.',
  originality:
    'The licensor warrants that the human contribution to the pattern is original to the people named in its provenance. No warranty is given about the AI-generated material.',
  originalityAndNonInfringement:
    'The licensor warrants that the human contribution is original and that, to its knowledge, the pattern as licensed does not infringe the rights of others.',
}

/**
 * Markdown-escape text typed by people; line breaks become spaces. Only inline syntax
 * is escaped: such text never starts a line here, so "#", "-" or "1." cannot open a block.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>|~])/g, '\\$1')
}

function money(m: Money): string {
  return `${m.amount} ${m.currency}`
}

function overCap(rule: OverCapRule): string {
  switch (rule.rule) {
    case 'deny':
      return 'not permitted'
    case 'renegotiate':
      return 'the terms must be renegotiated with the licensor first'
    case 'perUnitRoyalty':
      return `permitted, with a royalty of ${money(rule.perUnit)} for each unit beyond the cap, paid to the licensor`
  }
}

function legalParty(p: LegalParty): string {
  return (
    `${escapeMarkdown(p.legalName)}${p.registrationId ? ` (registration ${escapeMarkdown(p.registrationId)})` : ''}, ${escapeMarkdown(p.address)}; ` +
    `notices to ${escapeMarkdown(p.noticeContact)}; signing: ${escapeMarkdown(p.signatory.name)}${p.signatory.title ? `, ${escapeMarkdown(p.signatory.title)}` : ''}`
  )
}

export interface LicenseTextOptions {
  /** Heading, e.g. the pattern's name. */
  title?: string
  /** The generating model's licence as declared: RAIL use restrictions are passed on. */
  modelLicense?: string
  /** The key that signed the pack on the licensor's behalf (its public key, as the manifest gives it). */
  signedWith?: string
}

/** The terms as a Markdown document: the schedule. */
export function licenseText(terms: LicenseTerms, options: LicenseTextOptions = {}): string {
  const lines: string[] = []
  const out = (s = '') => lines.push(s)
  const c = terms.contract
  out(`# License schedule${options.title ? ': ' + escapeMarkdown(options.title) : ''}`)
  out()
  out('> Prepared with Loomprint from the choices the licensor recorded. It is not legal advice: the law, the clauses and')
  out('> whether anything in the pattern is protectable are for the parties and their counsel, not for Loomprint.')
  out()
  out(`**${TIER_LABELS[terms.tier]}**, ${EXCLUSIVITY_LABELS[terms.exclusivity].toLowerCase()}: ${TIER_MEANING[terms.tier]} ${EXCLUSIVITY_MEANING[terms.exclusivity]}`)
  out()
  out('## Contract frame')
  out()
  if (!c) {
    out(`**Status: ${NEEDS_FRAME}.** No agreement template, governing law, forum or parties were recorded with these terms. They describe a deal, not a complete licence, and cannot be granted to a named licensee, exclusively or solely, until the licensor completes the frame.`)
  } else {
    out(`- **Agreement:** this schedule incorporates the licensor’s agreement template ${escapeMarkdown(c.template.id)} version ${escapeMarkdown(c.template.version)} (SHA-256 of its text \`${c.template.sha256}\`).`)
    if (c.masterAgreement) out(`- **Master agreement:** ${escapeMarkdown(c.masterAgreement.reference)}${c.masterAgreement.date ? ` of ${c.masterAgreement.date}` : ''}; this schedule is made under it.`)
    out(`- **Governing law:** the law of ${c.governingLaw.subdivision ?? c.governingLaw.country} (ISO 3166 code).`)
    out(`- **Forum:** ${escapeMarkdown(c.forum)}.`)
  }
  out(`- **Order of precedence:** ${PRECEDENCE_WORDS}.`)
  out()
  out('## Parties')
  out()
  out(`- **Licensor:** ${c ? legalParty(c.parties.licensor) : escapeMarkdown(terms.licensor.name)}`)
  out(
    `- **Licensee:** ${
      terms.licensee.kind === 'named'
        ? c?.parties.licensee
          ? legalParty(c.parties.licensee)
          : escapeMarkdown(terms.licensee.name)
        : 'any person or company that accepts this offer through the licensor’s own channel and pays what is due (a “subscriber”); each subscriber gets its own non-transferable licence'
    }`,
  )
  if (c?.acceptance) {
    const a = c.acceptance
    out(`- **Accepted:** ${ACCEPTANCE_LABELS[a.method].toLowerCase()} by ${escapeMarkdown(a.by)} on ${a.at}, reference ${escapeMarkdown(a.reference)}.`)
  } else if (terms.licensee.kind === 'named') {
    out('- **Accepted:** no acceptance by the licensee is recorded.')
  }
  if (options.signedWith) out(`- **Signed for the licensor** with the pack key \`${escapeMarkdown(options.signedWith)}\` (manifest.sig), by a member of the licensor’s team.`)
  out(`- **Term:** from ${terms.term.start} ${terms.term.end === null ? 'with no end (perpetual)' : `to ${terms.term.end} inclusive`}`)
  const territory = terms.territory
  out(`- **Territory:** ${territory.scope === 'worldwide' ? 'worldwide' : territory.scope === 'include' ? 'only ' + territory.countries.join(', ') : 'worldwide except ' + territory.countries.join(', ')} (ISO 3166-1 country codes)`)
  out()
  out('## What the licensee may do')
  out()
  out(`Within the term and territory, for the fields of use below, the licensee may ${grantedActions(terms).map((a) => ACTION_WORDS[a] ?? a).join(', ')}.`)
  out()
  out(`- **Allowed fields of use:** ${terms.fieldOfUse.allowed.map(fieldOfUseLabel).join(', ')}`)
  if (terms.fieldOfUse.denied.length > 0) out(`- **Denied fields of use:** ${terms.fieldOfUse.denied.map(fieldOfUseLabel).join(', ')}`)
  out('- Any field of use not listed as allowed is not licensed.')
  if (terms.fieldOfUse.notes.trim() !== '') out(`- **Further limits (contractual only):** ${escapeMarkdown(terms.fieldOfUse.notes)}`)
  out(`- **Derivative works:** ${terms.derivativesAllowed ? 'allowed' : 'not allowed; the pattern may not be altered or adapted'}`)
  if (terms.attribution.trim() !== '') out(`- **Attribution:** credit the pattern as “${escapeMarkdown(terms.attribution)}”`)
  if (c) {
    out(`- **Sublicensing:** ${SUBLICENSING_LABELS[c.sublicensing]}.`)
    out(`- **Assignment:** ${ASSIGNMENT_LABELS[c.assignment]}.`)
  }
  out()
  const model = options.modelLicense ? findModelLicense(options.modelLicense) : null
  if (c || model?.useRestrictions) {
    out('## Restrictions')
    out()
    if (c?.restrictions.trademark) out('- No use of the pattern as, or as part of, a trademark, logo or other sign identifying a business.')
    if (c?.restrictions.standaloneFileResale) out('- No sale or distribution of the pattern’s files themselves, as they are (as stock, templates or downloads); only products bearing the pattern.')
    if (c?.restrictions.sensitiveUses) out('- No use in defamatory, unlawful, pornographic or hateful contexts, or in political campaigning.')
    if (model?.useRestrictions) {
      out(`- The pattern was generated with a model under the ${model.name}, whose ${model.useRestrictions.where} pass on to every user of its output. In short: ${model.useRestrictions.summary}. The licence’s own text (${model.source}) binds.`)
    }
    if (c && !c.restrictions.trademark && !c.restrictions.standaloneFileResale && !c.restrictions.sensitiveUses && !model?.useRestrictions) out('No restrictions beyond the grant.')
    out()
  }
  out('## Usage caps')
  out()
  if (terms.caps.length === 0) out('No caps: use is not limited in number.')
  for (const cap of terms.caps) out(`- **${CAP_KIND_LABELS[cap.kind]}:** up to ${formatCount(cap.limit)} over the term; beyond that, ${overCap(cap.overCap)}.`)
  out()
  out('## Payment')
  out()
  const basis = terms.royalty.basis
  out(
    (basis.kind === 'flatFee'
      ? `A flat fee of ${money(basis.fee)}`
      : basis.kind === 'perUnit'
        ? `A royalty of ${money(basis.perUnit)} per unit produced`
        : `A royalty of ${formatPercent(basis.basisPoints)} of net sales`) + ', paid to the licensor.',
  )
  if (basis.kind === 'revenueShare') out('“Net sales” means the gross amounts invoiced for products bearing the pattern, less returns, trade discounts actually given, and sales taxes.')
  if (c) {
    const p = c.payment
    out()
    if (p.reportingPeriod !== 'none') out(`- **Reports:** ${REPORTING_LABELS[p.reportingPeriod].toLowerCase()} usage reports; payment is due ${p.dueDays} days after the end of each period.`)
    else out(`- **Due:** ${p.dueDays} days after acceptance.`)
    if (p.advance) out(`- **Advance:** ${money(p.advance)} on acceptance, recouped from the royalties earned.`)
    if (p.minimumGuarantee) out(`- **Minimum guarantee:** ${money(p.minimumGuarantee)} over the term; any shortfall is due with the last report.`)
    out(`- **Taxes:** amounts are ${p.taxes === 'exclusive' ? 'exclusive of taxes, which are added' : 'inclusive of taxes'}.`)
    if (p.auditRight) out('- **Audit:** the licensor may have the licensee’s records of use audited once a year, on notice.')
  }
  out()
  out('## AI training and data mining')
  out()
  const t = effectiveTraining(terms)
  const declared = terms.aiTraining
  out(
    declared.use === 'allowed'
      ? 'The pattern may be used to train or fine-tune AI models and mined as data.'
      : declared.use === 'notAllowed'
        ? 'The pattern may not be used to train or fine-tune AI models, nor mined as data (text-and-data-mining rights are reserved).'
        : `The pattern may be used to train AI models and mined as data only under this condition: ${escapeMarkdown(declared.constraint)}`,
  )
  if (declared.use !== 'notAllowed') {
    out()
    out(
      terms.residualRights === 'deleteModels'
        ? `When the license ends, models trained on the pattern must be deleted.${t.use === 'constrained' && terms.term.end ? ` (The term ends on ${terms.term.end}.)` : ''}`
        : 'When the license ends, models trained on the pattern may be kept.',
    )
  }
  out()
  out('## Warranty and indemnity')
  out()
  if (!c) out(WARRANTY_MEANING.asIs + ' (No warranty was chosen: the contract frame is missing.)')
  else {
    out(WARRANTY_MEANING[c.warranty])
    out()
    out(
      c.indemnity.kind === 'none'
        ? 'No indemnity is given.'
        : c.indemnity.kind === 'capped'
          ? `The licensor indemnifies the licensee against third-party claims that the warranty was broken, up to ${money(c.indemnity.cap)} in total.`
          : 'The licensor indemnifies the licensee against third-party claims that the warranty was broken, without a cap.',
    )
  }
  out()
  out('## Copyright')
  out()
  out('No copyright is claimed in material that the provenance evidence labels AI-generated. The rights in this schedule are granted by contract: they bind the licensee whether or not any part of the pattern is protected by copyright in a given country. Whether the human contribution is protectable is decided by the law of each country, not by Loomprint.')
  out()
  out('## Termination and after')
  out()
  if (c) {
    const e = c.termination
    out(`- Either party may terminate for a material breach not cured within ${e.cureDays} days of written notice.`)
    out(`- After the end, stock already made may be sold for ${e.sellOffDays} days${e.sellOffDays === 0 ? ' (no sell-off period)' : ''}.`)
    out(`- Files: ${FILES_AFTER_LABELS[e.filesAfter].toLowerCase()}.`)
  } else out(`${NEEDS_FRAME}: no termination, sell-off or return of files was recorded.`)
  out()
  const contractual = contractualOnly(terms)
  if (contractual.length > 0) {
    out('## Contractual only')
    out()
    out('These terms bind as written here but are not in `license.odrl.json`, which cannot express them:')
    out()
    for (const item of contractual) out(`- ${item}`)
    out()
  }
  out('---')
  out()
  out(`License fingerprint: \`${licenseFingerprint(terms)}\` (SHA-256 of the terms’ canonical JSON). \`license.odrl.json\` holds a machine-readable summary as a W3C ODRL 2.2 policy; this schedule prevails over it.`)
  return lines.join('\n') + '\n'
}
