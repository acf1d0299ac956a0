/**
 * The License form's fields: a label, the control, a hint and the field's own messages
 * (role="alert", tied to the control by aria-describedby), for text, choice, fields of
 * use and royalty splits. The form is license.tsx; its text ⇄ terms is license-form.ts.
 */
import type { ComponentChildren } from 'preact'
import { FIELDS_OF_USE, SPLIT_ROLE_LABELS, SPLIT_ROLES, type FieldOfUse } from '../../license/terms'
import type { Person } from '../../provenance/record'
import type { LicenseField, SplitForm, splitTotalText } from './license-form'

type FieldMessages = Partial<Record<LicenseField, string[]>>

export function invalid(id: string, field: LicenseField, fields: FieldMessages) {
  const has = (fields[field]?.length ?? 0) > 0
  return { 'aria-invalid': has ? true : undefined, 'aria-describedby': has ? id + '-error' : undefined }
}

export function FormField({
  id,
  label,
  hint,
  field,
  fields,
  children,
}: {
  id: string
  label: string
  hint?: string
  field: LicenseField
  fields: FieldMessages
  children: ComponentChildren
}) {
  const messages = fields[field] ?? []
  return (
    <div class={'lp-field' + (messages.length > 0 ? ' lp-field-invalid' : '')}>
      <label class="lp-label" for={id}>
        {label}
      </label>
      {children}
      {hint ? <div class="lp-hint">{hint}</div> : null}
      {messages.length > 0 ? (
        <div class="lp-field-error" id={id + '-error'} role="alert">
          {messages.join(' · ')}
        </div>
      ) : null}
    </div>
  )
}

export function Input(props: { id: string; label: string; hint?: string; field: LicenseField; fields: FieldMessages; value: string; onInput: (v: string) => void }) {
  return (
    <FormField {...props}>
      <input id={props.id} class="lp-input lp-wide" value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} {...invalid(props.id, props.field, props.fields)} />
    </FormField>
  )
}

export function Select(props: {
  id: string
  label: string
  field: LicenseField
  fields: FieldMessages
  value: string
  options: [string, string][]
  onChange: (v: string) => void
}) {
  return (
    <FormField {...props}>
      <select id={props.id} class="lp-input lp-wide" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)} {...invalid(props.id, props.field, props.fields)}>
        {props.options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </FormField>
  )
}

export function FieldsOfUse(props: { id: string; label: string; field: LicenseField; fields: FieldMessages; chosen: FieldOfUse[]; onChange: (v: FieldOfUse[]) => void }) {
  const messages = props.fields[props.field] ?? []
  return (
    <fieldset class={'lp-fieldset' + (messages.length > 0 ? ' lp-field-invalid' : '')} aria-describedby={messages.length > 0 ? props.id + '-error' : undefined}>
      <legend class="lp-label">{props.label}</legend>
      <div class="lp-checks">
        {FIELDS_OF_USE.map((f) => (
          <label key={f.id} class="lp-filter-check">
            <input
              type="checkbox"
              checked={props.chosen.includes(f.id)}
              onChange={(e) => props.onChange(e.currentTarget.checked ? [...props.chosen, f.id] : props.chosen.filter((x) => x !== f.id))}
            />{' '}
            {f.label}
          </label>
        ))}
      </div>
      {messages.length > 0 ? (
        <div class="lp-field-error" id={props.id + '-error'} role="alert">
          {messages.join(' · ')}
        </div>
      ) : null}
    </fieldset>
  )
}

export function Splits({
  splits,
  people,
  fields,
  onChange,
  total,
}: {
  splits: SplitForm[]
  people: Person[]
  fields: FieldMessages
  onChange: (s: SplitForm[]) => void
  total: ReturnType<typeof splitTotalText>
}) {
  const messages = fields['royalty.splits'] ?? []
  const update = (i: number, s: Partial<SplitForm>) => onChange(splits.map((x, j) => (j === i ? { ...x, ...s } : x)))
  return (
    <fieldset class={'lp-fieldset' + (messages.length > 0 ? ' lp-field-invalid' : '')}>
      <legend class="lp-label">Royalty splits (basis points; 100 = 1 %)</legend>
      {splits.map((s, i) => (
        <div class="lp-row" key={i}>
          <select class="lp-input" aria-label={`Split ${String(i + 1)} role`} value={s.role} onChange={(e) => update(i, { role: e.currentTarget.value as SplitForm['role'], personId: '', name: '' })}>
            {SPLIT_ROLES.map((r) => (
              <option key={r} value={r}>
                {SPLIT_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          {s.role === 'humanAuthor' ? (
            <select
              class="lp-input"
              aria-label={`Split ${String(i + 1)} author`}
              value={s.personId}
              onChange={(e) => {
                const p = people.find((x) => x.id === e.currentTarget.value)
                update(i, { personId: p?.id ?? '', name: p?.name ?? '' })
              }}
            >
              <option value="">Choose a person…</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          ) : (
            <input class="lp-input" aria-label={`Split ${String(i + 1)} name`} value={s.name} onInput={(e) => update(i, { name: e.currentTarget.value })} />
          )}
          <input class="lp-input lp-narrow" aria-label={`Split ${String(i + 1)} basis points`} value={s.basisPoints} onInput={(e) => update(i, { basisPoints: e.currentTarget.value })} />
          <button type="button" class="lp-link" onClick={() => onChange(splits.filter((_, j) => j !== i))} aria-label={`Remove split ${String(i + 1)}`}>
            Remove
          </button>
        </div>
      ))}
      <div class="lp-row">
        <button type="button" class="lp-link" onClick={() => onChange([...splits, { role: 'studio', personId: '', name: '', basisPoints: '0' }])}>
          Add a party
        </button>
        <span class={total.ok ? 'lp-ok' : 'lp-bad'} aria-live="polite" id="lic-split-total">
          Total: {total.text}
        </span>
      </div>
      {messages.length > 0 ? (
        <div class="lp-field-error" id="lic-splits-error" role="alert">
          {messages.join(' · ')}
        </div>
      ) : null}
    </fieldset>
  )
}
