/**
 * The terms in plain words, as Markdown: `LICENSE.md` in a pack, and what a licensing
 * team reads back before saving. Deterministic (no clock): the same terms give the
 * same text, so packs stay reproducible.
 *
 * Text typed by people (names, notes, constraints, attribution) is escaped, so a
 * licensee's name cannot turn into a heading or a link.
 */
import { formatCount } from '../provenance/issues'
import { grantedActions } from './odrl'
import {
  CAP_KIND_LABELS,
  EXCLUSIVITY_LABELS,
  TIER_LABELS,
  fieldOfUseLabel,
  formatPercent,
  licenseFingerprint,
  SPLIT_ROLE_LABELS,
  type LicenseTerms,
  type Money,
  type OverCapRule,
  type SplitParty,
} from './terms'
import { effectiveTraining } from './training'

const TIER_MEANING: { readonly [K in LicenseTerms['tier']]: string } = {
  commodity: 'a non-exclusive, high-volume license for the pattern as it is.',
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
      return `permitted, with a royalty of ${money(rule.perUnit)} for each unit beyond the cap`
  }
}

function partyName(party: SplitParty): string {
  return party.role === 'humanAuthor' ? party.person.name || party.person.id : party.name
}

export interface LicenseTextOptions {
  /** Heading, e.g. the pattern's name. */
  title?: string
}

/** The terms as a Markdown document. */
export function licenseText(terms: LicenseTerms, options: LicenseTextOptions = {}): string {
  const lines: string[] = []
  const out = (s = '') => lines.push(s)
  out(`# License${options.title ? ': ' + escapeMarkdown(options.title) : ''}`)
  out()
  out(`**${TIER_LABELS[terms.tier]}**, ${EXCLUSIVITY_LABELS[terms.exclusivity].toLowerCase()}: ${TIER_MEANING[terms.tier]} ${EXCLUSIVITY_MEANING[terms.exclusivity]}`)
  out()
  out(`- **Licensor:** ${escapeMarkdown(terms.licensor.name)}`)
  out(`- **Licensee:** ${terms.licensee.kind === 'named' ? escapeMarkdown(terms.licensee.name) : 'any subscriber'}`)
  out(`- **Term:** from ${terms.term.start} ${terms.term.end === null ? 'with no end (perpetual)' : `to ${terms.term.end} inclusive`}`)
  const territory = terms.territory
  out(
    `- **Territory:** ${
      territory.scope === 'worldwide'
        ? 'worldwide'
        : territory.scope === 'include'
          ? 'only ' + territory.countries.join(', ')
          : 'worldwide except ' + territory.countries.join(', ')
    } (ISO 3166-1 country codes)`,
  )
  out()
  out('## What the licensee may do')
  out()
  out(`Within the term and territory, for the fields of use below, the licensee may ${grantedActions(terms).map((a) => ACTION_WORDS[a] ?? a).join(', ')}.`)
  out()
  out(`- **Allowed fields of use:** ${terms.fieldOfUse.allowed.map(fieldOfUseLabel).join(', ')}`)
  if (terms.fieldOfUse.denied.length > 0) out(`- **Denied fields of use:** ${terms.fieldOfUse.denied.map(fieldOfUseLabel).join(', ')}`)
  out('- Any field of use not listed as allowed is not licensed.')
  if (terms.fieldOfUse.notes.trim() !== '') out(`- **Notes:** ${escapeMarkdown(terms.fieldOfUse.notes)}`)
  out(`- **Derivative works:** ${terms.derivativesAllowed ? 'allowed' : 'not allowed; the pattern may not be altered or adapted'}`)
  if (terms.attribution.trim() !== '') out(`- **Attribution:** credit the pattern as “${escapeMarkdown(terms.attribution)}”`)
  out()
  out('## Usage caps')
  out()
  if (terms.caps.length === 0) out('No caps: use is not limited in number.')
  for (const cap of terms.caps) {
    out(`- **${CAP_KIND_LABELS[cap.kind]}:** up to ${formatCount(cap.limit)}; beyond that, ${overCap(cap.overCap)}.`)
  }
  out()
  out('## Royalties')
  out()
  const basis = terms.royalty.basis
  out(
    basis.kind === 'flatFee'
      ? `A flat fee of ${money(basis.fee)}.`
      : basis.kind === 'perUnit'
        ? `A royalty of ${money(basis.perUnit)} per unit produced.`
        : `A revenue share of ${formatPercent(basis.basisPoints)} of the revenue from licensed use.`,
  )
  out()
  out('Shared between:')
  out()
  out('| Party | Role | Share |')
  out('| --- | --- | --- |')
  for (const s of terms.royalty.splits) {
    out(`| ${escapeMarkdown(partyName(s.party))} | ${SPLIT_ROLE_LABELS[s.party.role]} | ${formatPercent(s.basisPoints)} |`)
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
  out('---')
  out()
  out(`License fingerprint: \`${licenseFingerprint(terms)}\` (SHA-256 of the terms’ canonical JSON). The same terms are in \`license.odrl.json\` as a W3C ODRL 2.2 policy.`)
  return lines.join('\n') + '\n'
}
