/**
 * COMPONENT and INSTANCE (plugin-api.d.ts:11200-11320). A main component lives anywhere in the
 * document (usually outside the pattern); each instance holds sublayers mirrored from it.
 *
 * How the fake mirrors: an instance's sublayers are copies of the main component's children,
 * each remembering its source and the values last copied from it. Whenever the document has
 * changed since (`host.mutations`, undo included), reading the instance or a sublayer re-syncs:
 * a field whose value is still the one last copied follows the main component; a field changed
 * on the sublayer is an override and stays (plugin-api.d.ts:11301 `overrides`). Sublayers added
 * to or removed from the main component appear and disappear in every instance. These updates
 * are not reported as changes (FIGMA.md: "instance sublayers updated from a main component").
 * Sublayer ids are `I<instance id>;<main's sublayer id>`, the form Figma gives instance
 * sublayers (not in the typings; the fake's README says so).
 */
import { FrameFake, internals, type BaseFake, type Host, type SceneFake } from './nodes'

/** Fields that are structure, identity or plugin data, never mirrored. */
const NEVER = new Set(['_parent', '_children', '_kids', '_attached', '_pd', '_spd', '_relaunch', '_main', '_synced', '_source', '_syncedAt', '_inInstance', '_syncRoot'])
/** The instance's own position is its own (:7350 relative to its container parent). */
const ROOT_OWN = new Set(['_a', '_b', '_c', '_d', '_tx', '_ty'])

type Fields = Record<string, unknown>
interface Linked {
  _source: BaseFake | null
  _synced: Fields
}

function linked(n: BaseFake): BaseFake & Linked {
  return n as BaseFake & Linked
}

function kidsOf(n: BaseFake): SceneFake[] | undefined {
  return (n as unknown as { _children?: SceneFake[] })._children
}

/** Copies what is not overridden from `src` into `dst` (three-way: dst, last copied, src). */
function syncFields(dst: BaseFake, src: BaseFake, skip: Set<string> | null): void {
  const d = dst as unknown as Fields
  const s = src as unknown as Fields
  const synced = linked(dst)._synced
  for (const key of Object.keys(src)) {
    if (key[0] !== '_' || NEVER.has(key) || (skip && skip.has(key))) continue
    if (!(key in synced) || d[key] === synced[key]) d[key] = s[key]
    synced[key] = s[key]
  }
}

/** The overridden fields of one node, as NodeChangeProperty names. */
function overriddenFields(n: BaseFake): NodeChangeProperty[] {
  const d = n as unknown as Fields
  const synced = linked(n)._synced
  const out = new Set<string>()
  for (const key of Object.keys(synced)) {
    if (d[key] === synced[key]) continue
    if (ROOT_OWN.has(key)) out.add('relativeTransform')
    else if (key === '_w') out.add('width')
    else if (key === '_h') out.add('height')
    else if (key === '_vectorPaths') out.add('vectorNetwork')
    else out.add(key.slice(1))
  }
  return Array.from(out) as NodeChangeProperty[]
}

export class InstanceFake extends FrameFake {
  _main: ComponentFake
  _kids: SceneFake[] = []
  _syncedAt = -1
  _source: BaseFake | null = null
  _synced: Fields = {}
  constructor(host: Host, id: string, main: ComponentFake) {
    super(host, id, 'INSTANCE')
    this._main = main
    this._name = main._name
    // `_children` reads through the mirror: every reader (children, find*, export) sees it synced.
    Object.defineProperty(this, '_children', {
      get: () => {
        this._sync()
        return this._kids
      },
      set: (v: SceneFake[]) => {
        this._kids = v
      },
      configurable: true,
    })
    this._syncRoot = this
  }

  _sync(): void {
    const v = this.host.mutations
    if (this._syncedAt === v) return
    this._syncedAt = v
    syncFields(this, this._main, this._source ? null : ROOT_OWN)
    syncChildren(this, this._kids, kidsOf(this._main) ?? [], this)
  }

