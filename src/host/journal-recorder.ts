/**
 * Turns node changes inside tracked patterns into journal entries for the user
 * running the plugin, and persists them in that user's own chunks so two people
 * working at once never overwrite each other (DESIGN.md, "Journal").
 *
 * The plugin's own plugin-data writes arrive as changes too (FIGMA.md: a
 * `pluginData` change does not say which key); `groupsForNodeChange` maps a
 * plugin-data-only change to no group, so they are never recorded as edits.
 */
import type { User } from '../messages'
import {
  appendEdit,
  createJournal,
  encodeJournalChunks,
  groupsForNodeChange,
  hashPendingUntil,
  loadJournalChunks,
  type EditEvent,
  type EditGroup,
  type Journal,
  type JournalLoad,
} from '../storage/journal'
import { journalKey, RECORD_KEY } from '../provenance/record'
import { enclosingPattern } from './layers'
import { createSlicer } from './yield'

/** Quiet time before entries are written: a drag produces dozens of changes a second. */
const FLUSH_DELAY_MS = 1500

export interface JournalRecorder {
  /**
   * Writes pending entries; returns how many patterns were written. Hashing the chain
   * is the costly part in Figma's VM, so it runs in slices that yield to the editor.
   */
  flushAsync(): Promise<number>
  /** The same in one synchronous run, for when the plugin is closing (timers stop). */
  flushNow(): number
  /** Remembers which pattern the selected layers belong to, so deleting them is journaled. */
  rememberSelection(nodes: readonly SceneNode[]): void
  /** A pattern was marked, unmarked or repaired: forget what was known about it. */
  forget(rootId: string): void
  dispose(): void
}

interface PatternJournal {
  node: BaseNode
  /** Null while the stored journal is still being verified. */
  journal: Journal | null
  /** Edits seen while loading, appended once the stored journal verifies. */
  queued: EditEvent[]
  /** Continues verifying the stored journal; returns null while unfinished. */
  load: ((shouldStop: () => boolean) => JournalLoad | null) | null
  loading: Promise<void> | null
  written: string[]
  dirty: boolean
}

type NodeChange = NodeChangeEvent['nodeChanges'][number]

