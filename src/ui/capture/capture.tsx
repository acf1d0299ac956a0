/** The Capture tab: the selection, marking, capturing, unmarking and repairing. */
import { Button } from '@create-figma-plugin/ui'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { ClientEndpoint } from '../../channel'
import type { LayerInfo, User } from '../../messages'
import type { FieldIssue } from '../../provenance/record'
import { formatHcc, plural } from '../shared/format'
import { resultFitsSelection, sameRecord } from './shown-capture'
import { StoredCaptureView } from './stored-capture'
import { originProblems, type OriginForm } from './origin-form'
import { stillShown } from '../shared/form-issues'
import { OriginFormView } from './origin-form-view'
import { MarkNotice, OutcomeView } from './outcome-view'
import { SelectionList } from './selection-list'
import { useStaleCapture } from './use-stale-capture'
import { useWorkflow } from '../shared/use-workflow'
import { Confirm, ProgressView } from '../shared/widgets'
import { captureAsync, type CaptureOutcome } from './capture-workflow'
import { markAsync, repairAsync, unmarkAsync, type MarkOutcome } from './mark-workflow'
import { errorMessage } from '../shared/workflow-context'

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
  const [outcome, setOutcome] = useState<CaptureOutcome | null>(null)
  const [notice, setNotice] = useState<Notice>(null)
  const [confirm, setConfirm] = useState<PendingConfirm>(null)
  const [formOpen, setFormOpen] = useState(false)
  const [issues, setIssues] = useState<FieldIssue[]>([])
  // Edits journaled on the pattern shown: the result is out of date.
  const [stale, setStale] = useStaleCapture(client, outcome?.kind === 'captured' ? outcome.nodeId : null)
  // Errors end up in the banner; every run ends by refreshing the selection's states.
  const workflow = useWorkflow({ onError, onSettled: props.refreshSelection })
  const { running } = workflow
  const ctx = { now: props.now, newId: props.newId, user: props.user }

  const capture = (nodeId: string) =>
    workflow.run(async (controls) => {
      setNotice(null)
      setOutcome(null)
      setFormOpen(false)
      const result = await captureAsync(nodeId, { ...ctx, ...controls, client })
      setOutcome(result)
      setStale(false)

      if (result.kind === 'captured' && result.unchanged && result.record.capture) {
        const c = result.record.capture
        setNotice({
          kind: 'info',
          text: `Nothing changed since the capture of ${c.at.slice(0, 16).replace('T', ' ')} by ${c.by.name}: that capture stands, with its review. Nothing was written.`,
        })
      }
    })

  // The result follows the file (issue #21, items 6 and 8): a record changed under it (an
  // Undo, another person's capture) or a selection elsewhere takes it off the screen.
  const shownRef = useRef<CaptureOutcome | null>(null)
  shownRef.current = outcome
  const runningRef = useRef(false)
  runningRef.current = workflow.running
  const [recordVersion, setRecordVersion] = useState(0)
  useEffect(
    () =>
      client.on('recordsChanged', ({ nodeIds }) => {
        setRecordVersion((v) => v + 1)
        const shown = shownRef.current
        if (shown?.kind !== 'captured' || runningRef.current || !nodeIds.includes(shown.nodeId)) return
        client
          .request('readHeatMap', { nodeId: shown.nodeId })
          .then(({ record }) => {
            if (shownRef.current !== shown || runningRef.current || sameRecord(shown.record, record)) return
            setOutcome(null)
            setStale(false)
            setNotice({
              kind: 'info',
              text: `The capture shown (HCC ${formatHcc(shown.score.hcc, shown.record.capture?.policy?.thresholds)}) is no longer what “${shown.name}” holds: an Undo or another person changed its record. What the file holds now is shown below.`,
            })
          })
          .catch(() => setOutcome(null))
      }),
    [client],
  )
  useEffect(() => {
    if (outcome && !resultFitsSelection(outcome.nodeId, selection)) {
      setOutcome(null)
      setStale(false)
      setNotice(null)
    }
  }, [selection])

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
    const { input, issues: all } = originProblems(props.originForm)
    if (all.length > 0) {
      setIssues(all)
      return
    }
    setIssues([])
    const ids = untracked.map((l) => l.id)
    void workflow.run(async (controls) => {
      const result = await markAsync(client, ids, input, { ...ctx, ...controls })
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
    void workflow.run(async () => {
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
      {running ? <ProgressView progress={workflow.progress} onCancel={workflow.cancel} cancelling={workflow.cancelling} /> : null}

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
          issues={stillShown(issues, originProblems(props.originForm).issues)}
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
      {onlyTracked && untracked.length === 0 && !running && outcome?.nodeId !== onlyTracked.id ? (
        <StoredCaptureView client={client} nodeId={onlyTracked.id} name={onlyTracked.name} version={recordVersion} />
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

