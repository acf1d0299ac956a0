/**
 * Which capture the Capture tab may show, as pure rules (issue #21, items 6, 8, 9): a
 * result belongs to one pattern and to the record it wrote; when the selection moves to
 * another layer, or the record changes under it (an Undo, another person's capture), the
 * result gives way to what the file holds.
 */
import canonicalize from 'canonicalize'
import type { LayerInfo } from '../../messages'
import { parseRecord, type ProvenanceRecord } from '../../provenance/record'

/**
 * A result for pattern `nodeId` stays on screen while the selection is empty, is that
 * pattern, or lies inside it (a designer selects a motif to recolour it); any other
 * selection would show the old score under another layer's name.
 */
export function resultFitsSelection(nodeId: string, selection: readonly LayerInfo[]): boolean {
  return selection.every((layer) => layer.id === nodeId || layer.patternNodeId === nodeId)
}

/** Whether the stored record text is the record a result shows (same content, any key order). */
export function sameRecord(shown: ProvenanceRecord, storedRaw: string | null): boolean {
  if (storedRaw === null) return false
  const parsed = parseRecord(storedRaw)
  return parsed.ok && canonicalize(parsed.record) === canonicalize(shown)
}

/**
 * What a changed element is called on screen: its layer name now; for a removed layer
 * (gone from the file) the name a capture kept for it, else "a removed ellipse" — never
 * "element at 4" (issue #21, item 11).
 */
export function elementName(
  element: { id: string; path: string; type: string; kind: string },
  names: ReadonlyMap<string, string>,
  kept: readonly { id: string; name?: string }[],
): string {
  const now = names.get(element.id) ?? kept.find((t) => t.id === element.id)?.name
  if (now !== undefined) return now
  if (element.path === '') return 'the pattern root'
  const type = element.type.toLowerCase().replace(/_/g, ' ')
  return element.kind === 'removed' ? `a removed ${type}` : `a ${type} (at ${element.path})`
}
