/**
 * Fuzz: damaged or hand-edited review histories and license entries, through the real
 * host on the fake. For each of 1,200 variants of stored text the review lists the
 * pattern, a decision or a license save is attempted through the UI workflows, and a
 * misbehaving UI writes directly. Nothing may throw (a refusal arriving as a rejected
 * request is a report, not a crash); a damaged entry must be reported and left exactly
 * as it was; a valid hand edit may only be appended to.
 */
import { describe, expect, test } from 'vitest'
import { parseLicenseEntry, planStamp } from '../../src/license/stamp'
import { RECORD_KEY, parseRecord } from '../../src/provenance/record'
import { REVIEW_KEY, parseReviewLog, planDecision } from '../../src/provenance/review'
import { licenseLabelOf, loadLicenseTargetAsync, saveLicenseAsync } from '../../src/ui/license/license-workflows'
import { decideAsync, listReviewAsync } from '../../src/ui/review/review-workflows'
import { captureAsync, markAsync } from '../../src/ui/workflows'
import { createFigmaWorld } from '../figma-fake/index'
import { sampleTerms } from '../license/fixtures'
import { ADA, captured, drawPattern, openPlugin, ORIGIN } from '../support/plugin-session'

const CASES = 1200
const CORA = { id: '3003', name: 'Cora Art Director' }

/** mulberry32: a seeded PRNG, so a failing case can be replayed by its index. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WEIRD: unknown[] = [null, 0, -1, 1.5, 1e308, '', 'x', '💥'.repeat(3), 'a'.repeat(5000), [], {}, true, [1, 2], { nested: { deep: 1 } }]

/** Every [path] inside a JSON value. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at)
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out)
  return out
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value
  const copy = JSON.parse(JSON.stringify(root)) as Record<string | number, unknown>
  let node = copy as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path[path.length - 1]!
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1)
    else delete node[last]
  } else node[last] = value
  return copy
}

/** One damaged or hand-edited variant of `text`. */
function mutate(text: string, rand: () => number): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const at = Math.floor(rand() * text.length)
  switch (Math.floor(rand() * 8)) {
    case 0:
      return text.slice(0, at) // truncated
    case 1:
      return text.slice(0, at) + String.fromCharCode(32 + Math.floor(rand() * 95)) + text.slice(at + 1) // one character changed
    case 2:
      return text.slice(0, at) + text.slice(at + 1) // one character lost
    case 3:
      return text.slice(0, at) + pick(['"', '}', ']', ',', '\\', '\u0000', '\n']) + text.slice(at) // syntax noise
    default: {
      // A hand edit of the JSON: a value replaced, a key removed, or an unknown key added.
      const value = JSON.parse(text) as unknown
      const target = pick(paths(value))
      const kind = rand()
      if (kind < 0.15) return JSON.stringify({ ...(value as object), extra: 'hand-added' })
      return JSON.stringify(setAt(value, target, pick(WEIRD), kind < 0.4 && target.length > 0))
    }
  }
}

