/** Totals over journals, for the UI and the capture record. */
import { journalHead, type Journal } from './chain'

// ---------------------------------------------------------------------------
// Summary

export interface JournalSummary {
  /** Edits made by the journals' owners (LOCAL), each counted once. */
  edits: number
  /**
   * Edits by others, as seen by the journals' owners (REMOTE). Someone running the
   * plugin too has those edits in their own journal as LOCAL, so this may overlap.
   */
  remoteEdits: number
  people: { id: string; name: string; edits: number }[]
  /** ms epoch; null when there are no entries. */
  firstAt: number | null
  lastAt: number | null
  heads: { userId: string; head: string; entries: number }[]
}

/** Totals for the UI and the capture record. Journals of the same user id are merged. */
export function summarizeJournals(journals: readonly Journal[]): JournalSummary {
  let edits = 0
  let remoteEdits = 0
  let firstAt: number | null = null
  let lastAt: number | null = null
  const people = new Map<string, { id: string; name: string; edits: number }>()
  const heads: JournalSummary['heads'] = []
  for (const j of journals) {
    let person = people.get(j.user.id)
    if (!person) {
      person = { id: j.user.id, name: j.user.name, edits: 0 }
      people.set(j.user.id, person)
    }
    for (const e of j.entries) {
      if (e.origin === 'LOCAL') {
        edits += e.count
        person.edits += e.count
      } else remoteEdits += e.count
      if (firstAt === null || e.at < firstAt) firstAt = e.at
      if (lastAt === null || e.until > lastAt) lastAt = e.until
    }
    heads.push({ userId: j.user.id, head: journalHead(j), entries: j.entries.length })
  }
  const list: JournalSummary['people'] = []
  people.forEach((p) => list.push(p))
  list.sort((a, b) => b.edits - a.edits || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  heads.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
  return { edits, remoteEdits, people: list, firstAt, lastAt, heads }
}

