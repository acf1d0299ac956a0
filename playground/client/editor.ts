/**
 * The simulated editor: people, their sessions on one in-memory Figma document, and the
 * edits a person makes on the canvas (each one `world.edit`: one undo step, LOCAL to that
 * person's plugin and REMOTE to everyone else's — as in a multiplayer Figma file).
 *
 * A person always has a session open. While their plugin is not running it is a bare
 * session (Figma open, no plugin); running a command closes it and opens one with that
 * command, in which build/main.js runs (Figma relaunches a running plugin the same way).
 *
 * One plugin runs at a time, and its session is the first one open. Node objects are
 * shared by every session of the fake, so plugin code that resumes after an `await`
 * without touching `figma` is attributed to the first open session (tests/figma-fake
 * README, "The model"); with a second plugin running, one of them would be judged by the
 * other's loaded pages and undo history. Launching a plugin therefore closes the one
 * running and reopens everyone else's bare session after it. Other people still edit
 * while it runs, so its journal sees their edits as REMOTE — a multiplayer file.
 */
import { nanoid } from 'nanoid'
import { createClient, type ClientEndpoint } from '../../src/channel'
import { captureAsync, markAsync } from '../../src/ui/workflows'
import type { FakeSession, FakeUser, FigmaWorld } from '../../tests/figma-fake/index'
import { openPluginWindow, runMainInSandbox, type PluginWindow, type Theme } from './plugin-window'
import { buildSampleDocument, LINE_ART, ORIGINS, PAISLEY } from './sample'

export interface PluginBuild {
  mainJs: string
  uiHtml: string
  themeCss: string
  name: string
  menu: { name: string; command: string }[]
}

export interface Person {
  user: FakeUser & { id: string }
  role: string
  /** Their open session: the plugin's while it runs, else a bare one. */
  session: FakeSession
  /** Sessions they closed (plugin runs); undo reaches back into them. */
  past: FakeSession[]
  plugin: PluginWindow | null
  /** True while a command relaunches their plugin (its close is not "the person closed it"). */
  relaunching: boolean
  /** The page they are on (kept here: their session changes when a plugin starts). */
  page: PageNode
}

export const PEOPLE: { user: FakeUser & { id: string }; role: string }[] = [
  { user: { id: '1001', name: 'Ada Designer' }, role: 'Designer' },
  { user: { id: '2002', name: 'Bo Art Director' }, role: 'Art director' },
  { user: { id: '3003', name: 'Lu Licensing' }, role: 'Licensing team' },
]

export type Rgb = { r: number; g: number; b: number }

export interface EditorEvents {
  notify(message: string, error: boolean): void
  /** Where plugin windows go. */
  pluginContainer: HTMLElement
}

type AnyNode = SceneNode & Partial<ChildrenMixin>

/** Undo history a session holds (the fake's internals; absent → assume there is some). */
function hasUndo(session: FakeSession): boolean {
  const internals = session as unknown as { undoStack?: unknown[]; pending?: unknown[] }
  if (!internals.undoStack) return true
  return internals.undoStack.length + (internals.pending?.length ?? 0) > 0
}

export class Editor {
  readonly people: Person[]
  active: Person
  theme: Theme = 'light'
  private readonly listeners = new Set<() => void>()

  constructor(
    readonly world: FigmaWorld,
    readonly build: PluginBuild,
    private readonly events: EditorEvents,
  ) {
    this.people = PEOPLE.map(({ user, role }) => ({ user, role, session: world.openSession(user), past: [], plugin: null, relaunching: false, page: world.document.children[0]! }))
    this.active = this.people[0]!
  }

