/**
 * The node tree of the fake. Classes implement the subset of the node interfaces the
 * project uses; `index.ts`/`world.ts` cast them to the `@figma/plugin-typings` node types
 * at the boundary. Citations: `plugin-api.d.ts:<line>` refers to
 * node_modules/@figma/plugin-typings/plugin-api.d.ts (1.142.0).
 *
 * Storage is plain fields (no per-read copies) so a 10,000-node subtree reads quickly;
 * paints/effects/vector paths are stored deep-frozen and returned as-is.
 */
import { exportNode, renderBox } from './raster'
import { deepFreeze, frozenCopy, mulAffine as mul, utf8Length, type Affine as M } from './util'
import type { KindFake } from './kinds'
import { layoutText } from './font/glyphs'
import { INTER_REGULAR } from './font/inter-regular'

/** Services the world provides to nodes (recording for undo/events, per-session context). */
export interface Host {
  readonly pluginId: string
  /** The plugin id whose private plugin data the running code reaches (plugin-api.d.ts:6537-6541). */
  dataPluginId(): string
  /** FigmaWorldOptions.checks: false in the bench mode without the fake's checks. */
  readonly checks: boolean
  /** The document, for what exports read of it (its colour profile). */
  readonly doc: { readonly documentColorProfile: 'LEGACY' | 'SRGB' | 'DISPLAY_P3' }
  newId(): string
  /** Makes the node findable by getNodeByIdAsync. */
  register(node: BaseFake): void
  /** A property write: `revert` restores the old value; `props` are reported as PROPERTY_CHANGE (may be empty). */
  recordProp(node: BaseFake, props: NodeChangeProperty[], revert: () => void): void
  /** `node` (and its subtree) entered the document. */
  recordAttach(node: SceneFake): void
  /** `node` (and its subtree) left the document; it was at `oldParent.children[oldIndex]` on `oldPage`. */
  recordDetach(node: SceneFake, oldParent: ParentFake, oldIndex: number, oldPage: PageFake | null): void
  /** `node` moved within the document. */
  recordMove(node: SceneFake, oldParent: ParentFake, oldIndex: number, oldPage: PageFake | null): void
  checkPageAccess(page: PageFake, what: string): void
  checkDocumentAccess(what: string): void
  getSelection(page: PageFake): SceneFake[]
  setSelection(page: PageFake, nodes: readonly SceneFake[]): void
  addPageListener(page: PageFake, cb: (e: NodeChangeEvent) => void, once: boolean): void
  removePageListener(page: PageFake, cb: (e: NodeChangeEvent) => void): void
  loadPage(page: PageFake): Promise<void>
  /** Where `clone()` puts the duplicate: figma.currentPage (plugin-api.d.ts:10822 and siblings). */
  clonePage(): PageFake
  /** Counts every change to the document (undo included): instances re-sync from their main component when it moved (kinds.ts). */
  readonly mutations: number
  /** The calling plugin session set figma.skipInvisibleInstanceChildren (plugin-api.d.ts:88-109); user edits and test reads see everything. */
  skipsInvisibleInstanceChildren(): boolean
}

export type ParentFake = DocumentFake | PageFake | FrameFake | GroupFake
export type SceneFake = FrameFake | GroupFake | RectangleFake | EllipseFake | VectorFake | TextFake | KindFake
const IDENTITY: M = [1, 0, 0, 0, 1, 0]

export function invert(m: M): M {
  const det = m[0] * m[4] - m[1] * m[3]
  const a = m[4] / det
  const b = -m[1] / det
  const c = -m[3] / det
  const d = m[0] / det
  return [a, b, -(a * m[2] + b * m[5]), c, d, -(c * m[2] + d * m[5])]
}

function toTransform(m: M): Transform {
  return [
    [m[0], m[1], m[2]],
    [m[3], m[4], m[5]],
  ]
}

export interface Box {
  x0: number
  y0: number
  x1: number
  y1: number
}

function boxOf(m: M, w: number, h: number): Box {
  const xs = [m[2], m[0] * w + m[2], m[1] * h + m[2], m[0] * w + m[1] * h + m[2]]
  const ys = [m[5], m[3] * w + m[5], m[4] * h + m[5], m[3] * w + m[4] * h + m[5]]
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }
}

function union(a: Box | null, b: Box | null): Box | null {
  if (!a) return b
  if (!b) return a
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) }
}

function typeError(where: string, prop: string, expected: string, got: unknown): Error {
  // Error pattern from developers.figma.com/docs/plugins/api/api-errors:
  // "in <property/method>: Expected <property> to have type <expected type> but got <actual type> instead"
  return new Error(`in ${where}: Expected "${prop}" to have type ${expected} but got ${typeof got} instead`)
}

function checkNumber(where: string, prop: string, v: unknown): number {
  if (typeof v !== 'number' || !isFinite(v)) throw typeError(where, prop, 'number', v)
  return v
}

/**
 * Private plugin data and shared plugin data entries are limited to 100 kB (plugin-api.d.ts:6530, :6556),
 * counted with the plugin id (or namespace) and key. Whether "kB" is 1,000 or 1,024 bytes is not
 * documented (FIGMA.md: "may be 100,000 bytes"): the fake takes the stricter 100,000.
 */
export const PLUGIN_DATA_LIMIT = 100_000
const NAMESPACE_RE = /^[A-Za-z0-9]{3,}$/

// ======================================================================== base

/**
 * What stays readable on a removed node. Figma answers any other property or method of a node
 * that is no longer in the document with `in <api>: The node with id "<id>" does not exist`
 * (plugin-api.d.ts:6396 removed: "write your code defensively and check that the nodes haven't
 * been removed"; wording as reported in issue #6, prefix from the docs page `api-errors`).
 * A review list holds nodes another person deleted.
 */
const READABLE_WHEN_REMOVED = new Set<string | symbol>(['removed', 'id', 'type', 'toString', 'host', 'constructor'])

/** The api name Figma puts in front of the error: setters are `set_<prop>`. */
function removedError(target: BaseFake, api: string): Error {
  return new Error(`in ${api}: The node with id "${target.id}" does not exist`)
}

/**
 * plugin-api.d.ts:93-99: with `figma.skipInvisibleInstanceChildren = true`, "Accessing a property on
 * an existing node object for an invisible node will throw an error" (invisible nodes and their
 * descendants inside instances). The wording of that error is not documented; this one is the fake's.
 */
function hiddenInInstanceError(target: BaseFake, api: string): Error {
  return new Error(`in ${api}: The node with id "${target.id}" is invisible inside an instance and figma.skipInvisibleInstanceChildren is true (fake's text)`)
}
const READABLE_WHEN_SKIPPED = new Set<string | symbol>(['id', 'type', 'toString', 'host', 'constructor'])

const REMOVED_GUARD: ProxyHandler<BaseFake> = {
  get(target, key, receiver) {
    if (target._syncRoot !== null && typeof key === 'string' && key[0] !== '_' && key !== 'host') target._syncRoot._sync()
    if (target._inInstance && typeof key === 'string' && key[0] !== '_' && !READABLE_WHEN_SKIPPED.has(key) && key in target && target._skipped()) {
      throw hiddenInInstanceError(target, key)
    }
    // Internal fields (`_…`) and probes for members a node does not have (`then`,
    // `asymmetricMatch`, …) pass: only the node's own API is refused.
    if (typeof key === 'string' && key[0] !== '_' && !READABLE_WHEN_REMOVED.has(key) && key in target && target._gone()) {
      throw removedError(target, key)
    }
    return Reflect.get(target, key, receiver)
  },
  set(target, key, value, receiver) {
    if (typeof key === 'string' && key[0] !== '_' && key in target && target._gone()) throw removedError(target, 'set_' + key)
    if (target._inInstance && typeof key === 'string' && key[0] !== '_' && key in target && target._skipped()) throw hiddenInInstanceError(target, 'set_' + key)
    return Reflect.set(target, key, value, receiver)
  },
}

