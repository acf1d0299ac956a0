import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { licenseFingerprint } from '../../src/license/terms'
import { contractualOnly, escapeMarkdown, licenseText } from '../../src/license/text'
import { licenseTerms } from './arbitraries'
import { framedTerms, sampleTerms } from './fixtures'

describe('licenseText (the schedule, LICENSE.md)', () => {
  it('says every term in plain words, and the contract frame counsel chose', () => {
    const text = licenseText(framedTerms(), { title: 'Nordic florals', signedWith: 'ed25519:abcd' })
    for (const phrase of [
      '# License schedule: Nordic florals',
      'It is not legal advice',
      '**Hybrid creative**, exclusive: a pattern generated with AI and refined by people.',
      'incorporates the licensor’s agreement template AN-PATTERN-LICENCE version 2026.1 (SHA-256 of its text `' + 'a'.repeat(64) + '`)',
      '- **Governing law:** the law of FR',
      '- **Forum:** Tribunal judiciaire de Paris.',
      '- **Order of precedence:** the signed agreement',
      'prevails over this schedule (LICENSE.md), and this schedule prevails over license.odrl.json',
      '- **Licensor:** Atelier Nord SAS (registration RCS Paris 912 345 678), 12 rue des Tisserands, 75011 Paris, France; notices to legal@ateliernord.example; signing: Claire Nord, Managing director',
      '- **Licensee:** Maison Lumen SARL',
      '- **Accepted:** electronic signature by Hugo Lumen on 2025-12-15, reference ENV-2025-0042.',
      'with the pack key `ed25519:abcd`',
      '- **Term:** from 2026-01-01 to 2027-12-31 inclusive',
      '- **Territory:** only FR, DE, JP',
      '- **Allowed fields of use:** Apparel, Home textiles',
      '- **Denied fields of use:** Advertising',
      '- **Further limits (contractual only):** Spring collection only',
      '- **Derivative works:** allowed',
      '- **Attribution:** credit the pattern as “Pattern by Ana for Atelier Nord”',
      '- **Sublicensing:** To manufacturers and printers, only to make the licensee’s products.',
      '- **Assignment:** Assignable only with the licensor’s written consent.',
      'No use of the pattern as, or as part of, a trademark',
      '- **Units produced:** up to 10,000 over the term; beyond that, permitted, with a royalty of 0.25 EUR for each unit beyond the cap, paid to the licensor.',
      '- **Product variants:** up to 12 over the term; beyond that, not permitted.',
      'A flat fee of 1200 EUR, paid to the licensor.',
      'quarterly usage reports; payment is due 30 days after the end of each period',
      'The licensor warrants that the human contribution to the pattern is original',
      'up to 5000 EUR in total',
      'No copyright is claimed in material that the provenance evidence labels AI-generated',
      'granted by contract',
      'not cured within 30 days of written notice',
      'may be sold for 90 days',
      'may not be used to train or fine-tune AI models',
      '## Contractual only',
      licenseFingerprint(framedTerms()),
    ]) {
      expect(text).toContain(phrase)
    }
  })

  it('names only the licensor as payee: the splits are not in the licensee’s document', () => {
    const text = licenseText(framedTerms())
    expect(text).not.toContain('Stability AI')
    expect(text).not.toMatch(/Human author|Model provider|Curator|\| Share/)
  })

  it('shows old terms (no frame) as needing a contract frame, with no warranty', () => {
    const text = licenseText(sampleTerms())
    expect(text).toContain('**Status: needs contract frame.**')
    expect(text).toContain('licensed **as is**')
    expect(text).toContain('- **Licensee:** Maison Lumen')
    expect(text).toContain('- **Accepted:** no acceptance by the licensee is recorded.')
  })

  it('passes a RAIL model licence’s use restrictions on, and names the licence as binding', () => {
    const text = licenseText(framedTerms(), { modelLicense: 'CreativeML OpenRAIL-M' })
    expect(text).toContain('under the CreativeML OpenRAIL-M, whose Attachment A (use restrictions) pass on to every user of its output')
    expect(text).toContain('not to exploit or harm minors')
    expect(licenseText(framedTerms(), { modelLicense: 'MIT' })).not.toContain('Attachment A')
  })

  it('speaks of perpetual terms, worldwide-except territories, any subscriber and residual rights', () => {
    const t = sampleTerms()
    t.term.end = null
    t.territory = { scope: 'exclude', countries: ['RU', 'BY'] }
    t.exclusivity = 'nonExclusive'
    t.licensee = { kind: 'anySubscriber' }
    t.aiTraining = { use: 'allowed' }
    t.residualRights = 'keepModels'
    t.caps = []
    const text = licenseText(t)
    expect(text).toContain('with no end (perpetual)')
    expect(text).toContain('worldwide except RU, BY')
    expect(text).toContain('- **Licensee:** any person or company that accepts this offer')
    expect(text).toContain('models trained on the pattern may be kept')
    expect(text).toContain('No caps')
  })

  it('escapes what people typed, so a name cannot become markup', () => {
    const t = sampleTerms()
    t.licensee = { kind: 'named', name: 'Evil [link](http://x) | *bold*\n# heading' }
    const text = licenseText(t)
    expect(text).toContain('- **Licensee:** Evil \\[link\\](http://x) \\| \\*bold\\* # heading')
    expect(text).not.toMatch(/^# heading/m)
    expect(escapeMarkdown('a_b`c')).toBe('a\\_b\\`c')
  })

  it('is deterministic, ends with one newline, and lists every contractual-only item (property)', () => {
    fc.assert(
      fc.property(licenseTerms, (t) => {
        const a = licenseText(t)
        expect(a).toBe(licenseText(structuredClone(t)))
        expect(a.endsWith('\n') && !a.endsWith('\n\n')).toBe(true)
        for (const item of contractualOnly(t)) expect(a).toContain(`- ${item}`)
      }),
    )
  })
})
