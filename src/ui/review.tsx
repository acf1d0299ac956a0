/**
 * The Review tab: every tracked pattern in the file, its score and review status;
 * sorting, filters, a summary, thumbnails, CSV; decisions with their history; and
 * "Capture all out of date". The rules are in provenance/review.ts, the requests in
 * review-workflows.ts; this file only renders and orchestrates.
 */
import { Button, Text, TextboxMultiline } from '@create-figma-plugin/ui'
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { ClientEndpoint } from '../channel'
import type { User } from '../messages'
import { DEFAULT_POLICY } from '../provenance/policy'
import {
  DECISION_LABELS,
  DECISION_PAST,
  DECISIONS,
  reviewHistory,
  REVIEW_STATUSES,
  type DecisionKind,
  type ReviewRules,
} from '../provenance/review'
import { formatHcc, plural } from './format'
import {
  COLUMNS,
  editedText,
  filterOptions,
  filterRows,
  NO_FILTERS,
  reviewCsv,
  sortRows,
  STATUS_TEXT,
  summarize,
  type ColumnKey,
  type Filters,
  type Sort,
} from './review-table'
import {
  captureAllAsync,
  decideAsync,
  listReviewAsync,
  reviewRulesOf,
  type CaptureAllOutcome,
  type ListProgress,
  type ReviewRow,
  type LicenseLabeler,
} from './review-workflows'
import { useWorkflow } from './use-workflow'
import { describedBy, Field, ProgressView, Warning } from './widgets'
import { errorMessage, loadPolicyAsync } from './workflows'

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
}

