/**
 * The Export tab ("Export licensed pack"): choose patterns (default: every approved,
 * licensed one), assets and the intended use; export checks every pattern, lists
 * each refused one with its reasons and leaves it out only after you confirm; then
 * main exports, the pack is assembled here and offered as a download.
 */
import { Button, Text } from '@create-figma-plugin/ui'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { ClientEndpoint } from '../../channel'
import type { LayerInfo, User } from '../../messages'
import { FIELDS_OF_USE, type FieldOfUse } from '../../license/terms'
import { shortFingerprint } from '../../pack/keys'
import { defaultExportForm, parseExportForm, type ExportForm } from './export-form'
import {
  exportPackAsync,
  loadSigningKeyAsync,
  newSigningKeyAsync,
  planExportAsync,
  type ExportCandidate,
  type ExportProgress,
  type KeyStatus,
} from './export-workflow'
import { licenseLabelOf } from './license-workflows'
import { listReviewAsync, type ReviewRow } from '../review/review-workflows'
import { STATUS_TEXT } from '../review/review-table'
import { useWorkflow } from '../shared/use-workflow'
import { Warning } from '../shared/widgets'
import { errorMessage } from '../shared/workflow-context'
import { loadPolicyAsync } from '../policy/policy-workflows'

export interface ExportTabProps {
  client: ClientEndpoint
  user: User
  now: () => number
  selection: readonly LayerInfo[]
  onError: (message: string) => void
  /** Patterns chosen elsewhere (the review table's shown rows); default: every approved, licensed one. */
  initialNodeIds?: readonly string[]
  /** Random bytes for a new key (default: crypto.getRandomValues, present even without a secure context). */
  randomBytes?: (n: number) => Uint8Array
}

const STAGE_WORDS: Record<ExportProgress['stage'], string> = {
  exporting: 'Exporting assets from Figma',
  assets: 'Hashing assets',
  preview: 'Making repeat previews',
  documents: 'Writing license and disclosure',
  sign: 'Signing',
  zip: 'Writing the zip',
}

const defaultRandom = (n: number) => crypto.getRandomValues(new Uint8Array(n))

interface Download {
  url: string
  fileName: string
  size: number
  patterns: string[]
  /** What the recipient must act on, per pattern (a royalty beyond a cap, a training constraint). */
  notes: string[]
}

