import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  appendEdit,
  COMPACT_WINDOW_MS,
  createJournal,
  decodeJournalChunks,
  EDIT_GROUPS,
  encodeJournalChunks,
  genesisHead,
  groupForProperties,
  groupsForNodeChange,
  journalHead,
  summarizeJournals,
  verifyJournal,
  type EditEvent,
  type EditGroup,
  type Journal,
} from '../../src/storage/journal'
import { sha256Concat, toHex } from '../../src/storage/sha256'
import { editingSession } from '../../bench/fixtures/editing-session'

const ada = { id: '1001', name: 'Ada' }
const T0 = Date.UTC(2025, 2, 4, 9, 0, 0)

function ev(at: number, nodeId: string, group: EditGroup, origin: 'LOCAL' | 'REMOTE' = 'LOCAL', count = 1): EditEvent {
  return { at, origin, nodeId, group, count }
}

function journalOf(events: EditEvent[], user = ada): Journal {
  const j = createJournal(user)
  for (const e of events) appendEdit(j, e)
  return j
}

const eventArb: fc.Arbitrary<EditEvent> = fc.record({
  at: fc.integer({ min: T0 - 1000, max: T0 + 10 * 60_000 }),
  origin: fc.constantFrom('LOCAL' as const, 'REMOTE' as const),
  nodeId: fc.oneof(fc.constantFrom('1:2', '1:3', '4:5', 'I1:2;3:4'), fc.string({ unit: 'binary', maxLength: 8 })),
  group: fc.constantFrom(...EDIT_GROUPS),
  count: fc.integer({ min: 1, max: 5 }),
})
/** Mostly increasing times with some same-node runs, like real sessions. */
const sessionArb = fc.array(eventArb, { maxLength: 80 }).map((events) => {
  let t = T0
  return events.map((e, i) => {
    t += (e.at - T0) % 90_000
    return { ...e, at: i % 7 === 6 ? t - 5000 : t } // an occasional clock step back
  })
})

describe('groupForProperties', () => {
  it.each<[string[], EditGroup[]]>([
    [['fills'], ['color']],
    [['strokes', 'fillStyleId'], ['color']],
    [['vectorNetwork'], ['shape']],
    [['width', 'height', 'x', 'y'], ['shape', 'transform']],
    [['topLeftRadius', 'cornerRadius', 'arcData', 'innerRadius', 'pointCount'], ['shape']],
    [['relativeTransform'], ['transform']],
    [['rotation'], ['transform']],
    [['opacity', 'blendMode', 'effects', 'strokeWeight', 'strokeAlign', 'dashPattern'], ['style']],
    [['characters'], ['text']],
    [['fontName', 'fontSize', 'letterSpacing', 'textCase'], ['text']],
    [['parent'], ['structure']],
    [['name'], ['structure']],
    [['visible'], ['structure']],
    [['CREATE'], ['structure']],
    [['layoutMode', 'constraints'], ['other']],
    [['somethingFigmaAddsLater'], ['other']],
    [['pluginData'], []],
    [['relaunchData'], []],
    [['pluginData', 'relaunchData'], []],
    [['pluginData', 'fills'], ['color']],
    [[], []],
    [['fills', 'opacity', 'fills', 'characters', 'x'], ['color', 'transform', 'style', 'text']],
  ])('%j → %j', (props, groups) => {
    expect(groupForProperties(props)).toEqual(groups)
  })

  it('maps CREATE and DELETE changes to structure', () => {
    expect(groupsForNodeChange({ type: 'CREATE' })).toEqual(['structure'])
    expect(groupsForNodeChange({ type: 'DELETE' })).toEqual(['structure'])
    expect(groupsForNodeChange({ type: 'PROPERTY_CHANGE', properties: ['pluginData'] })).toEqual([])
  })

  it('does not treat Object.prototype names as properties', () => {
    expect(groupForProperties(['constructor', 'toString'])).toEqual(['other'])
  })
})

