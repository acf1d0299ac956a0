/**
 * The Review tab: every tracked pattern in the file, its score and review status;
 * sorting, filters, a summary, thumbnails, CSV; decisions with their history; and
 * "Capture all out of date". The rules are in provenance/review.ts, the requests in
 * review-workflows.ts; the pieces are review-filters, review-patterns-table and
 * review-pattern. This file only composes and orchestrates.
 */
import { Button, Text } from '@create-figma-plugin/ui'
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { ClientEndpoint } from '../../channel'
import type { User } from '../../messages'
import { DEFAULT_POLICY } from '../../provenance/policy'
import type { ReviewRules } from '../../provenance/review'
import { plural } from '../shared/format'
import { FiltersView } from './review-filters'
import { PatternReview } from './review-pattern'
import { PatternsTable } from './review-patterns-table'
import type { ThumbnailCache, ThumbnailSource } from './review-thumbnail'
import { filterOptions, filterRows, NO_FILTERS, reviewCsv, sortRows, summarize, type Filters, type Sort } from './review-table'
import {
  captureAllAsync,
  listReviewAsync,
  reviewRulesOf,
  type CaptureAllOutcome,
  type ListProgress,
  type ReviewRow,
  type LicenseLabeler,
} from './review-workflows'
import { useWorkflow } from '../shared/use-workflow'
import { ProgressBar, ProgressView, Warning } from '../shared/widgets'
import { errorMessage } from '../shared/workflow-context'
import { loadPolicyAsync } from '../policy/policy-workflows'

export interface ReviewTabProps {
  client: ClientEndpoint
  user: User
  now: () => number
  newId: () => string
  onError: (message: string) => void
  /** Describes each row's license for the table (from the license room). */
  licenseOf?: LicenseLabeler
  /** Open the License tab for these patterns. */
  onLicense?: (nodeIds: string[]) => void
  /** Open the Export tab with these patterns chosen (the rows the table shows). */
  onExport?: (nodeIds: string[]) => void
}

type Busy = { kind: 'listing'; progress: ListProgress | null } | null

