/**
 * The layer kinds real patterns are made of, beyond rectangles, ellipses, vectors, text and
 * frames: LINE, POLYGON, STAR, BOOLEAN_OPERATION, COMPONENT and INSTANCE; and `strokeGeometry`
 * on every shape. Kept apart from nodes.ts so the rest of the fake reads as before.
 * Citations: plugin-api.d.ts:<line> of @figma/plugin-typings 1.142.0.
 */
import { booleanRegion, fillRegion, polygonPath, ringsPath, starPath, strokeOutline } from './geometry'
import {
  BLACK_FILL,
  DEFAULT_SHAPE_FILL,
  FrameFake,
  GeometryBase,
  GroupFake,
  SceneBase,
  ellipsePath,
  internals,
  invert,
  validatePaints,
  type BaseFake,
  type Host,
  type SceneFake,
} from './nodes'
import { deepFreeze, mulAffine as mul } from './util'
import type { MultiPolygon } from 'polygon-clipping'

export type KindFake = LineFake | PolygonFake | StarFake | BooleanOperationFake | ComponentFake | InstanceFake

function fmt(n: number): string {
  return String(Math.round(n * 10000) / 10000)
}

function checkCount(where: string, v: unknown): number {
  // plugin-api.d.ts:10955, :10976 "Must be an integer >= 3."
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 3) throw new Error(`in ${where}: Expected "pointCount" to be an integer >= 3`)
  return v
}

/** The fill outline of any shape the fake knows, in its own coordinates. */
function ownFillGeometry(n: SceneFake): VectorPaths {
  return 'fillGeometry' in n ? (n.fillGeometry as VectorPaths) : []
}

/**
 * plugin-api.d.ts:8762-8766 strokeGeometry, "always from the center regardless of the nodes
 * strokeAlign": empty without a visible stroke; otherwise the band around the fill outline
 * (a vector's open paths, windingRule NONE, included; a line: its length).
 */
export function strokeGeometryOf(n: GeometryBase | BooleanOperationFake): VectorPaths {
  if (!n._strokes.some((p) => p.visible !== false) || !(n._strokeWeight > 0)) return deepFreeze([])
  let paths: { data: string; open?: boolean }[]
  if (n.type === 'LINE') paths = [{ data: `M 0 0 L ${fmt(n._w)} 0`, open: true }]
  else if (n.type === 'VECTOR') paths = (n as unknown as { _vectorPaths: VectorPaths })._vectorPaths.map((p) => ({ data: p.data, open: p.windingRule === 'NONE' }))
  else paths = ownFillGeometry(n as SceneFake).map((p) => ({ data: p.data }))
  const data = strokeOutline(paths, n._strokeWeight)
  return deepFreeze(data === '' ? [] : [{ windingRule: 'NONZERO', data }])
}

// plugin-api.d.ts:8766 strokeGeometry is on every shape (MinimalStrokesMixin): rectangles,
// ellipses, vectors, text and frames get it here, without touching nodes.ts.
Object.defineProperty(GeometryBase.prototype, 'strokeGeometry', {
  get(this: GeometryBase) {
    return strokeGeometryOf(this)
  },
  configurable: true,
})

// ---------------------------------------------------------------- LINE, POLYGON, STAR

/** plugin-api.d.ts:940-955: "100 in width, has a black stroke, with weight 1"; height 0, no fill (:10904). */
export class LineFake extends GeometryBase {
  readonly type = 'LINE' as const
  constructor(host: Host, id: string) {
    super(host, id, 'Line')
    this._h = 0
    this._strokes = validatePaints('createLine', 'strokes', [BLACK_FILL])
    this._strokeAlign = 'CENTER'
  }
  /** A line has no fill region (it is 0 high). */
  get fillGeometry(): VectorPaths {
    return deepFreeze([])
  }
  /** plugin-api.d.ts:945 `line.resize(200, 0)`: a line keeps height 0. */
  resize(width: number, height: number): void {
    if (height !== 0) throw new Error('in resize: a LINE has height 0 (the fake does not model other heights)')
    if (!(width >= 0.01)) throw new Error('in resize: width must be >= 0.01')
    const old = this._w
    if (old === width) return
    this._w = width
    this.host.recordProp(this, ['width'], () => {
      this._w = old
    })
  }
  _copy(): LineFake {
    const n = new LineFake(this.host, this.host.newId())
    this._copyInto(n)
    return n
  }
}

