/** The journal's stored form: self-verifying plain-text chunks (docs/storage.md). */
import { toHex } from '../sha256'
import {
  createJournal,
  DEFAULT_JOURNAL_CHUNK_CHARS,
  entryHead,
  genesisHead,
  hashPending,
  JOURNAL_FORMAT,
  type Journal,
  type JournalEntry,
  type JournalUser,
} from './chain'
import { GROUP_LETTERS, LETTER_KIND } from './edit-groups'

// ---------------------------------------------------------------------------
// Storage

/*
 * One chunk (≤ maxChars characters, plain text; never deflated: this runs in the
 * main thread):
 *
 *   line 1: JSON header {"f":"loomprint-journal/1","user":{id,name},"chunk":k,
 *                        "from":firstEntryIndex,"entries":n,"prev":hex,"head":hex}
 *   then, per entry, optionally preceded by a node definition line:
 *     "=" + nodeId            defines the next node index in this chunk (0, 1, …)
 *     <dt><K><node>[,<count>[,<dur>]]
 *       dt     at − previous entry's at in this chunk (the first: at itself), base36, may start with "-"
 *       K      group/origin letter (GROUP_LETTERS)
 *       node   node index in this chunk's table, base36
 *       count  base36, omitted when 1 (and dur is 0)
 *       dur    until − at, base36, omitted when 0
 * Node ids are escaped: "\\" → "\\\\", newline → "\\n", carriage return → "\\r".
 * Each chunk is self-contained and verifiable: replaying its entries from `prev`
 * must give `head`.
 */

interface ChunkHeader {
  f: string
  user: JournalUser
  chunk: number
  from: number
  entries: number
  prev: string
  head: string
}

function escapeId(id: string): string {
  return /[\\\n\r]/.test(id) ? id.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : id
}

function unescapeId(s: string): string {
  return s.indexOf('\\') < 0 ? s : s.replace(/\\(\\|n|r)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : '\\'))
}

export function encodeJournalChunks(journal: Journal, options: { maxChars?: number } = {}): string[] {
  const maxChars = options.maxChars ?? DEFAULT_JOURNAL_CHUNK_CHARS
  hashPending(journal)
  const { entries, chain, user } = journal
  // Sealed chunks (all but the last) that end before the first changed entry are reused as they are.
  const cache = journal.encoded && journal.encoded.maxChars === maxChars ? journal.encoded : null
  const changedFrom = journal.changedFrom ?? 0
  let reused = 0
  while (cache && reused < cache.chunks.length - 1 && cache.ends[reused] <= changedFrom) reused++
  const chunks: string[] = cache ? cache.chunks.slice(0, reused) : []
  const ends: number[] = cache ? cache.ends.slice(0, reused) : []
  let i = reused > 0 ? ends[reused - 1] : 0
  let prev = i > 0 ? toHex(chain[i - 1]) : toHex(genesisHead(user.id))
  do {
    const from = i
    const lines: string[] = []
    let size = 0
    const nodes = new Map<string, number>()
    let lastAt = 0
    // Reserve room for the header: fixed parts + two hashes + user + numbers.
    const budget = maxChars - headerLength(user, chunks.length, entries.length) - 1
    while (i < entries.length) {
      const e = entries[i]
      let def = ''
      let node = nodes.get(e.nodeId)
      if (node === undefined) {
        node = nodes.size
        def = '=' + escapeId(e.nodeId) + '\n'
      }
      let line = (e.at - lastAt).toString(36) + GROUP_LETTERS[e.origin][e.group] + node.toString(36)
      const dur = e.until - e.at
      if (e.count !== 1 || dur !== 0) line += ',' + e.count.toString(36)
      if (dur !== 0) line += ',' + dur.toString(36)
      const add = def.length + line.length + 1
      if (size + add > budget && i > from) break
      if (size + add > budget) throw new RangeError(`journal entry ${i} does not fit in a chunk of ${maxChars} characters`)
      if (def) nodes.set(e.nodeId, node)
      lines.push(def + line)
      size += add
      lastAt = e.at
      i++
    }
    const head = i > 0 ? toHex(chain[i - 1]) : prev
    const header: ChunkHeader = { f: JOURNAL_FORMAT, user, chunk: chunks.length, from, entries: i - from, prev, head }
    chunks.push(JSON.stringify(header) + (lines.length ? '\n' + lines.join('\n') : ''))
    ends.push(i)
    prev = head
  } while (i < entries.length)
  journal.encoded = { maxChars, chunks, ends }
  journal.changedFrom = entries.length
  return chunks.slice()
}