const THUMB_HEIGHT = 32

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
  const thumbs = useRef(new Map<string, string | null>())

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
      for (const url of thumbs.current.values()) if (url) URL.revokeObjectURL(url)
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
          <div class="lp-muted lp-small" role="status" aria-live="polite">
            {summary.total === rows.length ? plural(summary.total, 'pattern') : `${String(summary.total)} of ${plural(rows.length, 'pattern')}`}
            {summary.total > 0 ? ' · ' + summary.byLabel.map(([k, n]) => `${k} ${String(n)}`).join(', ') : ''}
            {summary.total > 0 ? ' · ' + summary.byStatus.map(([k, n]) => `${k} ${String(n)}`).join(', ') : ''}
          </div>
          <div class="lp-table-wrap">
            <table class="lp-table lp-review-table" aria-label="Tracked patterns">
              <thead>
                <tr>
                  <th scope="col">
                    <span class="lp-visually-hidden">Thumbnail</span>
                  </th>
                  {COLUMNS.map((column) => (
                    <SortHeader key={column.key} column={column.key} label={column.label} sort={sort} setSort={setSort} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <tr key={row.nodeId} class={row.nodeId === selected ? 'lp-selected' : undefined}>
                    <td>
                      <Thumbnail client={client} nodeId={row.nodeId} cache={thumbs.current} />
                    </td>
                    <th scope="row">
                      <button type="button" class="lp-link lp-row-name" onClick={() => focus(row)} title={`Show “${row.name}” in the file and its review`}>
                        {row.name}
                      </button>
                    </th>
                    <td>{row.pageName}</td>
                    <td class="lp-num">{row.hcc === null ? '—' : formatHcc(row.hcc)}</td>
                    <td>{row.label ?? '—'}</td>
                    <td>
                      <span class={`lp-status lp-status-${row.status}`}>{STATUS_TEXT[row.status]}</span>
                    </td>
                    <td>{row.license}</td>
                    <td class="lp-small">{row.capturedAt ? `${row.capturedAt.slice(0, 16).replace('T', ' ')} · ${row.capturedBy ?? ''}` : '—'}</td>
                    <td>{editedText(row)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
  const fraction = p && p.pages > 0 ? p.pagesDone / p.pages : null
  return (
    <div class="lp-progress" aria-live="polite">
      <Text>{label}</Text>
      <div
        class={'lp-progress-track' + (fraction === null ? ' lp-indeterminate' : '')}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
      >
        <div class="lp-progress-fill" style={{ width: fraction === null ? '30%' : `${String(fraction * 100)}%` }} />
      </div>
    </div>
  )
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

function SortHeader({ column, label, sort, setSort }: { column: ColumnKey; label: string; sort: Sort; setSort: (s: Sort) => void }) {
  const active = sort.key === column
  const next: Sort = { key: column, direction: active && sort.direction === 'ascending' ? 'descending' : 'ascending' }
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'}>
      <button type="button" class="lp-sort" onClick={() => setSort(next)}>
        {label}
        <span aria-hidden="true">{active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  )
}

function FiltersView({
  filters,
  setFilters,
  options,
}: {
  filters: Filters
  setFilters: (f: Filters) => void
  options: ReturnType<typeof filterOptions>
}) {
  return (
    <fieldset class="lp-fieldset lp-filters">
      <legend class="lp-visually-hidden">Filters</legend>
      <label class="lp-filter">
        <span class="lp-label">Name</span>
        <input class="lp-input" type="search" value={filters.name} onInput={(e) => setFilters({ ...filters, name: e.currentTarget.value })} />
      </label>
      <label class="lp-filter">
        <span class="lp-label">Label</span>
        <select class="lp-input" value={filters.label} onChange={(e) => setFilters({ ...filters, label: e.currentTarget.value })}>
          <option value="">Any</option>
          {options.labels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label class="lp-filter">
        <span class="lp-label">Status</span>
        <select
          class="lp-input"
          value={filters.status}
          onChange={(e) => setFilters({ ...filters, status: e.currentTarget.value as Filters['status'] })}
        >
          <option value="">Any</option>
          {[...REVIEW_STATUSES, 'record-damaged' as const].map((s) => (
            <option key={s} value={s}>
              {STATUS_TEXT[s]}
            </option>
          ))}
        </select>
      </label>
      <label class="lp-filter">
        <span class="lp-label">Page</span>
        <select class="lp-input" value={filters.pageId} onChange={(e) => setFilters({ ...filters, pageId: e.currentTarget.value })}>
          <option value="">Any</option>
          {options.pages.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label class="lp-filter lp-filter-check">
        <input type="checkbox" checked={filters.outOfDateOnly} onChange={(e) => setFilters({ ...filters, outOfDateOnly: e.currentTarget.checked })} />
        <span>Out of date only</span>
      </label>
    </fieldset>
  )
}

/** A thumbnail fetched when its row scrolls into view; kept in memory (a blob URL) only. */
function Thumbnail({ client, nodeId, cache }: { client: ClientEndpoint; nodeId: string; cache: Map<string, string | null> }) {
  const [url, setUrl] = useState<string | null | undefined>(cache.get(nodeId))
  const ref = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    if (url !== undefined || !ref.current) return
    let cancelled = false
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return
      observer.disconnect()
      client
        .request('thumbnail', { nodeId, height: THUMB_HEIGHT * 2 })
        .then(({ png }) => {
          const made = png ? URL.createObjectURL(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' })) : null
          cache.set(nodeId, made)
          if (!cancelled) setUrl(made)
        })
        .catch(() => {
          cache.set(nodeId, null)
          if (!cancelled) setUrl(null)
        })
    })
    observer.observe(ref.current)
    return () => {
      cancelled = true
      observer.disconnect()
    }
  }, [nodeId])
  return (
    <span ref={ref} class="lp-thumb">
      {url ? <img src={url} alt="" height={THUMB_HEIGHT} /> : null}
    </span>
  )
}

function PatternReview({
  row,
  client,
  user,
  now,
  rules,
  disabled,
  onDecided,
  onLicense,
}: {
  row: ReviewRow
  client: ClientEndpoint
  user: User
  now: () => number
  rules: ReviewRules
  disabled: boolean
  onDecided: () => void
  onLicense?: (nodeIds: string[]) => void
}) {
  const [comment, setComment] = useState('')
  const [messages, setMessages] = useState<string[]>([])
  const [refusal, setRefusal] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const history = row.record ? reviewHistory(row.record, row.review) : []

  const decide = (decision: DecisionKind) => {
    setRefusal(null)
    setMessages([])
    setSending(true)
    decideAsync(client, row, { decision, comment }, { user, now, rules })
      .then((outcome) => {
        if (outcome.kind === 'refused') {
          if (outcome.issues.length > 0) setMessages(outcome.issues.map((i) => i.message))
          else setRefusal(outcome.reason)
          return
        }
        setComment('')
        setDone(`You ${DECISION_PAST[decision]} “${row.name}” at HCC ${formatHcc(outcome.decision.capture.hcc)}.`)
        onDecided()
      })
      // A refusal from main (someone else decided meanwhile, a new capture): said here, comment kept.
      .catch((error: unknown) => setRefusal(errorMessage(error)))
      .finally(() => setSending(false))
  }

  const id = 'review-comment'
  return (
    <section class="lp-pattern-review lp-stack" aria-label={`Review of ${row.name}`}>
      <h3 class="lp-h3">
        {row.name} <span class="lp-muted">· {row.pageName}</span>
      </h3>
      {row.problems.map((p) => (
        <Warning key={p}>{p}</Warning>
      ))}
      {row.record?.capture ? (
        <div class="lp-muted lp-small">
          Current capture: HCC {formatHcc(row.record.capture.hcc)} ({row.record.capture.label}) by {row.record.capture.by.name},{' '}
          {row.record.capture.at.slice(0, 16).replace('T', ' ')} · method {row.record.capture.method} · policy{' '}
          <span class="lp-code">{row.record.capture.policyFingerprint}</span>
          {row.edited ? ' · edited since' : ''}
        </div>
      ) : null}
      <ol class="lp-history" aria-label="Review history">
        {history.length === 0 ? <li class="lp-muted">No decisions yet.</li> : null}
        {history.map((h, i) =>
          h.kind === 'legacy' ? (
            <li key={i}>
              {h.review.by.name} {h.review.status} on {h.review.at.slice(0, 10)} (recorded before review history existed)
              {h.review.note ? `: “${h.review.note}”` : ''}
            </li>
          ) : (
            <li key={i}>
              <strong>{h.decision.by.name}</strong> {DECISION_PAST[h.decision.decision]} on {h.decision.at.slice(0, 16).replace('T', ' ')}, at HCC{' '}
              {formatHcc(h.decision.capture.hcc)} ({h.decision.capture.label}, {h.decision.capture.method})
              {h.current ? ' · this capture' : ' · an earlier capture'}
              {h.decision.comment ? <div class="lp-muted">“{h.decision.comment}”</div> : null}
            </li>
          ),
        )}
      </ol>
      {row.record ? (
        <div class="lp-form lp-stack" role="group" aria-label="Decision">
          <Field id={id} label="Review comment" hint="Required to request changes or reject." messages={messages}>
            <TextboxMultiline
              id={id}
              value={comment}
              onValueInput={setComment}
              rows={2}
              variant="border"
              disabled={disabled || sending}
              aria-invalid={messages.length > 0 ? true : undefined}
              aria-describedby={describedBy(id, true, messages)}
            />
          </Field>
          <div class="lp-row">
            {DECISIONS.map((d) => (
              <Button key={d} secondary={d !== 'approve'} danger={d === 'reject'} disabled={disabled || sending} onClick={() => decide(d)}>
                {DECISION_LABELS[d]}
              </Button>
            ))}
            {onLicense ? (
              <Button secondary disabled={disabled} onClick={() => onLicense([row.nodeId])}>
                License…
              </Button>
            ) : null}
          </div>
          {rules.reviewerMustNotBeEditor ? (
            <div class="lp-muted lp-small">Team policy: a reviewer must not be one of the pattern’s editors.</div>
          ) : null}
          {refusal ? <Warning>{refusal}</Warning> : null}
          {done ? <div class="lp-note">{done}</div> : null}
        </div>
      ) : null}
    </section>
  )
}