describe('fuzz: damaged and hand-edited review and license entries', () => {
  test(`${String(CASES)} variants: 0 crashes, 0 silent overwrites, every damaged entry reported and kept`, { timeout: 240_000 }, async () => {
    const world = createFigmaWorld()
    const ada = openPlugin(world, ADA)
    const cora = openPlugin(world, CORA)
    const { frame } = drawPattern(world, ada)
    await markAsync(ada.client, [frame.id], ORIGIN, ada.ctx)
    captured(await captureAsync(frame.id, ada.ctx))
    const recordRaw = frame.getPluginData(RECORD_KEY)
    const record = parseRecord(recordRaw)
    if (!record.ok) throw new Error(record.error)

    // Valid starting entries: two decisions, two license changes.
    const facts = { nodeId: frame.id, record: record.record, reviewer: CORA, at: '2026-02-01T10:00:00.000Z', editors: [], rules: { reviewerMustNotBeEditor: false } }
    const d1 = planDecision({ decision: 'request-changes', comment: 'more hand work' }, { ...facts, reviewRaw: null })
    if (!d1.ok) throw new Error(d1.reason)
    const d2 = planDecision({ decision: 'approve', comment: '' }, { ...facts, reviewRaw: d1.json })
    if (!d2.ok) throw new Error(d2.reason)
    const stampFacts = { nodeId: frame.id, record: record.record, by: ADA, at: '2026-02-01T10:00:00.000Z' }
    const s1 = planStamp(sampleTerms(), { ...stampFacts, entryRaw: null })
    if (!s1.ok) throw new Error(s1.reason)
    const s2 = planStamp({ ...sampleTerms(), attribution: 'by Ana' }, { ...stampFacts, entryRaw: s1.json })
    if (!s2.ok) throw new Error(s2.reason)
    const baseReview = d2.json
    const baseLicense = s2.json

    const rand = prng(20261130)
    const tally = { crashes: [] as string[], silentOverwrites: [] as string[], damaged: 0, handEditedValid: 0, reported: 0, kept: 0, appended: 0 }

    for (let i = 0; i < CASES; i++) {
      const isReview = i % 2 === 0
      const key = isReview ? REVIEW_KEY : 'license'
      let variant = mutate(isReview ? baseReview : baseLicense, rand)
      if (variant === '') variant = ' ' // '' deletes the entry in Figma: that is not damage
      world.edit(ada.session, () => {
        frame.setPluginData(REVIEW_KEY, isReview ? variant : baseReview)
        frame.setPluginData('license', isReview ? baseLicense : variant)
      })
      const valid = isReview ? parseReviewLog(variant).ok : parseLicenseEntry(variant).ok
      if (valid) tally.handEditedValid++
      else tally.damaged++
      try {
        if (isReview) {
          const rows = await listReviewAsync(cora.client)
          const row = rows[0]!
          if (!valid) {
            if (row.status !== 'review-damaged' || row.problems.length === 0) throw new Error(`case ${String(i)}: damage not reported`)
            tally.reported++
          }
          const outcome = await decideAsync(cora.client, row, { decision: 'reject', comment: `fuzz ${String(i)}` }, { ...cora.ctx, rules: facts.rules }).catch(
            (error: unknown) => ({ kind: 'main-refused' as const, reason: String(error) }),
          )
          // A misbehaving UI writes a valid history over whatever is stored.
          const forced = await cora.client
            .request('writeReview', { nodeId: frame.id, expectRecord: recordRaw, expect: variant, review: d1.json })
            .then(() => 'written')
            .catch(() => 'refused')
          const after = frame.getPluginData(REVIEW_KEY)
          if (!valid) {
            if (outcome.kind === 'decided' || forced === 'written' || after !== variant) tally.silentOverwrites.push(`review case ${String(i)}`)
            else tally.kept++
          } else if (after !== variant) {
            // A valid hand edit may only be appended to: every stored decision still there, in order.
            const before = (parseReviewLog(variant) as { ok: true; log: { decisions: unknown[] } }).log.decisions
            const now = parseReviewLog(after)
            if (!now.ok || JSON.stringify(now.log.decisions.slice(0, before.length)) !== JSON.stringify(before)) {
              tally.silentOverwrites.push(`review case ${String(i)} (valid)`)
            } else tally.appended++
          }
        } else {
          const load = await loadLicenseTargetAsync(cora.client, frame.id)
          const rows = await listReviewAsync(cora.client, { licenseOf: licenseLabelOf })
          if (!valid) {
            if (load.kind !== 'refused' || rows[0]!.license !== 'damaged' || rows[0]!.problems.length === 0) throw new Error(`case ${String(i)}: damage not reported`)
            tally.reported++
          }
          const terms = { ...sampleTerms(), attribution: `fuzz ${String(i)}` }
          const saved = load.kind === 'ok' ? await saveLicenseAsync(cora.client, [load.target], terms, cora.ctx) : null
          const forced = await cora.client
            .request('writeLicense', { nodeId: frame.id, expectRecord: recordRaw, expect: variant, license: s1.json, summary: s1.summary })
            .then(() => 'written')
            .catch(() => 'refused')
          const after = frame.getPluginData('license')
          if (!valid) {
            if ((saved && saved.saved.length > 0) || forced === 'written' || after !== variant) tally.silentOverwrites.push(`license case ${String(i)}`)
            else tally.kept++
          } else if (after !== variant) {
            const before = (parseLicenseEntry(variant) as { ok: true; entry: { history: unknown[] } }).entry.history
            const now = parseLicenseEntry(after)
            if (!now.ok || JSON.stringify(now.entry.history.slice(0, before.length)) !== JSON.stringify(before)) {
              tally.silentOverwrites.push(`license case ${String(i)} (valid)`)
            } else tally.appended++
          }
        }
      } catch (error) {
        tally.crashes.push(`case ${String(i)}: ${String(error)}`)
      }
    }

    console.log(
      `fuzz: ${String(CASES)} variants · ${String(tally.damaged)} damaged (reported ${String(tally.reported)}, kept ${String(tally.kept)}) · ` +
        `${String(tally.handEditedValid)} valid hand edits (${String(tally.appended)} appended to) · ` +
        `${String(tally.crashes.length)} crashes · ${String(tally.silentOverwrites.length)} silent overwrites`,
    )
    expect(tally.crashes).toEqual([])
    expect(tally.silentOverwrites).toEqual([])
    expect(tally.damaged).toBeGreaterThan(1000)
    expect(tally.reported).toBe(tally.damaged)
    expect(tally.kept).toBe(tally.damaged)
  })
})