/** The bench mode without checks (FigmaWorldOptions.checks false): instances still re-sync before a read. */
const SYNC_ONLY: ProxyHandler<BaseFake> = {
  get(target, key, receiver) {
    if (target._syncRoot !== null && typeof key === 'string' && key[0] !== '_' && key !== 'host') target._syncRoot._sync()
    return Reflect.get(target, key, receiver)
  },
}

export abstract class BaseFake {
  abstract readonly type: NodeType
  _parent: ParentFake | null = null
  _name: string
  /** Private plugin data, per plugin id, then key (plugin-api.d.ts:6537 "specific to your plugin ID"). */
  _pd: Map<string, Map<string, string>> | null = null
  _spd: Map<string, Map<string, string>> | null = null
  _relaunch: { [command: string]: string } = {}
  /** Set once the node first enters a parent: a node still being built is not "removed". */
  _attached = false
  /** A sublayer of an instance, mirrored from its main component (instance.ts). */
  _inInstance = false
  /** The instance this node is (part of): it re-syncs from its main component before the node is read (instance.ts). */
  _syncRoot: { _sync(): void } | null = null

  constructor(
    readonly host: Host,
    readonly id: string,
    name: string,
  ) {
    this._name = name
    // Every node is handed out behind this guard, so identity (`toBe`, getNodeByIdAsync) holds.
    const guarded = new Proxy(this, host.checks ? REMOVED_GUARD : SYNC_ONLY)
    host.register(guarded)
    return guarded
  }

  // plugin-api.d.ts:6376 `parent` — "not meant to be directly edited"
  get parent(): ParentFake | null {
    return this._parent
  }

  get name(): string {
    return this._name
  }
  set name(v: string) {
    if (typeof v !== 'string') throw typeError('set_name', 'name', 'string', v)
    const old = this._name
    if (old === v) return
    this._name = v
    this.host.recordProp(this, ['name'], () => {
      this._name = old
    })
  }

  /** plugin-api.d.ts:6396 `removed`: true once the node is no longer in the document. */
  get removed(): boolean {
    let n: BaseFake | null = this
    while (n) {
      if (n.type === 'DOCUMENT') return false
      n = n._parent
    }
    return true
  }

  _gone(): boolean {
    return this._attached && this.removed
  }

  /** Hidden from this session by skipInvisibleInstanceChildren: it, or an ancestor inside the instance, is invisible. */
  _skipped(): boolean {
    if (!this._inInstance || !this.host.skipsInvisibleInstanceChildren()) return false
    for (let n: BaseFake | null = this; n && n._inInstance; n = n._parent) if ((n as unknown as { _visible: boolean })._visible === false) return true
    return false
  }

  /** plugin-api.d.ts:6409 toString: "[Node ID]". */
  toString(): string {
    return `[Node ${this.id}]`
  }

  /** The page this node is on, or null (document, detached). */
  get _page(): PageFake | null {
    let n: BaseFake | null = this
    while (n) {
      if (n.type === 'PAGE') return n as PageFake
      n = n._parent
    }
    return null
  }

  // ---------------------------------------------------------------- plugin data (plugin-api.d.ts:6524 PluginDataMixin)

  getPluginData(key: string): string {
    if (typeof key !== 'string') throw typeError('getPluginData', 'key', 'string', key)
    const own = this._pd && this._pd.get(this.host.dataPluginId())
    return (own && own.get(key)) || ''
  }

  setPluginData(key: string, value: string): void {
    if (typeof key !== 'string') throw typeError('setPluginData', 'key', 'string', key)
    if (typeof value !== 'string') throw typeError('setPluginData', 'value', 'string', value)
    // plugin-api.d.ts:6530 "The total size of your entry (`pluginId`, `key`, `value`) cannot exceed 100 kB."
    const pluginId = this.host.dataPluginId()
    const size = utf8Length(pluginId) + utf8Length(key) + utf8Length(value)
    if (size > PLUGIN_DATA_LIMIT) {
      throw new Error(
        `in setPluginData: This pluginData entry exceeds 100 kB per entry limit ` +
          `(fake: pluginId + key + value = ${size} bytes > ${PLUGIN_DATA_LIMIT}).`,
      )
    }
    const all = this._pd || (this._pd = new Map())
    let map = all.get(pluginId)
    if (!map) all.set(pluginId, (map = new Map()))
    const old = map.get(key)
    if (old === undefined && value === '') return
    if (old === value) return
    // plugin-api.d.ts:6533 "If you set the value to the empty string (""), the key/value pair is removed."
    if (value === '') map.delete(key)
    else map.set(key, value)
    const own = map
    this.host.recordProp(this, ['pluginData'], () => {
      if (old === undefined) own.delete(key)
      else own.set(key, old)
    })
  }

  getPluginDataKeys(): string[] {
    const own = this._pd && this._pd.get(this.host.dataPluginId())
    return own ? Array.from(own.keys()) : []
  }

  getSharedPluginData(namespace: string, key: string): string {
    if (typeof namespace !== 'string') throw typeError('getSharedPluginData', 'namespace', 'string', namespace)
    if (typeof key !== 'string') throw typeError('getSharedPluginData', 'key', 'string', key)
    const ns = this._spd && this._spd.get(namespace)
    return (ns && ns.get(key)) || ''
  }

  setSharedPluginData(namespace: string, key: string, value: string): void {
    if (typeof namespace !== 'string') throw typeError('setSharedPluginData', 'namespace', 'string', namespace)
    if (typeof key !== 'string') throw typeError('setSharedPluginData', 'key', 'string', key)
    if (typeof value !== 'string') throw typeError('setSharedPluginData', 'value', 'string', value)
    // plugin-api.d.ts:6558 "The namespace must be at least 3 alphanumeric characters."
    if (!NAMESPACE_RE.test(namespace)) {
      throw new Error(
        `in setSharedPluginData: The namespace must be at least 3 alphanumeric characters (got ${JSON.stringify(namespace)}).`,
      )
    }
    // plugin-api.d.ts:6556 "The total size of your entry (`namespace`, `key`, `value`) cannot exceed 100 kB."
    const size = utf8Length(namespace) + utf8Length(key) + utf8Length(value)
    if (size > PLUGIN_DATA_LIMIT) {
      throw new Error(
        `in setSharedPluginData: This sharedPluginData entry exceeds 100 kB per entry limit ` +
          `(fake: namespace + key + value = ${size} bytes > ${PLUGIN_DATA_LIMIT}).`,
      )
    }
    const all = this._spd || (this._spd = new Map())
    let map = all.get(namespace)
    if (!map) {
      if (value === '') return
      map = new Map()
      all.set(namespace, map)
    }
    const m = map
    const old = m.get(key)
    if (old === value || (old === undefined && value === '')) return
    if (value === '') m.delete(key)
    else m.set(key, value)
    this.host.recordProp(this, ['pluginData'], () => {
      if (old === undefined) m.delete(key)
      else m.set(key, old)
    })
  }

  getSharedPluginDataKeys(namespace: string): string[] {
    const ns = this._spd && this._spd.get(namespace)
    return ns ? Array.from(ns.keys()) : []
  }

  // ---------------------------------------------------------------- relaunch data (plugin-api.d.ts:6425-6475)

  setRelaunchData(data: { [command: string]: string }): void {
    if (!data || typeof data !== 'object') throw typeError('setRelaunchData', 'data', 'object', data)
    const next: { [command: string]: string } = {}
    for (const command of Object.keys(data)) {
      const description = data[command]
      if (typeof description !== 'string') throw typeError('setRelaunchData', command, 'string', description)
      // plugin-api.d.ts:6444 "This method will throw if description exceeds 1000 characters"
      if (description.length > 1000) {
        throw new Error(`in setRelaunchData: description for "${command}" exceeds 1000 characters`)
      }
      next[command] = description
    }
    // plugin-api.d.ts:6448 "Each call to this method sets entirely new relaunch data"
    const old = this._relaunch
    this._relaunch = next
    this.host.recordProp(this, [], () => {
      this._relaunch = old
    })
  }

