import { describe, expect, it } from 'vitest'
import { canBePattern, layerState, refusalNote, refusalToMark, type LayerFacts, type MarkFacts } from '../../src/provenance/layer-rules'

describe('layerState', () => {
  it.each<[LayerFacts, string]>([
    [{ type: 'FRAME', record: null, insideTracked: false }, 'untracked'],
    [{ type: 'RECTANGLE', record: null, insideTracked: false }, 'untracked'],
    [{ type: 'FRAME', record: 'tracked', insideTracked: false }, 'tracked'],
    [{ type: 'FRAME', record: 'invalid', insideTracked: true }, 'invalid'],
    [{ type: 'VECTOR', record: null, insideTracked: true }, 'nested'],
    [{ type: 'SLICE', record: null, insideTracked: true }, 'nested'],
    [{ type: 'SLICE', record: null, insideTracked: false }, 'unsupported'],
    [{ type: 'SECTION', record: null, insideTracked: false }, 'unsupported'],
  ])('%j → %s', (facts, state) => {
    expect(layerState(facts)).toBe(state)
  })

  it('takes containers and shapes as patterns, not slices, sections or connectors', () => {
    for (const t of ['FRAME', 'GROUP', 'COMPONENT', 'INSTANCE', 'ELLIPSE', 'BOOLEAN_OPERATION', 'TEXT']) expect(canBePattern(t)).toBe(true)
    for (const t of ['SLICE', 'SECTION', 'CONNECTOR', 'STICKY', 'PAGE']) expect(canBePattern(t)).toBe(false)
  })
})

describe('refusalToMark', () => {
  const facts = (over: Partial<MarkFacts>): MarkFacts => ({ name: 'Fern', type: 'FRAME', state: 'untracked', containsTracked: null, ...over })
  it.each<[Partial<MarkFacts>, string | null, RegExp | null]>([
    [{}, null, null],
    [{ state: 'tracked' }, 'tracked', /“Fern” is already tracked/],
    [{ state: 'invalid' }, 'invalid', /damaged provenance record/],
    [{ state: 'nested' }, 'nested', /inside a tracked pattern/],
    [{ state: 'unsupported', type: 'SLICE' }, 'unsupported', /A slice layer cannot be a pattern/],
    [{ containsTracked: 'Leaf' }, 'contains-tracked', /contains the tracked pattern “Leaf”. Unmark it first/],
    // A tracked layer is refused as tracked even when it contains another.
    [{ state: 'tracked', containsTracked: 'Leaf' }, 'tracked', /already tracked/],
  ])('%j → %s', (over, reason, message) => {
    const refusal = refusalToMark(facts(over))
    if (reason === null) expect(refusal).toBeNull()
    else {
      expect(refusal?.reason).toBe(reason)
      expect(refusal?.message).toMatch(message as RegExp)
    }
  })

  it('gives the selection list the same reason for an unsupported layer as the refusal', () => {
    const layer = { name: 'Cut', type: 'SLICE' }
    expect(refusalNote('unsupported', layer)).toBe(refusalToMark(facts({ ...layer, state: 'unsupported' }))?.message)
    expect(refusalNote('tracked', layer)).toBe('')
  })
})
