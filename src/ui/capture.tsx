/** The Capture tab: the selection, marking, capturing, unmarking and repairing. */
import { Button, Text, Textbox, TextboxMultiline, VerticalSpace } from '@create-figma-plugin/ui'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { ClientEndpoint } from '../channel'
import type { LayerInfo, User } from '../messages'
import { refusalNote } from '../provenance/layer-rules'
import { parseAiOrigin, type FieldIssue } from '../provenance/record'
import { LAYER_STATE_TEXT, plural } from './format'
import { issuesByField, ORIGIN_FIELDS, originInputFromForm, type OriginField, type OriginForm } from './origin-form'
import { CaptureResultView } from './result'
import { Confirm, describedBy, Field, ProgressView, Warning } from './widgets'
import {
  captureAsync,
  errorMessage,
  markAsync,
  repairAsync,
  unmarkAsync,
  type CaptureOutcome,
  type MarkOutcome,
  type WorkProgress,
} from './workflows'

export interface CaptureTabProps {
  client: ClientEndpoint
  user: User
  selection: readonly LayerInfo[]
  now: () => number
  newId: () => string
  onError: (message: string) => void
  /** Refresh the selection's states after a write (main only reports selection changes). */
  refreshSelection: () => void
  /** Capture this node as soon as possible (menu command / relaunch button); token re-triggers. */
  autoCapture: { nodeId: string; token: number } | null
  originForm: OriginForm
  setOriginForm: (form: OriginForm) => void
}

type PendingConfirm = { kind: 'unmark' | 'repair'; nodeId: string; name: string } | null

type Notice = { kind: 'marked'; outcome: Extract<MarkOutcome, { kind: 'done' }> } | { kind: 'info'; text: string } | null

export function CaptureTab(props: CaptureTabProps) {
  const { client, selection, onError } = props
  const [running, setRunning] = useState(false)
  const [progress, setProgress] = useState<WorkProgress | null>(null)
  const [outcome, setOutcome] = useState<CaptureOutcome | null>(null)
  const [notice, setNotice] = useState<Notice>(null)
  const [confirm, setConfirm] = useState<PendingConfirm>(null)
  const [formOpen, setFormOpen] = useState(false)
  const [issues, setIssues] = useState<FieldIssue[]>([])
  const [stale, setStale] = useState(false)
  const runningRef = useRef(false)
  const shownNode = outcome?.kind === 'captured' ? outcome.nodeId : null

  // Edits journaled on the pattern shown: the result is out of date.
  useEffect(() => {
    if (shownNode === null) return
    return client.on('journaled', ({ nodeIds }) => {
      if (nodeIds.includes(shownNode)) setStale(true)
    })
  }, [client, shownNode])

  const ctx = { now: props.now, newId: props.newId, user: props.user, onProgress: setProgress }

  /** Runs one workflow at a time; errors end up in the banner, never only in the console. */
  const run = async (work: () => Promise<void>) => {
    if (runningRef.current) return
    runningRef.current = true
    setRunning(true)
    setProgress(null)
    try {
      await work()
    } catch (error) {
      onError(errorMessage(error))
    } finally {
      runningRef.current = false
      setRunning(false)
      setProgress(null)
      props.refreshSelection()
    }
  }

  const capture = (nodeId: string) =>
    run(async () => {
      setNotice(null)
      setOutcome(null)
      setFormOpen(false)
      setOutcome(await captureAsync(nodeId, { ...ctx, client }))
      setStale(false)
    })

  // Menu command / relaunch button: capture as soon as the tab is ready.
  const lastToken = useRef<number | null>(null)
  useEffect(() => {
    const auto = props.autoCapture
    if (!auto || auto.token === lastToken.current) return
    lastToken.current = auto.token
    void capture(auto.nodeId)
  }, [props.autoCapture])

  const untracked = selection.filter((l) => l.state === 'untracked')
  const tracked = selection.filter((l) => l.state === 'tracked')
  const onlyTracked = tracked.length === 1 ? tracked[0] : undefined

  const submitMark = () => {
    const { input, issues: local } = originInputFromForm(props.originForm)
    const parsed = parseAiOrigin(input)
    const all = [...local, ...(parsed.ok ? [] : parsed.issues.filter((i) => !local.some((l) => l.path === i.path)))]
    if (all.length > 0) {
      setIssues(all)
      return
    }
    setIssues([])
    const ids = untracked.map((l) => l.id)
    void run(async () => {
      const result = await markAsync(client, ids, input, ctx)
      if (result.kind === 'invalid-origin') setIssues(result.issues)
      else if (result.kind === 'nothing-selected') setNotice({ kind: 'info', text: 'Select the layers to mark first.' })
      else {
        setFormOpen(false)
        setOutcome(null)
        setNotice({ kind: 'marked', outcome: result })
      }
    })
  }

  const confirmed = () => {
    const pending = confirm
    if (!pending) return
    setConfirm(null)
    void run(async () => {
      if (pending.kind === 'unmark') {
        await unmarkAsync(client, pending.nodeId)
        setOutcome(null)
        setNotice({ kind: 'info', text: `“${pending.name}” is no longer tracked; its Loomprint data was removed.` })
      } else {
        const { keptAs } = await repairAsync(client, pending.nodeId)
        setOutcome(null)
        setNotice({
          kind: 'info',
          text: `The damaged record of “${pending.name}” was kept under “${keptAs}” and the layer is untracked; you can mark it again.`,
        })
      }
    })
  }

  const focus = (nodeId: string) => {
    client
      .request('focusNode', { nodeId })
      .then(({ found }) => {
        if (!found) onError('That layer no longer exists (deleted, or on a page that is not open).')
      })
      .catch((error: unknown) => onError(errorMessage(error)))
  }

  const nameOf = (nodeId: string) => selection.find((l) => l.id === nodeId)?.name ?? 'this layer'

  return (
    <div class="lp-tab">
      {running ? <ProgressView progress={progress} /> : null}

      {confirm ? (
        confirm.kind === 'unmark' ? (
          <Confirm
            title={`Unmark “${confirm.name}”?`}
            confirmLabel="Unmark"
            danger
            onConfirm={confirmed}
            onCancel={() => setConfirm(null)}
          >
            This removes the AI origin, the baseline, the edit journals and the last score from the layer. The layer
            itself is not changed. Undo in Figma restores the data.
          </Confirm>
        ) : (
          <Confirm
            title={`Repair the record of “${confirm.name}”?`}
            confirmLabel="Repair (keep a copy, untrack)"
            danger
            onConfirm={confirmed}
            onCancel={() => setConfirm(null)}
          >
            The damaged record is kept, unchanged, under a separate key on the layer, and the layer becomes untracked so
            it can be marked again. Its old baseline and score are no longer used.
          </Confirm>
        )
      ) : null}

      {notice?.kind === 'info' ? <div class="lp-note">{notice.text}</div> : null}
      {notice?.kind === 'marked' ? <MarkNotice outcome={notice.outcome} /> : null}

      <SelectionList
        selection={selection}
        disabled={running}
        onCapture={(id) => void capture(id)}
        onUnmark={(id) => setConfirm({ kind: 'unmark', nodeId: id, name: nameOf(id) })}
        onRepair={(id) => setConfirm({ kind: 'repair', nodeId: id, name: nameOf(id) })}
        onShowPattern={focus}
      />

      <div class="lp-row">
        {untracked.length > 0 && !formOpen ? (
          <Button disabled={running} onClick={() => setFormOpen(true)}>
            Mark {untracked.length === 1 ? 'as' : `${String(untracked.length)} layers as`} AI-generated
          </Button>
        ) : null}
        {onlyTracked && untracked.length === 0 ? (
          <Button disabled={running} onClick={() => void capture(onlyTracked.id)}>
            Capture provenance
          </Button>
        ) : null}
      </div>
      {untracked.length > 0 && selection.length > untracked.length ? (
        <div class="lp-muted lp-small">
          Only the {plural(untracked.length, 'untracked layer')} will be marked; the others are listed with the reason.
        </div>
      ) : null}

      {formOpen && untracked.length > 0 ? (
        <OriginFormView
          form={props.originForm}
          setForm={props.setOriginForm}
          issues={issues}
          count={untracked.length}
          disabled={running}
          onSubmit={submitMark}
          onCancel={() => {
            setFormOpen(false)
            setIssues([])
          }}
        />
      ) : null}

      {outcome && stale ? (
        <div class="lp-note">
          The pattern was edited after this capture.{' '}
          {outcome.kind === 'captured' ? (
            <button type="button" class="lp-link" disabled={running} onClick={() => void capture(outcome.nodeId)}>
              Capture again
            </button>
          ) : null}
        </div>
      ) : null}
      {outcome ? (
        <OutcomeView
          outcome={outcome}
          onFocus={focus}
          onRepair={(id, name) => setConfirm({ kind: 'repair', nodeId: id, name })}
          onUnmark={(id, name) => setConfirm({ kind: 'unmark', nodeId: id, name })}
        />
      ) : null}
    </div>
  )
}