  getRelaunchData(): { [command: string]: string } {
    return Object.assign({}, this._relaunch)
  }

  /** Copies name and data into `to` (used by clone; plugin data travels with copies: FIGMA.md). */
  _copyBaseInto(to: BaseFake): void {
    to._name = this._name
    if (this._pd) {
      to._pd = new Map()
      this._pd.forEach((m, id) => to._pd!.set(id, new Map(m)))
    }
    if (this._spd) {
      to._spd = new Map()
      this._spd.forEach((m, ns) => to._spd!.set(ns, new Map(m)))
    }
    to._relaunch = Object.assign({}, this._relaunch)
  }
}

// ======================================================================== container behaviour

function rawDetach(child: SceneFake): { parent: ParentFake; index: number } | null {
  const parent = child._parent
  if (!parent) return null
  const list = (parent as ContainerMethods)._children
  const index = list.indexOf(child)
  list.splice(index, 1)
  child._parent = null
  return { parent, index }
}

function rawInsert(parent: ParentFake, child: SceneFake | PageFake, index: number): void {
  const list = (parent as ContainerMethods)._children as (SceneFake | PageFake)[]
  list.splice(index, 0, child)
  child._parent = parent
  child._attached = true
}

function isAncestor(a: BaseFake, b: BaseFake): boolean {
  for (let n: BaseFake | null = b; n; n = n._parent) if (n === a) return true
  return false
}

function preorder(list: readonly SceneFake[], out: SceneFake[], pred: ((n: SceneFake) => boolean) | null): void {
  for (let i = 0; i < list.length; i++) {
    const n = list[i]
    if (!pred || pred(n)) out.push(n)
    const kids = (n as Partial<ContainerMethods>)._children
    if (kids && kids.length) preorder(kids as SceneFake[], out, pred)
  }
}

/** Scene-node insertion shared by pages, frames, components and groups (plugin-api.d.ts:7030 ChildrenMixin). */
function insertScene(parent: ParentFake, index: number, child: SceneFake, where: string): void {
  if (!(child instanceof SceneBase)) throw new Error(`in ${where}: Expected a scene node (got ${String(child)})`)
  // A removed node cannot come back by plugin code (only by undo, which bypasses this).
  if (child._gone()) throw removedError(child, where)
  if (isAncestor(child, parent)) throw new Error(`in ${where}: Cannot move a node inside itself or its descendants`)
  const oldParent = child._parent
  const oldPage = oldParent ? child._page : null
  const wasInDoc = oldParent ? !child.removed : false
  const list = (parent as ContainerMethods)._children
  const max = list.length - (oldParent === parent ? 1 : 0)
  // plugin-api.d.ts:7070 "insertChild(4, D) throws an error since the group originally only has 3 children"
  if (typeof index !== 'number' || index < 0 || index > max || Math.floor(index) !== index) {
    throw new Error(`in ${where}: index ${index} is out of range (0..${max})`)
  }
  const old = rawDetach(child)
  rawInsert(parent, child, index)
  const host = parent.host
  if (!old || !wasInDoc) {
    if (old) {
      // Re-inserting a node that had been removed: treat as a creation.
      host.recordProp(child, [], () => {
        rawDetach(child)
        rawInsert(old.parent, child, old.index)
      })
    }
    host.recordAttach(child)
  } else {
    host.recordMove(child, old.parent, old.index, oldPage)
    autoDeleteEmptyGroup(old.parent)
  }
}

/** plugin-api.d.ts:6405 "You removed all children out of a group, and the group auto-deleted itself". */
function autoDeleteEmptyGroup(p: ParentFake): void {
  if ((p.type === 'GROUP' || p.type === 'BOOLEAN_OPERATION') && p._children.length === 0 && p._parent) p.remove()
}

export abstract class ContainerMethods {
  declare _children: SceneFake[]
  declare readonly type: NodeType
  declare readonly host: Host

  _access(what: string): void {
    if (this.type === 'PAGE') this.host.checkPageAccess(this as unknown as PageFake, what)
  }

  /** plugin-api.d.ts:7038 "calling this property always returns a new array, and both the property and the new array are read-only." */
  get children(): readonly SceneFake[] {
    this._access('children')
    // plugin-api.d.ts:97 with skipInvisibleInstanceChildren, `children` excludes invisible instance sublayers.
    const kids = this._children.filter((n) => !n._skipped())
    return this.host.checks ? Object.freeze(kids) : kids
  }

  appendChild(child: SceneFake): void {
    this._access('appendChild')
    const self = this as unknown as ParentFake
    const n = this._children.length - (child && child._parent === self ? 1 : 0)
    insertScene(self, n, child, 'appendChild')
  }

  insertChild(index: number, child: SceneFake): void {
    this._access('insertChild')
    insertScene(this as unknown as ParentFake, index, child, 'insertChild')
  }

  findChildren(callback?: (node: SceneFake) => boolean): SceneFake[] {
    this._access('findChildren')
    return callback ? this._children.filter((n) => callback(n)) : this._children.slice()
  }

  findChild(callback: (node: SceneFake) => boolean): SceneFake | null {
    this._access('findChild')
    return this._children.find((n) => callback(n)) || null
  }

  /** plugin-api.d.ts:7122 pre-order, back-to-front, the node itself not included. */
  findAll(callback?: (node: SceneFake) => boolean): SceneFake[] {
    this._access('findAll')
    const out: SceneFake[] = []
    preorder(this._children, out, callback ? (n) => !n._skipped() && callback(n) : (n) => !n._skipped())
    return out.filter((n) => !hiddenAbove(n))
  }

  findOne(callback: (node: SceneFake) => boolean): SceneFake | null {
    this._access('findOne')
    const all: SceneFake[] = []
    preorder(this._children, all, null)
    return all.find((n) => callback(n)) || null
  }

  /** plugin-api.d.ts:7161 findAllWithCriteria: types, pluginData { keys }, sharedPluginData { namespace, keys }. */
  findAllWithCriteria(criteria: FindAllCriteria<NodeType[]>): SceneFake[] {
    this._access('findAllWithCriteria')
    return findWithCriteria(this._children, criteria || {})
  }

  findWidgetNodesByWidgetId(_widgetId: string): SceneFake[] {
    this._access('findWidgetNodesByWidgetId')
    return []
  }
}

function matchesCriteria(n: BaseFake, c: FindAllCriteria<NodeType[]>): boolean {
  if (c.types && c.types.indexOf(n.type) < 0) return false
  const pd = c.pluginData
  if (pd) {
    const own = n._pd && n._pd.get(n.host.dataPluginId())
    if (!own || own.size === 0) return false
    // "match nodes that have PluginData stored for your plugin" with any of the keys (when given)
    if (pd.keys && pd.keys.length && !pd.keys.some((k) => own.has(k))) return false
  }
  const spd = c.sharedPluginData
  if (spd) {
    const ns = n._spd && n._spd.get(spd.namespace)
    if (!ns || ns.size === 0) return false
    if (spd.keys && spd.keys.length && !spd.keys.some((k) => ns.has(k))) return false
  }
  return true
}

function findWithCriteria(list: readonly SceneFake[], c: FindAllCriteria<NodeType[]>): SceneFake[] {
  const out: SceneFake[] = []
  preorder(list, out, (n) => matchesCriteria(n, c))
  return out.filter((n) => !n._skipped())
}

/** A descendant of a skipped node (plugin-api.d.ts:93 "invisible nodes (and their descendants)"). */
function hiddenAbove(n: BaseFake): boolean {
  return n._inInstance && n._skipped()
}

export function mixContainer(ctor: { prototype: object }): void {
  for (const name of Object.getOwnPropertyNames(ContainerMethods.prototype)) {
    if (name === 'constructor') continue
    Object.defineProperty(ctor.prototype, name, Object.getOwnPropertyDescriptor(ContainerMethods.prototype, name)!)
  }
}

