/**
 * The License tab: terms for the selected pattern(s), with field-level messages, the
 * eligibility list per pattern, a live split total, and "Save license". The terms and
 * rules are src/license/; the reading and writing is license-workflows.ts.
 */
import { Button, Text } from '@create-figma-plugin/ui'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { ClientEndpoint } from '../../channel'
import type { LayerInfo, User } from '../../messages'
import type { FieldIssue } from '../../license/issues'
import {
  CAP_KIND_LABELS,
  CAP_KINDS,
  EXCLUSIVITIES,
  EXCLUSIVITY_LABELS,
  RESIDUAL_RIGHTS,
  ROYALTY_BASES,
  TIER_LABELS,
  TIERS,
  TRAINING_USES,
} from '../../license/terms'
import { DEFAULT_POLICY, type TeamPolicy } from '../../provenance/policy'
import type { Person } from '../../provenance/record'
import {
  defaultLicenseForm,
  licenseFormOf,
  licenseIssuesByField,
  parseLicenseForm,
  splitTotalText,
  type LicenseForm,
} from './license-form'
import { eligibilityOf, loadLicenseTargetAsync, saveLicenseAsync, type LicenseTarget, type SaveOutcome, type TargetLoad } from './license-workflows'
import { plural } from '../shared/format'
import { fieldWords, stillShown } from '../shared/form-issues'
import { Warning } from '../shared/widgets'
import { errorMessage } from '../shared/workflow-context'
import { loadPolicyAsync } from '../policy/policy-workflows'
import { ContractFrame } from './contract-frame'
import { FieldsOfUse, FormField, Input, invalid, Select, Splits } from './license-fields'
import { saveFrameAsDefaultAsync } from './frame-default'

export interface LicenseTabProps {
  client: ClientEndpoint
  user: User
  now: () => number
  selection: readonly LayerInfo[]
  onError: (message: string) => void
  /**
   * The unsaved terms of the last License tab, kept by the window for the same selection
   * (issue #21, item 15: switching tabs lost them without a word); null once saved.
   */
  draft?: LicenseDraft | null
  setDraft?: (draft: LicenseDraft | null) => void
}

/** Unsaved License-form text for the patterns `key` names (their node ids, joined). */
export interface LicenseDraft {
  key: string
  form: LicenseForm
}

const OVER_CAP_LABELS = { deny: 'Deny', renegotiate: 'Renegotiate', perUnitRoyalty: 'Per-unit royalty' } as const
const BASIS_LABELS = { flatFee: 'Flat fee', perUnit: 'Per unit', revenueShare: 'Revenue share' } as const
const TRAINING_LABELS = { allowed: 'Allowed', notAllowed: 'Not allowed', constrained: 'Constrained' } as const
const RESIDUAL_LABELS = { deleteModels: 'Models trained on it must be deleted', keepModels: 'Models trained on it may be kept' } as const

