/** What a mark or a capture ended in: the result, or why nothing was written and what to do. */
import { Button } from '@create-figma-plugin/ui'
import { plural } from '../shared/format'
import { CaptureResultView } from './result'
import { Warning } from '../shared/widgets'
import type { CaptureOutcome } from './capture-workflow'
import type { MarkOutcome } from './mark-workflow'

export function MarkNotice({ outcome }: { outcome: Extract<MarkOutcome, { kind: 'done' }> }) {
  return (
    <div class="lp-stack">
      {outcome.marked.length > 0 ? (
        <div class="lp-note">
          Marked {plural(outcome.marked.length, 'layer')} as AI-generated:{' '}
          {outcome.marked.map((m) => `“${m.name}” (${plural(m.elements, 'element')})`).join(', ')}. Edit freely, then
          capture provenance.
        </div>
      ) : null}
      {outcome.failed.map((f) => (
        <Warning key={f.nodeId}>Not marked: {f.error}</Warning>
      ))}
    </div>
  )
}

export function OutcomeView({
  outcome,
  onFocus,
  onRepair,
  onUnmark,
}: {
  outcome: CaptureOutcome
  onFocus: (nodeId: string) => void
  onRepair: (nodeId: string, name: string) => void
  onUnmark: (nodeId: string, name: string) => void
}) {
  switch (outcome.kind) {
    case 'captured':
      return <CaptureResultView result={outcome} onFocus={onFocus} />
    case 'not-tracked':
      return <Warning>“{outcome.name}” is not tracked. Mark it as AI-generated first.</Warning>
    case 'invalid-record':
      return (
        <div class="lp-stack">
          <Warning>
            The provenance record of “{outcome.name}” is damaged, so it was not captured and nothing was written. The
            record is kept as it is. Details: {outcome.error}
          </Warning>
          <div class="lp-row">
            <Button secondary danger onClick={() => onRepair(outcome.nodeId, outcome.name)}>
              Repair (keep a copy, untrack)…
            </Button>
          </div>
        </div>
      )
    case 'baseline-damaged':
      return (
        <div class="lp-stack">
          <Warning>
            The stored AI baseline of “{outcome.name}” is damaged ({outcome.error}), so nothing can be measured against
            it and nothing was written. Restore an earlier version of the file, or unmark the layer and mark it again to
            start a new baseline from its current state.
          </Warning>
          <div class="lp-row">
            <Button secondary danger onClick={() => onUnmark(outcome.nodeId, outcome.name)}>
              Unmark…
            </Button>
          </div>
        </div>
      )
  }
}