// ======================================================================== document and page

export class DocumentFake extends BaseFake {
  readonly type = 'DOCUMENT' as const
  _children: PageFake[] = []
  /** plugin-api.d.ts:10474; set by the world option `documentColorProfile`. */
  documentColorProfile: 'LEGACY' | 'SRGB' | 'DISPLAY_P3' = 'SRGB'

  /** plugin-api.d.ts:10470 children are always PageNodes (readable without loading pages). */
  get children(): readonly PageFake[] {
    return Object.freeze(this._children.slice())
  }

  appendChild(child: PageFake): void {
    this.insertChild(this._children.length - (child._parent === this ? 1 : 0), child)
  }

  insertChild(index: number, child: PageFake): void {
    if (!(child instanceof PageFake)) throw new Error('in insertChild: DocumentNode children must be PageNodes')
    const old = child._parent === this ? this._children.indexOf(child) : -1
    if (old >= 0) this._children.splice(old, 1)
    this._children.splice(index, 0, child)
    child._parent = this
    child._attached = true
    this.host.recordProp(this, [], () => {
      this._children.splice(this._children.indexOf(child), 1)
      if (old >= 0) this._children.splice(old, 0, child)
      else child._parent = null
    })
  }

  findChildren(callback?: (node: PageFake) => boolean): PageFake[] {
    return callback ? this._children.filter((p) => callback(p)) : this._children.slice()
  }

  findChild(callback: (node: PageFake) => boolean): PageFake | null {
    return this._children.find((p) => callback(p)) || null
  }

  /** plugin-api.d.ts:1992-1996: DocumentNode.findAll/findOne/findAllWithCriteria need loadAllPagesAsync. */
  findAll(callback?: (node: PageFake | SceneFake) => boolean): (PageFake | SceneFake)[] {
    this.host.checkDocumentAccess('findAll')
    const out: (PageFake | SceneFake)[] = []
    for (const p of this._children) {
      if (!callback || callback(p)) out.push(p)
      preorder(p._children, out as SceneFake[], callback || null)
    }
    return out
  }

  findOne(callback: (node: PageFake | SceneFake) => boolean): PageFake | SceneFake | null {
    this.host.checkDocumentAccess('findOne')
    return this.findAll().find((n) => callback(n)) || null
  }

  /** plugin-api.d.ts:10562-10564: needs loadAllPagesAsync; "the resulting array will include PageNode objects". */
  findAllWithCriteria(criteria: FindAllCriteria<NodeType[]>): (PageFake | SceneFake)[] {
    this.host.checkDocumentAccess('findAllWithCriteria')
    const c = criteria || {}
    const out: (PageFake | SceneFake)[] = []
    for (const p of this._children) {
      if (matchesCriteria(p, c)) out.push(p)
      out.push(...findWithCriteria(p._children, c))
    }
    return out
  }

  findWidgetNodesByWidgetId(_widgetId: string): SceneFake[] {
    this.host.checkDocumentAccess('findWidgetNodesByWidgetId')
    return []
  }

  remove(): void {
    throw new Error('in remove: Cannot remove the document node')
  }
}

export class PageFake extends BaseFake {
  readonly type = 'PAGE' as const
  _children: SceneFake[] = []
  _backgrounds: readonly Paint[] = frozenCopy([
    { type: 'SOLID', color: { r: 0.9607843, g: 0.9607843, b: 0.9607843 }, visible: true, opacity: 1, blendMode: 'NORMAL' },
  ] as Paint[])

  get selection(): readonly SceneFake[] {
    return Object.freeze(this.host.getSelection(this).slice())
  }
  set selection(nodes: readonly SceneFake[]) {
    this.host.setSelection(this, nodes)
  }

  get backgrounds(): readonly Paint[] {
    return this._backgrounds
  }
  set backgrounds(v: readonly Paint[]) {
    const old = this._backgrounds
    this._backgrounds = validatePaints('set_backgrounds', 'backgrounds', v)
    this.host.recordProp(this, ['backgrounds'], () => {
      this._backgrounds = old
    })
  }

  /** plugin-api.d.ts PageNode.loadAsync */
  loadAsync(): Promise<void> {
    return this.host.loadPage(this)
  }

  /** plugin-api.d.ts PageNode.on('nodechange') */
  on(type: 'nodechange', cb: (e: NodeChangeEvent) => void): void {
    if (type !== 'nodechange') throw new Error(`in on: Unsupported page event "${String(type)}"`)
    this.host.addPageListener(this, cb, false)
  }
  once(type: 'nodechange', cb: (e: NodeChangeEvent) => void): void {
    if (type !== 'nodechange') throw new Error(`in once: Unsupported page event "${String(type)}"`)
    this.host.addPageListener(this, cb, true)
  }
  off(type: 'nodechange', cb: (e: NodeChangeEvent) => void): void {
    if (type !== 'nodechange') return
    this.host.removePageListener(this, cb)
  }

  exportAsync(settings?: ExportSettings | ExportSettingsSVGString): Promise<Uint8Array | string> {
    this.host.checkPageAccess(this, 'exportAsync')
    return exportNode(this, settings)
  }

  clone(): PageFake {
    throw new Error('in clone: PageNode.clone is not supported by the fake')
  }

  remove(): void {
    const doc = this._parent as DocumentFake | null
    if (!doc) return
    if (doc._children.length <= 1) throw new Error('in remove: Cannot remove the last page')
    const index = doc._children.indexOf(this)
    doc._children.splice(index, 1)
    this._parent = null
    this.host.recordProp(doc, [], () => {
      doc._children.splice(index, 0, this)
      this._parent = doc
    })
  }
}
export interface PageFake extends ContainerMethods {}
mixContainer(PageFake)

// ======================================================================== scene nodes

export const DEFAULT_SHAPE_FILL = { type: 'SOLID', color: { r: 217 / 255, g: 217 / 255, b: 217 / 255 } }
const WHITE_FILL = { type: 'SOLID', color: { r: 1, g: 1, b: 1 } }
export const BLACK_FILL = { type: 'SOLID', color: { r: 0, g: 0, b: 0 } }

/** Validates and freezes a paint list; fills SOLID/gradient defaults as Figma reads them back (plugin-api.d.ts:4732 SolidPaint). */
export function validatePaints(where: string, prop: string, v: unknown): readonly Paint[] {
  if (!Array.isArray(v)) throw typeError(where, prop, 'Array', v)
  const out = v.map((p, i) => {
    if (!p || typeof p !== 'object' || typeof (p as Paint).type !== 'string') {
      throw new Error(`in ${where}: Expected "${prop}[${i}].type" to be a paint type string`)
    }
    const paint = Object.assign({}, p) as Record<string, unknown>
    if (paint.type === 'SOLID') {
      const c = paint.color as RGB | undefined
      if (!c || typeof c !== 'object') throw new Error(`in ${where}: Expected "${prop}[${i}].color" to have type object`)
      for (const k of ['r', 'g', 'b'] as const) {
        const x = c[k]
        if (typeof x !== 'number' || x < 0 || x > 1) {
          throw new Error(`in ${where}: Expected "${prop}[${i}].color.${k}" to be a number between 0 and 1`)
        }
      }
      paint.color = { r: c.r, g: c.g, b: c.b }
    }
    if (paint.opacity !== undefined && (typeof paint.opacity !== 'number' || paint.opacity < 0 || paint.opacity > 1)) {
      throw new Error(`in ${where}: Expected "${prop}[${i}].opacity" to be a number between 0 and 1`)
    }
    if (paint.visible === undefined) paint.visible = true
    if (paint.opacity === undefined) paint.opacity = 1
    if (paint.blendMode === undefined) paint.blendMode = 'NORMAL'
    return paint
  })
  return frozenCopy(out) as unknown as readonly Paint[]
}