export function LicenseTab({ client, user, now, selection, onError, draft, setDraft }: LicenseTabProps) {
  const nodeIds = selection.filter((l) => l.state === 'tracked').map((l) => l.id)
  const key = nodeIds.join(',')
  const [loads, setLoads] = useState<TargetLoad[] | null>(null)
  const [policy, setPolicy] = useState<TeamPolicy>(DEFAULT_POLICY)
  const [form, setFormState] = useState<LicenseForm | null>(null)
  const setForm = (next: LicenseForm) => {
    setFormState(next)
    setDraft?.({ key, form: next })
  }
  const [issues, setIssues] = useState<FieldIssue[]>([])
  const [saving, setSaving] = useState(false)
  const savingRef = useRef(false)
  const [saved, setSaved] = useState<SaveOutcome | null>(null)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    let cancelled = false
    setLoads(null)
    setSaved((s) => (generation === 0 ? null : s))
    Promise.all([loadPolicyAsync(client), Promise.all(nodeIds.map((id) => loadLicenseTargetAsync(client, id)))])
      .then(([p, results]) => {
        if (cancelled) return
        setPolicy(p.policy)
        setLoads(results)
        const first = results.find((r): r is Extract<TargetLoad, { kind: 'ok' }> => r.kind === 'ok')?.target
        const people = first?.people ?? []
        const stored = first?.entry?.current ? licenseFormOf(first.entry.current.terms, p.policy.licenseDefaults) : defaultLicenseForm(new Date(now()).toISOString().slice(0, 10), p.policy.licenseDefaults, people)
        // A draft for these very patterns, typed before a look at another tab, comes back.
        setFormState(generation === 0 && draft?.key === key ? draft.form : stored)
        setIssues([])
      })
      .catch((error: unknown) => onError(errorMessage(error)))
    return () => {
      cancelled = true
    }
  }, [client, key, generation])

  const targets = (loads ?? []).flatMap((l) => (l.kind === 'ok' ? [l.target] : []))
  const people = useMemo(() => {
    const byId = new Map<string, Person>()
    for (const t of targets) for (const p of t.people) byId.set(p.id, p)
    return [...byId.values()]
  }, [loads])
  const parsed = form ? parseLicenseForm(form) : null

  if (nodeIds.length === 0) {
    return (
      <div class="lp-tab lp-empty">
        <Text>Select one or more tracked patterns to set their license terms.</Text>
        <div class="lp-muted">The same terms are stamped on every selected pattern; eligibility is checked for each.</div>
      </div>
    )
  }
  if (loads === null || form === null) return <div class="lp-tab lp-muted">Reading the selected patterns…</div>

  const save = () => {
    // A ref, not state: the second click of a double click arrives before a re-render.
    if (savingRef.current) return
    const result = parseLicenseForm(form)
    if (!result.ok) {
      setIssues(result.issues)
      return
    }
    setIssues([])
    savingRef.current = true
    setSaving(true)
    saveLicenseAsync(client, targets, result.terms, { user, now })
      .then((outcome) => {
        // Nothing new to write: what was said about the save that wrote them still holds.
        setSaved((before) => (outcome.saved.length === 0 && outcome.refused.length === 0 && before ? before : outcome))
        if (outcome.refused.length === 0) setDraft?.(null)
        setGeneration((g) => g + 1)
      })
      .catch((error: unknown) => onError(errorMessage(error)))
      .finally(() => {
        savingRef.current = false
        setSaving(false)
      })
  }

  // Shown problems clear as their fields are fixed (issue #21, item 12).
  const shownIssues = parsed && !parsed.ok ? stillShown(issues, parsed.issues) : []
  const { fields, general } = licenseIssuesByField(shownIssues)
  const set = <K extends keyof LicenseForm>(k: K, v: LicenseForm[K]) => setForm({ ...form, [k]: v })
  const total = splitTotalText(form.splits)

  return (
    <div class="lp-tab lp-stack">
      <div class="lp-muted">
        {targets.length === 1 ? `License terms for “${targets[0]!.name}”` : `The same terms for ${plural(targets.length, 'pattern')}: ${targets.map((t) => `“${t.name}”`).join(', ')}`}
        {targets[0]?.entry?.current ? ` · current terms ${targets[0].entry.current.fingerprint.slice(0, 19)}…` : ''}
      </div>
      {loads.map((l) => (l.kind === 'refused' ? <Warning key={l.nodeId}>“{l.name}” cannot be licensed: {l.reason}</Warning> : null))}
      {targets.flatMap((t) => t.problems.map((p) => <Warning key={t.nodeId + p}>“{t.name}”: {p}</Warning>))}

      <div class="lp-form" role="form" aria-label="License terms">
        {general.length > 0 ? <Warning>{general.join(' ')}</Warning> : null}
        <div class="lp-grid">
          <Select id="lic-tier" label="Tier" field="tier" fields={fields} value={form.tier} options={TIERS.map((t) => [t, TIER_LABELS[t]])} onChange={(v) => set('tier', v as LicenseForm['tier'])} />
          <Select
            id="lic-exclusivity"
            label="Exclusivity"
            field="exclusivity"
            fields={fields}
            value={form.exclusivity}
            options={EXCLUSIVITIES.map((e) => [e, EXCLUSIVITY_LABELS[e]])}
            onChange={(v) => set('exclusivity', v as LicenseForm['exclusivity'])}
          />
        </div>
        <Input id="lic-licensor" label="Licensor" field="licensor" fields={fields} value={form.licensor} onInput={(v) => set('licensor', v)} />
        <FormField id="lic-licensee" label="Licensee" field="licensee" fields={fields}>
          <label class="lp-filter-check">
            <input type="checkbox" checked={form.licenseeAny} onChange={(e) => set('licenseeAny', e.currentTarget.checked)} /> Any subscriber
          </label>
          {!form.licenseeAny ? (
            <input id="lic-licensee" class="lp-input lp-wide" aria-label="Licensee name" value={form.licenseeName} onInput={(e) => set('licenseeName', e.currentTarget.value)} {...invalid('lic-licensee', 'licensee', fields)} />
          ) : null}
        </FormField>
        <FieldsOfUse label="Allowed fields of use" id="lic-allowed" field="fieldOfUse.allowed" fields={fields} chosen={form.allowed} onChange={(v) => set('allowed', v)} />
        <FieldsOfUse label="Denied fields of use" id="lic-denied" field="fieldOfUse.denied" fields={fields} chosen={form.denied} onChange={(v) => set('denied', v)} />
        <Input id="lic-notes" label="Field-of-use notes" field="fieldOfUse.notes" fields={fields} value={form.fieldNotes} onInput={(v) => set('fieldNotes', v)} />
        <Input
          id="lic-territory"
          label="Territory"
          hint="“worldwide”, ISO 3166-1 codes such as “FR, DE”, or “except RU”"
          field="territory"
          fields={fields}
          value={form.territory}
          onInput={(v) => set('territory', v)}
        />
        <div class="lp-grid">
          <Input id="lic-start" label="Term start" hint="YYYY-MM-DD" field="term.start" fields={fields} value={form.termStart} onInput={(v) => set('termStart', v)} />
          <Input id="lic-end" label="Term end" hint="Empty: perpetual" field="term.end" fields={fields} value={form.termEnd} onInput={(v) => set('termEnd', v)} />
        </div>

        <FormField id="lic-caps" label="Usage caps (empty: unlimited)" field="caps" fields={fields}>
          {CAP_KINDS.map((kind) => {
            const cap = form.caps[kind]
            const setCap = (c: Partial<typeof cap>) => set('caps', { ...form.caps, [kind]: { ...cap, ...c } })
            return (
              <div class="lp-row" key={kind}>
                {/* A visible label, not a placeholder that vanishes once typed (issue #21, item 14). */}
                <label class="lp-cap-label">
                  <span class="lp-small">{CAP_KIND_LABELS[kind]}</span>
                  <input class="lp-input" aria-label={`${CAP_KIND_LABELS[kind]} cap`} value={cap.limit} onInput={(e) => setCap({ limit: e.currentTarget.value })} />
                </label>
                <select class="lp-input" aria-label={`Beyond the ${CAP_KIND_LABELS[kind].toLowerCase()} cap`} value={cap.overCap} onChange={(e) => setCap({ overCap: e.currentTarget.value as typeof cap.overCap })}>
                  {Object.entries(OVER_CAP_LABELS).map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </select>
                {cap.overCap === 'perUnitRoyalty' ? (
                  <>
                    <input class="lp-input lp-narrow" aria-label={`${CAP_KIND_LABELS[kind]} per-unit amount`} value={cap.amount} onInput={(e) => setCap({ amount: e.currentTarget.value })} />
                    <input class="lp-input lp-narrow" aria-label={`${CAP_KIND_LABELS[kind]} currency`} value={cap.currency} onInput={(e) => setCap({ currency: e.currentTarget.value })} />
                  </>
                ) : null}
              </div>
            )
          })}
        </FormField>

        <FormField id="lic-basis" label="Royalty basis" field="royalty.basis" fields={fields}>
          <div class="lp-row">
            <select id="lic-basis" class="lp-input" value={form.basis} onChange={(e) => set('basis', e.currentTarget.value as LicenseForm['basis'])}>
              {ROYALTY_BASES.map((b) => (
                <option key={b} value={b}>
                  {BASIS_LABELS[b]}
                </option>
              ))}
            </select>
            {form.basis === 'revenueShare' ? (
              <input class="lp-input lp-narrow" aria-label="Revenue share (basis points)" value={form.basisShare} onInput={(e) => set('basisShare', e.currentTarget.value)} />
            ) : (
              <>
                <input class="lp-input lp-narrow" aria-label="Amount" value={form.basisAmount} onInput={(e) => set('basisAmount', e.currentTarget.value)} />
                <input class="lp-input lp-narrow" aria-label="Currency" value={form.basisCurrency} onInput={(e) => set('basisCurrency', e.currentTarget.value)} />
              </>
            )}
          </div>
        </FormField>

        <Splits splits={form.splits} people={people} fields={fields} onChange={(v) => set('splits', v)} total={total} />

        <div class="lp-grid">
          <Select
            id="lic-training"
            label="AI training and data mining"
            field="aiTraining"
            fields={fields}
            value={form.training}
            options={TRAINING_USES.map((t) => [t, TRAINING_LABELS[t]])}
            onChange={(v) => set('training', v as LicenseForm['training'])}
          />
          <Select
            id="lic-residual"
            label="After the term"
            field="residualRights"
            fields={fields}
            value={form.residual}
            options={RESIDUAL_RIGHTS.map((r) => [r, RESIDUAL_LABELS[r]])}
            onChange={(v) => set('residual', v as LicenseForm['residual'])}
          />
        </div>
        {form.training === 'constrained' ? (
          <Input id="lic-constraint" label="Training constraint" field="aiTraining" fields={fields} value={form.constraint} onInput={(v) => set('constraint', v)} />
        ) : null}
        <Input id="lic-attribution" label="Attribution" field="attribution" fields={fields} value={form.attribution} onInput={(v) => set('attribution', v)} />
        <label class="lp-filter-check">
          <input type="checkbox" checked={form.derivatives} onChange={(e) => set('derivatives', e.currentTarget.checked)} /> Derivatives allowed
        </label>
        <ContractFrame
          frame={form.frame}
          onChange={(v) => set('frame', v)}
          fields={fields}
          named={!form.licenseeAny}
          exclusive={form.exclusivity !== 'nonExclusive'}
          currency={form.basisCurrency}
          fromPolicy={policy.licenseDefaults?.contract !== undefined}
          onSaveDefault={() =>
            saveFrameAsDefaultAsync(client, policy, form)
              .then((r) => (r.ok ? setPolicy(r.policy) : setIssues(r.issues)))
              .catch((error: unknown) => onError(errorMessage(error)))
          }
        />
        <div class="lp-row">
          <Button disabled={saving || targets.length === 0} onClick={save}>
            Save license
          </Button>
        </div>
      </div>

      {saved ? <SavedView outcome={saved} /> : null}

      <section aria-labelledby="lic-eligibility" class="lp-stack">
        <h2 class="lp-h3" id="lic-eligibility">Eligibility</h2>
        {parsed && !parsed.ok ? (
          <div class="lp-muted lp-small">
            Checked once the terms are complete ({plural(parsed.issues.length, 'field')} to fix:{' '}
            {[...new Set(Object.keys(licenseIssuesByField(parsed.issues).fields).map(fieldWords))].join(', ') || 'see above'}).
          </div>
        ) : null}
        {parsed && parsed.ok
          ? targets.map((t) => <EligibilityView key={t.nodeId} target={t} result={eligibilityOf(parsed.terms, t, policy)} many={targets.length > 1} />)
          : null}
      </section>
    </div>
  )
}

