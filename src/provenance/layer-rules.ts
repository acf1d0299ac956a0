/**
 * Which layers can be patterns, what state a layer is in, and why one cannot be
 * marked: product rules over plain facts, shared by host/ (which reads the facts off
 * nodes and refuses writes) and ui/ (which shows the reasons). No Figma here.
 */

/** The states a selected layer can be in (the `LayerState` of src/messages.ts). */
export const LAYER_STATES = [
  'untracked', // can be marked as AI-generated
  'tracked', // has a valid provenance record
  'invalid', // has a record that fails validation: kept, reported, repaired on request
  'nested', // inside a tracked pattern: the pattern is tracked as a whole
  'unsupported', // a layer type that cannot be a pattern
] as const
export type LayerStateName = (typeof LAYER_STATES)[number]

/**
 * Layer types that can hold a pattern: containers and shapes (an image fill is a
 * shape's fill). Slices, sections, connectors and FigJam objects cannot.
 */
export const PATTERN_TYPES: ReadonlySet<string> = new Set<string>([
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

export function canBePattern(type: string): boolean {
  return PATTERN_TYPES.has(type)
}

/** What a layer's own plugin data and ancestry say about it. */
export interface LayerFacts {
  type: string
  /** Its own record: valid, failing validation, or none. */
  record: 'tracked' | 'invalid' | null
  /** An ancestor carries a record (valid or not). */
  insideTracked: boolean
}

export function layerState(facts: LayerFacts): LayerStateName {
  if (facts.record !== null) return facts.record
  if (facts.insideTracked) return 'nested'
  return canBePattern(facts.type) ? 'untracked' : 'unsupported'
}

export type RefusalReason = Exclude<LayerStateName, 'untracked'> | 'contains-tracked'

/** The layer a refusal speaks of. */
export interface RefusedLayer {
  name: string
  type: string
  /** For `contains-tracked`: the tracked pattern inside it. */
  innerName?: string
}

/**
 * The one table of refusal wording. `message`: why a mark was refused (the host's
 * error, naming the layer). `note`: the line under the layer in the selection list,
 * where the name is already shown; null where the list offers actions instead.
 */
export const REFUSALS: {
  readonly [R in RefusalReason]: { message: (l: RefusedLayer) => string; note: ((l: RefusedLayer) => string) | null }
} = {
  tracked: {
    message: (l) => `“${l.name}” is already tracked. Capture provenance instead, or unmark it first.`,
    note: null,
  },
  invalid: {
    message: (l) => `“${l.name}” has a damaged provenance record. Repair it before marking it again.`,
    note: () =>
      'The provenance record on this layer is damaged (edited by hand or corrupted). It is kept as it is and nothing was overwritten. Repair it to keep a copy of the damaged text and untrack the layer.',
  },
  nested: {
    message: (l) => `“${l.name}” is inside a tracked pattern; the pattern is tracked as a whole.`,
    note: () => 'Inside a tracked pattern; the pattern is tracked as a whole, so this layer cannot be marked on its own.',
  },
  unsupported: {
    message: (l) => `A ${l.type.toLowerCase()} layer cannot be a pattern. Select a frame, group, component or shape.`,
    note: (l) => `A ${l.type.toLowerCase()} layer cannot be a pattern. Select a frame, group, component or shape.`,
  },
  'contains-tracked': {
    message: (l) => `“${l.name}” contains the tracked pattern “${l.innerName ?? ''}”. Unmark it first.`,
    note: null,
  },
}

export interface MarkFacts {
  name: string
  type: string
  state: LayerStateName
  /** The name of a tracked pattern inside the layer, if any. */
  containsTracked: string | null
}

export interface Refusal {
  reason: RefusalReason
  message: string
}

/** Why a layer cannot be marked as AI-generated, or null when it can. */
export function refusalToMark(facts: MarkFacts): Refusal | null {
  const layer: RefusedLayer = { name: facts.name, type: facts.type }
  if (facts.state !== 'untracked') return { reason: facts.state, message: REFUSALS[facts.state].message(layer) }
  if (facts.containsTracked !== null) {
    const inner = { ...layer, innerName: facts.containsTracked }
    return { reason: 'contains-tracked', message: REFUSALS['contains-tracked'].message(inner) }
  }
  return null
}

/** The selection list's line for a layer in state `reason` ('' where the list offers actions instead). */
export function refusalNote(reason: RefusalReason, layer: RefusedLayer): string {
  const note = REFUSALS[reason].note
  return note === null ? '' : note(layer)
}