export function createJournalRecorder(
  api: PluginAPI,
  user: User,
  options: { now: () => number; onJournaled?: (nodeIds: string[]) => void },
): JournalRecorder {
  const patterns = new Map<string, PatternJournal>()
  /** Patterns whose stored journal for this user does not verify: left untouched. */
  const refused = new Set<string>()
  /**
   * node id → its pattern's root (null: in no pattern). A deleted node has no parent
   * to walk, so this is how a deletion is attributed: nodes are remembered when they
   * change or are selected (people select before they delete). Reset when layers move
   * between parents, since whole subtrees may then change pattern.
   */
  let membership = new Map<string, BaseNode | null>()
  let timer: ReturnType<typeof setTimeout> | null = null
  let page: PageNode | null = null

  const patternOf = (node: BaseNode): BaseNode | null => {
    if (node.getPluginData(RECORD_KEY) !== '') return node
    return enclosingPattern(node)
  }

  const settle = (entry: PatternJournal, result: JournalLoad): void => {
    entry.load = null
    if (!result.ok) {
      // Evidence that fails verification is kept as it is; capture reports it.
      patterns.delete(entry.node.id)
      refused.add(entry.node.id)
      console.warn(`Loomprint: the journal on “${entry.node.name}” does not verify (${result.error}); not appending.`)
      return
    }
    entry.journal = result.journal
    for (const event of entry.queued) appendEdit(result.journal, event)
    entry.queued = []
  }

  /**
   * The pattern's journal for this user. A stored one is verified before anything is
   * appended, in slices that yield: weeks of history take long to replay in Figma's VM.
   */
  const journalFor = (root: BaseNode): PatternJournal | null => {
    const known = patterns.get(root.id)
    if (known) return known
    if (refused.has(root.id)) return null
    const stored: string[] = []
    for (let n = 0; ; n++) {
      const chunk = root.getPluginData(journalKey(user.id, n))
      if (chunk === '') break
      stored.push(chunk)
    }
    const entry: PatternJournal = {
      node: root,
      journal: stored.length === 0 ? createJournal(user) : null,
      queued: [],
      load: stored.length === 0 ? null : loadJournalChunks(stored),
      loading: null,
      written: stored,
      dirty: false,
    }
    patterns.set(root.id, entry)
    if (entry.load) {
      const load = entry.load
      entry.loading = (async () => {
        const slicer = createSlicer()
        for (;;) {
          if (!entry.load) return // finished synchronously by flushNow
          const result = load(() => slicer.due())
          if (result) return settle(entry, result)
          await slicer.yieldAsync()
        }
      })().finally(() => {
        entry.loading = null
      })
    }
    return entry
  }

  const record = (change: NodeChange, at: number): string | null => {
    const groups: EditGroup[] = groupsForNodeChange(change)
    if (groups.length === 0) return null
    let root = membership.get(change.id)
    if (root === undefined) {
      if (change.node.removed) return null // a deleted node never seen: its pattern is unknown
      root = patternOf(change.node)
      membership.set(change.id, root)
    }
    if (change.type === 'PROPERTY_CHANGE' && change.properties.includes('parent')) membership = new Map()
    if (root === null || root.removed) return null
    const target = journalFor(root)
    if (!target) return null
    for (const group of groups) {
      const event: EditEvent = { at, origin: change.origin, nodeId: change.id, group, count: 1 }
      if (target.journal) appendEdit(target.journal, event)
      else target.queued.push(event)
    }
    target.dirty = true
    return root.id
  }

  const onNodeChange = (event: NodeChangeEvent): void => {
    const at = options.now()
    const touched = new Set<string>()
    for (const change of event.nodeChanges) {
      const rootId = record(change, at)
      if (rootId) touched.add(rootId)
    }
    if (touched.size === 0) return
    options.onJournaled?.(Array.from(touched))
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void flush()
    }, FLUSH_DELAY_MS)
  }

  const write = (id: string, entry: PatternJournal): boolean => {
    entry.dirty = false
    if (entry.node.removed) {
      patterns.delete(id)
      return false
    }
    if (!entry.journal) return false
    const chunks = encodeJournalChunks(entry.journal)
    for (let n = 0; n < chunks.length; n++) {
      if (chunks[n] !== entry.written[n]) entry.node.setPluginData(journalKey(user.id, n), chunks[n])
    }
    // Chunked differently from what was stored (another chunk size): drop the leftovers.
    for (let n = chunks.length; n < entry.written.length; n++) entry.node.setPluginData(journalKey(user.id, n), '')
    entry.written = chunks
    return true
  }

  const flushNow = (): number => {
    let count = 0
    for (const [id, entry] of Array.from(patterns)) {
      if (entry.load) settle(entry, entry.load(() => false) as JournalLoad)
      if (entry.dirty && write(id, entry)) count++
    }
    return count
  }

  let flushing: Promise<number> | null = null
  const flushAsync = async (): Promise<number> => {
    const slicer = createSlicer()
    let count = 0
    for (const [id, entry] of Array.from(patterns)) {
      if (!entry.dirty) continue
      if (entry.loading) await entry.loading
      if (!entry.journal) continue
      const journal = entry.journal
      while (!hashPendingUntil(journal, () => slicer.due())) await slicer.yieldAsync()
      // Edits that arrived while yielding are hashed by `encodeJournalChunks`: few, and cheap.
      if (write(id, entry)) count++
      if (slicer.due()) await slicer.yieldAsync()
    }
    return count
  }
  const flush = (): Promise<number> => {
    // One flush at a time; a request arriving mid-flush waits for it, then flushes the rest.
    const next = (flushing ?? Promise.resolve(0)).then(flushAsync)
    flushing = next.finally(() => {
      if (flushing === next) flushing = null
    })
    return next
  }

  const follow = (): void => {
    page?.off('nodechange', onNodeChange)
    page = api.currentPage
    page.on('nodechange', onNodeChange)
    membership = new Map()
  }
  follow()
  api.on('currentpagechange', follow)

  return {
    flushAsync: () => {
      if (timer !== null) clearTimeout(timer)
      timer = null
      return flush()
    },
    flushNow: () => {
      if (timer !== null) clearTimeout(timer)
      timer = null
      return flushNow()
    },
    rememberSelection: (nodes) => {
      for (const node of nodes) if (!membership.has(node.id)) membership.set(node.id, patternOf(node))
    },
    forget: (rootId) => {
      patterns.delete(rootId)
      refused.delete(rootId)
      membership = new Map()
    },
    dispose: () => {
      if (timer !== null) clearTimeout(timer)
      page?.off('nodechange', onNodeChange)
      api.off('currentpagechange', follow)
    },
  }
}