  /** plugin-api.d.ts:11256 (dynamic-page: the async getter). */
  getMainComponentAsync(): Promise<ComponentFake | null> {
    return Promise.resolve(this._main)
  }
  /** plugin-api.d.ts:11260 "If the plugin manifest contains "documentAccess": "dynamic-page", this property is write-only." */
  get mainComponent(): ComponentFake | null {
    throw new Error('in get_mainComponent: Cannot call with documentAccess: dynamic-page. Use node.getMainComponentAsync instead.')
  }
  /** plugin-api.d.ts:11262, :11268: assigning sets the main component directly "and clears all overrides". */
  set mainComponent(c: ComponentFake | null) {
    if (!(c instanceof ComponentFake)) throw new Error('in set_mainComponent: Expected a component')
    const old = { main: this._main, kids: this._kids, synced: this._synced }
    for (const k of this._kids) k._parent = null
    this._main = c
    this._kids = []
    this._synced = {}
    this._syncedAt = -1
    this.host.recordProp(this, ['mainComponent' as NodeChangeProperty], () => {
      this._main = old.main
      this._kids = old.kids
      this._synced = old.synced
      for (const k of old.kids) k._parent = this as unknown as FrameFake
      this._syncedAt = -1
    })
  }

  /** plugin-api.d.ts:11303: the directly overridden fields, per node (the instance itself included). */
  get overrides(): { id: string; overriddenFields: NodeChangeProperty[] }[] {
    this._sync()
    const out: { id: string; overriddenFields: NodeChangeProperty[] }[] = []
    const walk = (n: BaseFake): void => {
      const fields = overriddenFields(n)
      if (fields.length > 0) out.push({ id: n.id, overriddenFields: fields })
      if (n !== (this as unknown as BaseFake) && n instanceof InstanceFake) return
      for (const c of kidsOf(n) ?? []) walk(c)
    }
    walk(this as unknown as BaseFake)
    return out
  }

  /** plugin-api.d.ts:11313 removeOverrides: every field back to the main component's (one undo step). */
  removeOverrides(): void {
    this._sync()
    const saved: [BaseFake, Fields][] = []
    const walk = (n: BaseFake): void => {
      const synced = linked(n)._synced
      const d = n as unknown as Fields
      const before: Fields = {}
      for (const key of Object.keys(synced)) {
        if (d[key] !== synced[key]) {
          before[key] = d[key]
          d[key] = synced[key]
        }
      }
      saved.push([n, before])
      if (n !== (this as unknown as BaseFake) && n instanceof InstanceFake) return
      for (const c of kidsOf(n) ?? []) walk(c)
    }
    walk(this as unknown as BaseFake)
    this.host.recordProp(this, ['overrides' as NodeChangeProperty], () => {
      for (const [n, before] of saved) Object.assign(n, before)
    })
  }
  resetOverrides(): void {
    this.removeOverrides()
  }

  /**
   * plugin-api.d.ts:11283 detachInstance: "Returns the frame node that results from detaching the
   * instance": a frame in its place, with what the instance showed (overrides included), new ids.
   */
  detachInstance(): FrameFake {
    this._sync()
    const frame = new FrameFake(this.host, this.host.newId(), 'FRAME')
    this._copyInto(frame)
    frame._clipsContent = this._clipsContent
    for (const c of this._kids) internals.rawInsert(frame, unlink(c._copy()), frame._children.length)
    const parent = this._parent as unknown as FrameFake
    const index = parent._children.indexOf(this as unknown as SceneFake)
    parent.insertChild(index, frame as unknown as SceneFake)
    this.remove()
    return frame
  }

  /** plugin-api.d.ts:11250 clone: "The new instance has the same main component" (overrides kept). */
  _copy(): InstanceFake {
    this._sync()
    const n = new InstanceFake(this.host, this.host.newId(), this._main)
    this._copyInto(n)
    n._synced = { ...this._synced }
    n._sync()
    const pair = (a: SceneFake[], b: SceneFake[]): void => {
      a.forEach((x, i) => {
        const y = b[i]
        if (!y) return
        for (const key of Object.keys(linked(x)._synced)) (y as unknown as Fields)[key] = (x as unknown as Fields)[key]
        linked(y)._synced = { ...linked(x)._synced }
        if (!(x instanceof InstanceFake)) pair(kidsOf(x) ?? [], kidsOf(y) ?? [])
      })
    }
    pair(this._kids, n._kids)
    return n
  }
}