describe('appendEdit: compaction', () => {
  it('a drag (many transform changes on one node) is one entry', () => {
    const j = journalOf(Array.from({ length: 50 }, (_, i) => ev(T0 + i * 40, '1:2', 'transform')))
    expect(j.entries).toEqual([
      { at: T0, until: T0 + 49 * 40, origin: 'LOCAL', nodeId: '1:2', group: 'transform', count: 50 },
    ])
  })

  it('a different node, group or origin, or a pause over the window, starts a new entry', () => {
    const j = journalOf([
      ev(T0, '1:2', 'color'),
      ev(T0 + 10, '1:3', 'color'),
      ev(T0 + 20, '1:3', 'shape'),
      ev(T0 + 30, '1:3', 'shape', 'REMOTE'),
      ev(T0 + 30 + COMPACT_WINDOW_MS + 1, '1:3', 'shape', 'REMOTE'),
    ])
    expect(j.entries.map((e) => [e.nodeId, e.group, e.origin, e.count])).toEqual([
      ['1:2', 'color', 'LOCAL', 1],
      ['1:3', 'color', 'LOCAL', 1],
      ['1:3', 'shape', 'LOCAL', 1],
      ['1:3', 'shape', 'REMOTE', 1],
      ['1:3', 'shape', 'REMOTE', 1],
    ])
  })

  it('a resize (shape and transform alternating on one node) compacts into two entries', () => {
    const events: EditEvent[] = []
    for (let i = 0; i < 20; i++) events.push(ev(T0 + i * 50, '1:2', 'shape'), ev(T0 + i * 50, '1:2', 'transform'))
    const j = journalOf(events)
    expect(j.entries.map((e) => [e.group, e.count])).toEqual([
      ['shape', 20],
      ['transform', 20],
    ])
    expect(verifyJournal(j).ok).toBe(true)
  })

  it('sums event counts and never lets a clock step back extend an entry', () => {
    const j = journalOf([ev(T0, '1:2', 'color', 'LOCAL', 3), ev(T0 + 5, '1:2', 'color', 'LOCAL', 2), ev(T0 - 100, '1:2', 'color')])
    expect(j.entries.map((e) => [e.at, e.until, e.count])).toEqual([
      [T0, T0 + 5, 5],
      [T0 - 100, T0 - 100, 1],
    ])
  })
})

describe('hash chain', () => {
  it('head = SHA-256(previous head ‖ "at,until-at,letter,count,nodeId"), from a genesis bound to the user', () => {
    const j = journalOf([ev(T0, '1:2', 'transform'), ev(T0 + 40, '1:2', 'transform'), ev(T0 + 100, '1:3', 'color', 'REMOTE')])
    const enc = (s: string) => new TextEncoder().encode(s)
    const genesis = nobleSha256(enc('loomprint-journal/1|1001'))
    const h1 = nobleSha256(new Uint8Array([...genesis, ...enc(`${T0},40,T,2,1:2`)]))
    const h2 = nobleSha256(new Uint8Array([...h1, ...enc(`${T0 + 100},0,K,1,1:3`)]))
    expect(toHex(genesisHead('1001'))).toBe(toHex(genesis))
    expect(journalHead(j)).toBe(toHex(h2))
    expect(journalHead(createJournal(ada))).toBe(toHex(genesis))
  })

  it('own SHA-256 agrees with @noble/hashes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 150 }), { maxLength: 4 }), (parts) => {
        const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
        let o = 0
        for (const p of parts) {
          joined.set(p, o)
          o += p.length
        }
        expect(toHex(sha256Concat(parts))).toBe(toHex(nobleSha256(joined)))
      }),
      { numRuns: 300 },
    )
  })

  it('incremental hashing equals hashing the whole chain again', () => {
    fc.assert(
      fc.property(sessionArb, fc.nat(), (events, every) => {
        // Read the head at arbitrary points in between (as flushes do).
        const j = createJournal(ada)
        events.forEach((e, i) => {
          appendEdit(j, e)
          if (i % ((every % 7) + 1) === 0) journalHead(j)
        })
        const v = verifyJournal(j)
        expect(v).toEqual({ ok: true, head: journalHead(j), entries: j.entries.length })
        const again = createJournal(ada)
        again.entries = j.entries.map((e) => ({ ...e }))
        expect(journalHead(again)).toBe(journalHead(j))
      }),
      { numRuns: 200 },
    )
  })

  it('an edited entry in memory is found exactly', () => {
    const j = journalOf(editingSession({ minutes: 10, seed: 3 }))
    expect(j.entries.length).toBeGreaterThan(20)
    journalHead(j) // hashed, as when the host stores it
    j.entries[17].count += 1
    expect(verifyJournal(j)).toMatchObject({ ok: false, brokenAt: 17 })
  })
})