function EligibilityView({ target, result, many }: { target: LicenseTarget; result: ReturnType<typeof eligibilityOf>; many: boolean }) {
  return (
    <div class="lp-stack">
      {many ? <div class="lp-h3">{target.name}</div> : null}
      <ul class="lp-elements" aria-label={many ? `Eligibility of ${target.name}` : 'Eligibility'}>
        {result.rules.map((r) => (
          <li key={r.id} class="lp-row">
            <span class={r.ok ? 'lp-ok' : r.severity === 'error' ? 'lp-bad' : 'lp-muted'} aria-hidden="true">
              {r.ok ? '✓' : r.severity === 'error' ? '✗' : '!'}
            </span>
            <span class="lp-grow">
              <span class="lp-visually-hidden">{r.ok ? 'Met: ' : r.severity === 'error' ? 'Not met: ' : 'Warning: '}</span>
              {r.reason}
            </span>
          </li>
        ))}
      </ul>
      <div class={result.eligible ? 'lp-ok' : 'lp-bad'}>
        {result.eligible ? 'Eligible for these terms.' : 'Not eligible for these terms: export will refuse them until the ✗ rules hold.'}
        {result.verifiedHuman ? ' Provenance-verified human.' : ''}
      </div>
    </div>
  )
}

function SavedView({ outcome }: { outcome: SaveOutcome }) {
  return (
    <div class="lp-stack" role="status">
      {outcome.saved.length > 0 ? (
        <div class="lp-note">
          Saved the license on {outcome.saved.map((s) => `“${s.name}”`).join(', ')}
          {outcome.saved[0] && outcome.saved[0].changed.length < 17 ? ` (changed: ${outcome.saved[0].changed.join(', ')})` : ''}. Each save is its own undo step.
        </div>
      ) : null}
      {outcome.unchanged.length > 0 ? (
        <div class="lp-note">
          {outcome.unchanged.map((s) => `“${s.name}”`).join(', ')} already {outcome.unchanged.length === 1 ? 'carries' : 'carry'} these terms: nothing to save.
        </div>
      ) : null}
      {outcome.refused.map((r) => (
        <Warning key={r.nodeId}>
          “{r.name}”: {r.reason}
        </Warning>
      ))}
    </div>
  )
}
