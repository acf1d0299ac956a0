/**
 * The License form model (pure) and the License workflows through the real host on
 * the fake: stamping one and several patterns, the history, the public summary, two
 * people saving at once, authors from the journal.
 */
import { describe, expect, it, test } from 'vitest'
import { LICENSE_KEY, LICENSE_SUMMARY_KEY, parseLicenseEntry } from '../../src/license/stamp'
import { licenseFingerprint } from '../../src/license/terms'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import { SUMMARY_NAMESPACE } from '../../src/provenance/record'
import {
  defaultLicenseForm,
  licenseFormOf,
  licenseIssuesByField,
  parseLicenseForm,
  splitTotalText,
  type LicenseForm,
} from '../../src/ui/license/license-form'
import { eligibilityOf, licenseLabelOf, loadLicenseTargetAsync, saveLicenseAsync, type LicenseTarget } from '../../src/ui/license/license-workflows'
import { listReviewAsync } from '../../src/ui/review/review-workflows'
import { captureAsync, markAsync } from '../../src/ui/workflows'
import { createFigmaWorld } from '../figma-fake/index'
import { sampleTerms } from '../license/fixtures'
import { ADA, BEN, captured, drawPattern, openPlugin, ORIGIN } from '../support/plugin-session'

function filled(over: Partial<LicenseForm> = {}): LicenseForm {
  return {
    ...defaultLicenseForm('2026-01-01', undefined, [ADA]),
    licensor: 'Atelier Nord',
    allowed: ['apparel'],
    basisAmount: '1200',
    ...over,
  }
}

describe('license form model', () => {
  it('round-trips stamped terms through the form', () => {
    const parsed = parseLicenseForm(licenseFormOf(sampleTerms()))
    expect(parsed).toEqual({ ok: true, terms: sampleTerms() })
  })

  it('a fresh form offers the first journal person as the human author with the whole split', () => {
    const form = defaultLicenseForm('2026-01-01', undefined, [ADA, BEN])
    expect(form.splits).toEqual([{ role: 'humanAuthor', personId: ADA.id, name: ADA.name, basisPoints: '10000' }])
    expect(parseLicenseForm(filled()).ok).toBe(true)
  })

  it('team license defaults fill the form', () => {
    const form = defaultLicenseForm('2026-01-01', {
      licensor: { name: 'Studio X' },
      territory: { scope: 'exclude', countries: ['RU'] },
      aiTraining: { use: 'constrained', constraint: 'internal models only' },
      splitTemplate: [
        { role: 'humanAuthor', basisPoints: 7000 },
        { role: 'studio', basisPoints: 3000 },
      ],
    }, [ADA])
    expect(form).toMatchObject({ licensor: 'Studio X', territory: 'except RU', training: 'constrained', constraint: 'internal models only' })
    expect(form.splits.map((s) => [s.role, s.basisPoints, s.name])).toEqual([
      ['humanAuthor', '7000', ADA.name],
      ['studio', '3000', ''],
    ])
  })

  it.each<[string, Partial<LicenseForm>, string, RegExp]>([
    ['an unknown country', { territory: 'FR, XX' }, 'territory', /ISO 3166-1 alpha-2/],
    ['an end before the start', { termEnd: '2025-12-31' }, 'term.end', /not be before the start/],
    ['a February 30', { termStart: '2026-02-30' }, 'term.start', /real date/],
    ['splits off 10,000', { splits: [{ role: 'humanAuthor', personId: ADA.id, name: ADA.name, basisPoints: '9000' }] }, 'royalty.splits', /add up to 9,000 basis points/],
    ['a split that is not a number', { splits: [{ role: 'humanAuthor', personId: ADA.id, name: ADA.name, basisPoints: 'lots' }] }, 'royalty.splits', /whole number of basis points/],
    ['a missing flat fee', { basisAmount: '' }, 'royalty.basis', /plain decimal/],
    ['exclusive to any subscriber', { tier: 'hybridCreative', exclusivity: 'exclusive' }, 'licensee', /needs a named licensee/],
    ['no allowed field', { allowed: [] }, 'fieldOfUse.allowed', /at least one allowed field/],
  ])('refuses %s on its field', (_name, over, field, message) => {
    const parsed = parseLicenseForm(filled(over))
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    const { fields } = licenseIssuesByField(parsed.issues)
    expect((fields as Record<string, string[]>)[field]?.join(' ')).toMatch(message)
  })

  it('shows the split total live', () => {
    expect(splitTotalText([{ role: 'studio', personId: '', name: 'S', basisPoints: '7500' }])).toEqual({
      total: 7500,
      ok: false,
      text: '7,500 of 10,000 basis points (75 %)',
    })
    expect(splitTotalText([{ role: 'studio', personId: '', name: 'S', basisPoints: '10,000' }]).ok).toBe(true)
  })
})

