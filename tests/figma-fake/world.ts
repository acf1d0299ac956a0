/**
 * The shared document, plugin sessions (one per user), events, undo, storage and the UI bridge.
 * Citations: `plugin-api.d.ts:<line>` = node_modules/@figma/plugin-typings/plugin-api.d.ts 1.142.0;
 * FIGMA.md = /work/shared/FIGMA.md (the project's platform notes).
 */
import { createImage, getImageByHash } from './images'
import {
  BaseFake,
  DocumentFake,
  EllipseFake,
  FrameFake,
  GroupFake,
  type Host,
  PageFake,
  type ParentFake,
  RectangleFake,
  SceneBase,
  type SceneFake,
  TextFake,
  VectorFake,
  createOn,
  groupNodes,
  internals,
} from './nodes'
import { BooleanOperationFake, ComponentFake, LineFake, PolygonFake, StarFake, booleanNodes } from './kinds'
import { nodeFromSvg } from './svg'
import { base64Decode, base64Encode, clientStorageRefusal, cloneData, later, messageSize, realSetTimeout, reportAsync, storedSize, uiMessageRefusal, utf8Length } from './util'

import { NOTIFY_OPTIONS, NotificationImpl, type NotifyHost } from './notifications'
import { checkArgument, t } from './schema'
import type { FakeSession, FakeSessionOptions, FakeUiBridge, FakeUser, FigmaWorldOptions } from './index'

import { DEFAULT_DEVICE, DEFAULT_USER } from './index'
/**
 * clientStorage: "Each plugin gets a total of 5MB of storage" (developers.figma.com/docs/plugins/api/
 * figma-clientStorage). Counted conservatively as 5,000,000 bytes, not 5 × 1024 × 1024.
 */
export const CLIENT_STORAGE_LIMIT = 5_000_000
const USER_COLORS = ['#F24822', '#0FA958', '#18A0FB', '#9747FF', '#FFC700', '#FF24BD']

type Undo = () => void
type Kind = 'CREATE' | 'DELETE' | 'PROPERTY_CHANGE'

interface ChangeRec {
  seq: number
  kind: Kind
  node: BaseFake
  type: NodeType
  props: NodeChangeProperty[]
  page: PageFake | null
  actor: SessionImpl | null
  /** The session whose change callback was running when this change was made (not reported to it). */
  suppress: SessionImpl | null
}

interface Listener<F> {
  cb: F
  once: boolean
}

// ================================================================================= UI

class UiState implements FakeUiBridge {
  shown = false
  visible = false
  html: string | null = null
  width = 300
  height = 200
  generation = 0
  /** Main-side handlers: figma.ui.onmessage and figma.ui.on('message'). */
  onmessage: MessageEventHandler | undefined = undefined
  mainListeners: Listener<MessageEventHandler>[] = []
  /** UI-side listeners registered by the test / harness. */
  uiListeners: ((message: unknown) => void)[] = []
  /** Messages main posted before any UI-side listener subscribed (delivered on subscribe). */
  backlog: unknown[] = []
  /** Size in bytes of every message main posted, in order (see `messageSize`). */
  messageSizes: number[] = []

  constructor(private readonly session: SessionImpl) {}

  onMessage(listener: (message: unknown) => void): () => void {
    this.uiListeners.push(listener)
    if (this.backlog.length) {
      const msgs = this.backlog
      this.backlog = []
      const world = this.session.world
      world.inflight++
      later(() => {
        world.inflight--
        for (const m of msgs) this.deliverToUi(m)
      })
    }
    return () => {
      const i = this.uiListeners.indexOf(listener)
      if (i >= 0) this.uiListeners.splice(i, 1)
    }
  }

  deliverToUi(message: unknown): void {
    if (!this.uiListeners.length) {
      this.backlog.push(message)
      return
    }
    for (const l of this.uiListeners.slice()) {
      try {
        l(message)
      } catch (e) {
        reportAsync(e)
      }
    }
  }

  /** As `parent.postMessage({ pluginMessage }, '*')` from the iframe: async, structured-cloned. */
  postToMain(message: unknown): void {
    const copy = cloneData(message, 'postToMain')
    const s = this.session
    const gen = this.generation
    s.world.inflight++
    later(() => {
      s.world.inflight--
      // Nothing arrives once the plugin or its UI closed (plugin-api.d.ts:173 closePlugin; UIAPI.close).
      if (s.closed || !this.shown || gen !== this.generation) return
      const handlers: MessageEventHandler[] = []
      if (this.onmessage) handlers.push(this.onmessage)
      for (const l of this.mainListeners.slice()) {
        handlers.push(l.cb)
        if (l.once) this.mainListeners.splice(this.mainListeners.indexOf(l), 1)
      }
      // plugin-api.d.ts UIAPI.onmessage: (pluginMessage, props: { origin }); the UI is a data: URL (null origin, FIGMA.md).
      s.world.runAs(s, () => {
        for (const h of handlers) h(copy, { origin: 'null' })
      })
    })
  }
}

// ================================================================================= session

class SessionImpl implements FakeSession {
  figma!: PluginAPI
  readonly ui: UiState
  readonly notifications: NotificationImpl[] = []
  closed = false
  /** figma.skipInvisibleInstanceChildren of this session (plugin-api.d.ts:109). */
  skipInvisibleInstanceChildren = false
  currentPage: PageFake
  loadedPages = new Set<PageFake>()
  allPagesLoaded = false
  selections = new Map<PageFake, SceneFake[]>()
  listeners = new Map<string, Listener<(arg?: unknown) => void>[]>()
  /** Plugin writes since the last commitUndo (plugin-api.d.ts:273-294). */
  pending: Undo[] = []
  /** The person's undo history in this tab: shared by every run of the plugin in it. */
  undoStack: Undo[][] = []
  /** `figma.pluginId`: the manifest id this run of the plugin has (FakeSessionOptions.pluginId). */
  pluginId: string
  /** `currentUser.sessionId`: one per tab (plugin-api.d.ts:12794-12799). */
  sessionId: number
  selectionDirty = false
  pageDirty = false
  readonly openSeq: number
  readonly command: string

