/**
 * DISCLOSURE.md says what a person sees and counts (issue #21, items 2, 3, 4): layer
 * names rather than ids, what "edits" and journal "entries" each count, no authorship
 * suggested when nothing human was measured, one approval.
 */
import { describe, expect, test } from 'vitest'
import { disclosureMarkdown } from '../../src/pack/disclosure'
import type { PackPattern } from '../../src/pack/manifest'
import { AI_PATTERN } from './fixture'

const at = '2026-03-04T09:30:00.000Z'

describe('DISCLOSURE.md', () => {
  test('a changed element is named as the layer a person sees, with its kind', () => {
    const named: PackPattern = { ...AI_PATTERN, top: [{ id: '17', path: '0.4', type: 'ELLIPSE', kind: 'changed', contribution: 0.031, name: 'Paisley 5' }] }
    const text = disclosureMarkdown([named], at)
    expect(text).toContain('- “Paisley 5” (ellipse) — changed, 3.1%')
    expect(text).not.toContain('ELLIPSE `')
  })

  test('an element without a kept name (older captures) keeps its type and path', () => {
    expect(disclosureMarkdown([AI_PATTERN], at)).toContain('- VECTOR `0.3` — changed, 12.0%')
  })

  test('edits and journal entries say what each counts', () => {
    const p: PackPattern = { ...AI_PATTERN, contributors: [{ id: 'u-2', name: 'Grace Designer', edits: 28 }], journalHeads: [{ userId: 'u-2', head: 'a'.repeat(64), entries: 19 }] }
    const text = disclosureMarkdown([p], at)
    expect(text).toContain('Grace Designer: 28 edits recorded while Loomprint was open')
    expect(text).toMatch(/each entry records a run of like edits to one layer.*\(19 entries\)/)
  })

  test.each([
    [0, false],
    [0.001, true],
    [0.42, true],
  ])('HCC %s: a description of human authorship is suggested: %s', (hcc, suggested) => {
    const text = disclosureMarkdown([{ ...AI_PATTERN, hcc }], at)
    expect(text.includes('Suggested description of the human authorship')).toBe(suggested)
    if (!suggested) expect(text).toContain('no description of human authorship is suggested')
  })
})