/** plugin-api.d.ts:985-1005 createPolygon (a triangle by default, pointCount 3), :10936-10956. */
export class PolygonFake extends GeometryBase {
  readonly type = 'POLYGON' as const
  _pointCount = 3
  constructor(host: Host, id: string) {
    super(host, id, 'Polygon')
    this._fills = validatePaints('createPolygon', 'fills', [DEFAULT_SHAPE_FILL])
  }
  get pointCount(): number {
    return this._pointCount
  }
  set pointCount(v: number) {
    const old = this._pointCount
    this._pointCount = checkCount('set_pointCount', v)
    this.host.recordProp(this, ['pointCount'], () => {
      this._pointCount = old
    })
  }
  get fillGeometry(): VectorPaths {
    return deepFreeze([{ windingRule: 'NONZERO', data: polygonPath(this._pointCount, this._w, this._h) }])
  }
  _copy(): PolygonFake {
    const n = new PolygonFake(this.host, this.host.newId())
    this._copyInto(n)
    n._pointCount = this._pointCount
    return n
  }
}

/** plugin-api.d.ts:1010-1033 createStar (5 points), :10957-10982 pointCount and innerRadius (0..1). */
export class StarFake extends GeometryBase {
  readonly type = 'STAR' as const
  _pointCount = 5
  _innerRadius = 0.382
  constructor(host: Host, id: string) {
    super(host, id, 'Star')
    this._fills = validatePaints('createStar', 'fills', [DEFAULT_SHAPE_FILL])
  }
  get pointCount(): number {
    return this._pointCount
  }
  set pointCount(v: number) {
    const old = this._pointCount
    this._pointCount = checkCount('set_pointCount', v)
    this.host.recordProp(this, ['pointCount'], () => {
      this._pointCount = old
    })
  }
  get innerRadius(): number {
    return this._innerRadius
  }
  set innerRadius(v: number) {
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new Error('in set_innerRadius: Expected "innerRadius" to be between 0 and 1')
    const old = this._innerRadius
    this._innerRadius = v
    this.host.recordProp(this, ['innerRadius'], () => {
      this._innerRadius = old
    })
  }
  get fillGeometry(): VectorPaths {
    return deepFreeze([{ windingRule: 'NONZERO', data: starPath(this._pointCount, this._innerRadius, this._w, this._h) }])
  }
  _copy(): StarFake {
    const n = new StarFake(this.host, this.host.newId())
    this._copyInto(n)
    n._pointCount = this._pointCount
    n._innerRadius = this._innerRadius
    return n
  }
}

// ---------------------------------------------------------------- BOOLEAN_OPERATION

/**
 * plugin-api.d.ts:11342-11361: a shape (fills, strokes) whose children are its operands. Like a
 * group it is no container parent and fits its children (:7350-7372), so it extends GroupFake.
 * It paints its result: `fillGeometry` is the operation over the operands' fill regions (their
 * own fills and strokes are not painted). Its box is its operands' box (Figma's is the result's:
 * smaller after INTERSECT or SUBTRACT; the fake does not shrink it).
 */
export class BooleanOperationFake extends GroupFake {
  _fills: readonly Paint[]
  _strokes: readonly Paint[] = deepFreeze([])
  _strokeWeight = 1
  _strokeAlign: 'CENTER' | 'INSIDE' | 'OUTSIDE' = 'INSIDE'
  _booleanOperation: 'UNION' | 'INTERSECT' | 'SUBTRACT' | 'EXCLUDE' = 'UNION'
  constructor(host: Host, id: string, op: BooleanOperationFake['_booleanOperation'], fills: readonly Paint[]) {
    super(host, id)
    ;(this as { type: string }).type = 'BOOLEAN_OPERATION'
    this._name = op.charAt(0) + op.slice(1).toLowerCase()
    this._booleanOperation = op
    this._fills = fills
  }
  get booleanOperation(): BooleanOperationFake['_booleanOperation'] {
    return this._booleanOperation
  }
  set booleanOperation(v: BooleanOperationFake['_booleanOperation']) {
    if (v !== 'UNION' && v !== 'INTERSECT' && v !== 'SUBTRACT' && v !== 'EXCLUDE') throw new Error('in set_booleanOperation: Expected one of UNION, INTERSECT, SUBTRACT, EXCLUDE')
    const old = this._booleanOperation
    this._booleanOperation = v
    this.host.recordProp(this, ['booleanOperation'], () => {
      this._booleanOperation = old
    })
  }
  /** The result, relative to the node (plugin-api.d.ts:8966). */
  get fillGeometry(): VectorPaths {
    const toSelf = invert(this._abs())
    // Clipping is the fake's costliest work (milliseconds per boolean in V8, ×13 in QuickJS):
    // the same operands in the same place relative to the boolean give the same result.
    const key = this._booleanOperation + '|' + this._children.map((c) => operandKey(c, toSelf)).join('|')
    let data = booleanMemo.get(key)
    if (data === undefined) {
      const operands = this._children.map((c) => operandRegion(c, toSelf))
      data = ringsPath(booleanRegion(this._booleanOperation, operands).flat())
      if (booleanMemo.size > 2000) booleanMemo.clear()
      booleanMemo.set(key, data)
    }
    return deepFreeze(data === '' ? [] : [{ windingRule: 'NONZERO', data }])
  }
  get strokeGeometry(): VectorPaths {
    return strokeGeometryOf(this)
  }
  _copy(): BooleanOperationFake {
    const n = new BooleanOperationFake(this.host, this.host.newId(), this._booleanOperation, this._fills)
    this._copyInto(n)
    n._strokes = this._strokes
    n._strokeWeight = this._strokeWeight
    n._strokeAlign = this._strokeAlign
    for (const c of this._children) internals.rawInsert(n, c._copy(), n._children.length)
    return n
  }
}
// Fills and strokes as on any shape (the accessors of GeometryBase, shared, not copied by hand).
for (const name of ['fills', 'strokes', 'strokeWeight', 'strokeAlign', 'setFillsAsync', 'setStrokesAsync']) {
  Object.defineProperty(BooleanOperationFake.prototype, name, Object.getOwnPropertyDescriptor(GeometryBase.prototype, name)!)
}