export abstract class SceneBase extends BaseFake {
  abstract readonly type: SceneFake['type']
  _visible = true
  _locked = false
  _opacity = 1
  _blendMode: BlendMode = 'PASS_THROUGH'
  _isMask = false
  _effects: readonly Effect[] = deepFreeze([])
  _exportSettings: readonly ExportSettings[] = deepFreeze([])
  // relativeTransform, relative to the container parent (plugin-api.d.ts:7350 "Container parent")
  _a = 1
  _b = 0
  _tx = 0
  _c = 0
  _d = 1
  _ty = 0
  _w = 100
  _h = 100

  /** The container parent: the nearest ancestor that is not a group or a boolean operation (plugin-api.d.ts:7350-7370). */
  get _container(): ParentFake | null {
    let p = this._parent
    while (p && (p.type === 'GROUP' || p.type === 'BOOLEAN_OPERATION')) p = p._parent
    return p
  }

  _rt(): M {
    return [this._a, this._b, this._tx, this._c, this._d, this._ty]
  }

  _abs(): M {
    const c = this._container
    const rt = this._rt()
    return c && c instanceof SceneBase ? mul(c._abs(), rt) : rt
  }

  /** Bounds in the container parent's coordinates. */
  _boxInContainer(): Box | null {
    return boxOf(this._rt(), this._w, this._h)
  }

  _setRt(m: M, props: NodeChangeProperty[]): void {
    const old = this._rt()
    this._a = m[0]
    this._b = m[1]
    this._tx = m[2]
    this._c = m[3]
    this._d = m[4]
    this._ty = m[5]
    this.host.recordProp(this, props, () => {
      this._a = old[0]
      this._b = old[1]
      this._tx = old[2]
      this._c = old[3]
      this._d = old[4]
      this._ty = old[5]
    })
  }

  // plugin-api.d.ts:7298 x "Identical to relativeTransform[0][2]"
  get x(): number {
    return this._tx
  }
  set x(v: number) {
    checkNumber('set_x', 'x', v)
    if (v === this._tx) return
    const m = this._rt()
    m[2] = v
    this._setRt(m, ['x'])
  }
  // plugin-api.d.ts:7306 y "Identical to relativeTransform[1][2]"
  get y(): number {
    return this._ty
  }
  set y(v: number) {
    checkNumber('set_y', 'y', v)
    if (v === this._ty) return
    const m = this._rt()
    m[5] = v
    this._setRt(m, ['y'])
  }
  get width(): number {
    return this._w
  }
  get height(): number {
    return this._h
  }

  /** plugin-api.d.ts LayoutMixin.resize. Children constraints are not applied by the fake. */
  resize(width: number, height: number): void {
    checkNumber('resize', 'width', width)
    checkNumber('resize', 'height', height)
    if (width < 0.01 || height < 0.01) throw new Error('in resize: width and height must be >= 0.01')
    const ow = this._w
    const oh = this._h
    if (ow === width && oh === height) return
    this._w = width
    this._h = height
    const props: NodeChangeProperty[] = []
    if (ow !== width) props.push('width')
    if (oh !== height) props.push('height')
    this.host.recordProp(this, props, () => {
      this._w = ow
      this._h = oh
    })
  }
  resizeWithoutConstraints(width: number, height: number): void {
    this.resize(width, height)
  }

  /** plugin-api.d.ts:7408 rotation "Identical to Math.atan2(-m10, m00)" in degrees; setting it sets m00..m11. */
  get rotation(): number {
    // + 0: an upright node reads 0, not -0 (atan2(-0, 1)).
    return (Math.atan2(-this._c, this._a) * 180) / Math.PI + 0
  }
  set rotation(deg: number) {
    checkNumber('set_rotation', 'rotation', deg)
    const r = (deg * Math.PI) / 180
    const cos = Math.cos(r)
    const sin = Math.sin(r)
    this._setRt([cos, sin, this._tx, -sin, cos, this._ty], ['rotation', 'relativeTransform'])
  }

  get relativeTransform(): Transform {
    return toTransform(this._rt())
  }
  set relativeTransform(t: Transform) {
    if (!Array.isArray(t) || t.length !== 2 || !Array.isArray(t[0]) || !Array.isArray(t[1])) {
      throw typeError('set_relativeTransform', 'relativeTransform', 'Transform', t)
    }
    const m = [t[0][0], t[0][1], t[0][2], t[1][0], t[1][1], t[1][2]] as M
    m.forEach((v, i) => checkNumber('set_relativeTransform', `relativeTransform[${i}]`, v))
    this._setRt(m, ['relativeTransform'])
  }

  /** plugin-api.d.ts:7384 absoluteTransform: relative to the containing page. */
  get absoluteTransform(): Transform {
    return toTransform(this._abs())
  }

  /**
   * plugin-api.d.ts:7388 absoluteBoundingBox: page coordinates, without strokes/effects: the
   * axis-aligned box of the node's own box (width × height) under its absoluteTransform. Taken
   * from the node's own box, not its box in the container: with a rotated container the latter
   * would be the box of a box, larger than what the node covers.
   */
  get absoluteBoundingBox(): Rect | null {
    const b = this._absBox()
    return b ? { x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 } : null
  }

  _absBox(): Box | null {
    const [w, h] = this._size()
    return boxOf(this._abs(), w, h)
  }

  /** Own width and height (a group's come from its children). */
  _size(): [number, number] {
    return [this._w, this._h]
  }

  /** plugin-api.d.ts:7400 absoluteRenderBounds: what the node paints, strokes and effects included (raster.ts renderBox). */
  get absoluteRenderBounds(): Rect | null {
    const b = renderBox(this as unknown as SceneFake)
    return b ? { x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 } : null
  }

  get visible(): boolean {
    return this._visible
  }
  set visible(v: boolean) {
    if (typeof v !== 'boolean') throw typeError('set_visible', 'visible', 'boolean', v)
    const old = this._visible
    if (old === v) return
    this._visible = v
    this.host.recordProp(this, ['visible'], () => {
      this._visible = old
    })
  }

  get locked(): boolean {
    return this._locked
  }
  set locked(v: boolean) {
    if (typeof v !== 'boolean') throw typeError('set_locked', 'locked', 'boolean', v)
    const old = this._locked
    if (old === v) return
    this._locked = v
    this.host.recordProp(this, ['locked'], () => {
      this._locked = old
    })
  }

  get opacity(): number {
    return this._opacity
  }
  set opacity(v: number) {
    // developers.figma.com/docs/plugins/api/api-errors: opacity must be a number between 0 and 1
    checkNumber('set_opacity', 'opacity', v)
    if (v < 0 || v > 1) throw new Error('in set_opacity: Expected "opacity" to have value between 0 and 1')
    const old = this._opacity
    if (old === v) return
    this._opacity = v
    this.host.recordProp(this, ['opacity'], () => {
      this._opacity = old
    })
  }

  get blendMode(): BlendMode {
    return this._blendMode
  }
  set blendMode(v: BlendMode) {
    if (typeof v !== 'string') throw typeError('set_blendMode', 'blendMode', 'string', v)
    const old = this._blendMode
    if (old === v) return
    this._blendMode = v
    this.host.recordProp(this, ['blendMode'], () => {
      this._blendMode = old
    })
  }

  /** plugin-api.d.ts:7597 BlendMixin.isMask: "A mask node masks its subsequent siblings"; a change reports 'isMask' (:3831). */
  get isMask(): boolean {
    return this._isMask
  }
  set isMask(v: boolean) {
    if (typeof v !== 'boolean') throw typeError('set_isMask', 'isMask', 'boolean', v)
    const old = this._isMask
    if (old === v) return
    this._isMask = v
    this.host.recordProp(this, ['isMask'], () => {
      this._isMask = old
    })
  }

  get effects(): readonly Effect[] {
    return this._effects
  }
  set effects(v: readonly Effect[]) {
    if (!Array.isArray(v)) throw typeError('set_effects', 'effects', 'Array', v)
    const old = this._effects
    this._effects = frozenCopy(v.slice()) as readonly Effect[]
    this.host.recordProp(this, ['effects'], () => {
      this._effects = old
    })
  }

