/** The capture result: HCC, label, breakdown, most-changed elements, journal. */
import { Text } from '@create-figma-plugin/ui'
import { BREAKDOWN_KEYS } from '../../provenance/record'
import { elementName } from './shown-capture'
import { HeatMap } from '../shared/heatmap'
import { PicturesView } from './pictures-view'
import { formatContribution, formatCount, formatDuration, formatHcc, formatTime, plural, SOURCE_TYPE_URL } from '../shared/format'
import { Warning } from '../shared/widgets'
import type { CaptureResult } from './capture-workflow'

export const DIMENSION_LABELS: Record<(typeof BREAKDOWN_KEYS)[number], string> = {
  color: 'Color',
  shape: 'Shape',
  transform: 'Transform',
  style: 'Style',
  text: 'Text',
  added: 'Added',
  removed: 'Removed / hidden',
}

const KIND_LABELS: Record<string, string> = {
  changed: 'changed',
  added: 'added',
  copied: 'copy of an AI layer',
  removed: 'removed',
  hidden: 'hidden',
}

export function CaptureResultView({
  result,
  onFocus,
}: {
  result: CaptureResult
  onFocus: (nodeId: string) => void
}) {
  const { score, journal, journalChecks } = result
  // A person has one chain per tab or device: their mark is good only if every chain verifies.
  const checks = new Map<string, { ok: boolean }>()
  for (const c of journalChecks) checks.set(c.userId, { ok: c.ok && (checks.get(c.userId)?.ok ?? true) })
  // The number keeps its label's side of the thresholds the score was labelled with.
  const shown = formatHcc(score.hcc, result.record.capture?.policy?.thresholds)
  return (
    <section class="lp-result" aria-label={`Capture result for ${result.name}`}>
      <div class="lp-hcc-row">
        <div class="lp-hcc" aria-label={`Human-contribution coefficient ${shown}`}>
          {shown}
        </div>
        <div>
          <div class="lp-hcc-label">{score.label}</div>
          <div class="lp-muted">IPTC digital source type:</div>
          <div class="lp-code" title={SOURCE_TYPE_URL + score.digitalSourceType}>
            {score.digitalSourceType}
          </div>
          <div class="lp-muted">
            {result.name} · {formatCount(score.changed)} changed · {formatCount(score.added)} added ·{' '}
            {formatCount(score.removed)} removed or hidden
          </div>
        </div>
      </div>

      {result.heat && result.heatImage && result.record.capture?.heatmap ? (
        <HeatMap name={result.name} map={result.heat} image={result.heatImage} shares={result.record.capture.heatmap.shares} onSelect={onFocus} />
      ) : null}

      {result.lineage ? (
        <div class="lp-note" role="note">
          This layer is a copy of pattern <span class="lp-code">{result.lineage.copiedFrom}</span> (layer{' '}
          <span class="lp-code">{result.lineage.copiedFromNode}</span>). It was given its own pattern id, the copy was
          recorded as lineage, and its elements were matched to the original baseline by position.
        </div>
      ) : null}

      {result.warnings.map((w, i) => (
        <Warning key={i}>{w}</Warning>
      ))}

      <PicturesView pictures={result.pictures} names={result.names} />
      <h2 class="lp-h3">Where the contribution comes from</h2>
      <div class="lp-bar" role="img" aria-label={breakdownText(result)}>
        {BREAKDOWN_KEYS.map((key) =>
          score.breakdown[key] > 0 ? (
            <div
              key={key}
              class={`lp-bar-seg lp-dim-${key}`}
              style={{ width: `${String(score.breakdown[key] * 100)}%` }}
              title={`${DIMENSION_LABELS[key]} ${score.breakdown[key].toFixed(3)}`}
            />
          ) : null,
        )}
      </div>
      <table class="lp-table lp-breakdown">
        <tbody>
          {BREAKDOWN_KEYS.map((key) => (
            <tr key={key}>
              <td>
                <span class={`lp-swatch lp-dim-${key}`} aria-hidden="true" />
                {DIMENSION_LABELS[key]}
              </td>
              <td class="lp-num">{score.breakdown[key].toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 class="lp-h3">Most-changed elements</h2>
      {score.elements.length === 0 ? (
        <Text>
          <span class="lp-muted">No element differs from the AI baseline.</span>
        </Text>
      ) : (
        <ul class="lp-elements">
          {score.elements.map((e) => {
            const gone = e.kind === 'removed'
            const name = elementName(e, result.names, result.record.capture?.top ?? [])
            // Removed but never visible (covered, or fully transparent): it counts, at nothing.
            const unseen = gone && e.contribution === 0
            return (
              <li key={e.id + e.kind}>
                <button
                  type="button"
                  class="lp-element"
                  disabled={gone}
                  onClick={() => onFocus(e.id)}
                  title={gone ? 'This element was removed' : 'Select and zoom to this layer'}
                >
                  <span class="lp-grow lp-ellipsis">{name}</span>
                  <span class={`lp-kind lp-kind-${e.kind}`}>{KIND_LABELS[e.kind] ?? e.kind}</span>
                  <span class="lp-num" title={unseen ? 'It was not visible in the AI baseline, so removing it changes nothing anyone sees.' : undefined}>
                    {unseen ? '+0 (was not visible)' : formatContribution(e.contribution)}
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
      )}

      <h2 class="lp-h3">Edit journal</h2>
      {result.unattributed.elements > 0 ? (
        <div class="lp-note" role="note">
          Not attributed: {Math.round(result.unattributed.share * 100)}% of the measured change (HCC{' '}
          {formatHcc(result.unattributed.hcc)}, {plural(result.unattributed.elements, 'layer')}) — no edit journal saw it, so it
          was made while Loomprint was closed.
        </div>
      ) : null}
      {journal.people.length === 0 && journalChecks.length === 0 ? (
        <Text>
          <span class="lp-muted">
            No edits were journaled (the journal records edits only while Loomprint is open; the score counts every
            change regardless).
          </span>
        </Text>
      ) : (
        <div>
          <Text>
            {plural(journal.edits, 'edit')}
            {journal.remoteEdits > 0 ? ` (+${formatCount(journal.remoteEdits)} seen from collaborators)` : ''} by{' '}
            {plural(journal.people.length, 'person', 'people')}
          </Text>
          {journal.firstAt !== null && journal.lastAt !== null ? (
            <div class="lp-muted">
              {formatTime(journal.firstAt)} – {formatTime(journal.lastAt)} ({formatDuration(journal.lastAt - journal.firstAt)})
            </div>
          ) : null}
          <table class="lp-table">
            <tbody>
              {journal.people.map((p) => {
                const check = checks.get(p.id)
                return (
                  <tr key={p.id}>
                    <td>{p.name}</td>
                    <td class="lp-num">{plural(p.edits, 'edit')}</td>
                    <td>{check ? <ChainMark ok={check.ok} /> : null}</td>
                  </tr>
                )
              })}
              {journalChecks
                .filter((c) => !c.ok)
                .map((c) => (
                  <tr key={c.chain}>
                    <td>User {c.userId}</td>
                    <td class="lp-num">—</td>
                    <td>
                      <ChainMark ok={false} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="lp-muted lp-small">
        Method {score.method} · matched by {score.matchedBy} · policy {result.policyFingerprint}
      </div>
    </section>
  )
}

function ChainMark({ ok }: { ok: boolean }) {
  return ok ? (
    <span class="lp-ok" title="Hash chain verified">
      ✓ chain verified
    </span>
  ) : (
    <span class="lp-bad" title="The hash chain does not verify: the stored history was changed">
      ✗ chain broken
    </span>
  )
}

function breakdownText(result: CaptureResult): string {
  const parts = BREAKDOWN_KEYS.filter((k) => result.score.breakdown[k] > 0).map(
    (k) => `${DIMENSION_LABELS[k]} ${result.score.breakdown[k].toFixed(2)}`,
  )
  return parts.length > 0 ? 'Breakdown: ' + parts.join(', ') : 'No contribution in any dimension'
}
