/** The AI-origin form: declared once when layers are marked as AI-generated. */
import { Button, Textbox, TextboxMultiline, VerticalSpace } from '@create-figma-plugin/ui'
import type { FieldIssue } from '../../provenance/record'
import { issuesByField, ORIGIN_FIELDS, type OriginField, type OriginForm } from './origin-form'
import { describedBy, Field, Warning } from '../shared/widgets'

export function OriginFormView({
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
      <h2 class="lp-h3">AI origin {count > 1 ? `(for ${String(count)} layers)` : ''}</h2>
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