  constructor(
    readonly world: WorldImpl,
    readonly index: number,
    readonly user: FakeUser,
    command: string,
    readonly device: string,
  ) {
    this.ui = new UiState(this)
    this.currentPage = world.doc._children[0]
    this.loadedPages.add(this.currentPage)
    this.openSeq = world.seq
    this.command = command
    this.sessionId = index
    this.pluginId = world.pluginId
  }

  undo(): void {
    this.world.undo(this)
  }
}

// ================================================================================= world

export class WorldImpl implements Host {
  readonly pluginId: string
  readonly checks: boolean
  readonly doc: DocumentFake
  readonly sessions: SessionImpl[] = []
  readonly byId = new Map<string, BaseFake>()
  counter = 0
  seq = 0
  queue: ChangeRec[] = []
  scheduled = false
  inflight = 0
  editSession: SessionImpl | null = null
  editGroup: Undo[] | null = null
  undoing = false
  /** The session whose `figma` object was touched in the current synchronous run, or whose callback runs. */
  activeSession: SessionImpl | null = null
  private activeClearScheduled = false
  callbackSession: SessionImpl | null = null
  pageListeners = new Map<PageFake, { session: SessionImpl; cb: (e: NodeChangeEvent) => void; once: boolean; since: number }[]>()
  storage = new Map<string, Map<string, unknown>>()
  inspecting = false
  readonly uiMessageBudgetBytes: number | undefined
  readonly uncommittedPluginWrites: 'own-step' | 'join-last-step'

  constructor(options: FigmaWorldOptions) {
    this.pluginId = options.pluginId ?? 'loomprint-test-plugin'
    this.checks = options.checks !== false
    this.uiMessageBudgetBytes = options.uiMessageBudgetBytes
    this.uncommittedPluginWrites = options.uncommittedPluginWrites ?? 'own-step'
    this.doc = new DocumentFake(this, '0:0', 'Untitled')
    this.doc.documentColorProfile = options.documentColorProfile ?? 'SRGB'
    const names = options.pageNames && options.pageNames.length ? options.pageNames : ['Page 1']
    names.forEach((name, i) => {
      const page = new PageFake(this, `0:${i + 1}`, name)
      internals.rawInsert(this.doc, page, i)
    })
  }

  // ------------------------------------------------------------------ Host

  register(node: BaseFake): void {
    this.byId.set(node.id, node)
  }

  /** Node ids are "<session>:<counter>" like Figma's "1:23" (plugin-api.d.ts:6366 id "For example, `1:3`"). */
  newId(): string {
    const actor = this.actor()
    return `${actor ? actor.index : 1}:${++this.counter}`
  }

  /**
   * Who made a change: inside `world.edit(session, fn)` that session; otherwise (plugin code or
   * test setup) the first session opened that is still open — a documented simplification.
   */
  actor(): SessionImpl | null {
    if (this.editSession) return this.editSession
    // Plugin code of a known session (its `figma` touched in this synchronous run, or its callback
    // running) acts for that session: its undo history, its LOCAL changes.
    if (this.activeSession && !this.activeSession.closed && !this.inspecting) return this.activeSession
    for (const s of this.sessions) if (!s.closed) return s
    return this.sessions[0] || null
  }

  /** Every change to the document, undo included (Host.mutations: instances re-sync when it moved). */
  mutations = 0

  skipsInvisibleInstanceChildren(): boolean {
    // User edits and test reads see every layer; plugin code sees what its session asked for.
    if (this.editSession || this.inspecting) return false
    const s = this.contextSession()
    return s !== null && s.skipInvisibleInstanceChildren
  }

  private log(undo: Undo): void {
    this.mutations++
    if (this.undoing) return
    if (this.editGroup) {
      this.editGroup.push(undo)
      return
    }
    const a = this.actor()
    if (a) a.pending.push(undo)
  }

  recordProp(node: BaseFake, props: NodeChangeProperty[], revert: () => void): void {
    this.log(() => {
      revert()
      if (props.length) this.enqueue('PROPERTY_CHANGE', node, props, node._page)
    })
    if (props.length) this.enqueue('PROPERTY_CHANGE', node, props, node._page)
  }

  recordAttach(node: SceneFake): void {
    this.log(() => {
      const page = node._page
      internals.rawDetach(node)
      this.enqueue('DELETE', node, [], page)
    })
    this.enqueue('CREATE', node, [], node._page)
  }

  recordDetach(node: SceneFake, oldParent: ParentFake, oldIndex: number, oldPage: PageFake | null): void {
    this.log(() => {
      internals.rawInsert(oldParent, node, oldIndex)
      this.enqueue('CREATE', node, [], node._page)
    })
    this.enqueue('DELETE', node, [], oldPage)
  }

  recordMove(node: SceneFake, oldParent: ParentFake, oldIndex: number, oldPage: PageFake | null): void {
    const newPage = node._page
    const report = (from: PageFake | null, to: PageFake | null): void => {
      if (from === to) this.enqueue('PROPERTY_CHANGE', node, ['parent'], to)
      else {
        this.enqueue('DELETE', node, [], from)
        this.enqueue('CREATE', node, [], to)
      }
    }
    this.log(() => {
      internals.rawDetach(node)
      internals.rawInsert(oldParent, node, oldIndex)
      report(newPage, oldPage)
    })
    report(oldPage, newPage)
  }

  private enqueue(kind: Kind, node: BaseFake, props: NodeChangeProperty[], page: PageFake | null): void {
    if (!this.sessions.length) return
    this.queue.push({
      seq: ++this.seq,
      kind,
      node,
      type: node.type,
      props,
      page,
      actor: this.actor(),
      suppress: this.callbackSession,
    })
    this.schedule()
  }

  schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    later(() => this.deliver())
  }

  /**
   * Whose private plugin data a read or write reaches: the plugin id of the session whose code
   * runs (plugin-api.d.ts:6537-6541 "The data is specific to your plugin ID"); test code and
   * user edits outside any session's code see the world's own `pluginId`.
   */
  dataPluginId(): string {
    const s = this.inspecting ? null : this.contextSession()
    return s ? s.pluginId : this.pluginId
  }

  /** Session used for per-session state when plugin code reaches shared objects (pages, nodes). */
  contextSession(): SessionImpl | null {
    return this.activeSession || this.actor()
  }

  touch(s: SessionImpl): void {
    this.activeSession = s
    if (!this.activeClearScheduled) {
      this.activeClearScheduled = true
      Promise.resolve().then(() => {
        this.activeClearScheduled = false
        if (!this.callbackSession) this.activeSession = null
      })
    }
  }

  /** Run plugin callbacks for `s`: it is the active session, and its own changes inside are not reported to it. */
  runAs(s: SessionImpl, fn: () => void): void {
    const prevCb = this.callbackSession
    const prevActive = this.activeSession
    this.callbackSession = s
    this.activeSession = s
    try {
      fn()
    } catch (e) {
      reportAsync(e)
    } finally {
      this.callbackSession = prevCb
      this.activeSession = prevActive
    }
  }

  /**
   * The session whose dynamic-page rules apply to the running code, or null for a user edit
   * (`world.edit`), `world.read`, or when no session is open. Enforced always, not just right
   * after a `figma.` access: a page reference held across an `await` is still plugin code.
   */
  private ruledSession(): SessionImpl | null {
    if (this.editSession || this.inspecting) return null
    const s = this.contextSession()
    return s && !s.closed ? s : null
  }

  /**
   * Dynamic-page rule for pages: plugin-api.d.ts:7034 (children), :7163 (findAllWithCriteria)
   * "you must first call PageNode.loadAsync" (message text as in Figma's client: "Cannot access
   * … on a page that has not been explicitly loaded").
   */
  checkPageAccess(page: PageFake, what: string): void {
    if (!this.checks) return
    const s = this.ruledSession()
    if (!s || s.allPagesLoaded || s.loadedPages.has(page)) return
    const label = what === 'children' || what === 'selection' ? `property \`${what}\`` : `method \`${what}()\``
    throw new Error(
      `in ${what}: Cannot access ${label} on a page that has not been explicitly loaded. ` +
        "Remember to call `await page.loadAsync()` or `await figma.loadAllPagesAsync()' first.",
    )
  }

  /** plugin-api.d.ts:1992-2002, :10562 loadAllPagesAsync enables DocumentNode.findAll/findOne/findAllWithCriteria. */
  checkDocumentAccess(what: string): void {
    if (!this.checks) return
    const s = this.ruledSession()
    if (!s || s.allPagesLoaded) return
    throw new Error(
      `in ${what}: Cannot call with documentAccess: dynamic-page without calling figma.loadAllPagesAsync() first.`,
    )
  }

  /** Test code that reads the document without being plugin code (no dynamic-page rules). */
  // Not named `inspect`: chai and Node call an `inspect` method when they print an object.
  readAsTest<T>(fn: () => T): T {
    const prev = this.inspecting
    this.inspecting = true
    try {
      return fn()
    } finally {
      this.inspecting = prev
    }
  }

  getSelection(page: PageFake): SceneFake[] {
    const s = this.contextSession()
    if (!s) return []
    // plugin-api.d.ts:7034 applies to the page's contents; its selection is among them.
    this.checkPageAccess(page, 'selection')
    const sel = s.selections.get(page) || []
    // Removed nodes drop out of the selection (plugin-api.d.ts:557 "When a selected node is deleted").
    return sel.filter((n) => !n.removed && n._page === page)
  }

  /** plugin-api.d.ts PageNode.selection: per page, unique, only directly selected nodes. */
  setSelection(page: PageFake, nodes: readonly SceneFake[]): void {
    const s = this.contextSession()
    if (!s) throw new Error('in set_selection: no plugin session is open')
    if (!Array.isArray(nodes)) throw new Error('in set_selection: Expected an array of nodes')
    this.checkPageAccess(page, 'selection')
    const unique: SceneFake[] = []
    for (const n of nodes) {
      if (!((n as unknown) instanceof SceneBase)) throw new Error('in set_selection: Expected scene nodes')
      if (n.removed) throw new Error(`in set_selection: The node with id "${n.id}" does not exist`)
      if (n._page !== page) {
        throw new Error(`in set_selection: Node "${n.id}" is not on page "${page.name}" (fake: selection must be on that page)`)
      }
      if (unique.indexOf(n) < 0) unique.push(n)
    }
    const direct = unique.filter((n) => !unique.some((o) => o !== n && isAncestorOf(o, n)))
    s.selections.set(page, direct)
    if (page === s.currentPage) {
      s.selectionDirty = true
      this.schedule()
    }
  }

  addPageListener(page: PageFake, cb: (e: NodeChangeEvent) => void, once: boolean): void {
    const s = this.contextSession()
    if (!s) throw new Error('in on: no plugin session is open')
    if (typeof cb !== 'function') throw new TypeError('nodechange handler must be a function')
    const list = this.pageListeners.get(page) || []
    // A listener cannot hear changes made before it subscribed (FIGMA.md "Events": changes
    // are delivered asynchronously, to the handlers registered at the time).
    list.push({ session: s, cb, once, since: this.seq })
    this.pageListeners.set(page, list)
  }

  removePageListener(page: PageFake, cb: (e: NodeChangeEvent) => void): void {
    const list = this.pageListeners.get(page)
    if (!list) return
    const s = this.contextSession()
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i].cb === cb && (!s || list[i].session === s)) {
        list.splice(i, 1)
        return
      }
    }
  }

  /** plugin-api.d.ts:10719 PageNode.loadAsync: the page is loaded when the promise settles, so a missing `await` still fails. */
  loadPage(page: PageFake): Promise<void> {
    const s = this.contextSession()
    this.inflight++
    return new Promise<void>((resolve) => {
      realSetTimeout(() => {
        this.inflight--
        if (s) s.loadedPages.add(page)
        resolve()
      }, 0)
    })
  }

  clonePage(): PageFake {
    const s = this.contextSession()
    return s ? s.currentPage : this.doc._children[0]
  }

  // ------------------------------------------------------------------ delivery

  private deliver(): void {
    this.scheduled = false
    const batch = this.queue
    this.queue = []
    for (const s of this.sessions) {
      if (s.closed) continue
      // Events arrive only while the plugin runs (FIGMA.md "Events").
      const mine = batch.filter((r) => r.seq > s.openSeq && r.suppress !== s)
      if (s.pageDirty) {
        s.pageDirty = false
        this.fire(s, 'currentpagechange', undefined)
      }
      if (s.selectionDirty) {
        s.selectionDirty = false
        this.fire(s, 'selectionchange', undefined)
      }
      if (!mine.length) continue
      const docListeners = s.listeners.get('documentchange')
      if (docListeners && docListeners.length) {
        const changes = toChanges(mine.filter((r) => r.page !== null), s)
        if (changes.length) this.fire(s, 'documentchange', { documentChanges: changes } as DocumentChangeEvent)
      }
      this.pageListeners.forEach((list, page) => {
        const mineHere = list.filter((l) => l.session === s)
        if (!mineHere.length) return
        const here = mine.filter((r) => r.page === page && r.node !== page)
        for (const l of mineHere) {
          const changes = toChanges(here.filter((r) => r.seq > l.since), s) as NodeChange[]
          if (!changes.length) continue
          if (l.once) list.splice(list.indexOf(l), 1)
          this.runAs(s, () => l.cb({ nodeChanges: changes }))
        }
      })
    }
  }

  fire(s: SessionImpl, type: string, arg: unknown): void {
    const list = s.listeners.get(type)
    if (!list || !list.length) return
    for (const l of list.slice()) {
      if (l.once) list.splice(list.indexOf(l), 1)
      this.runAs(s, () => l.cb(arg))
    }
  }

  // ------------------------------------------------------------------ undo

  /**
   * Ends the run of uncommitted plugin writes. `explicit` is `figma.commitUndo()`: always a step of
   * its own (plugin-api.d.ts:273-294). Otherwise (the person edits or undoes, the plugin closes)
   * where they go is undocumented: see `FigmaWorldOptions.uncommittedPluginWrites`.
   */
  commitPending(s: SessionImpl, explicit = false): void {
    if (!s.pending.length) return
    const last = s.undoStack[s.undoStack.length - 1]
    if (!explicit && this.uncommittedPluginWrites === 'join-last-step' && last) last.push(...s.pending)
    else s.undoStack.push(s.pending)
    s.pending = []
  }

  /**
   * The user presses undo: reverts `s`'s last undo group. Uncommitted plugin writes form one group
   * (plugin-api.d.ts:273-294: "By default, plugin actions are not committed to undo history …
   * the first triggered undo will undo both the rectangle and the ellipse"). Undo also reverts
   * plugin-data writes (FIGMA.md). The inverse operations are reported as changes by `s`.
   */
  undo(s: SessionImpl): void {
    this.mutations++
    this.commitPending(s)
    const group = s.undoStack.pop()
    if (!group) return
    const prevEdit = this.editSession
    const prevUndoing = this.undoing
    this.editSession = s
    this.undoing = true
    try {
      for (let i = group.length - 1; i >= 0; i--) group[i]()
    } finally {
      this.editSession = prevEdit
      this.undoing = prevUndoing
    }
  }

  edit(session: FakeSession, fn: () => void): void {
    const s = session as SessionImpl
    if (this.sessions.indexOf(s) < 0) throw new Error('world.edit: unknown session')
    if (this.editSession === s && this.editGroup) {
      fn()
      return
    }
    this.commitPending(s)
    const prev = { edit: this.editSession, group: this.editGroup, active: this.activeSession, cb: this.callbackSession }
    const group: Undo[] = []
    this.editSession = s
    this.editGroup = group
    this.activeSession = null
    this.callbackSession = null
    try {
      fn()
    } finally {
      this.editSession = prev.edit
      this.editGroup = prev.group
      this.activeSession = prev.active
      this.callbackSession = prev.cb
      if (group.length) s.undoStack.push(group)
    }
  }

  async flush(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      await new Promise<void>((r) => realSetTimeout(r, 0))
      if (!this.scheduled && this.inflight === 0 && !this.queue.length) {
        await new Promise<void>((r) => realSetTimeout(r, 0))
        if (!this.scheduled && this.inflight === 0) return
      }
    }
  }

  // ------------------------------------------------------------------ sessions

  openSession(user?: FakeUser, options?: FakeSessionOptions): FakeSession {
    const u: FakeUser = user ? { id: user.id, name: user.id === null ? 'Anonymous' : user.name } : { ...DEFAULT_USER }
    const s = new SessionImpl(this, this.sessions.length + 1, u, options?.command ?? '', options?.device ?? DEFAULT_DEVICE)
    if (options?.pluginId !== undefined) s.pluginId = options.pluginId
    const tab = options?.sameTabAs as SessionImpl | undefined
    if (tab) {
      if (this.sessions.indexOf(tab) < 0) throw new Error('openSession: sameTabAs is not a session of this world')
      if (tab.user.id !== u.id) throw new Error('openSession: sameTabAs belongs to another user')
      // The tab's history, with the earlier run's uncommitted writes ended (it closed, or it is the same person).
      this.commitPending(tab)
      s.sessionId = tab.sessionId
      s.undoStack = tab.undoStack
    }
    this.sessions.push(s)
    s.figma = makeFigmaApi(this, s)
    // plugin-api.d.ts:746 "run": "For all other plugins this happens immediately after launch."
    this.inflight++
    later(() => {
      this.inflight--
      if (!s.closed) this.fire(s, 'run', { command: s.command, parameters: undefined } as RunEvent)
    })
    return s
  }

  /** plugin-api.d.ts:167-170 closePlugin: UI closed, callbacks and timers stop; 'close' handlers run first. */
  closeSession(s: SessionImpl, message?: string): void {
    if (s.closed) return
    this.fire(s, 'close', undefined)
    s.closed = true
    this.commitPending(s)
    s.ui.shown = false
    s.ui.visible = false
    s.ui.generation++
    s.listeners.clear()
    this.pageListeners.forEach((list) => {
      for (let i = list.length - 1; i >= 0; i--) if (list[i].session === s) list.splice(i, 1)
    })
    // plugin-api.d.ts:260 "If the message includes a custom action button, it will be closed automatically when the plugin closes."
    for (const n of s.notifications) if (n.options?.button) n.close()
    if (message !== undefined) s.notifications.push(new NotificationImpl(truncateNotify(message), notifyHost(this, s)))
  }

  /** clientStorage is per person and per device ("not synchronized across users", FIGMA.md "per device"). */
  storageFor(s: SessionImpl): Map<string, unknown> {
    const key = storageKey(s.user, s.index, s.device, s.pluginId)
    let m = this.storage.get(key)
    if (!m) this.storage.set(key, (m = new Map()))
    return m
  }

  /** The person cleared their browser cache on that device (the docs: user actions "might clear all stored data"). */
  clearClientStorage(session: FakeSession): void {
    const s = session as SessionImpl
    this.storage.delete(storageKey(s.user, s.index, s.device, s.pluginId))
  }
}

