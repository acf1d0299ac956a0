/** The journal's entries and their hash chain: create, append (with compaction), hash lazily. */
import { sha256Concat, toHex } from '../sha256'
import { utf8Encode } from '../utf8'
import { GROUP_LETTERS, type EditGroup, type EditOrigin } from './edit-groups'

/** One change as the host reports it. `at` is ms since the epoch (rounded to integer ms). */
export interface EditEvent {
  at: number
  origin: EditOrigin
  nodeId: string
  group: EditGroup
  /** How many changes this event stands for (normally 1). */
  count: number
}

/** A run of same-kind edits: same node, group and origin, each within the compaction window of the last. */
export interface JournalEntry {
  at: number
  until: number
  origin: EditOrigin
  nodeId: string
  group: EditGroup
  count: number
}

export interface JournalUser {
  id: string
  name: string
}

export interface Journal {
  user: JournalUser
  entries: JournalEntry[]
  /**
   * `chain[i]` = head after entry i (32 bytes), for the entries hashed so far.
   * Hashing is lazy: `appendEdit` only shortens `chain` to the first entry it
   * touched; `journalHead`, `encodeJournalChunks` and `verifyJournal` extend it.
   * Do not edit.
   */
  chain: Uint8Array[]
  /**
   * The chunks of the last encoding, kept so the next one re-encodes only what changed
   * (a long journal is re-encoded on every flush, in Figma's slow main thread).
   * `ends[k]` is one past the last entry of chunk k. Do not edit.
   */
  encoded?: { maxChars: number; chunks: string[]; ends: number[] }
  /** Lowest entry index appended or compacted into since the last encoding. */
  changedFrom?: number
}

/** Two same-kind edits at most this far apart are compacted into one entry. */
export const COMPACT_WINDOW_MS = 60_000
/** How many trailing entries an edit may be compacted into (a resize alternates shape/transform). */
export const COMPACT_LOOKBACK = 4
/** Default (and maximum sensible) stored chunk size, in characters. */
export const DEFAULT_JOURNAL_CHUNK_CHARS = 30_000
/** The format id in every chunk header and in the genesis hash. */
export const JOURNAL_FORMAT = 'loomprint-journal/1'

// ---------------------------------------------------------------------------
// Chain

/** The head of an empty journal: binds the chain to its user. */
export function genesisHead(userId: string): Uint8Array {
  return sha256Concat([utf8Encode(JOURNAL_FORMAT + '|' + userId)])
}

/** The head after entry `e`, from the head before it. */
export function entryHead(prev: Uint8Array, e: JournalEntry): Uint8Array {
  const text =
    e.at + ',' + (e.until - e.at) + ',' + GROUP_LETTERS[e.origin][e.group] + ',' + e.count + ',' + e.nodeId
  return sha256Concat([prev, utf8Encode(text)])
}

export function createJournal(user: JournalUser): Journal {
  return { user: { id: user.id, name: user.name }, entries: [], chain: [] }
}

/** Hex head of the journal (the genesis head when empty). Hashes pending entries. */
export function journalHead(journal: Journal): string {
  hashPending(journal)
  const n = journal.chain.length
  return toHex(n > 0 ? journal.chain[n - 1] : genesisHead(journal.user.id))
}

/** Extends `chain` over entries not hashed yet (after appends): each entry is hashed once per change. */
export function hashPending(journal: Journal): void {
  hashPendingUntil(journal, () => false)
}

/**
 * Hashes pending entries until `shouldStop()` (asked every 16 entries) says to stop.
 * Returns true when every entry is hashed. Lets Figma's main thread spread the chain's
 * cost over several slices instead of freezing the editor for one long flush.
 */
export function hashPendingUntil(journal: Journal, shouldStop: () => boolean): boolean {
  const { entries, chain } = journal
  if (chain.length > entries.length) chain.length = entries.length
  let prev = chain.length > 0 ? chain[chain.length - 1] : genesisHead(journal.user.id)
  for (let i = chain.length; i < entries.length; i++) {
    if ((i & 15) === 0 && shouldStop()) return false
    prev = entryHead(prev, entries[i])
    chain.push(prev)
  }
  return true
}

/**
 * Appends one edit, in place. Compacts into one of the last COMPACT_LOOKBACK entries
 * when that entry has the same node, group and origin and its `until` is at most
 * COMPACT_WINDOW_MS before `event.at`. Returns the entry that now holds the edit.
 * O(1): at most COMPACT_LOOKBACK + 1 short hashes.
 */
export function appendEdit(journal: Journal, event: EditEvent): JournalEntry {
  const at = Math.round(event.at)
  const count = Math.max(1, Math.round(event.count))
  const entries = journal.entries
  const n = entries.length
  for (let k = n - 1; k >= 0 && k >= n - COMPACT_LOOKBACK; k--) {
    const e = entries[k]
    const gap = at - e.until
    if (gap >= 0 && gap <= COMPACT_WINDOW_MS && e.nodeId === event.nodeId && e.group === event.group && e.origin === event.origin) {
      e.count += count
      e.until = at
      if (journal.chain.length > k) journal.chain.length = k // rehash from here, lazily
      journal.changedFrom = Math.min(journal.changedFrom ?? 0, k)
      return e
    }
  }
  const entry: JournalEntry = {
    at,
    until: at,
    origin: event.origin,
    nodeId: event.nodeId,
    group: event.group,
    count,
  }
  entries.push(entry)
  journal.changedFrom = Math.min(journal.changedFrom ?? 0, n)
  return entry
}
