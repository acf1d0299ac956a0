/**
 * Loomprint's in-memory Figma for tests (see README.md in this folder).
 *
 * One shared document, several plugin sessions (users) on it. Typed against
 * `@figma/plugin-typings` 1.142.0: the node classes implement the subset the project uses and
 * are cast to the official types at this boundary. No Node.js imports: this module is also
 * bundled (esbuild, iife, es2020) and run inside QuickJS and a browser page via `global.ts`.
 */
import { createWorld, type SessionImpl, type WorldImpl } from './world'

export interface FakeUser {
  id: string | null
  name: string
}
export interface FigmaWorldOptions {
  pluginId?: string
  pageNames?: string[]
  /**
   * Largest main → UI message (`figma.ui.postMessage`) in bytes, as counted by `messageSize`
   * (JSON text; Uint8Array by its length). Larger messages throw. Unset: no budget.
   */
  uiMessageBudgetBytes?: number
  /**
   * Where a person's undo history puts plugin writes made since the last `commitUndo()`. The typings
   * say only that they are "not committed" until then (plugin-api.d.ts:273-294); how they mix with
   * the person's own steps is undocumented, so tests of storage that must survive any undo can run
   * under each reading:
   * - `'own-step'` (default): they become a step of their own when the person edits or undoes.
   * - `'join-last-step'`: they join the person's last step, so one Cmd+Z takes back that edit and
   *   the plugin's writes after it together.
   */
  uncommittedPluginWrites?: 'own-step' | 'join-last-step'
  /** `figma.root.documentColorProfile` (plugin-api.d.ts:10474); default 'SRGB'. */
  documentColorProfile?: 'LEGACY' | 'SRGB' | 'DISPLAY_P3'
  /**
   * Default true. False is a bench mode, so the plugin's own cost can be told apart from the
   * fake's (bench/capture.bench.ts, `*.pluginOnly.*`): nodes are handed out without the
   * removed-node and skipInvisibleInstanceChildren guard (instances still follow their main
   * component), dynamic-page access is not checked, `children` arrays are not frozen, and
   * `figma.ui.postMessage` neither checks nor copies a message (nor counts its size, unless
   * `uiMessageBudgetBytes` is set). What the plugin reads and writes is the same; only what the
   * fake would refuse is no longer refused, so never use it in a test of behaviour.
   */
  checks?: boolean
}
export interface FigmaWorld {
  readonly document: DocumentNode
  /** Start the plugin for a user; `command` is figma.command (menu command or relaunch). */
  openSession(user?: FakeUser, options?: FakeSessionOptions): FakeSession
  /** A user edit: changes inside are LOCAL to `session`, REMOTE to the others; one undo step. */
  edit(session: FakeSession, edit: () => void): void
  /** Resolves once all pending change events have been delivered. */
  flush(): Promise<void>
  /**
   * Runs `read` as test code, not plugin code: no dynamic-page rules (pages need no loading).
   * For assertions on other pages; make changes with `edit`.
   */
  read<T>(read: () => T): T
  /** The person cleared their browser data on the device `session` runs on: its clientStorage is emptied. */
  clearClientStorage(session: FakeSession): void
}
export interface FakeSessionOptions {
  command?: string
  relaunch?: boolean
  /**
   * The device the person opens the plugin on (default `DEFAULT_DEVICE`). clientStorage is per
   * person and per device: the same user on `device: 'laptop-2'` starts with empty storage.
   */
  device?: string
  /**
   * The plugin is opened again in the tab of `sameTabAs` (closed or not): same
   * `currentUser.sessionId` and the same undo history, as Figma's session belongs to the tab,
   * not to one run of the plugin (plugin-api.d.ts:12794-12799). Default: a new tab.
   */
  sameTabAs?: FakeSession
  /**
   * `figma.pluginId` of this run (default the world's `pluginId`): the same document opened by a
   * build with another manifest id. Private plugin data is kept per plugin id ("Plugins with other
   * IDs won't be able to read this data", "Data will become inaccessible if your plugin ID
   * changes": plugin-api.d.ts:6537-6541), and so is clientStorage; shared plugin data is not.
   */
  pluginId?: string
}
export interface FakeSession {
  readonly figma: PluginAPI
  readonly user: FakeUser
  readonly ui: FakeUiBridge
  /** Every figma.notify (and closePlugin message), in order; act on one as the person would. */
  readonly notifications: readonly FakeNotification[]
  readonly closed: boolean
  /** The user presses undo. */
  undo(): void
}
export interface FakeNotification {
  readonly message: string
  readonly options?: NotificationOptions
  /** Still showing: not dequeued, not cancelled, not closed with the plugin. */
  readonly open: boolean
  /** Why it left, as passed to `onDequeue`; null while open (or closed with the plugin). */
  readonly dequeueReason: NotifyDequeueReason | null
  /** The person clicks the action button: runs `button.action`; unless it returns false, dequeues with 'action_button_click'. */
  clickButton(): void
  /** The person (or Figma) dismisses it: onDequeue('dismiss'). */
  dismiss(): void
  /** Its timeout ran out: onDequeue('timeout'). The fake has no clock for notifications. */
  expire(): void
}
export interface FakeUiBridge {
  readonly shown: boolean
  readonly visible: boolean
  readonly html: string | null
  /** Messages main sends with figma.ui.postMessage. Returns an unsubscribe. */
  onMessage(listener: (message: unknown) => void): () => void
  /** Size in bytes of every message main posted with figma.ui.postMessage, in order. */
  readonly messageSizes: readonly number[]
  /** The UI sends a message to main, as parent.postMessage({ pluginMessage }, '*') would; delivered asynchronously. */
  postToMain(message: unknown): void
}