/** Per person, device and plugin (the docs page figma-clientStorage: "Each plugin gets a total of 5MB"). */
function storageKey(user: FakeUser, index: number, device: string, pluginId: string): string {
  return (user.id === null ? 'anonymous:' + index : 'user:' + user.id) + '@' + device + '#' + pluginId
}

function isAncestorOf(a: BaseFake, b: BaseFake): boolean {
  for (let n = b._parent; n; n = n._parent) if (n === a) return true
  return false
}

function outsideDocument(n: BaseFake): boolean {
  for (let p: BaseFake | null = n; p; p = p._parent) if (p.type === 'DOCUMENT') return false
  return true
}

function removedNode(r: ChangeRec): RemovedNode {
  // plugin-api.d.ts:3663 RemovedNode { removed: true, type, id } (frozen, as Figma shallow-freezes it)
  return Object.freeze({ removed: true as const, type: r.type, id: r.node.id })
}

/** Builds the change list for one session: origin per session, PROPERTY_CHANGEs of one node merged per batch. */
function toChanges(recs: ChangeRec[], s: SessionImpl): DocumentChange[] {
  const out: DocumentChange[] = []
  const props = new Map<string, PropertyChange>()
  for (const r of recs) {
    // plugin-api.d.ts:3649 origin: 'LOCAL' = the user running the plugin, 'REMOTE' = another user
    const origin: 'LOCAL' | 'REMOTE' = r.actor === s ? 'LOCAL' : 'REMOTE'
    // Read without the node's guard: the change itself is delivered whatever the session may read of it.
    const node = (outsideDocument(r.node) ? removedNode(r) : r.node) as unknown as SceneNode | RemovedNode
    if (r.kind === 'PROPERTY_CHANGE') {
      const key = r.node.id + '|' + origin
      const prev = props.get(key)
      if (prev) {
        for (const p of r.props) if (prev.properties.indexOf(p) < 0) prev.properties.push(p)
        continue
      }
      const c: PropertyChange = { type: 'PROPERTY_CHANGE', id: r.node.id, origin, node, properties: r.props.slice() }
      props.set(key, c)
      out.push(c)
    } else {
      out.push({ type: r.kind, id: r.node.id, origin, node } as CreateChange | DeleteChange)
    }
  }
  // A node changed and then removed in the same batch reads as removed in every change.
  return out
}

