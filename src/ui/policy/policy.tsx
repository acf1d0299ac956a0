/** The Team policy tab: the coefficient's knobs, stored on the document root. */
import { Button, Checkbox, Text, Textbox, VerticalSpace } from '@create-figma-plugin/ui'
import { useEffect, useState } from 'preact/hooks'
import type { ClientEndpoint } from '../../channel'
import { DEFAULT_POLICY, parsePolicy, policyFingerprint, type PolicyIssue } from '../../provenance/policy'
import {
  isNumberField,
  POLICY_CHECKBOXES,
  POLICY_FIELDS,
  POLICY_HINTS,
  policyInputFromForm,
  policyIssuesByField,
  policyProblems,
  policyToForm,
  type PolicyForm,
} from './policy-form'
import { describedBy, Field, ProgressView, Warning } from '../shared/widgets'
import { stillShown } from '../shared/form-issues'
import { errorMessage } from '../shared/workflow-context'
import { loadPolicyAsync, savePolicyAsync, type PolicyLoad } from './policy-workflows'

const GROUPS = [
  {
    group: 'weights',
    title: 'Dimension weights',
    hint: 'How much a full change in each dimension counts (0..1).',
  },
  {
    group: 'curation',
    title: 'Curation',
    hint: 'Removing or hiding an AI element counts this much of its visible share; a layer reorder counts a little.',
  },
  {
    group: 'thresholds',
    title: 'Label thresholds',
    hint: 'Below the first: “AI-generated”. From the second: “Human-authored, AI-assisted”.',
  },
  {
    group: 'licensing',
    title: 'Licensing',
    hint: 'Exclusive or sole terms need an approved review and at least this human contribution: under US Copyright Office guidance, purely machine-made output cannot be owned.',
  },
  {
    group: 'review',
    title: 'Review',
    hint: 'When on, a person who edited a pattern cannot approve it.',
  },
  {
    group: 'licenseDefaults',
    title: 'License defaults',
    hint: 'What new license terms start from.',
  },
] as const

export function PolicyTab({ client, onError }: { client: ClientEndpoint; onError: (message: string) => void }) {
  const [load, setLoad] = useState<PolicyLoad | null>(null)
  const [form, setForm] = useState<PolicyForm>(policyToForm(DEFAULT_POLICY))
  const [issues, setIssues] = useState<PolicyIssue[]>([])
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)

  const reload = () => {
    loadPolicyAsync(client)
      .then((result) => {
        setLoad(result)
        setForm(policyToForm(result.policy))
      })
      .catch((error: unknown) => onError(errorMessage(error)))
  }
  useEffect(reload, [client])

  const save = () => {
    const { input, issues: local } = policyProblems(form, load?.policy)
    if (local.length > 0) {
      setIssues(local)
      return
    }
    setSaving(true)
    setSaved(null)
    savePolicyAsync(client, input)
      .then((result) => {
        if (result.kind === 'invalid') setIssues(result.issues)
        else {
          setIssues([])
          setLoad({ kind: 'stored', policy: result.policy, fingerprint: result.fingerprint })
          setForm(policyToForm(result.policy))
          setSaved(result.fingerprint)
        }
      })
      .catch((error: unknown) => onError(errorMessage(error)))
      .finally(() => setSaving(false))
  }

  if (load === null) return <ProgressView progress={null} />
  // Shown problems clear as their fields are fixed (issue #21, item 12).
  const { fields, general } = policyIssuesByField(stillShown(issues, policyProblems(form, load.policy).issues))
  const edited = policyInputFromForm(form, load.policy)
  const editedFingerprint = edited.issues.length === 0 ? safeFingerprint(edited.input) : null

  return (
    <div
      class="lp-tab lp-form"
      role="form"
      aria-label="Team policy"
    >
      <Text>
        The team policy is stored in this file and used by every capture in it. Each capture records the policy’s
        fingerprint.
      </Text>
      {load.kind === 'invalid' ? (
        <Warning>
          The policy stored in this file is invalid (
          {load.issues.map((i) => (i.path ? i.path + ': ' : '') + i.message).join('; ')}). Captures use the default
          policy until a valid one is saved. The form shows the defaults.
        </Warning>
      ) : null}
      {load.kind === 'default' ? <div class="lp-muted">No policy is stored yet: the defaults apply.</div> : null}
      {general.length > 0 ? <Warning>{general.join(' ')}</Warning> : null}
      {GROUPS.map(({ group, title, hint }) => (
        <fieldset key={group} class="lp-fieldset">
          <legend class="lp-h3">{title}</legend>
          <div class="lp-muted lp-small">{hint}</div>
          <div class="lp-grid">
            {POLICY_FIELDS.filter((f) => f.group === group).map((spec) => {
              const id = 'policy-' + spec.field.replace('.', '-')
              const messages = fields[spec.field]
              if (POLICY_CHECKBOXES.includes(spec.field)) {
                return (
                  // A sentence, not a number: it takes the whole row of the two-column grid.
                  <div key={spec.field} class="lp-field" style={{ gridColumn: '1 / -1' }}>
                    <Checkbox
                      id={id}
                      value={form[spec.field] === 'true'}
                      disabled={saving}
                      onValueChange={(value: boolean) => setForm({ ...form, [spec.field]: value ? 'true' : 'false' })}
                    >
                      <Text>{spec.label}</Text>
                    </Checkbox>
                  </div>
                )
              }
              const hint = POLICY_HINTS[spec.field]
              return (
                <Field key={spec.field} id={id} label={spec.label} hint={hint} messages={messages}>
                  <Textbox
                    id={id}
                    variant="border"
                    value={form[spec.field]}
                    disabled={saving}
                    onValueInput={(value: string) => setForm({ ...form, [spec.field]: value })}
                    aria-invalid={messages && messages.length > 0 ? true : undefined}
                    aria-describedby={describedBy(id, hint !== undefined, messages)}
                    inputMode={isNumberField(spec.field) ? 'decimal' : 'text'}
                  />
                </Field>
              )
            })}
          </div>
        </fieldset>
      ))}
      <VerticalSpace space="small" />
      <div class="lp-row">
        <Button
          secondary
          disabled={saving}
          onClick={() => {
            setForm(policyToForm(DEFAULT_POLICY))
            setIssues([])
          }}
        >
          Reset to defaults
        </Button>
        <Button disabled={saving} onClick={save}>
          Save policy
        </Button>
      </div>
      {saved ? <div class="lp-note">Saved. The next capture uses policy {saved}.</div> : null}
      <div class="lp-muted lp-small">
        Fingerprint in use: <span class="lp-code">{load.fingerprint}</span>
        {load.kind === 'stored' ? '' : ' (default policy)'}
        {editedFingerprint !== null && editedFingerprint !== load.fingerprint ? (
          <span>
            {' '}
            · unsaved changes would make it <span class="lp-code">{editedFingerprint}</span>
          </span>
        ) : null}
      </div>
    </div>
  )
}

function safeFingerprint(input: unknown): string | null {
  // Same parse as the save, so the preview fingerprint is the one a save would store.
  const parsed = parsePolicy(input)
  return parsed.ok ? policyFingerprint(parsed.policy) : null
}