  get exportSettings(): readonly ExportSettings[] {
    return this._exportSettings
  }
  set exportSettings(v: readonly ExportSettings[]) {
    const old = this._exportSettings
    this._exportSettings = frozenCopy(v.slice())
    this.host.recordProp(this, ['exportSettings'], () => {
      this._exportSettings = old
    })
  }

  /** plugin-api.d.ts:9050 exportAsync. */
  exportAsync(settings?: ExportSettings | ExportSettingsSVGString): Promise<Uint8Array | string> {
    return exportNode(this as unknown as SceneFake, settings)
  }

  /** plugin-api.d.ts:6423 remove: "Removes this node and all of its children from the document." */
  remove(): void {
    const self = this as unknown as SceneFake
    const page = this._page
    const wasInDoc = !this.removed
    const old = rawDetach(self)
    if (!old) return
    if (wasInDoc) this.host.recordDetach(self, old.parent, old.index, page)
    else
      this.host.recordProp(this, [], () => {
        rawInsert(old.parent, self, old.index)
      })
    autoDeleteEmptyGroup(old.parent)
  }

  /** Creates a detached copy of this subtree with new ids (plugin data copied). */
  abstract _copy(): SceneFake

  _copyInto(to: SceneBase): void {
    this._copyBaseInto(to)
    to._visible = this._visible
    to._locked = this._locked
    to._opacity = this._opacity
    to._blendMode = this._blendMode
    to._isMask = this._isMask
    to._effects = this._effects
    to._exportSettings = this._exportSettings
    to._a = this._a
    to._b = this._b
    to._tx = this._tx
    to._c = this._c
    to._d = this._d
    to._ty = this._ty
    to._w = this._w
    to._h = this._h
  }

  /**
   * plugin-api.d.ts:10822 (and the other node types) clone: "By default, the duplicate will be
   * parented under `figma.currentPage`." The whole subtree gets new ids; plugin data is copied.
   */
  clone(): SceneFake {
    const copy = this._copy()
    const page = this.host.clonePage()
    rawInsert(page, copy, page._children.length)
    this.host.recordAttach(copy)
    return copy
  }
}

// ---------------------------------------------------------------- shapes with fills and strokes

export abstract class GeometryBase extends SceneBase {
  _fills: readonly Paint[] = deepFreeze([])
  _strokes: readonly Paint[] = deepFreeze([])
  _strokeWeight = 1
  _strokeAlign: 'CENTER' | 'INSIDE' | 'OUTSIDE' = 'INSIDE'

  /** plugin-api.d.ts:8788 fills; stored frozen, the same frozen array is returned on every read. */
  get fills(): readonly Paint[] {
    return this._fills
  }
  set fills(v: readonly Paint[]) {
    const old = this._fills
    this._fills = validatePaints('set_fills', 'fills', v)
    this.host.recordProp(this, ['fills'], () => {
      this._fills = old
    })
  }

  /** plugin-api.d.ts:8706 strokes */
  get strokes(): readonly Paint[] {
    return this._strokes
  }
  set strokes(v: readonly Paint[]) {
    const old = this._strokes
    this._strokes = validatePaints('set_strokes', 'strokes', v)
    this.host.recordProp(this, ['strokes'], () => {
      this._strokes = old
    })
  }

  setFillsAsync(v: readonly Paint[]): Promise<void> {
    this.fills = v
    return Promise.resolve()
  }
  setStrokesAsync(v: readonly Paint[]): Promise<void> {
    this.strokes = v
    return Promise.resolve()
  }

  /** plugin-api.d.ts MinimalStrokesMixin.strokeWeight: "must be non-negative and can be fractional". */
  get strokeWeight(): number {
    return this._strokeWeight
  }
  set strokeWeight(v: number) {
    checkNumber('set_strokeWeight', 'strokeWeight', v)
    if (v < 0) throw new Error('in set_strokeWeight: Expected "strokeWeight" to be non-negative')
    const old = this._strokeWeight
    if (old === v) return
    this._strokeWeight = v
    this.host.recordProp(this, ['strokeWeight'], () => {
      this._strokeWeight = old
    })
  }

  get strokeAlign(): 'CENTER' | 'INSIDE' | 'OUTSIDE' {
    return this._strokeAlign
  }
  set strokeAlign(v: 'CENTER' | 'INSIDE' | 'OUTSIDE') {
    const old = this._strokeAlign
    this._strokeAlign = v
    this.host.recordProp(this, ['strokeAlign'], () => {
      this._strokeAlign = old
    })
  }

  /** plugin-api.d.ts:8964 fillGeometry: "paths representing the object fills relative to the node". */
  get fillGeometry(): VectorPaths {
    return deepFreeze([{ windingRule: 'NONZERO', data: rectPath(this._w, this._h) }])
  }

  _copyInto(to: GeometryBase): void {
    super._copyInto(to)
    to._fills = this._fills
    to._strokes = this._strokes
    to._strokeWeight = this._strokeWeight
    to._strokeAlign = this._strokeAlign
  }
}

function fmt(n: number): string {
  return String(Math.round(n * 10000) / 10000)
}

function rectPath(w: number, h: number): string {
  return `M 0 0 L ${fmt(w)} 0 L ${fmt(w)} ${fmt(h)} L 0 ${fmt(h)} L 0 0 Z`
}

/** Four cubic arcs (kappa 0.5523), the usual ellipse outline. */
export function ellipsePath(w: number, h: number): string {
  const rx = w / 2
  const ry = h / 2
  const k = 0.5522847498
  const cx = rx
  const cy = ry
  const f = fmt
  return (
    `M ${f(cx + rx)} ${f(cy)} ` +
    `C ${f(cx + rx)} ${f(cy + k * ry)} ${f(cx + k * rx)} ${f(cy + ry)} ${f(cx)} ${f(cy + ry)} ` +
    `C ${f(cx - k * rx)} ${f(cy + ry)} ${f(cx - rx)} ${f(cy + k * ry)} ${f(cx - rx)} ${f(cy)} ` +
    `C ${f(cx - rx)} ${f(cy - k * ry)} ${f(cx - k * rx)} ${f(cy - ry)} ${f(cx)} ${f(cy - ry)} ` +
    `C ${f(cx + k * rx)} ${f(cy - ry)} ${f(cx + rx)} ${f(cy - k * ry)} ${f(cx + rx)} ${f(cy)} Z`
  )
}

export class RectangleFake extends GeometryBase {
  readonly type = 'RECTANGLE' as const
  _cornerRadius = 0
  constructor(host: Host, id: string) {
    super(host, id, 'Rectangle')
    // plugin-api.d.ts:915 "By default, the new node has a default fill, width and height both at 100"
    this._fills = frozenCopy(validatePaints('createRectangle', 'fills', [DEFAULT_SHAPE_FILL]))
  }
  get cornerRadius(): number {
    return this._cornerRadius
  }
  set cornerRadius(v: number) {
    checkNumber('set_cornerRadius', 'cornerRadius', v)
    const old = this._cornerRadius
    this._cornerRadius = v
    this.host.recordProp(this, ['cornerRadius'], () => {
      this._cornerRadius = old
    })
  }
  _copy(): RectangleFake {
    const n = new RectangleFake(this.host, this.host.newId())
    this._copyInto(n)
    n._cornerRadius = this._cornerRadius
    return n
  }
}

export class EllipseFake extends GeometryBase {
  readonly type = 'ELLIPSE' as const
  constructor(host: Host, id: string) {
    super(host, id, 'Ellipse')
    // plugin-api.d.ts:961 "By default, the new node has a default fill, width and height both at 100"
    this._fills = validatePaints('createEllipse', 'fills', [DEFAULT_SHAPE_FILL])
  }
  get fillGeometry(): VectorPaths {
    return deepFreeze([{ windingRule: 'NONZERO', data: ellipsePath(this._w, this._h) }])
  }
  _copy(): EllipseFake {
    const n = new EllipseFake(this.host, this.host.newId())
    this._copyInto(n)
    return n
  }
}