export function ReviewTab(props: ReviewTabProps) {
  const { client, onError } = props
  const [rows, setRows] = useState<ReviewRow[] | null>(null)
  const [busy, setBusy] = useState<Busy>(null)
  const [sort, setSort] = useState<Sort>({ key: 'page', direction: 'ascending' })
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [selected, setSelected] = useState<string | null>(null)
  const [rules, setRules] = useState<ReviewRules>(reviewRulesOf(DEFAULT_POLICY))
  const [stale, setStale] = useState(false)
  const [captureAll, setCaptureAll] = useState<CaptureAllOutcome | null>(null)
  const busyRef = useRef(false)
  // Capture all runs through the shared workflow runner: progress, errors, Cancel.
  const workflow = useWorkflow({ onError })
  const thumbs: { current: ThumbnailCache } = useRef(new Map())
  const [thumbnails, setThumbnails] = useState<ThumbnailSource>('picture')

  const reload = useCallback(async () => {
    if (busyRef.current) return
    busyRef.current = true
    setBusy({ kind: 'listing', progress: null })
    try {
      const policy = await loadPolicyAsync(client)
      setRules(reviewRulesOf(policy.policy))
      const list = await listReviewAsync(client, {
        onProgress: (progress) => setBusy({ kind: 'listing', progress }),
        licenseOf: props.licenseOf,
      })
      setRows(list)
      setStale(false)
    } catch (error) {
      onError(errorMessage(error))
    } finally {
      busyRef.current = false
      setBusy(null)
    }
  }, [client, props.licenseOf])

  useEffect(() => {
    void reload()
    const off = client.on('journaled', () => setStale(true))
    return () => {
      off()
      // Thumbnails live in memory only, for as long as the tab is open.
      for (const { url } of thumbs.current.values()) if (url) URL.revokeObjectURL(url)
      thumbs.current.clear()
    }
  }, [client])

  const shown = useMemo(() => (rows ? sortRows(filterRows(rows, filters), sort) : []), [rows, filters, sort])
  const options = useMemo(() => filterOptions(rows ?? []), [rows])
  const outOfDate = (rows ?? []).filter((r) => r.outOfDate && r.record !== null)
  const selectedRow = rows?.find((r) => r.nodeId === selected) ?? null

  const focus = (row: ReviewRow) => {
    setSelected(row.nodeId)
    client
      .request('focusNode', { nodeId: row.nodeId })
      .then(({ found }) => {
        if (!found) onError(`“${row.name}” no longer exists; reload the review.`)
      })
      .catch((error: unknown) => onError(errorMessage(error)))
  }

  const runCaptureAll = async () => {
    if (busyRef.current || outOfDate.length === 0) return
    busyRef.current = true
    setCaptureAll(null)
    await workflow.run(async ({ onProgress, signal }) => {
      try {
        setCaptureAll(await captureAllAsync(outOfDate, { client, user: props.user, now: props.now, newId: props.newId, onProgress, signal }))
      } finally {
        busyRef.current = false
      }
    })
    await reload()
  }

  const downloadCsv = () => {
    const blob = new Blob([reviewCsv(shown)], { type: 'text/csv;charset=utf-8' })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = `loomprint-review-${new Date(props.now()).toISOString().slice(0, 10)}.csv`
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }

  const summary = summarize(shown)

  return (
    <div class="lp-tab lp-review">
      <div class="lp-row">
        <Button secondary disabled={busy !== null || workflow.running} onClick={() => void reload()}>
          Reload
        </Button>
        <Button disabled={busy !== null || workflow.running || outOfDate.length === 0} onClick={() => void runCaptureAll()}>
          Capture all out of date{outOfDate.length > 0 ? ` (${String(outOfDate.length)})` : ''}
        </Button>
        <Button secondary disabled={rows === null || shown.length === 0} onClick={downloadCsv}>
          Download CSV
        </Button>
        {props.onExport ? (
          <Button secondary disabled={rows === null || shown.length === 0} onClick={() => props.onExport?.(shown.map((r) => r.nodeId))}>
            Export shown…
          </Button>
        ) : null}
      </div>

      {busy ? <ListingView busy={busy} /> : null}
      {workflow.running ? <ProgressView progress={workflow.progress} onCancel={workflow.cancel} cancelling={workflow.cancelling} /> : null}
      {stale && busy === null ? (
        <div class="lp-note">
          Patterns were edited since this list was read.{' '}
          <button type="button" class="lp-link" onClick={() => void reload()}>
            Reload
          </button>
        </div>
      ) : null}
      {captureAll ? <CaptureAllReport outcome={captureAll} /> : null}

      {rows === null ? null : rows.length === 0 ? (
        <div class="lp-empty">
          <Text>No tracked patterns in this file yet.</Text>
          <div class="lp-muted">Mark AI-generated patterns in the Capture tab; they appear here with their scores.</div>
        </div>
      ) : (
        <>
          <FiltersView filters={filters} setFilters={setFilters} options={options} />
          <label class="lp-filter lp-filter-check">
            <input type="checkbox" checked={thumbnails === 'heatmap'} onChange={(e) => setThumbnails(e.currentTarget.checked ? 'heatmap' : 'picture')} />
            <span>Show heat maps</span>
          </label>
          <div class="lp-muted lp-small" role="status" aria-live="polite">
            {summary.total === rows.length ? plural(summary.total, 'pattern') : `${String(summary.total)} of ${plural(rows.length, 'pattern')}`}
            {summary.total > 0 ? ' · ' + summary.byLabel.map(([k, n]) => `${k} ${String(n)}`).join(', ') : ''}
            {summary.total > 0 ? ' · ' + summary.byStatus.map(([k, n]) => `${k} ${String(n)}`).join(', ') : ''}
          </div>
          <PatternsTable rows={shown} selected={selected} sort={sort} setSort={setSort} client={client} thumbs={thumbs.current} thumbnails={thumbnails} onFocus={focus} />
          {shown.length === 0 ? <div class="lp-muted">No pattern matches these filters.</div> : null}
        </>
      )}

      {selectedRow ? (
        <PatternReview
          key={selectedRow.nodeId}
          row={selectedRow}
          client={client}
          user={props.user}
          now={props.now}
          rules={rules}
          disabled={busy !== null || workflow.running}
          onDecided={() => void reload()}
          onLicense={props.onLicense}
        />
      ) : null}
    </div>
  )
}

function ListingView({ busy }: { busy: NonNullable<Busy> }) {
  const p = busy.progress
  const label = p && p.pages > 0 ? `Reading page ${String(Math.min(p.pagesDone + 1, p.pages))} of ${String(p.pages)} · ${plural(p.patterns, 'pattern')}` : 'Reading the file…'
  return <ProgressBar label={label} fraction={p && p.pages > 0 ? p.pagesDone / p.pages : null} />
}

function CaptureAllReport({ outcome }: { outcome: CaptureAllOutcome }) {
  return (
    <div class="lp-stack" role="status">
      <div class="lp-note">
        Captured {plural(outcome.captured.length, 'pattern')}
        {outcome.skipped > 0 ? `; cancelled before ${plural(outcome.skipped, 'other')}` : ''}. Each capture is its own undo step.
      </div>
      {outcome.failed.map((f) => (
        <Warning key={f.nodeId}>
          “{f.name}” was not captured: {f.error}
        </Warning>
      ))}
    </div>
  )
}