/** A sublayer copied out of the mirror (detach): an ordinary node from then on. */
function unlink(n: SceneFake): SceneFake {
  const walk = (x: BaseFake): void => {
    x._inInstance = false
    x._syncRoot = null
    for (const c of kidsOf(x) ?? []) walk(c)
  }
  walk(n)
  return n
}

/** Brings `dst` (an instance or a sublayer container) in line with the main component's `src` list. */
function syncChildren(parent: BaseFake, dst: SceneFake[], src: readonly SceneFake[], root: InstanceFake): void {
  const bySource = new Map<BaseFake, SceneFake>()
  for (const d of dst) {
    const s = linked(d)._source
    if (s) bySource.set(s, d)
  }
  const next: SceneFake[] = []
  for (const s of src) {
    let d = bySource.get(s)
    if (d) {
      bySource.delete(s)
      syncFields(d, s, null)
    } else d = copyLinked(s, root)
    d._parent = parent as unknown as FrameFake
    d._attached = true
    next.push(d)
    if (!(d instanceof InstanceFake)) {
      const dk = kidsOf(d)
      const sk = kidsOf(s)
      if (dk && sk) syncChildren(d, dk, sk, root)
    }
  }
  for (const gone of bySource.values()) gone._parent = null
  dst.splice(0, dst.length, ...next)
}

/** A new sublayer for `src` (and its subtree), with Figma-style ids `I<instance>;<source>`. */
function copyLinked(src: SceneFake, root: InstanceFake): SceneFake {
  const ids: string[] = []
  const collect = (n: BaseFake): void => {
    ids.push(`I${root.id};${n.id}`)
    if (n instanceof InstanceFake) return
    for (const c of kidsOf(n) ?? []) collect(c)
  }
  collect(src)
  const host = root.host as Host & { newId: () => string }
  const own = Object.getOwnPropertyDescriptor(host, 'newId')
  let k = 0
  const fallback = host.newId.bind(host)
  host.newId = () => (k < ids.length ? ids[k++]! : fallback())
  let copy: SceneFake
  try {
    copy = src._copy()
  } finally {
    if (own) Object.defineProperty(host, 'newId', own)
    else delete (host as { newId?: unknown }).newId
  }
  const link = (d: BaseFake, s: BaseFake): void => {
    const l = linked(d)
    l._source = s
    l._synced = {}
    for (const key of Object.keys(s)) if (key[0] === '_' && !NEVER.has(key)) l._synced[key] = (s as unknown as Fields)[key]
    d._inInstance = true
    d._syncRoot = root
    d._attached = true
    if (d instanceof InstanceFake) return
    const dk = kidsOf(d) ?? []
    const sk = kidsOf(s) ?? []
    dk.forEach((c, i) => sk[i] && link(c, sk[i]!))
  }
  link(copy, src)
  return copy
}

/** plugin-api.d.ts:11200-11230: a frame that makes instances (no fill by default, :1094). */
export class ComponentFake extends FrameFake {
  constructor(host: Host, id: string) {
    super(host, id, 'COMPONENT')
  }
  /** plugin-api.d.ts:11213 "By default, the instance will be parented under figma.currentPage". */
  createInstance(): InstanceFake {
    const inst = new InstanceFake(this.host, this.host.newId(), this)
    const page = this.host.clonePage()
    internals.rawInsert(page, inst as unknown as SceneFake, page._children.length)
    this.host.recordAttach(inst as unknown as SceneFake)
    return inst
  }
  /** plugin-api.d.ts:11205 "a **new** component with no instances of it". */
  _copy(): ComponentFake {
    const n = new ComponentFake(this.host, this.host.newId())
    this._copyInto(n)
    n._clipsContent = this._clipsContent
    for (const c of this._children) internals.rawInsert(n, c._copy(), n._children.length)
    return n
  }
  /** plugin-api.d.ts:11222 getInstancesAsync: every instance in the document. */
  getInstancesAsync(): Promise<InstanceFake[]> {
    const out: InstanceFake[] = []
    const walk = (n: BaseFake): void => {
      if (n instanceof InstanceFake && n._main === (this as unknown as ComponentFake)) out.push(n)
      for (const c of kidsOf(n) ?? []) walk(c)
    }
    let doc: BaseFake | null = this as unknown as BaseFake
    while (doc && doc._parent) doc = doc._parent
    if (doc) walk(doc)
    return Promise.resolve(out)
  }
}