function headerLength(user: JournalUser, chunk: number, total: number): number {
  const big = String(Math.max(total, chunk, 1))
  const h: ChunkHeader = { f: JOURNAL_FORMAT, user, chunk, from: total, entries: Number(big), prev: '0'.repeat(64), head: '0'.repeat(64) }
  return JSON.stringify(h).length
}

interface ParsedChunk {
  header: ChunkHeader
  entries: JournalEntry[]
}

class JournalFormatError extends Error {}

function parseChunk(text: string, index: number): ParsedChunk {
  if (typeof text !== 'string' || text.length === 0) throw new JournalFormatError(`journal chunk ${index + 1} is missing`)
  const nl = text.indexOf('\n')
  let header: ChunkHeader
  try {
    header = JSON.parse(nl < 0 ? text : text.slice(0, nl)) as ChunkHeader
  } catch {
    throw new JournalFormatError(`journal chunk ${index + 1} has an unreadable header`)
  }
  if (
    !header ||
    header.f !== JOURNAL_FORMAT ||
    !header.user ||
    typeof header.user.id !== 'string' ||
    typeof header.user.name !== 'string' ||
    !isCount(header.chunk) ||
    !isCount(header.from) ||
    !isCount(header.entries) ||
    !isHex64(header.prev) ||
    !isHex64(header.head)
  ) {
    throw new JournalFormatError(`journal chunk ${index + 1} has an invalid header`)
  }
  const entries: JournalEntry[] = []
  const nodes: string[] = []
  let lastAt = 0
  const lines = nl < 0 ? [] : text.slice(nl + 1).split('\n')
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]
    if (line.charCodeAt(0) === 61 /* = */) {
      nodes.push(unescapeId(line.slice(1)))
      continue
    }
    const m = /^(-?[0-9a-z]+)([A-Z])([0-9a-z]+)(?:,([0-9a-z]+)(?:,([0-9a-z]+))?)?$/.exec(line)
    const kind = m ? LETTER_KIND[m[2]] : undefined
    if (!m || !kind) throw new JournalFormatError(`journal chunk ${index + 1}, line ${li + 2} is malformed`)
    const node = parseInt(m[3], 36)
    if (node >= nodes.length) throw new JournalFormatError(`journal chunk ${index + 1}, line ${li + 2} names an undefined node`)
    const at = lastAt + parseInt(m[1], 36)
    const count = m[4] === undefined ? 1 : parseInt(m[4], 36)
    const dur = m[5] === undefined ? 0 : parseInt(m[5], 36)
    entries.push({ at, until: at + dur, origin: kind.origin, nodeId: nodes[node], group: kind.group, count })
    lastAt = at
  }
  if (entries.length !== header.entries) {
    throw new JournalFormatError(`journal chunk ${index + 1} holds ${entries.length} entries, its header says ${header.entries}`)
  }
  return { header, entries }
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0
}

function isHex64(v: unknown): v is string {
  return typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)
}

export type JournalVerification =
  | { ok: true; head: string; entries: number }
  | { ok: false; brokenAt: number; reason: string }

/**
 * Recomputes the chain. For an in-memory journal, `brokenAt` is the first entry whose
 * already computed head differs (entries not hashed yet cannot be checked). For stored chunks, it is the first entry of the first chunk
 * that does not replay to its head (or does not continue its predecessor), or
 * `entries` when an `expectedHead` (from the record, pack or summary) is not reached.
 */
export function verifyJournal(input: Journal | readonly string[], expectedHead?: string): JournalVerification {
  try {
    if (!Array.isArray(input)) {
      const journal = input as Journal
      let prev = genesisHead(journal.user.id)
      const { entries, chain } = journal
      for (let i = 0; i < entries.length; i++) {
        prev = entryHead(prev, entries[i])
        // Entries past `chain.length` were appended or compacted since the last hash.
        if (i < chain.length && !equalBytes(prev, chain[i])) {
          return { ok: false, brokenAt: i, reason: `entry ${i} does not match the chain (the entry or its head was changed)` }
        }
      }
      return finish(toHex(prev), entries.length, expectedHead)
    }
    const r = replayChunks(input as readonly string[])
    if (!r.ok) return r
    return finish(r.head, r.journal.entries.length, expectedHead)
  } catch (err) {
    return { ok: false, brokenAt: 0, reason: err instanceof Error ? err.message : String(err) }
  }
}