  get pages(): readonly PageNode[] {
    return this.world.document.children
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  changed(): void {
    for (const listener of Array.from(this.listeners)) listener()
  }

  /** Reads (or edits) as `person`: their selection, page and attribution apply. */
  as<T>(person: Person, fn: () => T): T {
    let out!: T
    this.world.edit(person.session, () => {
      out = fn()
    })
    return out
  }

  /** Reads the document as Figma's own UI would: no plugin rules (pages need no loading). */
  read<T>(fn: () => T): T {
    return this.world.read(fn)
  }

  pageOf(person: Person = this.active): PageNode {
    return person.page
  }

  selectionOf(person: Person = this.active): readonly SceneNode[] {
    return this.as(person, () => person.page.selection)
  }

  // ── the person's edits ───────────────────────────────────────────────────────

  private edit(fn: (figma: PluginAPI) => void): void {
    const person = this.active
    this.world.edit(person.session, () => fn(person.session.figma))
    this.changed()
  }

  select(nodes: readonly SceneNode[]): void {
    const page = this.active.page
    this.edit(() => {
      page.selection = nodes.filter((n) => !n.removed)
    })
  }

  move(dx: number, dy: number): void {
    const nodes = this.selectionOf()
    if (!nodes.length || (dx === 0 && dy === 0)) return
    this.edit(() => {
      for (const node of nodes) {
        node.x = Math.round(node.x + dx)
        node.y = Math.round(node.y + dy)
      }
    })
  }

  recolour(color: Rgb): number {
    const nodes = this.selectionOf().filter((n): n is SceneNode & MinimalFillsMixin => 'fills' in n)
    if (!nodes.length) return 0
    this.edit(() => {
      for (const node of nodes) node.fills = [{ type: 'SOLID', color }]
    })
    return nodes.length
  }

  /** "Replace image…": the selected layers' image fills (or fills) show the chosen picture file instead. */
  replaceImage(bytes: Uint8Array): number {
    const nodes = this.selectionOf().filter((n): n is SceneNode & MinimalFillsMixin => 'fills' in n)
    if (!nodes.length) return 0
    this.edit(() => {
      const hash = this.active.session.figma.createImage(bytes).hash
      for (const node of nodes) {
        const fills = node.fills as readonly Paint[]
        const kept = fills.find((p): p is ImagePaint => p.type === 'IMAGE')
        node.fills = [{ type: 'IMAGE', imageHash: hash, scaleMode: kept?.scaleMode ?? 'FILL' }]
      }
    })
    return nodes.length
  }

  remove(): number {
    const nodes = this.selectionOf()
    if (!nodes.length) return 0
    this.edit(() => {
      for (const node of nodes) node.remove()
    })
    return nodes.length
  }

  duplicate(): number {
    const nodes = this.selectionOf()
    if (!nodes.length) return 0
    const page = this.active.page
    this.edit(() => {
      const copies: SceneNode[] = []
      for (const node of nodes) {
        const copy = node.clone()
        // Figma puts a duplicate right above its original, in the same parent, offset a little.
        const parent = node.parent as (BaseNode & ChildrenMixin) | null
        if (parent && 'insertChild' in parent) parent.insertChild(parent.children.indexOf(node) + 1, copy)
        copy.x = node.x + 10
        copy.y = node.y + 10
        copies.push(copy)
      }
      page.selection = copies
    })
    return nodes.length
  }

  /** Draws a shape at page coordinates `box`, inside the top-level frame under its corner (if any). */
  draw(kind: 'rectangle' | 'ellipse', box: { x: number; y: number; w: number; h: number }, fill: Rgb): SceneNode {
    let made!: SceneNode
    const page = this.active.page
    this.edit((figma) => {
      const shape = kind === 'rectangle' ? figma.createRectangle() : figma.createEllipse()
      shape.resize(Math.max(1, Math.round(box.w)), Math.max(1, Math.round(box.h)))
      shape.fills = [{ type: 'SOLID', color: fill }]
      const frame = this.frameAt(box.x, box.y)
      let x = box.x
      let y = box.y
      if (frame) {
        frame.appendChild(shape)
        const at = frame.absoluteTransform
        x -= at[0][2]
        y -= at[1][2]
      } else {
        page.appendChild(shape)
      }
      shape.x = Math.round(x)
      shape.y = Math.round(y)
      shape.name = `${kind === 'rectangle' ? 'Rectangle' : 'Ellipse'} ${String(shape.id.split(':')[1] ?? '')}`.trim()
      page.selection = [shape]
      made = shape
    })
    return made
  }

  /**
   * Imports an SVG as Figma's File → Import does, through the fake's createNodeFromSvg
   * (plugin-api.d.ts:1730-1734): a frame of groups, shapes and vectors, placed to the right
   * of what is on the page and selected. What the fake does not model throws, with its reason.
   */
  importSvg(svg: string, name: string): SceneNode {
    let made!: SceneNode
    const page = this.active.page
    this.edit((figma) => {
      let right = 0
      for (const n of page.children) right = Math.max(right, n.x + n.width)
      const frame = figma.createNodeFromSvg(svg)
      page.appendChild(frame)
      frame.name = name
      frame.x = Math.round(right + 40)
      frame.y = 40
      page.selection = [frame]
      made = frame
    })
    return made
  }

  /** The top-level frame whose box holds page point (x, y). */
  frameAt(x: number, y: number): FrameNode | null {
    const page = this.pageOf()
    const frames = this.as(this.active, () => page.children.slice().reverse())
    for (const node of frames) {
      if (node.type !== 'FRAME' && node.type !== 'COMPONENT') continue
      const box = node.absoluteBoundingBox
      if (box && x >= box.x && y >= box.y && x < box.x + box.width && y < box.y + box.height) return node as FrameNode
    }
    return null
  }

  /** The person presses undo (their latest plugin run first, then earlier ones). */
  undo(): void {
    const person = this.active
    const sessions = [person.session, ...person.past.slice().reverse()]
    const target = sessions.find(hasUndo) ?? person.session
    target.undo()
    this.changed()
  }

  async setPage(page: PageNode, person: Person = this.active): Promise<void> {
    person.page = page
    this.changed()
    if (!person.session.closed) await person.session.figma.setCurrentPageAsync(page)
    this.changed()
  }

  // ── people and the plugin ──────────────────────────────────────────────────────

  switchTo(person: Person): void {
    this.active = person
    for (const p of this.people) if (p.plugin) p.plugin.element.classList.toggle('pg-away', p !== person)
    this.changed()
  }

  setTheme(theme: Theme): void {
    this.theme = theme
    for (const p of this.people) p.plugin?.setTheme(theme)
    this.changed()
  }

  /** Runs a menu command (or a relaunch button) of the plugin for the active person. */
  async runCommand(command: string, options: { relaunch?: boolean } = {}): Promise<void> {
    const person = this.active
    const selections = new Map(this.people.map((p) => [p, this.selectionOf(p)] as const))
    // One plugin at a time, first among the open sessions (see the top of this file).
    for (const p of this.people) this.retire(p)
    person.session = this.world.openSession(person.user, { command, relaunch: options.relaunch === true })
    const session = person.session
    // Figma starts a plugin on the page the person is on, with their selection.
    await this.restore(person, selections.get(person) ?? [])
    person.plugin = openPluginWindow({
      session,
      mainJs: this.build.mainJs,
      uiHtml: this.build.uiHtml,
      themeCss: this.build.themeCss,
      container: this.events.pluginContainer,
      title: `${this.build.name} — ${person.user.name}`,
      theme: this.theme,
      onNotify: (message, error) => this.events.notify(`${person.user.name}: ${message}`, error),
      onError: (message) => this.events.notify(`The plugin failed to start: ${message}`, true),
      onPage: (page) => {
        if (person.session === session) person.page = page
        this.changed()
      },
      onClosed: () => {
        if (person.session !== session || person.relaunching) return
        const selection = this.selectionOf(person)
        person.plugin = null
        person.past.push(session)
        person.session = this.world.openSession(person.user)
        void this.restore(person, selection).then(() => this.changed())
        this.changed()
      },
    })
    person.plugin.element.classList.toggle('pg-away', person !== this.active)
    for (const p of this.people) {
      if (p === person) continue
      p.session = this.world.openSession(p.user)
      await this.restore(p, selections.get(p) ?? [])
    }
    this.changed()
  }

  /** Closes a person's session: their plugin if it runs (not as "they closed it"), else the bare one. */
  private retire(person: Person): void {
    const plugin = person.plugin
    person.plugin = null
    person.relaunching = true
    try {
      if (plugin) plugin.close()
      else if (!person.session.closed) person.session.figma.closePlugin()
    } finally {
      person.relaunching = false
    }
    person.past.push(person.session)
  }

  /** A person's new session: on their page, with their selection. */
  private async restore(person: Person, selection: readonly SceneNode[]): Promise<void> {
    const session = person.session
    await session.figma.setCurrentPageAsync(person.page)
    this.world.edit(session, () => {
      person.page.selection = selection.filter((n) => !n.removed)
    })
  }
}

// ── the sample document, marked by the plugin itself ─────────────────────────────

/**
 * Builds the sample and has the plugin mark its two patterns — the built main.js in a
 * sandbox, driven by the UI's own workflows (src/ui/workflows.ts) over the fake's UI
 * bridge, as a designer's clicks would — then one human edit and a capture of the
 * paisley, so Review has a score to show. Runs before anyone's session opens.
 */
export async function seedSampleAsync(world: FigmaWorld, build: PluginBuild, author: FakeUser & { id: string }): Promise<void> {
  const session = world.openSession(author)
  buildSampleDocument(world, session)
  runMainInSandbox(session, build.mainJs, build.uiHtml)
  const client: ClientEndpoint = createClient({
    send: (message) => session.ui.postToMain(message),
    listen: (receive) => session.ui.onMessage(receive),
  })
  const ctx = { now: () => Date.now(), newId: () => nanoid(), user: author }
  const figma = session.figma
  const byName = (name: string): SceneNode => {
    const node = figma.currentPage.findOne((n) => n.name === name)
    if (!node) throw new Error(`the sample has no layer “${name}”`)
    return node
  }
  for (const name of [PAISLEY, LINE_ART]) {
    const outcome = await markAsync(client, [byName(name).id], ORIGINS[name], ctx)
    if (outcome.kind !== 'done' || outcome.failed.length) throw new Error(`marking “${name}” failed: ${JSON.stringify(outcome)}`)
  }
  // The designer's first touches on the paisley: a recolour and a moved leaf.
  world.edit(session, () => {
    const paisley = byName(PAISLEY) as FrameNode
    const body = paisley.findOne((n) => n.name === 'Paisley 5') as EllipseNode
    body.fills = [{ type: 'SOLID', color: { r: 0.05, g: 0.45, b: 0.5 } }]
    const leaf = paisley.findOne((n) => n.name === 'Leaf 1') as RectangleNode
    leaf.x += 12
  })
  await world.flush()
  const captured = await captureAsync(byName(PAISLEY).id, { ...ctx, client })
  if (captured.kind !== 'captured') throw new Error(`capturing the sample failed: ${captured.kind}`)
  figma.closePlugin()
  await world.flush()
}

export type { AnyNode }
