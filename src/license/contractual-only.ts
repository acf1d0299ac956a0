/**
 * What LICENSE.md states that license.odrl.json does not: each item is named in the
 * schedule's "Contractual only" section, so no textual constraint sits beside a
 * policy that silently permits more (issue #24: "Spring collection only" lived in the
 * text and a description while the policy permitted apparel all year).
 *
 * The table test (tests/license/schedule-table.test.ts) checks the other half: every
 * constraint the text states and this list does not name is in the policy.
 */
import type { LicenseTerms } from './terms'

export function contractualOnly(terms: LicenseTerms): string[] {
  const out: string[] = []
  if (terms.fieldOfUse.notes.trim() !== '') out.push('The further limits written in the field-of-use notes.')
  if (terms.aiTraining.use === 'constrained') out.push('What the training condition means (the policy carries its words, not its logic).')
  if (terms.residualRights === 'deleteModels' && terms.aiTraining.use !== 'notAllowed' && terms.term.end === null) {
    out.push('Deleting trained models when a perpetual licence ends early (the policy can only date the duty from a term end).')
  }
  const c = terms.contract
  if (!c) return out
  out.push('The agreement template, the governing law and the forum.')
  if (c.masterAgreement) out.push('The master agreement.')
  out.push('The parties’ legal details and the acceptance record.')
  out.push(c.warranty === 'asIs' ? 'The “as is” disclaimer.' : 'The warranty.')
  if (c.indemnity.kind !== 'none') out.push('The indemnity and its cap.')
  out.push('Assignment and transfer of the licence.')
  if (c.sublicensing !== 'none') out.push('The sublicensee’s duty to keep to this licence (the policy names who may be granted use).')
  out.push('Payment due dates, reports, taxes' + (c.payment.auditRight ? ', the audit right' : '') + (c.payment.advance ? ', the advance and its recoupment' : '') + (c.payment.minimumGuarantee ? ', the minimum guarantee' : '') + '.')
  out.push(`Termination for breach after a ${c.termination.cureDays}-day cure period, and the ${c.termination.sellOffDays}-day sell-off period.`)
  if (c.termination.filesAfter === 'keepArchive' || terms.term.end === null) out.push('What happens to the files after the end.')
  return out
}