/** Default user when none is given to `openSession`. */
export const DEFAULT_USER: FakeUser = { id: '1001', name: 'Ada Designer' }
/** Default device of `openSession`. */
export const DEFAULT_DEVICE = 'device-1'

export function createFigmaWorld(options?: FigmaWorldOptions): FigmaWorld {
  const w: WorldImpl = createWorld(options)
  return {
    // DocumentFake implements the subset of DocumentNode the project uses.
    document: w.doc as unknown as DocumentNode,
    openSession: (user, opts) => w.openSession(user, opts),
    edit: (session, fn) => w.edit(session, fn),
    flush: () => w.flush(),
    read: (read) => w.readAsTest(read),
    clearClientStorage: (session) => w.clearClientStorage(session),
  }
}

type TimerFn = (cb: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => unknown
interface Globals {
  figma?: PluginAPI
  __html__?: string
  __uiFiles__?: Record<string, string>
  setTimeout: TimerFn
  setInterval: TimerFn
}
let originals: { setTimeout: TimerFn; setInterval: TimerFn } | null = null

/**
 * Sets globalThis.figma and globalThis.__html__ for code that reads the globals (build/main.js).
 * Also wraps the global setTimeout/setInterval so that timers created by plugin code stop firing
 * once the session is closed (plugin-api.d.ts:167 closePlugin: "any setTimeout or setInterval
 * timers will be cancelled"). The wrappers delegate to the originals otherwise.
 */
export function installGlobals(session: FakeSession, html?: string): void {
  const g = globalThis as unknown as Globals
  if (!originals) originals = { setTimeout: g.setTimeout, setInterval: g.setInterval }
  const o = originals
  const s = session as SessionImpl
  g.figma = session.figma
  g.__html__ = html ?? '<html><body></body></html>'
  g.__uiFiles__ = {}
  // Only timers created while the session is open are cancelled by its close; code running after
  // the close (test code, harness teardown) keeps ordinary timers.
  const wrap = (real: TimerFn): TimerFn => (cb, ms, ...args) => {
    if (s.closed) return real.call(globalThis, cb, ms, ...args)
    return real.call(globalThis, () => {
      if (!s.closed) cb(...args)
    }, ms)
  }
  g.setTimeout = wrap(o.setTimeout)
  g.setInterval = wrap(o.setInterval)
}

/** Restores the timer globals and removes figma/__html__ (for test teardown). */
export function uninstallGlobals(): void {
  const g = globalThis as unknown as Globals
  if (originals) {
    g.setTimeout = originals.setTimeout
    g.setInterval = originals.setInterval
    originals = null
  }
  delete g.figma
  delete g.__html__
  delete g.__uiFiles__
}