function SelectionList({
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

function OriginFormView({
  form,
  setForm,
  issues,
  count,
  disabled,
  onSubmit,
  onCancel,
}: {
  form: OriginForm
  setForm: (form: OriginForm) => void
  issues: readonly FieldIssue[]
  count: number
  disabled: boolean
  onSubmit: () => void
  onCancel: () => void
}) {
  const { fields, general } = issuesByField(issues)
  const set = (field: OriginField) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <div
      class="lp-form"
      role="form"
      aria-label="AI origin"
    >
      <h3 class="lp-h3">AI origin {count > 1 ? `(for ${String(count)} layers)` : ''}</h3>
      <div class="lp-muted lp-small">Declared once, stored with the pattern. Fields marked * are required.</div>
      {general.length > 0 ? <Warning>{general.join(' ')}</Warning> : null}
      {ORIGIN_FIELDS.map((spec) => {
        const id = 'origin-' + spec.field
        const messages = fields[spec.field]
        const common = {
          id,
          value: form[spec.field],
          onValueInput: set(spec.field),
          placeholder: spec.placeholder,
          disabled,
          'aria-invalid': messages && messages.length > 0 ? true : undefined,
          'aria-describedby': describedBy(id, spec.hint !== undefined, messages),
          'aria-required': spec.required ? true : undefined,
        }
        return (
          <Field key={spec.field} id={id} label={spec.label} required={spec.required} hint={spec.hint} messages={messages}>
            {spec.multiline ? <TextboxMultiline {...common} rows={2} grow variant="border" /> : <Textbox {...common} variant="border" />}
          </Field>
        )
      })}
      <VerticalSpace space="small" />
      <div class="lp-row">
        <Button secondary disabled={disabled} onClick={onCancel}>
          Cancel
        </Button>
        <Button disabled={disabled} onClick={onSubmit}>
          Mark {count === 1 ? 'as' : `${String(count)} layers as`} AI-generated
        </Button>
      </div>
    </div>
  )
}

function MarkNotice({ outcome }: { outcome: Extract<MarkOutcome, { kind: 'done' }> }) {
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

function OutcomeView({
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
