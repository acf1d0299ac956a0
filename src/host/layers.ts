/**
 * What a layer is to Loomprint: a tracked pattern, a layer inside one, or a layer
 * that could become one. Reads plugin data only; never writes.
 */
import type { LayerInfo, LayerState } from '../messages'
import { parseRecord, RECORD_KEY } from '../provenance/record'

/**
 * Layer types that can hold a pattern: containers and shapes (an image fill is a
 * shape's fill). Slices, sections, connectors and FigJam objects cannot.
 */
const PATTERN_TYPES = new Set<string>([
  'FRAME',
  'GROUP',
  'COMPONENT',
  'COMPONENT_SET',
  'INSTANCE',
  'RECTANGLE',
  'ELLIPSE',
  'POLYGON',
  'STAR',
  'VECTOR',
  'LINE',
  'BOOLEAN_OPERATION',
  'TEXT',
])

export function isPatternType(node: BaseNode): node is SceneNode {
  return PATTERN_TYPES.has(node.type)
}

export function recordStateOf(node: BaseNode): 'tracked' | 'invalid' | null {
  const raw = node.getPluginData(RECORD_KEY)
  if (raw === '') return null
  return parseRecord(raw).ok ? 'tracked' : 'invalid'
}

/** The nearest ancestor that carries a record (valid or not), if any. */
export function enclosingPattern(node: BaseNode): BaseNode | null {
  for (let parent = node.parent; parent && parent.type !== 'PAGE' && parent.type !== 'DOCUMENT'; parent = parent.parent) {
    if (parent.getPluginData(RECORD_KEY) !== '') return parent
  }
  return null
}

export function describeLayer(node: SceneNode): LayerInfo {
  const base = { id: node.id, name: node.name, type: node.type }
  const own = recordStateOf(node)
  if (own) return { ...base, state: own }
  const outer = enclosingPattern(node)
  if (outer) return { ...base, state: 'nested', patternNodeId: outer.id }
  const state: LayerState = isPatternType(node) ? 'untracked' : 'unsupported'
  return { ...base, state }
}

/** Why a layer cannot be marked as AI-generated, or null when it can. */
export function refusalToMark(node: SceneNode): string | null {
  const info = describeLayer(node)
  switch (info.state) {
    case 'tracked':
      return `“${node.name}” is already tracked. Capture provenance instead, or unmark it first.`
    case 'invalid':
      return `“${node.name}” has a damaged provenance record. Repair it before marking it again.`
    case 'nested':
      return `“${node.name}” is inside a tracked pattern; the pattern is tracked as a whole.`
    case 'unsupported':
      return `A ${node.type.toLowerCase()} layer cannot be a pattern. Select a frame, group, component or shape.`
    case 'untracked':
      break
  }
  if ('findAllWithCriteria' in node) {
    const inner = node.findAllWithCriteria({ pluginData: { keys: [RECORD_KEY] } })
    if (inner.length > 0) return `“${node.name}” contains the tracked pattern “${inner[0].name}”. Unmark it first.`
  }
  return null
}

/** The page a node is on, or null (a removed node, the document). */
export function pageOf(node: BaseNode): PageNode | null {
  let at: BaseNode | null = node
  while (at && at.type !== 'PAGE') at = at.parent
  return at as PageNode | null
}