/** What a notification needs of its session: whether it is closed, and how to run its callbacks. */
function notifyHost(world: WorldImpl, s: SessionImpl): NotifyHost {
  return { isClosed: () => s.closed, run: (fn) => world.runAs(s, fn) }
}

function truncateNotify(message: string): string {
  // plugin-api.d.ts:229 notify "It is limited to 100 characters. Longer messages will be truncated."
  return String(message).slice(0, 100)
}

// ================================================================================= figma API

function dynamicPageError(name: string, replacement: string): Error {
  // plugin-api.d.ts:423 "This function will throw an exception if the plugin manifest contains
  // "documentAccess": "dynamic-page"". Text as in Figma's client: "Cannot call with documentAccess:
  // dynamic-page. Use <replacement> instead." with the "in <method>:" prefix of api-errors.
  return new Error(`in ${name}: Cannot call with documentAccess: dynamic-page. Use ${replacement} instead.`)
}

function makeFigmaApi(world: WorldImpl, s: SessionImpl): PluginAPI {
  const guard = (what: string): void => {
    world.touch(s)
    // plugin-api.d.ts:173 "Calling figma.closePlugin() disables callbacks and Figma APIs."
    if (s.closed) throw new Error(`in ${what}: The plugin has been closed (figma.closePlugin was called) [fake]`)
  }
  const mixed = Symbol('figma.mixed')
  const onEvent = (what: 'on' | 'once', type: string, cb: (arg?: unknown) => void): void => {
    guard(what)
    if (typeof cb !== 'function') throw new TypeError(`${type} handler must be a function`)
    if (type === 'documentchange' && !s.allPagesLoaded) {
      // plugin-api.d.ts:564 "you must first call loadAllPagesAsync to access this event" — Figma's text:
      throw new Error(
        'in on: Cannot register documentchange handler in incremental mode without calling figma.loadAllPagesAsync first.',
      )
    }
    const list = s.listeners.get(type) || []
    list.push({ cb, once: what === 'once' })
    s.listeners.set(type, list)
  }

  const ui = {
    show(): void {
      guard('ui.show')
      if (s.ui.shown) s.ui.visible = true
    },
    hide(): void {
      guard('ui.hide')
      if (s.ui.shown) s.ui.visible = false
    },
    resize(width: number, height: number): void {
      guard('ui.resize')
      // plugin-api.d.ts UIAPI.resize "The minimum size is 70x0."
      s.ui.width = Math.max(70, width)
      s.ui.height = Math.max(0, height)
    },
    reposition(_x: number, _y: number): void {
      guard('ui.reposition')
    },
    getPosition(): { windowSpace: Vector; canvasSpace: Vector } {
      guard('ui.getPosition')
      if (!s.ui.shown) throw new Error('in getPosition: No UI available')
      return { windowSpace: { x: 0, y: 0 }, canvasSpace: { x: 0, y: 0 } }
    },
    close(): void {
      guard('ui.close')
      s.ui.shown = false
      s.ui.visible = false
      s.ui.generation++
    },
    postMessage(pluginMessage: unknown, _options?: UIPostMessageOptions): void {
      guard('ui.postMessage')
      if (!s.ui.shown) throw new Error('in postMessage: No UI to send the message to (call figma.showUI first) [fake]')
      if (!world.checks && world.uiMessageBudgetBytes === undefined) {
        // Bench mode without checks (FigmaWorldOptions.checks): no type check, size count or copy.
        const gen = s.ui.generation
        world.inflight++
        later(() => {
          world.inflight--
          if (gen === s.ui.generation && !s.closed) s.ui.deliverToUi(pluginMessage)
        })
        return
      }
      const refusal = uiMessageRefusal(pluginMessage)
      if (typeof pluginMessage === 'function' || (refusal && /is a (function|symbol|bigint)$/.test(refusal))) {
        // As the browser's DataCloneError: "… could not be cloned".
        throw new Error(`in postMessage: ${refusal ?? 'message is a function'} and could not be cloned`)
      }
      if (refusal) {
        throw new Error(
          `in postMessage: ${refusal}; Figma documents objects, arrays, numbers, strings, booleans, null, undefined, Date and Uint8Array (fake)`,
        )
      }
      const size = messageSize(pluginMessage)
      // Large single messages have run Figma's main-thread VM out of memory (issue #6): with a
      // budget set, the fake makes a test show that big payloads travel in slices.
      const budget = world.uiMessageBudgetBytes
      if (budget !== undefined && size > budget) {
        throw new Error(
          `in postMessage: a message of ${size} bytes exceeds this world's budget of ${budget} bytes per message (fake: uiMessageBudgetBytes); send it in slices`,
        )
      }
      s.ui.messageSizes.push(size)
      const copy = cloneData(pluginMessage, 'in postMessage')
      const gen = s.ui.generation
      world.inflight++
      later(() => {
        world.inflight--
        if (gen === s.ui.generation && !s.closed) s.ui.deliverToUi(copy)
      })
    },
    get onmessage(): MessageEventHandler | undefined {
      return s.ui.onmessage
    },
    set onmessage(h: MessageEventHandler | undefined) {
      world.touch(s)
      s.ui.onmessage = h
    },
    on(type: 'message', cb: MessageEventHandler): void {
      guard('ui.on')
      if (type === 'message') s.ui.mainListeners.push({ cb, once: false })
    },
    once(type: 'message', cb: MessageEventHandler): void {
      guard('ui.once')
      if (type === 'message') s.ui.mainListeners.push({ cb, once: true })
    },
    off(type: 'message', cb: MessageEventHandler): void {
      if (type !== 'message') return
      const i = s.ui.mainListeners.findIndex((l) => l.cb === cb)
      if (i >= 0) s.ui.mainListeners.splice(i, 1)
    },
  }

  const clientStorage = {
    async getAsync(key: string): Promise<unknown> {
      guard('clientStorage.getAsync')
      const m = world.storageFor(s)
      // plugin-api.d.ts:2665 "If no value has been stored for that key, … return undefined."
      return m.has(key) ? cloneData(m.get(key), 'getAsync') : undefined
    },
    async setAsync(key: string, value: unknown): Promise<void> {
      guard('clientStorage.setAsync')
      if (typeof key !== 'string') throw new Error('in setAsync: Expected "key" to have type string')
      // The docs' value types only (figma-clientStorage): a Map or Date that structured clone
      // would carry is refused here rather than silently changed.
      const refusal = clientStorageRefusal(value)
      if (refusal) {
        throw new Error(
          `in setAsync: clientStorage stores objects, arrays, strings, numbers, booleans, null, undefined and Uint8Array; ${refusal} (fake)`,
        )
      }
      const m = world.storageFor(s)
      const copy = cloneData(value, 'in setAsync')
      // Quota per the docs: key size + value as JSON (Uint8Array by its length), over every entry.
      let total = utf8Length(key) + storedSize(copy)
      m.forEach((v, k) => {
        if (k !== key) total += utf8Length(k) + storedSize(v)
      })
      // plugin-api.d.ts:2669 "reject with an error message if storage failed".
      if (total > CLIENT_STORAGE_LIMIT) {
        throw new Error(`in setAsync: clientStorage quota of 5 MB exceeded (fake: ${total} > ${CLIENT_STORAGE_LIMIT} bytes). Nothing was stored.`)
      }
      m.set(key, copy)
    },
    async deleteAsync(key: string): Promise<void> {
      guard('clientStorage.deleteAsync')
      world.storageFor(s).delete(key)
    },
    async keysAsync(): Promise<string[]> {
      guard('clientStorage.keysAsync')
      return Array.from(world.storageFor(s).keys())
    },
  }

  const viewport = {
    center: { x: 0, y: 0 } as Vector,
    zoom: 1,
    get bounds(): Rect {
      return { x: this.center.x - 640, y: this.center.y - 400, width: 1280, height: 800 }
    },
    /** plugin-api.d.ts:3337 scrollAndZoomIntoView: centres on the nodes' bounds (zoom unchanged in the fake). */
    scrollAndZoomIntoView(nodes: ReadonlyArray<BaseNode>): void {
      guard('viewport.scrollAndZoomIntoView')
      if (!Array.isArray(nodes)) throw new Error('in scrollAndZoomIntoView: Expected an array of nodes')
      // plugin-api.d.ts:3337 "sets the viewport coordinates such that the nodes are visible": the
      // viewport shows the current page only. What Figma does with nodes of other pages is not
      // documented; the fake refuses, so "reveal" code must switch page first.
      for (const n of nodes as unknown as BaseFake[]) {
        if (n instanceof SceneBase && n._gone()) throw new Error(`in scrollAndZoomIntoView: The node with id "${n.id}" does not exist`)
        if (n instanceof SceneBase && n._page !== s.currentPage) {
          throw new Error(
            `in scrollAndZoomIntoView: node "${n.id}" is not on the current page (not modelled by the fake: switch page with setCurrentPageAsync first)`,
          )
        }
      }
      let x0 = Infinity
      let y0 = Infinity
      let x1 = -Infinity
      let y1 = -Infinity
      for (const n of nodes as unknown as BaseFake[]) {
        if (!(n instanceof SceneBase)) continue
        const b = n._absBox()
        if (!b) continue
        x0 = Math.min(x0, b.x0)
        y0 = Math.min(y0, b.y0)
        x1 = Math.max(x1, b.x1)
        y1 = Math.max(y1, b.y1)
      }
      if (x0 <= x1) viewport.center = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }
    },
  }

  const currentUser = Object.freeze({
    id: s.user.id,
    name: s.user.name,
    photoUrl: s.user.id === null ? null : `https://example.invalid/avatars/${s.user.id}.png`,
    color: USER_COLORS[(s.index - 1) % USER_COLORS.length],
    sessionId: s.sessionId,
  })

  const booleanOp = (what: string, op: 'UNION' | 'SUBTRACT' | 'INTERSECT' | 'EXCLUDE', nodes: readonly SceneFake[], parent: ParentFake, index?: number) => {
    guard(what)
    return booleanNodes(world, op, nodes, parent, index)
  }

  const create = <T extends SceneFake>(what: string, make: () => T): T => {
    guard(what)
    return createOn(s.currentPage, make())
  }

  const api = {
    apiVersion: '1.0.0',
    get command(): string {
      return s.command
    },
    editorType: 'figma',
    mode: 'default',
    // plugin-api.d.ts:69 pluginId: "The value specified in the manifest.json "id" field."
    pluginId: s.pluginId,
    fileKey: undefined,
    mixed,
    // plugin-api.d.ts:88-109: per plugin session; nodes ask the world (Host.skipsInvisibleInstanceChildren).
    get skipInvisibleInstanceChildren(): boolean {
      return s.skipInvisibleInstanceChildren
    },
    set skipInvisibleInstanceChildren(v: boolean) {
      guard('set_skipInvisibleInstanceChildren')
      s.skipInvisibleInstanceChildren = v === true
    },
    get root(): DocumentFake {
      guard('root')
      return world.doc
    },
    get currentPage(): PageFake {
      guard('currentPage')
      return s.currentPage
    },
    set currentPage(_p: PageFake) {
      guard('set_currentPage')
      // plugin-api.d.ts:464 "If the manifest contains "documentAccess": "dynamic-page", this property is read-only."
      throw dynamicPageError('set_currentPage', 'figma.setCurrentPageAsync')
    },
    async setCurrentPageAsync(page: PageFake): Promise<void> {
      guard('setCurrentPageAsync')
      if (!(page instanceof PageFake) || page._parent !== world.doc) throw new Error('in setCurrentPageAsync: Expected a page')
      // plugin-api.d.ts:470: Figma loads the page first and switches when the promise settles, so
      // code that forgets `await` still sees the old current page on its next line.
      world.inflight++
      try {
        await new Promise<void>((r) => realSetTimeout(r, 0))
      } finally {
        world.inflight--
      }
      if (s.closed) return
      s.loadedPages.add(page)
      if (s.currentPage === page) return
      s.currentPage = page
      // plugin-api.d.ts:549-554: currentpagechange, and "a currentpagechange event always triggers a selectionchange event"
      s.pageDirty = true
      s.selectionDirty = true
      world.schedule()
    },
    async loadAllPagesAsync(): Promise<void> {
      guard('loadAllPagesAsync')
      await new Promise<void>((r) => realSetTimeout(r, 0))
      s.allPagesLoaded = true
      for (const p of world.doc._children) s.loadedPages.add(p)
    },
    get currentUser(): User | null {
      guard('currentUser')
      return currentUser
    },
    get viewport(): typeof viewport {
      guard('viewport')
      return viewport
    },
    get ui(): typeof ui {
      guard('ui')
      return ui
    },
    get clientStorage(): typeof clientStorage {
      guard('clientStorage')
      return clientStorage
    },
    showUI(html: string, options?: ShowUIOptions): void {
      guard('showUI')
      if (typeof html !== 'string') throw new Error('in showUI: Expected "html" to have type string')
      // plugin-api.d.ts:365 "If the <iframe> UI is already showing … the previous UI will be closed"
      s.ui.generation++
      s.ui.shown = true
      s.ui.visible = options?.visible ?? true
      s.ui.html = html
      s.ui.width = options?.width ?? 300
      s.ui.height = options?.height ?? 200
    },
    notify(message: string, options?: NotificationOptions): NotificationHandler {
      guard('notify')
      const problem = checkArgument(message, t.string, 'message') || checkArgument(options, NOTIFY_OPTIONS, 'options')
      if (problem) throw new Error(`in notify: ${problem}`)
      const n = new NotificationImpl(truncateNotify(message), notifyHost(world, s), options)
      s.notifications.push(n)
      // plugin-api.d.ts:262 handler.cancel() "remove the notification before it times out by itself";
      // the reason reported to onDequeue is not documented: the fake says 'dismiss' (removed by Figma).
      return { cancel: () => n.dismiss() }
    },
    closePlugin(message?: string): void {
      world.closeSession(s, message)
    },
    // plugin-api.d.ts:273-298: commitUndo / triggerUndo act on the undo history of the person
    // running the plugin, i.e. this session, not whoever opened the file first.
    commitUndo(): void {
      guard('commitUndo')
      world.commitPending(s, true)
    },
    triggerUndo(): void {
      guard('triggerUndo')
      // plugin-api.d.ts:296 "Triggers an undo action. Reverts to the last commitUndo() state."
      world.undo(s)
    },
    base64Encode(data: Uint8Array): string {
      guard('base64Encode')
      return base64Encode(data)
    },
    base64Decode(data: string): Uint8Array {
      guard('base64Decode')
      return base64Decode(data)
    },
    on(type: string, cb: (arg?: unknown) => void): void {
      onEvent('on', type, cb)
    },
    once(type: string, cb: (arg?: unknown) => void): void {
      onEvent('once', type, cb)
    },
    off(type: string, cb: (arg?: unknown) => void): void {
      const list = s.listeners.get(type)
      if (!list) return
      const i = list.findIndex((l) => l.cb === cb)
      if (i >= 0) list.splice(i, 1)
    },
    async getNodeByIdAsync(id: string): Promise<BaseFake | null> {
      guard('getNodeByIdAsync')
      const n = world.byId.get(id)
      // plugin-api.d.ts:419 "If the id is invalid, or the node cannot be found (e.g. removed), returns a promise containing null."
      // plugin-api.d.ts:98: with skipInvisibleInstanceChildren, an invisible instance sublayer is null.
      return n && !n._skipped() && !n.removed ? n : null
    },
    getNodeById(_id: string): never {
      guard('getNodeById')
      throw dynamicPageError('getNodeById', 'figma.getNodeByIdAsync')
    },
    async getStyleByIdAsync(_id: string): Promise<null> {
      guard('getStyleByIdAsync')
      return null
    },
    getStyleById(_id: string): never {
      guard('getStyleById')
      throw dynamicPageError('getStyleById', 'figma.getStyleByIdAsync')
    },
    getLocalPaintStyles(): never {
      guard('getLocalPaintStyles')
      throw dynamicPageError('getLocalPaintStyles', 'figma.getLocalPaintStylesAsync')
    },
    getLocalTextStyles(): never {
      guard('getLocalTextStyles')
      throw dynamicPageError('getLocalTextStyles', 'figma.getLocalTextStylesAsync')
    },
    getLocalEffectStyles(): never {
      guard('getLocalEffectStyles')
      throw dynamicPageError('getLocalEffectStyles', 'figma.getLocalEffectStylesAsync')
    },
    getFileThumbnailNode(): never {
      guard('getFileThumbnailNode')
      throw dynamicPageError('getFileThumbnailNode', 'figma.getFileThumbnailNodeAsync')
    },
    async getLocalPaintStylesAsync(): Promise<PaintStyle[]> {
      guard('getLocalPaintStylesAsync')
      return []
    },
    async getLocalTextStylesAsync(): Promise<TextStyle[]> {
      guard('getLocalTextStylesAsync')
      return []
    },
    async getLocalEffectStylesAsync(): Promise<EffectStyle[]> {
      guard('getLocalEffectStylesAsync')
      return []
    },
    async getFileThumbnailNodeAsync(): Promise<null> {
      guard('getFileThumbnailNodeAsync')
      return null
    },
    async loadFontAsync(_font: FontName): Promise<void> {
      guard('loadFontAsync')
    },
    async listAvailableFontsAsync(): Promise<Font[]> {
      guard('listAvailableFontsAsync')
      return [{ fontName: { family: 'Inter', style: 'Regular' } }]
    },
    async saveVersionHistoryAsync(_title: string, _description?: string): Promise<VersionHistoryResult> {
      guard('saveVersionHistoryAsync')
      return { id: String(++world.counter) }
    },
    openExternal(_url: string): void {
      guard('openExternal')
    },
    // Images (images.ts): real PNG/JPEG bytes, hashed like Figma's (plugin-api.d.ts:1742, 12742).
    createImage(bytes: Uint8Array) {
      guard('createImage')
      return createImage(world, bytes) as unknown as Image
    },
    getImageByHash(hash: string) {
      guard('getImageByHash')
      return getImageByHash(world, hash) as unknown as Image | null
    },
    createRectangle: () => create('createRectangle', () => new RectangleFake(world, world.newId())),
    createEllipse: () => create('createEllipse', () => new EllipseFake(world, world.newId())),
    createVector: () => create('createVector', () => new VectorFake(world, world.newId())),
    createText: () => create('createText', () => new TextFake(world, world.newId())),
    createFrame: () => create('createFrame', () => new FrameFake(world, world.newId(), 'FRAME')),
    createComponent: () => create('createComponent', () => new ComponentFake(world, world.newId()) as unknown as FrameFake),
    createLine: () => create('createLine', () => new LineFake(world, world.newId())),
    createPolygon: () => create('createPolygon', () => new PolygonFake(world, world.newId())),
    createStar: () => create('createStar', () => new StarFake(world, world.newId())),
    createNodeFromSvg(svg: string): FrameFake {
      guard('createNodeFromSvg')
      return createOn(s.currentPage, nodeFromSvg(world, svg))
    },
    union: (nodes: readonly SceneFake[], parent: ParentFake, index?: number) => booleanOp('union', 'UNION', nodes, parent, index),
    subtract: (nodes: readonly SceneFake[], parent: ParentFake, index?: number) => booleanOp('subtract', 'SUBTRACT', nodes, parent, index),
    intersect: (nodes: readonly SceneFake[], parent: ParentFake, index?: number) => booleanOp('intersect', 'INTERSECT', nodes, parent, index),
    exclude: (nodes: readonly SceneFake[], parent: ParentFake, index?: number) => booleanOp('exclude', 'EXCLUDE', nodes, parent, index),
    createPage(): PageFake {
      guard('createPage')
      const page = new PageFake(world, world.newId(), `Page ${world.doc._children.length + 1}`)
      world.doc.appendChild(page)
      return page
    },
    group(nodes: readonly SceneFake[], parent: ParentFake, index?: number): GroupFake {
      guard('group')
      return groupNodes(world, nodes, parent, index)
    },
  }
  // The fake implements a subset of PluginAPI; callers see it through the official type.
  return api as unknown as PluginAPI
}

export function createWorld(options?: FigmaWorldOptions): WorldImpl {
  return new WorldImpl(options || {})
}

export type { SessionImpl }
