/**
 * The journal: an append-only, hash-chained log of the edits one person's plugin saw.
 *
 * Runs in Figma's main thread (the host appends as `nodechange` events arrive), so:
 * no TextEncoder, no crypto, no BigInt, no deflate; own UTF-8 and SHA-256; appending
 * is O(1) amortized and hashes only the entries it touched.
 *
 * Chain: `genesis = SHA-256("loomprint-journal/1|" + userId)`;
 * `head[i] = SHA-256(head[i-1] ‖ canonical(entry[i]))`, where `canonical` is the
 * UTF-8 of `at,until−at,K,count,nodeId` (decimal numbers, K the group/origin letter
 * of `GROUP_LETTERS`). Compaction changes an entry still being written (one of the
 * last COMPACT_LOOKBACK); heads are computed lazily, from the first changed entry on,
 * when the head is read or the journal stored — so a 60-events-a-second drag costs
 * one hash per flush, not one per event (a SHA-256 takes ~100 µs in Figma's VM).
 *
 * The journal is evidence of the process; it never drives the coefficient.
 * Storage format: see `encodeJournalChunks` and docs/storage.md.
 */

import { sha256Concat, toHex } from './sha256'
import { utf8Encode, utf8Length, utf8Write } from './utf8'

export type EditGroup = 'color' | 'shape' | 'transform' | 'style' | 'text' | 'structure' | 'other'
export type EditOrigin = 'LOCAL' | 'REMOTE'

export const EDIT_GROUPS: readonly EditGroup[] = ['color', 'shape', 'transform', 'style', 'text', 'structure', 'other']

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

const FORMAT = 'loomprint-journal/1'

/**
 * One letter per group × origin: upper-case letters, so they never collide with the
 * lower-case base36 digits around them in the stored lines.
 */
export const GROUP_LETTERS: { readonly [K in EditOrigin]: { readonly [G in EditGroup]: string } } = {
  LOCAL: { color: 'C', shape: 'S', transform: 'T', style: 'Y', text: 'X', structure: 'R', other: 'O' },
  REMOTE: { color: 'K', shape: 'H', transform: 'M', style: 'Z', text: 'W', structure: 'Q', other: 'P' },
}

const LETTER_KIND: { [letter: string]: { origin: EditOrigin; group: EditGroup } } = {}
for (const origin of ['LOCAL', 'REMOTE'] as const) {
  for (const group of EDIT_GROUPS) LETTER_KIND[GROUP_LETTERS[origin][group]] = { origin, group }
}

// ---------------------------------------------------------------------------
// Property groups

const PROPERTY_GROUP: { [property: string]: EditGroup | null } = {}
function assign(group: EditGroup | null, props: string): void {
  for (const p of props.split(' ')) PROPERTY_GROUP[p] = group
}
assign('color', 'fills strokes backgrounds fillStyleId strokeStyleId backgroundStyleId textBackground')
assign(
  'shape',
  'vectorNetwork pointCount width height arcData innerRadius cornerRadius cornerSmoothing topLeftRadius ' +
    'topRightRadius bottomLeftRadius bottomRightRadius booleanOperation shapeType handleMirroring',
)
assign('transform', 'x y relativeTransform rotation')
assign(
  'style',
  'opacity blendMode effects effectStyleId strokeWeight strokeAlign strokeCap strokeJoin strokeMiterLimit ' +
    'dashPattern stokeTopWeight strokeTopWeight strokeBottomWeight strokeLeftWeight strokeRightWeight ' +
    'isMask maskType clipsContent',
)
assign(
  'text',
  'characters text fontName fontSize lineHeight leadingTrim paragraphIndent paragraphSpacing textWrapStyle ' +
    'listSpacing hangingPunctuation hangingList letterSpacing textAlignHorizontal textAlignVertical textCase ' +
    'textDecoration textAutoResize textTruncation maxLines openTypeFeatures styledTextSegments textStyleId hyperlink',
)
// Hiding a layer is curation (the coefficient counts hidden AI elements as removed).
assign('structure', 'parent name type visible CREATE DELETE')
// Not human edits: the plugin's own writes, layer-panel state, automatic renames.
assign(null, 'pluginData relaunchData expanded autoRename')

/**
 * The edit groups a change touches, in `EDIT_GROUPS` order, each once. Accepts
 * Figma `NodeChangeProperty` names plus the pseudo-properties `CREATE`/`DELETE`.
 * Unknown properties count as `other`; `pluginData` / relaunch data only → `[]`.
 */
export function groupForProperties(props: readonly string[]): EditGroup[] {
  let mask = 0
  for (const p of props) {
    const g = Object.prototype.hasOwnProperty.call(PROPERTY_GROUP, p) ? PROPERTY_GROUP[p] : 'other'
    if (g !== null) mask |= 1 << EDIT_GROUPS.indexOf(g)
  }
  const out: EditGroup[] = []
  for (let i = 0; i < EDIT_GROUPS.length; i++) if (mask & (1 << i)) out.push(EDIT_GROUPS[i])
  return out
}

/** Groups for a Figma node change (`CreateChange | DeleteChange | PropertyChange`), by the fields it reads. */
export function groupsForNodeChange(change: { type: string; properties?: readonly string[] }): EditGroup[] {
  if (change.type === 'CREATE' || change.type === 'DELETE') return ['structure']
  return groupForProperties(change.properties ?? [])
}

// ---------------------------------------------------------------------------
// Chain

/** The head of an empty journal: binds the chain to its user. */
export function genesisHead(userId: string): Uint8Array {
  if (userId !== genesisCache.userId) {
    genesisCache.userId = userId
    genesisCache.head = sha256Concat([utf8Encode(FORMAT + '|' + userId)])
  }
  return genesisCache.head
}

const genesisCache = { userId: '', head: sha256Concat([utf8Encode(FORMAT + '|')]) }

let scratch = new Uint8Array(128)

function entryHead(prev: Uint8Array, e: JournalEntry): Uint8Array {
  const text =
    e.at + ',' + (e.until - e.at) + ',' + GROUP_LETTERS[e.origin][e.group] + ',' + e.count + ',' + e.nodeId
  const n = utf8Length(text)
  if (n > scratch.length) scratch = new Uint8Array(n * 2)
  utf8Write(text, scratch, 0)
  return sha256Concat([prev, scratch.subarray(0, n)])
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
function hashPending(journal: Journal): void {
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
    const header: ChunkHeader = { f: FORMAT, user, chunk: chunks.length, from, entries: i - from, prev, head }
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
  const h: ChunkHeader = { f: FORMAT, user, chunk, from: total, entries: Number(big), prev: '0'.repeat(64), head: '0'.repeat(64) }
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
    header.f !== FORMAT ||
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