function finish(head: string, entries: number, expectedHead: string | undefined): JournalVerification {
  if (expectedHead !== undefined && expectedHead.toLowerCase() !== head) {
    return {
      ok: false,
      brokenAt: entries,
      reason: `the journal ends at head ${head.slice(0, 12)}…, but ${expectedHead.slice(0, 12)}… was expected (history was truncated, extended or rewritten)`,
    }
  }
  return { ok: true, head, entries }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

type Replay = { ok: true; journal: Journal; head: string } | { ok: false; brokenAt: number; reason: string }

function replayChunks(chunks: readonly string[]): Replay {
  return startReplay(chunks)(() => false) as Replay
}

/**
 * Replays stored chunks resumably: each call continues where the last stopped and
 * returns null when `shouldStop()` (asked every 16 entries) asked it to pause. Loading
 * a long journal in Figma's main thread can then yield to the editor between slices.
 */
function startReplay(chunks: readonly string[]): (shouldStop: () => boolean) => Replay | null {
  let journal: Journal | null = null
  let prev = ''
  let lastName = ''
  let c = 0
  let chunkStart = 0
  let pending: JournalEntry[] | null = null
  let pendingHead = ''
  let i = 0
  let counter = 0
  const ends: number[] = []
  return (shouldStop) => {
    if (chunks.length === 0) return { ok: false, brokenAt: 0, reason: 'there are no journal chunks' }
    while (c < chunks.length) {
      if (pending === null) {
        chunkStart = journal ? journal.entries.length : 0
        let parsed: ParsedChunk
        try {
          parsed = parseChunk(chunks[c], c)
        } catch (err) {
          return { ok: false, brokenAt: chunkStart, reason: (err as Error).message }
        }
        const { header } = parsed
        lastName = header.user.name
        if (journal === null) {
          journal = createJournal(header.user)
          prev = toHex(genesisHead(header.user.id))
        } else if (header.user.id !== journal.user.id) {
          return { ok: false, brokenAt: chunkStart, reason: `journal chunk ${c + 1} belongs to user ${header.user.id}, not ${journal.user.id}` }
        }
        if (header.chunk !== c || header.from !== chunkStart) {
          return { ok: false, brokenAt: chunkStart, reason: `journal chunk ${c + 1} is out of place (it says chunk ${header.chunk + 1}, from entry ${header.from})` }
        }
        if (header.prev !== prev) {
          return { ok: false, brokenAt: chunkStart, reason: `journal chunk ${c + 1} does not continue chunk ${c} (a chunk was lost, replaced or reordered)` }
        }
        pending = parsed.entries
        pendingHead = header.head
        i = 0
      }
      const j = journal as Journal
      while (i < pending.length) {
        if ((++counter & 15) === 0 && shouldStop()) return null
        const e = pending[i++]
        j.entries.push(e)
        j.chain.push(entryHead(j.chain.length ? j.chain[j.chain.length - 1] : genesisHead(j.user.id), e))
      }
      const head = j.chain.length ? toHex(j.chain[j.chain.length - 1]) : prev
      if (head !== pendingHead) {
        return { ok: false, brokenAt: chunkStart, reason: `journal chunk ${c + 1} does not replay to its head (an entry in it was changed)` }
      }
      prev = head
      pending = null
      ends.push(j.entries.length)
      c++
    }
    // A later session keeps the newest name while the id stays.
    const done = journal as Journal
    done.user.name = lastName
    // What is stored is an encoding of this journal: the next flush re-encodes only its tail.
    done.encoded = { maxChars: DEFAULT_JOURNAL_CHUNK_CHARS, chunks: chunks.slice(), ends }
    done.changedFrom = done.entries.length
    return { ok: true, journal: done, head: prev }
  }
}

export type JournalLoad = { ok: true; journal: Journal; head: string } | { ok: false; error: string }

/**
 * `decodeJournalChunks`, in slices: call the returned function until it gives a result
 * (null means it paused because `shouldStop()` said so). Never throws.
 */
export function loadJournalChunks(chunks: readonly string[]): (shouldStop: () => boolean) => JournalLoad | null {
  const replay = startReplay(chunks)
  return (shouldStop) => {
    try {
      const r = replay(shouldStop)
      if (r === null || r.ok) return r
      return { ok: false, error: `Journal is damaged at entry ${r.brokenAt}: ${r.reason}.` }
    } catch (err) {
      return { ok: false, error: `Journal is unreadable: ${err instanceof Error ? err.message : String(err)}.` }
    }
  }
}

/** Parses and verifies stored chunks (in key order). Never throws. */
export function decodeJournalChunks(chunks: readonly string[]): JournalLoad {
  return loadJournalChunks(chunks)(() => false) as JournalLoad
}