/** Results by operands (a pure function's memo, shared by every world: the key is the whole input). */
const booleanMemo = new Map<string, string>()

/** Everything operandRegion reads of an operand, as text. */
function operandKey(n: SceneFake, toSelf: [number, number, number, number, number, number]): string {
  if (!n._visible) return '-'
  if (n.type === 'GROUP') return '[' + n._children.map((c) => operandKey(c, toSelf)).join(',') + ']'
  const m = mul(toSelf, n._abs())
  const geometry = n.type === 'VECTOR' ? n._vectorPaths.map((p) => p.windingRule + p.data).join(';') : n.type === 'RECTANGLE' || n.type === 'FRAME' || n.type === 'ELLIPSE' ? '' : ownFillGeometry(n).map((p) => p.windingRule + p.data).join(';')
  return `${n.type}:${m.join(',')}:${n._w}x${n._h}:${geometry}`
}

/** An operand's region in the boolean's coordinates: its fill outline, or its descendants' for a group. */
function operandRegion(n: SceneFake, toSelf: [number, number, number, number, number, number]): MultiPolygon {
  if (!n._visible) return []
  if (n.type === 'GROUP') {
    const parts: MultiPolygon[] = n._children.map((c) => operandRegion(c, toSelf)).filter((r) => r.length > 0)
    return parts.length === 0 ? [] : booleanRegion('UNION', parts)
  }
  const m = mul(toSelf, n._abs())
  if (n.type === 'RECTANGLE' || n.type === 'FRAME') return fillRegion([{ windingRule: 'NONZERO', data: `M 0 0 L ${n._w} 0 L ${n._w} ${n._h} L 0 ${n._h} Z` }], m)
  if (n.type === 'ELLIPSE') return fillRegion([{ windingRule: 'NONZERO', data: ellipsePath(n._w, n._h) }], m)
  if (n.type === 'VECTOR') return fillRegion(n._vectorPaths, m)
  return fillRegion(ownFillGeometry(n), m)
}

/** figma.union / subtract / intersect / exclude (plugin-api.d.ts:1919-1950): "the same as in group". */
export function booleanNodes(host: Host, op: BooleanOperationFake['_booleanOperation'], nodes: readonly SceneFake[], parent: BaseFake, index?: number): BooleanOperationFake {
  if (!nodes || nodes.length === 0) throw new Error(`in ${op.toLowerCase()}: First argument must be an array of at least one node`)
  const first = nodes[0]!
  // Figma gives the result the first operand's fills (what the editor does; not in the typings).
  const fills = 'fills' in first && Array.isArray(first.fills) ? (first.fills as readonly Paint[]) : deepFreeze([])
  const b = new BooleanOperationFake(host, host.newId(), op, fills)
  const container = parent.type === 'GROUP' || parent.type === 'BOOLEAN_OPERATION' ? (parent as GroupFake)._container : parent
  const inv = container instanceof SceneBase ? invert(container._abs()) : ([1, 0, 0, 0, 1, 0] as [number, number, number, number, number, number])
  const absolutes = nodes.map((n) => n._abs())
  const list = (parent as unknown as { _children: SceneFake[] })._children
  const at = index === undefined ? list.length : index
  if (at < 0 || at > list.length) throw new Error(`in ${op.toLowerCase()}: index ${at} is out of range`)
  internals.rawInsert(parent as GroupFake, b, at)
  host.recordAttach(b)
  nodes.forEach((n, i) => {
    b.appendChild(n)
    n._setRt(mul(inv, absolutes[i]!), ['relativeTransform'])
  })
  return b
}

// COMPONENT and INSTANCE live in instance.ts.
export { ComponentFake, InstanceFake } from './instance'
import type { ComponentFake, InstanceFake } from './instance'
