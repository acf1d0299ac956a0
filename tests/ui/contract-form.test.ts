/**
 * The License form's contract frame (pure model): defaults from the team policy make a
 * complete non-exclusive licence from three inputs; a blank frame leaves old terms as
 * they were (same fingerprint, "needs contract frame"); a named licensee asks for its
 * entity and acceptance; the frame kept as the team default holds no deal's licensee.
 */
import { describe, expect, it } from 'vitest'
import { checkEligibility } from '../../src/license/eligibility'
import { licenseFingerprint } from '../../src/license/terms'
import { licenseText } from '../../src/license/text'
import { parsePolicy, type LicenseDefaults } from '../../src/provenance/policy'
import { contractDefaultsOf, isBlankFrame } from '../../src/ui/license/contract-form'
import { defaultLicenseForm, licenseFormOf, licenseIssuesByField, parseLicenseForm } from '../../src/ui/license/license-form'
import { framedTerms, sampleContract, sampleTerms } from '../license/fixtures'

const DEFAULTS: LicenseDefaults = {
  licensor: { name: 'Atelier Nord' },
  contract: contractDefaultsOf(sampleContract()),
}

describe('the contract frame in the License form', () => {
  it('from the team policy’s defaults, a complete non-exclusive licence needs only fields of use and a fee', () => {
    const form = defaultLicenseForm('2026-03-01', DEFAULTS, [{ id: 'u-ana', name: 'Ana' }])
    expect(parseLicenseForm(form).ok).toBe(false) // the deal itself is not a default
    const r = parseLicenseForm({ ...form, allowed: ['apparel', 'homeTextiles'], basisAmount: '1200' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.terms.contract?.template.id).toBe('AN-PATTERN-LICENCE')
    expect(r.terms.contract?.parties.licensor.legalName).toBe('Atelier Nord SAS')
    expect(r.terms.contract?.termination.cureDays).toBe(30)
    const text = licenseText(r.terms)
    expect(text).not.toContain('needs contract frame')
    expect(text).toContain('Atelier Nord SAS')
  })

  it('without defaults the frame is blank and the terms are saved as before it existed (needs contract frame)', () => {
    const form = { ...defaultLicenseForm('2026-03-01', { licensor: { name: 'Atelier Nord' } }), allowed: ['apparel' as const], basisAmount: '10' }
    expect(isBlankFrame(form.frame)).toBe(true)
    expect(form.frame.cureDays).toBe('30')
    const r = parseLicenseForm(form)
    expect(r.ok && 'contract' in r.terms).toBe(false)
  })

  it('loads old stamped terms unchanged: the same fingerprint, and still needing a frame', () => {
    const old = sampleTerms()
    const r = parseLicenseForm(licenseFormOf(old))
    expect(r.ok).toBe(true)
    if (r.ok) expect(licenseFingerprint(r.terms)).toBe(licenseFingerprint(old))
    // With team defaults the form offers the frame; saving it completes the terms.
    const completed = parseLicenseForm({ ...licenseFormOf(old, DEFAULTS), frame: licenseFormOf(framedTerms()).frame })
    expect(completed.ok && completed.terms.contract?.acceptance?.reference).toBe('ENV-2025-0042')
    const refused = checkEligibility(old, { capture: null, captureIsCurrent: false, reviews: [], journal: null, aiOrigin: null })
    expect(refused.rules.find((x) => x.id === 'contract.frame')).toMatchObject({ ok: false, severity: 'error' })
  })

  it('round-trips framed terms through the form', () => {
    const t = framedTerms()
    const r = parseLicenseForm(licenseFormOf(t))
    expect(r.ok && licenseFingerprint(r.terms)).toBe(licenseFingerprint(t))
  })

  it('asks a named licensee for its entity, under the Parties group', () => {
    const form = { ...defaultLicenseForm('2026-03-01', DEFAULTS), allowed: ['apparel' as const], basisAmount: '10', licenseeAny: false, licenseeName: 'Maison Lumen' }
    const r = parseLicenseForm(form)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const { fields } = licenseIssuesByField(r.issues)
    expect(fields['contract.parties.licensee']?.join(' ')).toMatch(/Legal name is required/)
  })

  it('keeps as the team default only counsel’s choices, and the policy stays valid', () => {
    const d = contractDefaultsOf(framedTerms().contract!)
    expect(JSON.stringify(d)).not.toMatch(/Maison Lumen|ENV-2025-0042/)
    const p = parsePolicy({ version: 1, licenseDefaults: { contract: d } })
    expect(p.ok).toBe(true)
    expect(p.ok && p.policy.licenseDefaults?.contract?.forum).toBe('Tribunal judiciaire de Paris')
    // A frame that is wrong is refused by the policy too, not stored.
    expect(parsePolicy({ version: 1, licenseDefaults: { contract: { ...d, template: { ...d.template!, sha256: 'nope' } } } }).ok).toBe(false)
  })
})
