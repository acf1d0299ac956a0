/** The selected layers with their state, the actions each allows, and why the others cannot be marked. */
import { Button, Text } from '@create-figma-plugin/ui'
import type { LayerInfo } from '../../messages'
import { refusalNote } from '../../provenance/layer-rules'
import { LAYER_STATE_TEXT } from '../shared/format'
import { Warning } from '../shared/widgets'

export function SelectionList({
  selection,
  disabled,
  onCapture,
  onUnmark,
  onRepair,
  onShowPattern,
}: {
  selection: readonly LayerInfo[]
  disabled: boolean
  onCapture: (id: string) => void
  onUnmark: (id: string) => void
  onRepair: (id: string) => void
  onShowPattern: (id: string) => void
}) {
  if (selection.length === 0) {
    return (
      <div class="lp-empty">
        <Text>Nothing is selected.</Text>
        <div class="lp-muted">
          Select the pattern layers (frames, groups, components or shapes) to mark them as AI-generated, or a tracked
          pattern to capture its provenance.
        </div>
      </div>
    )
  }
  return (
    <ul class="lp-layers" aria-label="Selected layers">
      {selection.map((layer) => (
        <li key={layer.id} class={`lp-layer lp-state-${layer.state}`}>
          <div class="lp-layer-head">
            <span class="lp-grow lp-ellipsis" title={layer.name}>
              {layer.name}
            </span>
            <span class="lp-type">{layer.type.toLowerCase()}</span>
            <span class={`lp-badge lp-badge-${layer.state}`}>{LAYER_STATE_TEXT[layer.state]}</span>
          </div>
          {layer.state === 'tracked' ? (
            <div class="lp-row">
              <Button secondary disabled={disabled} onClick={() => onCapture(layer.id)}>
                Capture
              </Button>
              <Button secondary danger disabled={disabled} onClick={() => onUnmark(layer.id)}>
                Unmark…
              </Button>
            </div>
          ) : null}
          {layer.state === 'invalid' ? (
            <div class="lp-stack">
              <Warning>{refusalNote('invalid', layer)}</Warning>
              <div class="lp-row">
                <Button secondary danger disabled={disabled} onClick={() => onRepair(layer.id)}>
                  Repair (keep a copy, untrack)…
                </Button>
              </div>
            </div>
          ) : null}
          {layer.state === 'nested' ? (
            <div class="lp-reason">
              {refusalNote('nested', layer)}{' '}
              {layer.patternNodeId ? (
                <button type="button" class="lp-link" onClick={() => onShowPattern(layer.patternNodeId as string)}>
                  Show the pattern
                </button>
              ) : null}
            </div>
          ) : null}
          {layer.state === 'unsupported' ? (
            <div class="lp-reason">{refusalNote('unsupported', layer)}</div>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

