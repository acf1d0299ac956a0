/**
 * The License form's contract frame (issue #24): what its grouped inputs hold ⇄ the
 * terms' `contract`. Pure (no DOM). A blank frame (no template, law, forum or licensor
 * entity typed) is left out of the terms, so stamped terms without a frame can still
 * be edited and stay "needs contract frame"; anything typed is validated in full.
 */
import {
  DEFAULT_CURE_DAYS,
  type AcceptanceMethod,
  type Assignment,
  type Contract,
  type ContractDefaults,
  type FilesAfter,
  type LegalParty,
  type ReportingPeriod,
  type Sublicensing,
  type TaxTreatment,
  type Warranty,
} from '../../license/contract'

export interface PartyForm {
  legalName: string
  registrationId: string
  address: string
  noticeContact: string
  signatoryName: string
  signatoryTitle: string
}

export interface ContractForm {
  templateId: string
  templateVersion: string
  templateSha256: string
  lawCountry: string
  lawSubdivision: string
  forum: string
  masterAgreement: string
  licensor: PartyForm
  licensee: PartyForm
  acceptMethod: AcceptanceMethod
  acceptBy: string
  acceptAt: string
  acceptReference: string
  warranty: Warranty
  indemnity: 'none' | 'capped' | 'uncapped'
  indemnityCap: string
  sublicensing: Sublicensing
  assignment: Assignment
  trademark: boolean
  fileResale: boolean
  sensitiveUses: boolean
  dueDays: string
  reportingPeriod: ReportingPeriod
  auditRight: boolean
  taxes: TaxTreatment
  /** In the royalty's currency; empty: none. */
  advance: string
  minimumGuarantee: string
  cureDays: string
  sellOffDays: string
  filesAfter: FilesAfter
}

const blankParty = (): PartyForm => ({ legalName: '', registrationId: '', address: '', noticeContact: '', signatoryName: '', signatoryTitle: '' })

function partyForm(p: LegalParty | undefined): PartyForm {
  return p
    ? { legalName: p.legalName, registrationId: p.registrationId, address: p.address, noticeContact: p.noticeContact, signatoryName: p.signatory.name, signatoryTitle: p.signatory.title }
    : blankParty()
}

/** A new licence's frame: the team policy's defaults, else the usual choices with the identifying fields empty. */
export function defaultContractForm(defaults?: ContractDefaults): ContractForm {
  const d = defaults ?? {}
  return {
    templateId: d.template?.id ?? '',
    templateVersion: d.template?.version ?? '',
    templateSha256: d.template?.sha256 ?? '',
    lawCountry: d.governingLaw?.country ?? '',
    lawSubdivision: d.governingLaw?.subdivision ?? '',
    forum: d.forum ?? '',
    masterAgreement: '',
    licensor: partyForm(d.licensor),
    licensee: blankParty(),
    acceptMethod: 'signedAgreement',
    acceptBy: '',
    acceptAt: '',
    acceptReference: '',
    warranty: d.warranty ?? 'asIs',
    indemnity: 'none',
    indemnityCap: '',
    sublicensing: d.sublicensing ?? 'manufacturersOnly',
    assignment: d.assignment ?? 'withConsent',
    trademark: d.restrictions?.trademark ?? true,
    fileResale: d.restrictions?.standaloneFileResale ?? true,
    sensitiveUses: d.restrictions?.sensitiveUses ?? true,
    dueDays: String(d.payment?.dueDays ?? 30),
    reportingPeriod: d.payment?.reportingPeriod ?? 'none',
    auditRight: d.payment?.auditRight ?? true,
    taxes: d.payment?.taxes ?? 'exclusive',
    advance: '',
    minimumGuarantee: '',
    cureDays: String(d.termination?.cureDays ?? DEFAULT_CURE_DAYS),
    sellOffDays: String(d.termination?.sellOffDays ?? 90),
    filesAfter: d.termination?.filesAfter ?? 'delete',
  }
}

