/**
 * What a layer is to Loomprint: a tracked pattern, a layer inside one, or a layer
 * that could become one. Reads the facts off nodes (plugin data only; never writes);
 * the rules are in provenance/layer-rules.ts.
 */
import type { LayerInfo } from '../messages'
import { canBePattern, layerState, refusalToMark as refusalFor } from '../provenance/layer-rules'
import { parseRecord, RECORD_KEY } from '../provenance/record'

export function isPatternType(node: BaseNode): node is SceneNode {
  return canBePattern(node.type)
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
  const record = recordStateOf(node)
  // The ancestor walk only matters for a layer without a record of its own.
  const outer = record === null ? enclosingPattern(node) : null
  const state = layerState({ type: node.type, record, insideTracked: outer !== null })
  return outer ? { ...base, state, patternNodeId: outer.id } : { ...base, state }
}

/** Why a layer cannot be marked as AI-generated, or null when it can. */
export function refusalToMark(node: SceneNode): string | null {
  const info = describeLayer(node)
  // Searching the subtree is the expensive fact: only for a layer that could be marked.
  const inner =
    info.state === 'untracked' && 'findAllWithCriteria' in node
      ? node.findAllWithCriteria({ pluginData: { keys: [RECORD_KEY] } })
      : []
  const refusal = refusalFor({ name: node.name, type: node.type, state: info.state, containsTracked: inner.length > 0 ? inner[0].name : null })
  return refusal === null ? null : refusal.message
}

/** The page a node is on, or null (a removed node, the document). */
export function pageOf(node: BaseNode): PageNode | null {
  let at: BaseNode | null = node
  while (at && at.type !== 'PAGE') at = at.parent
  return at as PageNode | null
}