const PATH_RE = /^\s*(?:[MLQCZ](?:\s+-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)*\s*)*$/i

export class VectorFake extends GeometryBase {
  readonly type = 'VECTOR' as const
  _vectorPaths: VectorPaths = deepFreeze([])
  constructor(host: Host, id: string) {
    super(host, id, 'Vector')
    // plugin-api.d.ts:1035 "Creates a new, empty vector network with no vertices." (the fake gives it 0 x 0 and no fills)
    this._w = 0
    this._h = 0
  }
  /** plugin-api.d.ts:5475 VectorPath { windingRule, data } — data is SVG path syntax (M L Q C Z). */
  get vectorPaths(): VectorPaths {
    return this._vectorPaths
  }
  set vectorPaths(v: VectorPaths) {
    if (!Array.isArray(v)) throw typeError('set_vectorPaths', 'vectorPaths', 'Array', v)
    v.forEach((p, i) => {
      if (!p || typeof p.data !== 'string') throw typeError('set_vectorPaths', `vectorPaths[${i}].data`, 'string', p && p.data)
      // plugin-api.d.ts:5496 "Figma supports a subset of the SVG path format" (absolute M, L, Q, C, Z)
      if (!PATH_RE.test(p.data)) throw new Error(`in set_vectorPaths: Invalid path data at index ${i}: ${p.data.slice(0, 80)}`)
    })
    const old = this._vectorPaths
    this._vectorPaths = frozenCopy(v.map((p) => ({ windingRule: p.windingRule || 'NONZERO', data: p.data })))
    // NodeChangeProperty has no 'vectorPaths'; vector edits are reported as 'vectorNetwork' (plugin-api.d.ts:3784).
    this.host.recordProp(this, ['vectorNetwork'], () => {
      this._vectorPaths = old
    })
  }
  get fillGeometry(): VectorPaths {
    return this._vectorPaths.filter((p) => p.windingRule !== 'NONE')
  }
  _copy(): VectorFake {
    const n = new VectorFake(this.host, this.host.newId())
    this._copyInto(n)
    n._vectorPaths = this._vectorPaths
    return n
  }
}

export class TextFake extends GeometryBase {
  readonly type = 'TEXT' as const
  _characters = ''
  _autoRename = true
  _fontName: FontName = Object.freeze({ family: 'Inter', style: 'Regular' })
  _fontSize = 12
  constructor(host: Host, id: string) {
    super(host, id, 'Text')
    this._fills = validatePaints('createText', 'fills', [BLACK_FILL])
    this._w = 0
    this._h = 0
  }
  get name(): string {
    return this._name
  }
  /** plugin-api.d.ts:6390 "If you manually override the text node's name, it will set autoRename to false." */
  set name(v: string) {
    if (typeof v !== 'string') throw typeError('set_name', 'name', 'string', v)
    const old = this._name
    const oldAuto = this._autoRename
    this._name = v
    this._autoRename = false
    this.host.recordProp(this, ['name', 'autoRename'], () => {
      this._name = old
      this._autoRename = oldAuto
    })
  }
  get autoRename(): boolean {
    return this._autoRename
  }
  get fontName(): FontName {
    return this._fontName
  }
  set fontName(v: FontName) {
    const old = this._fontName
    this._fontName = Object.freeze({ family: v.family, style: v.style })
    this.host.recordProp(this, ['fontName'], () => {
      this._fontName = old
    })
  }
  get fontSize(): number {
    return this._fontSize
  }
  set fontSize(v: number) {
    checkNumber('set_fontSize', 'fontSize', v)
    const old = { f: this._fontSize, w: this._w, h: this._h }
    this._fontSize = v
    this._relayout()
    this.host.recordProp(this, ['fontSize'], () => {
      this._fontSize = old.f
      this._w = old.w
      this._h = old.h
    })
  }
  /**
   * The box grows with the text (textAutoResize WIDTH_AND_HEIGHT, the default: :11027-11035):
   * width and height from the bundled font's advance widths and line height (font/glyphs.ts).
   */
  _relayout(): void {
    const l = layoutText(INTER_REGULAR, this._characters, this._fontSize)
    this._w = l.width
    this._h = l.height
  }
  /**
   * plugin-api.d.ts:8964-8966 (GeometryMixin, which TextNode has through DefaultShapeMixin,
   * :11002-11009): the glyphs' outlines in the node's box, from one bundled open font
   * (Inter Regular, whatever `fontName` says: font/glyphs.ts). Empty when nothing draws.
   */
  get fillGeometry(): VectorPaths {
    const key = `${this._fontSize}|${this._characters}`
    if (this._geometryKey !== key) {
      const { data } = layoutText(INTER_REGULAR, this._characters, this._fontSize)
      this._geometry = deepFreeze(data === '' ? [] : [{ windingRule: 'NONZERO' as const, data }])
      this._geometryKey = key
    }
    return this._geometry
  }
  _geometryKey = ''
  _geometry: VectorPaths = deepFreeze([])
  get characters(): string {
    return this._characters
  }
  /**
   * Fonts are not enforced: `loadFontAsync` resolves and writes always succeed (simplification;
   * real Figma throws for an unloaded font). The size follows textAutoResize WIDTH_AND_HEIGHT
   * with the bundled font's metrics (`_relayout`).
   */
  set characters(v: string) {
    if (typeof v !== 'string') throw typeError('set_characters', 'characters', 'string', v)
    const old = { c: this._characters, n: this._name, w: this._w, h: this._h }
    this._characters = v
    if (this._autoRename) this._name = v
    this._relayout()
    this.host.recordProp(this, ['characters'], () => {
      this._characters = old.c
      this._name = old.n
      this._w = old.w
      this._h = old.h
    })
  }
  _copy(): TextFake {
    const n = new TextFake(this.host, this.host.newId())
    this._copyInto(n)
    n._characters = this._characters
    n._autoRename = this._autoRename
    n._fontName = this._fontName
    n._fontSize = this._fontSize
    return n
  }
}

export class FrameFake extends GeometryBase {
  readonly type: 'FRAME' | 'COMPONENT' | 'INSTANCE' = 'FRAME'
  _children: SceneFake[] = []
  _clipsContent = true
  constructor(host: Host, id: string, type: 'FRAME' | 'COMPONENT' | 'INSTANCE' = 'FRAME') {
    super(host, id, type === 'FRAME' ? 'Frame' : 'Component')
    this.type = type
    // plugin-api.d.ts:1073 "By default, the new node has a white background" (frames);
    // plugin-api.d.ts:1094 components: "width and height both at 100" (no fill mentioned: none).
    this._fills = type === 'FRAME' ? validatePaints('createFrame', 'fills', [WHITE_FILL]) : deepFreeze([])
  }
  get clipsContent(): boolean {
    return this._clipsContent
  }
  set clipsContent(v: boolean) {
    const old = this._clipsContent
    this._clipsContent = !!v
    this.host.recordProp(this, ['clipsContent'], () => {
      this._clipsContent = old
    })
  }
  _copy(): FrameFake {
    const n = new FrameFake(this.host, this.host.newId(), this.type)
    this._copyInto(n)
    n._clipsContent = this._clipsContent
    for (const c of this._children) rawInsert(n, c._copy(), n._children.length)
    return n
  }
}
export interface FrameFake extends ContainerMethods {}
mixContainer(FrameFake)

/**
 * GROUP: its bounds are derived from its children (plugin-api.d.ts:7360-7366: groups resize to fit
 * their children and are not container parents). A group has its own axes, which start upright
 * (figma.group) and turn when the group is rotated or flipped (GroupNode has LayoutMixin.rotation,
 * plugin-api.d.ts:10835, :7408): `_a _b _c _d` hold them, and the group's box is its children's
 * box measured along those axes; its translation and size always follow from the children.
 * Setting x/y moves the children; setting `rotation` or `relativeTransform` turns or flips them
 * with the group about its top-left corner ("The rotation is with respect to the top-left of the
 * object", plugin-api.d.ts:7412). Skewing or resizing a group is not supported by the fake.
 */
