import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { licenseFingerprint } from '../../src/license/terms'
import { escapeMarkdown, licenseText } from '../../src/license/text'
import { licenseTerms } from './arbitraries'
import { sampleTerms } from './fixtures'

describe('licenseText', () => {
  it('says every term in plain words', () => {
    const text = licenseText(sampleTerms(), { title: 'Nordic florals' })
    for (const phrase of [
      '# License: Nordic florals',
      '**Hybrid creative**, exclusive: a pattern generated with AI and refined by people.',
      '- **Licensor:** Atelier Nord',
      '- **Licensee:** Maison Lumen',
      '- **Term:** from 2026-01-01 to 2027-12-31 inclusive',
      '- **Territory:** only FR, DE, JP',
      '- **Allowed fields of use:** Apparel, Home textiles',
      '- **Denied fields of use:** Advertising',
      '- **Notes:** Spring collection only',
      '- **Derivative works:** allowed',
      '- **Attribution:** credit the pattern as “Pattern by Ana for Atelier Nord”',
      '- **Units produced:** up to 10,000; beyond that, permitted, with a royalty of 0.25 EUR for each unit beyond the cap.',
      '- **Digital impressions:** up to 1,000,000; beyond that, the terms must be renegotiated with the licensor first.',
      '- **Product variants:** up to 12; beyond that, not permitted.',
      'A flat fee of 1200 EUR.',
      '| Ana | Human author | 60 % |',
      '| Stability AI | Model provider | 10 % |',
      'may not be used to train or fine-tune AI models',
      licenseFingerprint(sampleTerms()),
    ]) {
      expect(text).toContain(phrase)
    }
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
    expect(text).toContain('- **Licensee:** any subscriber')
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

  it('is deterministic and ends with one newline (property)', () => {
    fc.assert(
      fc.property(licenseTerms, (t) => {
        const a = licenseText(t)
        expect(a).toBe(licenseText(structuredClone(t)))
        expect(a.endsWith('\n') && !a.endsWith('\n\n')).toBe(true)
        // Every split party appears in the table, one row each.
        expect(a.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Party') && !l.startsWith('| ---'))).toHaveLength(t.royalty.splits.length)
      }),
    )
  })
})