describe('stored chunks', () => {
  it('round-trips: same entries, same head, chunks within the size limit', () => {
    fc.assert(
      fc.property(sessionArb, fc.integer({ min: 400, max: 3000 }), (events, maxChars) => {
        const j = journalOf(events)
        const chunks = encodeJournalChunks(j, { maxChars })
        for (const c of chunks) expect(c.length).toBeLessThanOrEqual(maxChars)
        const d = decodeJournalChunks(chunks)
        expect(d.ok).toBe(true)
        if (!d.ok) return
        expect(d.journal.entries).toEqual(j.entries)
        expect(d.journal.user).toEqual(ada)
        expect(d.head).toBe(journalHead(j))
        expect(verifyJournal(chunks, journalHead(j))).toEqual({ ok: true, head: journalHead(j), entries: j.entries.length })
      }),
      { numRuns: 200 },
    )
  })

  it('default chunks are at most 30,000 characters; each carries its user and both heads', () => {
    const j = journalOf(editingSession({ minutes: 120, seed: 11 }))
    const chunks = encodeJournalChunks(j, { maxChars: 4000 })
    expect(chunks.length).toBeGreaterThan(2)
    let prev = toHex(genesisHead(ada.id))
    for (const c of chunks) {
      const header = JSON.parse(c.slice(0, c.indexOf('\n'))) as { user: unknown; prev: string; head: string }
      expect(header.user).toEqual(ada)
      expect(header.prev).toBe(prev)
      prev = header.head
    }
    expect(prev).toBe(journalHead(j))
    for (const c of encodeJournalChunks(j)) expect(c.length).toBeLessThanOrEqual(30_000)
  })

  it('appending rewrites only the last chunk (earlier chunks stay byte-identical)', () => {
    const events = editingSession({ minutes: 60, seed: 5 })
    const j = journalOf(events.slice(0, 2000))
    const before = encodeJournalChunks(j, { maxChars: 3000 })
    for (const e of events.slice(2000, 2010)) appendEdit(j, e)
    const after = encodeJournalChunks(j, { maxChars: 3000 })
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1))
  })

  it('keeps awkward node ids, negative time steps and a renamed user', () => {
    const ids = ['a\nb', 'c\\n', '=x', 'a,b', '\r', '', 'é🧵']
    const j = journalOf(ids.map((id, i) => ev(T0 - i * 1000, id, 'other')))
    const d = decodeJournalChunks(encodeJournalChunks(j))
    expect(d.ok && d.journal.entries).toEqual(j.entries)
    j.user.name = 'Ada L.'
    const renamed = decodeJournalChunks(encodeJournalChunks(j))
    expect(renamed.ok && renamed.journal.user).toEqual({ id: '1001', name: 'Ada L.' })
  })

  it('an empty journal stores one chunk whose head is the genesis', () => {
    const chunks = encodeJournalChunks(createJournal(ada))
    expect(chunks).toHaveLength(1)
    const d = decodeJournalChunks(chunks)
    expect(d.ok && d.head).toBe(toHex(genesisHead(ada.id)))
  })

  describe('tampering', () => {
    const j = journalOf(editingSession({ minutes: 60, seed: 9 }))
    const chunks = encodeJournalChunks(j, { maxChars: 2000 })
    const firstOf = (c: number) => (JSON.parse(chunks[c].slice(0, chunks[c].indexOf('\n'))) as { from: number }).from

    it('a changed entry is located to its chunk', () => {
      const c = 2
      const lines = chunks[c].split('\n')
      const k = lines.findIndex((l, i) => i > 0 && !l.startsWith('='))
      lines[k] = lines[k].replace(/^([0-9a-z]+)/, (m) => (parseInt(m, 36) + 1).toString(36))
      const forged = chunks.slice()
      forged[c] = lines.join('\n')
      expect(verifyJournal(forged)).toMatchObject({ ok: false, brokenAt: firstOf(c) })
      const d = decodeJournalChunks(forged)
      expect(d.ok).toBe(false)
      if (!d.ok) expect(d.error).toMatch(/chunk 3 does not replay to its head/)
    })

    it('a lost, swapped or foreign chunk is detected', () => {
      expect(verifyJournal([chunks[0], ...chunks.slice(2)])).toMatchObject({ ok: false, brokenAt: firstOf(1) })
      expect(verifyJournal([chunks[1], chunks[0], ...chunks.slice(2)]).ok).toBe(false)
      const other = encodeJournalChunks(journalOf(j.entries.map((e) => ({ ...e, count: e.count })), { id: '2002', name: 'Bo' }), {
        maxChars: 2000,
      })
      expect(verifyJournal([chunks[0], other[1], ...chunks.slice(2)]).ok).toBe(false)
    })

    it('a truncated history verifies on its own but not against the exported head', () => {
      const truncated = chunks.slice(0, -1)
      expect(verifyJournal(truncated).ok).toBe(true)
      expect(verifyJournal(truncated, journalHead(j))).toMatchObject({ ok: false, brokenAt: firstOf(chunks.length - 1) })
    })

    it('a fully recomputed forgery verifies — only an exported head exposes it', () => {
      const forged = journalOf(j.entries.slice(1).map((e) => ({ at: e.at, origin: e.origin, nodeId: e.nodeId, group: e.group, count: e.count })))
      const forgedChunks = encodeJournalChunks(forged)
      expect(verifyJournal(forgedChunks).ok).toBe(true)
      expect(verifyJournal(forgedChunks, journalHead(j)).ok).toBe(false)
    })

    it('garbage never throws', () => {
      fc.assert(
        fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 4 }), (junk) => {
          expect(decodeJournalChunks(junk).ok).toBe(false)
          expect(verifyJournal(junk).ok).toBe(false)
        }),
      )
      fc.assert(
        fc.property(fc.nat(), fc.string({ minLength: 1, maxLength: 3 }), (pos, insert) => {
          const c = chunks[1]
          const p = pos % c.length
          const forged = [chunks[0], c.slice(0, p) + insert + c.slice(p + 1), ...chunks.slice(2)]
          fc.pre(forged[1] !== c)
          const r = decodeJournalChunks(forged)
          expect(typeof r.ok).toBe('boolean')
        }),
        { numRuns: 300 },
      )
    })
  })
})