/** The frame of stamped terms; terms without one start from the team's defaults. */
export function contractFormOf(contract: Contract | undefined, defaults?: ContractDefaults): ContractForm {
  if (!contract) return defaultContractForm(defaults)
  const c = contract
  return {
    templateId: c.template.id,
    templateVersion: c.template.version,
    templateSha256: c.template.sha256,
    lawCountry: c.governingLaw.country,
    lawSubdivision: c.governingLaw.subdivision ?? '',
    forum: c.forum,
    masterAgreement: c.masterAgreement?.reference ?? '',
    licensor: partyForm(c.parties.licensor),
    licensee: partyForm(c.parties.licensee),
    acceptMethod: c.acceptance?.method ?? 'signedAgreement',
    acceptBy: c.acceptance?.by ?? '',
    acceptAt: c.acceptance?.at ?? '',
    acceptReference: c.acceptance?.reference ?? '',
    warranty: c.warranty,
    indemnity: c.indemnity.kind,
    indemnityCap: c.indemnity.kind === 'capped' ? c.indemnity.cap.amount : '',
    sublicensing: c.sublicensing,
    assignment: c.assignment,
    trademark: c.restrictions.trademark,
    fileResale: c.restrictions.standaloneFileResale,
    sensitiveUses: c.restrictions.sensitiveUses,
    dueDays: String(c.payment.dueDays),
    reportingPeriod: c.payment.reportingPeriod,
    auditRight: c.payment.auditRight,
    taxes: c.payment.taxes,
    advance: c.payment.advance?.amount ?? '',
    minimumGuarantee: c.payment.minimumGuarantee?.amount ?? '',
    cureDays: String(c.termination.cureDays),
    sellOffDays: String(c.termination.sellOffDays),
    filesAfter: c.termination.filesAfter,
  }
}

/** Nothing that identifies a contract was typed: the terms are saved without a frame. */
export function isBlankFrame(f: ContractForm): boolean {
  return [f.templateId, f.templateVersion, f.templateSha256, f.lawCountry, f.forum, f.licensor.legalName, f.licensor.address, f.licensor.noticeContact].every((v) => v.trim() === '')
}

function number(text: string): unknown {
  const t = text.trim()
  return /^\d+$/.test(t) ? Number(t) : t
}

function party(p: PartyForm): unknown {
  return {
    legalName: p.legalName.trim(),
    registrationId: p.registrationId.trim(),
    address: p.address.trim(),
    noticeContact: p.noticeContact.trim(),
    signatory: { name: p.signatoryName.trim(), title: p.signatoryTitle.trim() },
  }
}

/**
 * The `contract` the frame describes (not validated: the terms' parser does it), or
 * undefined for a blank frame. `named`: the licensee is named; `currency`: the royalty's.
 */
export function contractInputFromForm(f: ContractForm, named: boolean, currency: string): unknown {
  if (isBlankFrame(f)) return undefined
  const accepted = [f.acceptBy, f.acceptAt, f.acceptReference].some((v) => v.trim() !== '')
  const money = (amount: string) => ({ amount: amount.trim(), currency: currency.trim().toUpperCase() })
  return {
    template: { id: f.templateId.trim(), version: f.templateVersion.trim(), sha256: f.templateSha256.trim().toLowerCase() },
    governingLaw: { country: f.lawCountry.trim().toUpperCase(), ...(f.lawSubdivision.trim() ? { subdivision: f.lawSubdivision.trim().toUpperCase() } : {}) },
    forum: f.forum.trim(),
    ...(f.masterAgreement.trim() ? { masterAgreement: { reference: f.masterAgreement.trim() } } : {}),
    parties: { licensor: party(f.licensor), ...(named ? { licensee: party(f.licensee) } : {}) },
    ...(accepted ? { acceptance: { method: named ? f.acceptMethod : 'clickThrough', by: f.acceptBy.trim(), at: f.acceptAt.trim(), reference: f.acceptReference.trim() } } : {}),
    warranty: f.warranty,
    indemnity: f.indemnity === 'capped' ? { kind: 'capped', cap: money(f.indemnityCap) } : { kind: f.indemnity },
    sublicensing: f.sublicensing,
    assignment: f.assignment,
    restrictions: { trademark: f.trademark, standaloneFileResale: f.fileResale, sensitiveUses: f.sensitiveUses },
    payment: {
      dueDays: number(f.dueDays),
      reportingPeriod: f.reportingPeriod,
      auditRight: f.auditRight,
      taxes: f.taxes,
      ...(f.advance.trim() ? { advance: money(f.advance) } : {}),
      ...(f.minimumGuarantee.trim() ? { minimumGuarantee: money(f.minimumGuarantee) } : {}),
    },
    termination: { cureDays: number(f.cureDays), sellOffDays: number(f.sellOffDays), filesAfter: f.filesAfter },
  }
}

/** What "Make this frame the team default" stores: counsel's choices, never a deal's licensee or acceptance. */
export function contractDefaultsOf(contract: Contract): ContractDefaults {
  return {
    template: contract.template,
    governingLaw: contract.governingLaw,
    forum: contract.forum,
    licensor: contract.parties.licensor,
    warranty: contract.warranty,
    sublicensing: contract.sublicensing,
    assignment: contract.assignment,
    restrictions: contract.restrictions,
    payment: { dueDays: contract.payment.dueDays, reportingPeriod: contract.payment.reportingPeriod, auditRight: contract.payment.auditRight, taxes: contract.payment.taxes },
    termination: contract.termination,
  }
}