export class GroupFake extends SceneBase {
  readonly type: 'GROUP' | 'BOOLEAN_OPERATION' = 'GROUP'
  _children: SceneFake[] = []
  constructor(host: Host, id: string) {
    super(host, id, 'Group')
  }
  _upright(): boolean {
    return this._a === 1 && this._b === 0 && this._c === 0 && this._d === 1
  }
  /** The children's box along the group's own axes (container coordinates turned back by them). */
  _ownBox(): Box | null {
    let b: Box | null = null
    if (this._upright()) {
      for (const c of this._children) b = union(b, c._boxInContainer())
      return b
    }
    const back = invert([this._a, this._b, 0, this._c, this._d, 0])
    for (const c of this._children) {
      if (c instanceof GroupFake && !c._ownBox()) continue // empty (transient, see groupNodes)
      const [w, h] = c._size()
      b = union(b, boxOf(mul(back, c._rt()), w, h))
    }
    return b
  }
  _absBox(): Box | null {
    return this._ownBox() ? super._absBox() : null
  }
  _boxInContainer(): Box | null {
    const b = this._ownBox()
    return b ? boxOf(this._rt(), b.x1 - b.x0, b.y1 - b.y0) : null
  }
  _rt(): M {
    const b = this._ownBox()
    if (!b) return IDENTITY.slice() as M
    return [this._a, this._b, this._a * b.x0 + this._b * b.y0, this._c, this._d, this._c * b.x0 + this._d * b.y0]
  }
  _size(): [number, number] {
    const b = this._ownBox()
    return b ? [b.x1 - b.x0, b.y1 - b.y0] : [0, 0]
  }
  get x(): number {
    return this._rt()[2]
  }
  set x(v: number) {
    checkNumber('set_x', 'x', v)
    this._shift(v - this.x, 0, ['x'])
  }
  get y(): number {
    return this._rt()[5]
  }
  set y(v: number) {
    checkNumber('set_y', 'y', v)
    this._shift(0, v - this.y, ['y'])
  }
  get width(): number {
    return this._size()[0]
  }
  get height(): number {
    return this._size()[1]
  }
  get rotation(): number {
    // + 0: an upright node reads 0, not -0 (atan2(-0, 1)).
    return (Math.atan2(-this._c, this._a) * 180) / Math.PI + 0
  }
  set rotation(deg: number) {
    checkNumber('set_rotation', 'rotation', deg)
    const r = (deg * Math.PI) / 180
    const cos = Math.cos(r)
    const sin = Math.sin(r)
    const rt = this._rt()
    this._turn([cos, sin, rt[2], -sin, cos, rt[5]], ['rotation', 'relativeTransform'])
  }
  get relativeTransform(): Transform {
    return toTransform(this._rt())
  }
  set relativeTransform(t: Transform) {
    if (!Array.isArray(t) || t.length !== 2 || !Array.isArray(t[0]) || !Array.isArray(t[1])) {
      throw typeError('set_relativeTransform', 'relativeTransform', 'Transform', t)
    }
    const m = [t[0][0], t[0][1], t[0][2], t[1][0], t[1][1], t[1][2]] as M
    m.forEach((v, i) => checkNumber('set_relativeTransform', `relativeTransform[${i}]`, v))
    // Unit, perpendicular axes: a turn or a flip. A group's size comes from its children, so a
    // scale or skew would have to reshape them, which the fake does not model.
    const unit = (x: number, y: number) => Math.abs(Math.hypot(x, y) - 1) < 1e-6
    if (!unit(m[0], m[3]) || !unit(m[1], m[4]) || Math.abs(m[0] * m[1] + m[3] * m[4]) > 1e-6) {
      throw new Error('in set_relativeTransform: scaling/skewing a GROUP is not supported by the fake')
    }
    this._turn(m, ['relativeTransform'])
  }
  resize(_w: number, _h: number): void {
    throw new Error('in resize: resizing a GROUP is not supported by the fake')
  }
  /** Moves the group to transform `to`, carrying its descendants (their transforms are in the container). */
  _turn(to: M, props: NodeChangeProperty[]): void {
    const move = mul(to, invert(this._rt()))
    const saved: [SceneBase, M][] = []
    const carry = (n: SceneFake): void => {
      saved.push([n, [n._a, n._b, n._tx, n._c, n._d, n._ty]])
      if (n instanceof GroupFake) {
        const g = mul(move, [n._a, n._b, 0, n._c, n._d, 0])
        n._a = g[0]
        n._b = g[1]
        n._c = g[3]
        n._d = g[4]
        for (const c of n._children) carry(c)
      } else {
        const m = mul(move, n._rt())
        n._a = m[0]
        n._b = m[1]
        n._tx = m[2]
        n._c = m[3]
        n._d = m[4]
        n._ty = m[5]
      }
    }
    carry(this)
    this.host.recordProp(this, props, () => {
      for (const [n, m] of saved) {
        n._a = m[0]
        n._b = m[1]
        n._tx = m[2]
        n._c = m[3]
        n._d = m[4]
        n._ty = m[5]
      }
    })
  }
  _shift(dx: number, dy: number, props: NodeChangeProperty[]): void {
    if (!dx && !dy) return
    const move = (n: SceneFake, sx: number, sy: number): void => {
      if (n instanceof GroupFake) for (const c of n._children) move(c, sx, sy)
      else {
        n._tx += sx
        n._ty += sy
      }
    }
    move(this, dx, dy)
    this.host.recordProp(this, props, () => move(this, -dx, -dy))
  }
  _copy(): GroupFake {
    const n = new GroupFake(this.host, this.host.newId())
    this._copyInto(n)
    for (const c of this._children) rawInsert(n, c._copy(), n._children.length)
    return n
  }
}
export interface GroupFake extends ContainerMethods {}
mixContainer(GroupFake)

/** Used by figma.group: creates the group under `parent` and moves `nodes` in, keeping their absolute position. */
export function groupNodes(host: Host, nodes: readonly SceneFake[], parent: ParentFake, index?: number): GroupFake {
  // plugin-api.d.ts:1861 "This list must be non-empty as Figma does not support empty groups."
  if (!nodes || nodes.length === 0) throw new Error('in group: First argument must be an array of at least one node')
  for (const n of nodes) {
    if (!(n instanceof SceneBase)) throw new Error('in group: Expected scene nodes')
    if (n.removed) throw new Error(`in group: The node with id "${n.id}" does not exist`)
  }
  if (parent.type === 'DOCUMENT') throw new Error('in group: the parent must not be the document')
  const container = parent.type === 'GROUP' || parent.type === 'BOOLEAN_OPERATION' ? (parent as GroupFake)._container : parent
  const cAbs = container instanceof SceneBase ? container._abs() : IDENTITY
  const inv = invert(cAbs)
  const absolutes = nodes.map((n) => n._abs())
  const group = new GroupFake(host, host.newId())
  const list = (parent as ContainerMethods)._children
  const at = index === undefined ? list.length : index
  if (at < 0 || at > list.length) throw new Error(`in group: index ${at} is out of range`)
  // The group is attached first (empty groups are transient here), then the nodes move in.
  rawInsert(parent, group, at)
  host.recordAttach(group)
  nodes.forEach((n, i) => {
    insertScene(group, group._children.length, n, 'group')
    n._setRt(mul(inv, absolutes[i]), ['relativeTransform'])
  })
  return group
}

/** Factory used by figma.create*: nodes start on `page` (plugin-api.d.ts:915 "parented under figma.currentPage"). */
export function createOn<T extends SceneFake>(page: PageFake, node: T): T {
  rawInsert(page, node, page._children.length)
  node.host.recordAttach(node)
  return node
}

/** Internal attach for undo/redo of creations. */
export const internals = { rawDetach, rawInsert }
