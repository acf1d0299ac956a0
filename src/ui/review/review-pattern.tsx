/**
 * One pattern's review: its current capture, its decision history and the decision
 * form. The rules are in provenance/review.ts; decideAsync carries a decision out.
 */
import { Button, TextboxMultiline } from '@create-figma-plugin/ui'
import { useRef, useState } from 'preact/hooks'
import type { ClientEndpoint } from '../../channel'
import type { User } from '../../messages'
import { DECISION_LABELS, DECISION_PAST, DECISIONS, reviewHistory, type DecisionKind, type ReviewRules } from '../../provenance/review'
import { formatHcc } from '../shared/format'
import { StoredHeatMapView } from '../shared/stored-heatmap'
import { decideAsync, decidedText, type ReviewRow } from './review-workflows'
import { describedBy, Field, Warning } from '../shared/widgets'
import { errorMessage } from '../shared/workflow-context'

export function PatternReview({
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

  // A ref, not state: the second click of a double click arrives before a re-render.
  const sendingRef = useRef(false)
  const decide = (decision: DecisionKind) => {
    if (sendingRef.current) return
    sendingRef.current = true
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
        setDone(decidedText(decision, row.name, formatHcc(outcome.decision.capture.hcc)))
        onDecided()
      })
      // A refusal from main (someone else decided meanwhile, a new capture): said here, comment kept.
      .catch((error: unknown) => setRefusal(errorMessage(error)))
      .finally(() => {
        sendingRef.current = false
        setSending(false)
      })
  }

  const id = 'review-comment'
  return (
    <section class="lp-pattern-review lp-stack" aria-label={`Review of ${row.name}`}>
      <h2 class="lp-h3">
        {row.name} <span class="lp-muted">· {row.pageName}</span>
      </h2>
      {row.problems.map((p) => (
        <Warning key={p}>{p}</Warning>
      ))}
      {row.record?.capture ? (
        <div class="lp-muted lp-small">
          Current capture: HCC {formatHcc(row.record.capture.hcc, row.record.capture.policy?.thresholds)} ({row.record.capture.label}) by {row.record.capture.by.name},{' '}
          {row.record.capture.at.slice(0, 16).replace('T', ' ')} · method {row.record.capture.method} · policy{' '}
          <span class="lp-code">{row.record.capture.policyFingerprint}</span>
          {row.record.capture.unattributed && row.record.capture.unattributed.elements > 0 ? (
            <span>
              {' '}
              · not attributed: {Math.round(row.record.capture.unattributed.share * 100)}% of the change (made while Loomprint was
              closed)
            </span>
          ) : null}
          {row.edited ? ' · edited since' : ''}
        </div>
      ) : null}
      {row.record?.capture ? <StoredHeatMapView client={client} nodeId={row.nodeId} name={row.name} recordRaw={row.raw.record} record={row.record} /> : null}
      <ReviewHistoryList history={history} />
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

/** Every decision on the pattern (and a pre-history review), in reviewHistory's order. */
function ReviewHistoryList({ history }: { history: ReturnType<typeof reviewHistory> }) {
  return (
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
  )
}
