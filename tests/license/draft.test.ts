import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { draftTerms, splitsFromTemplate } from '../../src/license/draft'
import { parseLicenseTerms, splitTotal } from '../../src/license/terms'
import { SPLIT_ROLES } from '../../src/license/terms'

const ANA = { id: 'u-ana', name: 'Ana' }
const BO = { id: 'u-bo', name: 'Bo' }
const CY = { id: 'u-cy', name: 'Cy' }

describe('draftTerms', () => {
  it('starts from the team defaults, with the journal’s people as authors, and parses', () => {
    const t = draftTerms(
      {
        licensor: { name: 'Atelier Nord' },
        territory: { scope: 'exclude', countries: ['RU'] },
        aiTraining: { use: 'allowed' },
        splitTemplate: [
          { role: 'humanAuthor', basisPoints: 7000 },
          { role: 'studio', basisPoints: 3000 },
        ],
      },
      { today: '2026-11-30', authors: [ANA, BO, CY] },
    )
    expect(parseLicenseTerms(t).ok).toBe(true)
    expect(t.term).toEqual({ start: '2026-11-30', end: null })
    expect(t.territory).toEqual({ scope: 'exclude', countries: ['RU'] })
    expect(t.royalty.splits.map((s) => s.basisPoints)).toEqual([2334, 2333, 2333, 3000])
    expect(t.royalty.splits[3]!.party).toEqual({ role: 'studio', name: 'Atelier Nord' })
  })

  it('without defaults, asks for a licensor (the draft is refused on that field only)', () => {
    const r = parseLicenseTerms(draftTerms(undefined, { today: '2026-11-30', authors: [ANA] }))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['licensor.name'])
  })

  it('keeps the total at exactly 10,000 whatever the template and the number of authors (property)', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...SPLIT_ROLES], { minLength: 1 }).chain((roles) =>
          fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: roles.length - 1, maxLength: roles.length - 1 }).map((cuts) => {
            const points = [0, ...cuts.sort((a, b) => a - b), 10_000]
            return roles.map((role, i) => ({ role, basisPoints: points[i + 1]! - points[i]! }))
          }),
        ),
        fc.integer({ min: 0, max: 7 }),
        (template, n) => {
          const authors = Array.from({ length: n }, (_, i) => ({ id: 'u' + i, name: 'P' + i }))
          expect(splitTotal(splitsFromTemplate(template, { today: '2026-01-01', authors }))).toBe(10_000)
        },
      ),
    )
  })
})