describe('stamping through the fake', () => {
  async function twoPatterns() {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    const a = drawPattern(world, ada)
    const b = drawPattern(world, ada)
    await markAsync(ada.client, [a.frame.id, b.frame.id], ORIGIN, ada.ctx)
    // Ada edits the first pattern, so her journal offers her as an author.
    world.edit(ada.session, () => (a.tiles[0]!.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 0 } }]))
    await world.flush()
    captured(await captureAsync(a.frame.id, ada.ctx))
    captured(await captureAsync(b.frame.id, ada.ctx))
    return { world, ada, frames: [a.frame, b.frame] }
  }

  async function targets(client: Parameters<typeof loadLicenseTargetAsync>[0], ids: string[]): Promise<LicenseTarget[]> {
    const loads = await Promise.all(ids.map((id) => loadLicenseTargetAsync(client, id)))
    return loads.map((l) => {
      if (l.kind !== 'ok') throw new Error(l.reason)
      return l.target
    })
  }

  test('the same terms on two patterns: entry, history, public summary, the table’s License column', async () => {
    const { ada, frames } = await twoPatterns()
    const ts = await targets(ada.client, frames.map((f) => f.id))
    expect(ts[0]!.people.map((p) => p.id)).toEqual([ADA.id])
    const terms = parseLicenseForm(filled())
    if (!terms.ok) throw new Error(JSON.stringify(terms.issues))
    const outcome = await saveLicenseAsync(ada.client, ts, terms.terms, ada.ctx)
    expect(outcome.refused).toEqual([])
    expect(outcome.saved.map((s) => s.nodeId)).toEqual(frames.map((f) => f.id))
    for (const frame of frames) {
      const entry = parseLicenseEntry(frame.getPluginData(LICENSE_KEY))
      if (!entry.ok) throw new Error(entry.error)
      expect(entry.entry.current?.fingerprint).toBe(licenseFingerprint(terms.terms))
      expect(entry.entry.history).toHaveLength(1)
      expect(JSON.parse(frame.getSharedPluginData(SUMMARY_NAMESPACE, LICENSE_SUMMARY_KEY))).toMatchObject({ tier: 'commodity', training: 'notAllowed', termEnd: null })
      // The pattern's own public summary names the license; a later capture keeps it.
      expect(JSON.parse(frame.getSharedPluginData(SUMMARY_NAMESPACE, 'summary'))).toMatchObject({ licenseId: licenseFingerprint(terms.terms) })
    }
    const rows = await listReviewAsync(ada.client, { licenseOf: licenseLabelOf })
    expect(rows.map((r) => r.license)).toEqual(['Commodity', 'Commodity'])
    captured(await captureAsync(frames[1]!.id, ada.ctx))
    expect(JSON.parse(frames[1]!.getSharedPluginData(SUMMARY_NAMESPACE, 'summary'))).toMatchObject({ licenseId: licenseFingerprint(terms.terms) })

    // A change appends; the first change is kept as it was.
    const changed = parseLicenseForm(filled({ tier: 'hybridCreative', attribution: 'Pattern by Ada' }))
    if (!changed.ok) throw new Error('invalid')
    await saveLicenseAsync(ada.client, await targets(ada.client, [frames[0]!.id]), changed.terms, ada.ctx)
    const entry = parseLicenseEntry(frames[0]!.getPluginData(LICENSE_KEY))
    expect(entry.ok && entry.entry.history.map((h) => h.changed)).toEqual([expect.arrayContaining(['tier', 'royalty']), ['tier', 'attribution']])
  })

  test('two people saving at once: the later save refuses and says so; the earlier terms are kept', async () => {
    const { world, ada, frames } = await twoPatterns()
    const ben = openPlugin(world, BEN)
    const adaTargets = await targets(ada.client, [frames[0]!.id])
    const benTargets = await targets(ben.client, [frames[0]!.id])
    const first = parseLicenseForm(filled())
    const second = parseLicenseForm(filled({ attribution: 'Ben’s version' }))
    if (!first.ok || !second.ok) throw new Error('invalid')
    expect((await saveLicenseAsync(ada.client, adaTargets, first.terms, ada.ctx)).saved).toHaveLength(1)
    const late = await saveLicenseAsync(ben.client, benTargets, second.terms, ben.ctx)
    expect(late.saved).toEqual([])
    expect(late.refused[0]?.reason).toMatch(/Someone else changed the license of .* Their terms were kept and yours were not written/)
    const entry = parseLicenseEntry(frames[0]!.getPluginData(LICENSE_KEY))
    expect(entry.ok && entry.entry.current?.terms.attribution).toBe('')
  })

  test('eligibility per pattern: exclusive terms need an approved review of the current capture', async () => {
    const { ada, frames } = await twoPatterns()
    const [target] = await targets(ada.client, [frames[0]!.id])
    const exclusive = { ...sampleTerms(), royalty: { ...sampleTerms().royalty } }
    const result = eligibilityOf(exclusive, target!, DEFAULT_POLICY)
    expect(result.eligible).toBe(false)
    expect(result.rules.find((r) => r.id === 'exclusive.review')).toMatchObject({ ok: false })
  })
})

it('a saved license undoes as one step', async () => {
  const world = createFigmaWorld()
  const ada = openPlugin(world, ADA)
  const { frame } = drawPattern(world, ada)
  await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
  captured(await captureAsync(frame.id, ada.ctx))
  const load = await loadLicenseTargetAsync(ada.client, frame.id)
  if (load.kind !== 'ok') throw new Error(load.reason)
  const terms = parseLicenseForm(filled({ splits: [{ role: 'studio', personId: '', name: 'Atelier Nord', basisPoints: '10000' }] }))
  if (!terms.ok) throw new Error(JSON.stringify(terms.issues))
  await saveLicenseAsync(ada.client, [load.target], terms.terms, ada.ctx)
  expect(frame.getPluginData(LICENSE_KEY)).not.toBe('')
  ada.session.undo()
  expect(frame.getPluginData(LICENSE_KEY)).toBe('')
  expect(frame.getSharedPluginData(SUMMARY_NAMESPACE, LICENSE_SUMMARY_KEY)).toBe('')
})