export function ExportTab({ client, user, now, selection, onError, initialNodeIds, randomBytes = defaultRandom }: ExportTabProps) {
  const [rows, setRows] = useState<ReviewRow[] | null>(null)
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [key, setKey] = useState<KeyStatus | null>(null)
  const [form, setForm] = useState<ExportForm>(() => defaultExportForm(new Date(now()).toISOString().slice(0, 10)))
  const [errors, setErrors] = useState<{ field: keyof ExportForm; message: string }[]>([])
  const [refused, setRefused] = useState<ExportCandidate[] | null>(null)
  const [pending, setPending] = useState<ExportCandidate[] | null>(null)
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  const [download, setDownload] = useState<Download | null>(null)
  const [cancelled, setCancelled] = useState(false)
  const link = useRef<HTMLAnchorElement>(null)
  const runner = useWorkflow({ onError, onSettled: () => setProgress(null) })

  useEffect(() => {
    let stop = false
    listReviewAsync(client, { licenseOf: licenseLabelOf })
      .then((list) => {
        if (stop) return
        setRows(list)
        // Default: every approved, licensed pattern (or what the review table showed).
        setChosen(
          new Set(initialNodeIds ?? list.filter((r) => r.status === 'approved' && r.license !== 'none' && r.license !== 'damaged').map((r) => r.nodeId)),
        )
      })
      .catch((error: unknown) => onError(errorMessage(error)))
    // The team's licence defaults seed the intended use until the person types their own.
    loadPolicyAsync(client)
      .then(({ policy }) => {
        if (stop) return
        const seeded = defaultExportForm(new Date(now()).toISOString().slice(0, 10), policy.licenseDefaults)
        setForm((f) => (f.territory === 'worldwide' ? { ...f, territory: seeded.territory } : f))
      })
      .catch(() => undefined)
    loadSigningKeyAsync(client, user)
      .then((k) => !stop && setKey(k))
      .catch((error: unknown) => onError(errorMessage(error)))
    return () => {
      stop = true
    }
  }, [client])

  useEffect(() => () => {
    if (download) URL.revokeObjectURL(download.url)
  }, [download])

  // Offer the file at once; the link stays for a second try.
  useEffect(() => {
    if (download) link.current?.click()
  }, [download])

  const set = <K extends keyof ExportForm>(field: K, value: ExportForm[K]) => setForm((f) => ({ ...f, [field]: value }))
  const errorOf = (field: keyof ExportForm) => errors.find((e) => e.field === field)?.message ?? null

  const makeKey = () =>
    void runner.run(async () => {
      setKey(await newSigningKeyAsync(client, user, { randomBytes, now }))
    })

  const useSelection = () => setChosen(new Set(selection.filter((l) => l.state === 'tracked').map((l) => l.id)))

  const exportAllowed = (candidates: ExportCandidate[]) =>
    runner.run(async ({ signal }) => {
      const parsed = parseExportForm(form)
      if (!parsed.ok || key?.kind !== 'ready') return
      setPending(null)
      setRefused(null)
      const outcome = await exportPackAsync(client, candidates, parsed.choice, parsed.use, { signer: key.signer, now, signal, onProgress: setProgress })
      if (outcome.kind === 'failed') return onError(outcome.error)
      const blob = new Blob(outcome.result.parts as BlobPart[], { type: 'application/zip' })
      setDownload({
        url: URL.createObjectURL(blob),
        fileName: outcome.result.fileName,
        size: outcome.result.size,
        patterns: outcome.result.manifest.patterns.map((p) => p.name),
        notes: candidates.flatMap((c) => (c.pattern ? c.notes.map((n) => `${c.name}: ${n}`) : [])),
      })
    })

  const startExport = () =>
    void runner.run(async ({ signal }) => {
      setDownload(null)
      setCancelled(false)
      const parsed = parseExportForm(form)
      if (!parsed.ok) return setErrors(parsed.errors)
      setErrors([])
      if (key?.kind !== 'ready') return onError('Export needs your signing key on this device: make one first (Signing key, above).')
      if (chosen.size === 0) return onError('Choose at least one pattern to export.')
      const policy = (await loadPolicyAsync(client)).policy
      const order = (rows ?? []).map((r) => r.nodeId).filter((id) => chosen.has(id))
      for (const id of chosen) if (!order.includes(id)) order.push(id)
      setProgress({ stage: 'exporting', done: 0, total: 0 })
      const plan = await planExportAsync(client, order, parsed.use, policy, signal)
      const no = plan.filter((c) => c.reasons.length > 0)
      if (no.length > 0) {
        // Nothing is left out silently: the user sees every reason and confirms first.
        setRefused(no)
        setPending(plan)
        return
      }
      setPending(plan)
    }).then(() => undefined)

  // The refusal is an alertdialog: it takes the focus (on Back, the safe choice), Escape goes
  // back, and on its way out the focus returns to Export pack rather than to the page body
  // (issue #21, item 19; the button it was opened from is not on screen while it shows).
  const refusedBox = useRef<HTMLElement>(null)
  const exportBox = useRef<HTMLDivElement>(null)
  const focusExport = useRef(false)
  const back = () => {
    setRefused(null)
    setPending(null)
  }
  useEffect(() => {
    if (refused !== null) {
      focusExport.current = true
      Array.from(refusedBox.current?.querySelectorAll('button') ?? []).pop()?.focus()
    } else if (focusExport.current && !runner.running) {
      focusExport.current = false
      const button = exportBox.current?.querySelector('button')
      if (button && !button.disabled && (document.activeElement === null || document.activeElement === document.body)) button.focus()
    }
  }, [refused, runner.running])

  // A plan with nothing refused goes straight on.
  useEffect(() => {
    if (pending && refused === null && !runner.running) void exportAllowed(pending)
  }, [pending, refused, runner.running])

  const allowedCount = pending ? pending.filter((c) => c.reasons.length === 0).length : 0

  return (
    <div class="lp-tab lp-stack">
      <h2 class="lp-h">Export licensed pack</h2>

      <section class="lp-stack" aria-labelledby="exp-key-h">
        <h3 id="exp-key-h" class="lp-h">Signing key</h3>
        {key === null ? <Text>Reading your signing key…</Text> : null}
        {key?.kind === 'ready' ? (
          <Text>
            Packs are signed with your key {shortFingerprint(key.record.fingerprint)} (published on this file as {key.record.owner?.name ?? 'unnamed'}).
          </Text>
        ) : null}
        {key?.kind === 'none' ? <Text>You have no signing key yet. A new key is made here; only its public half is published on this file.</Text> : null}
        {key?.kind === 'lost' || key?.kind === 'damaged' ? <Warning>{key.message}</Warning> : null}
        {key && key.published.length > 0 ? (
          <ul class="lp-small lp-muted" aria-label="Published signing keys">
            {key.published.map((r) => (
              <li key={r.fingerprint}>
                {r.owner?.name ?? 'unnamed'} — {shortFingerprint(r.fingerprint)} ({r.createdAt.slice(0, 10)})
              </li>
            ))}
          </ul>
        ) : null}
        {key ? (
          <div>
            <Button secondary={key.kind === 'ready'} onClick={makeKey} disabled={runner.running}>
              New signing key
            </Button>
          </div>
        ) : null}
      </section>

      <section class="lp-stack" aria-labelledby="exp-patterns-h">
        <h3 id="exp-patterns-h" class="lp-h">Patterns</h3>
        {rows === null ? <Text>Listing tracked patterns…</Text> : null}
        {rows !== null && rows.length === 0 ? <Text>No tracked patterns in this file.</Text> : null}
        {rows !== null && rows.length > 0 ? (
          <fieldset class="lp-fieldset lp-checks">
            <legend class="lp-label">Patterns to export</legend>
            {rows.map((r) => (
              <label key={r.nodeId} class="lp-filter-check">
                <input
                  type="checkbox"
                  checked={chosen.has(r.nodeId)}
                  onChange={(e) => {
                    const next = new Set(chosen)
                    if (e.currentTarget.checked) next.add(r.nodeId)
                    else next.delete(r.nodeId)
                    setChosen(next)
                  }}
                />{' '}
                {r.name} <span class="lp-muted lp-small">({STATUS_TEXT[r.status]}, license: {r.license})</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <div>
          <button type="button" class="lp-link" onClick={useSelection}>
            Use the selection
          </button>
        </div>
      </section>

      <fieldset class="lp-fieldset lp-stack">
        <legend class="lp-label">Assets</legend>
        <Field id="exp-scales" label="PNG scales" error={errorOf('pngScales')}>
          <input id="exp-scales" class="lp-input" value={form.pngScales} onInput={(e) => set('pngScales', e.currentTarget.value)} />
        </Field>
        <Field id="exp-widths" label="PNG widths (px)" error={errorOf('pngWidths')}>
          <input id="exp-widths" class="lp-input" value={form.pngWidths} placeholder="e.g. 2048" onInput={(e) => set('pngWidths', e.currentTarget.value)} />
        </Field>
        <label class="lp-filter-check">
          <input type="checkbox" checked={form.svg} onChange={(e) => set('svg', e.currentTarget.checked)} /> SVG
        </label>
        <label class="lp-filter-check">
          <input type="checkbox" checked={form.pdf} onChange={(e) => set('pdf', e.currentTarget.checked)} /> PDF
        </label>
        <label class="lp-filter-check">
          <input type="checkbox" checked={form.repeatPreview} onChange={(e) => set('repeatPreview', e.currentTarget.checked)} /> Repeat preview (3 × 3)
        </label>
      </fieldset>

      <fieldset class="lp-fieldset lp-stack">
        <legend class="lp-label">Intended use</legend>
        <Field id="exp-field" label="Field of use" error={errorOf('fieldOfUse')}>
          <select id="exp-field" class="lp-input" value={form.fieldOfUse} onChange={(e) => set('fieldOfUse', e.currentTarget.value as FieldOfUse)}>
            {FIELDS_OF_USE.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="exp-territory" label="Territory" error={errorOf('territory')}>
          <input id="exp-territory" class="lp-input" value={form.territory} onInput={(e) => set('territory', e.currentTarget.value)} />
        </Field>
        <Field id="exp-units" label="Units" error={errorOf('units')}>
          <input id="exp-units" class="lp-input" inputMode="numeric" value={form.units} onInput={(e) => set('units', e.currentTarget.value)} />
        </Field>
        <Field id="exp-impressions" label="Impressions" error={errorOf('impressions')}>
          <input id="exp-impressions" class="lp-input" inputMode="numeric" value={form.impressions} onInput={(e) => set('impressions', e.currentTarget.value)} />
        </Field>
        <Field id="exp-date" label="Use starts" error={errorOf('date')}>
          <input id="exp-date" class="lp-input" type="date" value={form.date} onInput={(e) => set('date', e.currentTarget.value)} />
        </Field>
      </fieldset>

      {refused && pending ? (
        <section
          ref={refusedBox}
          class="lp-confirm lp-stack"
          role="alertdialog"
          aria-labelledby="exp-refused-h"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return
            event.stopPropagation()
            back()
          }}
        >
          <h3 id="exp-refused-h" class="lp-h">
            {refused.length === 1 ? '1 pattern cannot be exported' : `${String(refused.length)} patterns cannot be exported`}
          </h3>
          <ul aria-label="Refused patterns">
            {refused.map((c) => (
              <li key={c.nodeId}>
                <strong>{c.name}</strong>
                <ul>
                  {c.reasons.map((reason) => (
                    <li key={reason} class="lp-reason">
                      {reason}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {allowedCount > 0 ? (
            <Text>
              Leave {refused.length === 1 ? 'it' : 'them'} out and export the other {allowedCount === 1 ? 'pattern' : `${String(allowedCount)} patterns`}?
            </Text>
          ) : (
            <Text>No chosen pattern can be exported with this use.</Text>
          )}
          <div class="lp-row">
            {allowedCount > 0 ? (
              <Button onClick={() => void exportAllowed(pending)} disabled={runner.running}>
                Leave out and export
              </Button>
            ) : null}
            <Button secondary onClick={back}>
              Back
            </Button>
          </div>
        </section>
      ) : null}

      {runner.running && progress ? (
        <div class="lp-progress" aria-live="polite">
          <Text>{runner.cancelling ? 'Cancelling…' : progress.asset ? `${STAGE_WORDS[progress.stage]}: ${progress.asset.name}` : STAGE_WORDS[progress.stage]}</Text>
          <div class="lp-progress-track" role="progressbar" aria-label="Export progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : undefined}>
            <div class="lp-progress-fill" style={{ width: progress.total > 0 ? `${String((progress.done / progress.total) * 100)}%` : '10%' }} />
          </div>
          <button
            type="button"
            class="lp-link"
            disabled={runner.cancelling}
            onClick={() => {
              setCancelled(true)
              runner.cancel()
            }}
          >
            Cancel
          </button>
        </div>
      ) : null}
      {cancelled && !runner.running ? <Text>Export cancelled. No pack was made.</Text> : null}

      {refused === null ? (
        <div ref={exportBox}>
          <Button onClick={startExport} disabled={runner.running || key?.kind !== 'ready'}>
            Export pack
          </Button>
        </div>
      ) : null}

      {download ? (
        <div class="lp-result lp-stack" role="status">
          <Text>
            Pack ready: {download.patterns.join(', ')} ({Math.round(download.size / 1024)} kB). Check it with “npx loomprint verify {download.fileName}”.
          </Text>
          {download.notes.length > 0 ? (
            <ul aria-label="Conditions of this use">
              {download.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
          <a ref={link} href={download.url} download={download.fileName}>
            Download {download.fileName}
          </a>
        </div>
      ) : null}
    </div>
  )
}

function Field({ id, label, error, children }: { id: string; label: string; error: string | null; children: preact.ComponentChildren }) {
  return (
    <div class="lp-field">
      <label class="lp-label" for={id}>
        {label}
      </label>
      {children}
      {error ? (
        <span class="lp-field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  )
}