describe('summarizeJournals', () => {
  it('counts each owner’s local edits once, remote edits apart, with heads', () => {
    const a = journalOf([ev(T0, '1:2', 'color', 'LOCAL', 3), ev(T0 + 100_000, '1:3', 'shape', 'REMOTE', 2)])
    const b = journalOf([ev(T0 + 5000, '1:3', 'shape', 'LOCAL', 2), ev(T0 + 200_000, '1:9', 'text')], { id: '2002', name: 'Bo' })
    expect(summarizeJournals([a, b])).toEqual({
      edits: 6,
      remoteEdits: 2,
      people: [
        { id: '1001', name: 'Ada', edits: 3 },
        { id: '2002', name: 'Bo', edits: 3 },
      ],
      firstAt: T0,
      lastAt: T0 + 200_000,
      heads: [
        { userId: '1001', head: journalHead(a), entries: 2 },
        { userId: '2002', head: journalHead(b), entries: 2 },
      ],
    })
    expect(summarizeJournals([])).toEqual({ edits: 0, remoteEdits: 0, people: [], firstAt: null, lastAt: null, heads: [] })
  })
})

describe('a realistic session', () => {
  it('compacts to well under 40 stored characters per raw event', () => {
    const events = editingSession({ minutes: 120, seed: 7 })
    const j = journalOf(events)
    const stored = encodeJournalChunks(j).reduce((n, c) => n + c.length, 0)
    expect(events.length).toBeGreaterThan(5000)
    expect(stored / events.length).toBeLessThan(40)
    expect(summarizeJournals([j]).edits + summarizeJournals([j]).remoteEdits).toBe(events.length)
  })
})

describe('incremental encoding', () => {
  const edit = fc.record({
    dt: fc.integer({ min: 0, max: 120_000 }),
    node: fc.integer({ min: 0, max: 30 }),
    group: fc.constantFrom(...EDIT_GROUPS),
    origin: fc.constantFrom('LOCAL' as const, 'REMOTE' as const),
    flush: fc.boolean(),
  })

  it('re-encodes only what changed, and what it writes always decodes to the whole journal', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 400 }), (edits) => {
        const journal = createJournal({ id: '7', name: 'Ada' })
        let at = Date.UTC(2025, 0, 1)
        let stored: string[] = []
        for (const e of edits) {
          at += e.dt
          appendEdit(journal, { at, origin: e.origin, nodeId: `1:${String(e.node)}`, group: e.group, count: 1 })
          if (e.flush) {
            const next = encodeJournalChunks(journal, { maxChars: 600 })
            // Sealed chunks never change once written.
            for (let k = 0; k < stored.length - 1; k++) expect(next[k]).toBe(stored[k])
            stored = next
          }
        }
        stored = encodeJournalChunks(journal, { maxChars: 600 })
        const decoded = decodeJournalChunks(stored)
        if (!decoded.ok) throw new Error(decoded.error)
        expect(decoded.journal.entries).toEqual(journal.entries)
        expect(decoded.head).toBe(journalHead(journal))
      }),
    )
  })

  it('a journal loaded from storage re-encodes to the same chunks', () => {
    const journal = createJournal({ id: '7', name: 'Ada' })
    for (const event of editingSession({ seed: 3 })) appendEdit(journal, event)
    const stored = encodeJournalChunks(journal, { maxChars: 2000 })
    const loaded = decodeJournalChunks(stored)
    if (!loaded.ok) throw new Error(loaded.error)
    expect(stored.length).toBeGreaterThan(2)
    expect(encodeJournalChunks(loaded.journal)).toEqual(stored)
  })
})
