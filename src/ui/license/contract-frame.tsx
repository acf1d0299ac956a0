/**
 * The contract frame in the License form (issue #24): counsel's choices in grouped,
 * collapsible sections so the form stays short — each group's summary says whether it
 * is complete, comes from the team policy, or is missing ("needs contract frame").
 * Only the groups a deal changes are open by default: the parties and acceptance of a
 * named licensee. New fields live here rather than in license.tsx (#21 works there).
 */
import { Button } from '@create-figma-plugin/ui'
import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import {
  ACCEPTANCE_LABELS,
  ACCEPTANCE_METHODS,
  ASSIGNMENT_LABELS,
  ASSIGNMENTS,
  FILES_AFTER,
  FILES_AFTER_LABELS,
  REPORTING_LABELS,
  REPORTING_PERIODS,
  SUBLICENSING,
  SUBLICENSING_LABELS,
  WARRANTIES,
  WARRANTY_LABELS,
} from '../../license/contract'
import { isBlankFrame, type ContractForm, type PartyForm } from './contract-form'
import type { LicenseField } from './license-form'

type Fields = Partial<Record<LicenseField, string[]>>

export interface ContractFrameProps {
  frame: ContractForm
  onChange: (frame: ContractForm) => void
  fields: Fields
  /** The licensee is named: its entity and acceptance are asked for. */
  named: boolean
  /** Exclusive or sole: acceptance is required before export. */
  exclusive: boolean
  /** The royalty's currency, for the advance, guarantee and indemnity cap. */
  currency: string
  /** Whether the team policy holds a frame the form started from. */
  fromPolicy: boolean
  /** Store this frame (without the deal's licensee and acceptance) as the team default. */
  onSaveDefault?: () => void
}

function messagesOf(fields: Fields, keys: readonly LicenseField[]): string[] {
  return keys.flatMap((k) => fields[k] ?? [])
}

function Group(props: { title: string; status: string; open?: boolean; invalid: string[]; children: ComponentChildren }) {
  // Open at first render only: typing into a blank frame must not fold the group away under the cursor.
  const [openAtFirst] = useState(props.open === true)
  return (
    <details class="lp-group" open={openAtFirst || props.invalid.length > 0}>
      <summary class="lp-label">
        {props.title} <span class="lp-muted lp-small">· {props.invalid.length > 0 ? `${props.invalid.length} to fix` : props.status}</span>
      </summary>
      <div class="lp-stack lp-group-body">
        {props.children}
        {props.invalid.length > 0 ? (
          <div class="lp-field-error" role="alert">
            {props.invalid.join(' · ')}
          </div>
        ) : null}
      </div>
    </details>
  )
}

/** A stable element id from a label ("Template SHA-256" → "lic-frame-template-sha-256"). */
function idOf(label: string): string {
  return 'lic-frame-' + label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

function Text(props: { label: string; value: string; onInput: (v: string) => void; hint?: string; invalid?: boolean }) {
  const id = idOf(props.label)
  // The hint sits outside the label: the accessible name stays the label alone, the hint describes.
  return (
    <div class="lp-field">
      <label class="lp-label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="lp-input lp-wide"
        value={props.value}
        aria-invalid={props.invalid ? true : undefined}
        aria-describedby={props.hint ? id + '-hint' : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.hint ? (
        <span class="lp-hint" id={id + '-hint'}>
          {props.hint}
        </span>
      ) : null}
    </div>
  )
}

function Choice<T extends string>(props: { label: string; value: T; options: readonly T[]; labels: { readonly [K in T]: string }; onChange: (v: T) => void }) {
  return (
    <div class="lp-field">
      <label class="lp-label" for={idOf(props.label)}>
        {props.label}
      </label>
      <select id={idOf(props.label)} class="lp-input lp-wide" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels[o]}
          </option>
        ))}
      </select>
    </div>
  )
}

function Check(props: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label class="lp-filter-check">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} /> {props.label}
    </label>
  )
}

function Party(props: { who: string; party: PartyForm; onChange: (p: PartyForm) => void; invalid: boolean }) {
  const set = (k: keyof PartyForm) => (v: string) => props.onChange({ ...props.party, [k]: v })
  return (
    <fieldset class="lp-fieldset">
      <legend class="lp-label">{props.who}</legend>
      <div class="lp-grid">
        <Text label={`${props.who} legal name`} value={props.party.legalName} onInput={set('legalName')} invalid={props.invalid} />
        <Text label={`${props.who} registration id`} value={props.party.registrationId} onInput={set('registrationId')} hint="Company register number; empty if none" />
      </div>
      <Text label={`${props.who} registered address`} value={props.party.address} onInput={set('address')} invalid={props.invalid} />
      <Text label={`${props.who} notice contact`} value={props.party.noticeContact} onInput={set('noticeContact')} hint="Where contractual notices go (e-mail or postal address)" invalid={props.invalid} />
      <div class="lp-grid">
        <Text label={`${props.who} signatory`} value={props.party.signatoryName} onInput={set('signatoryName')} invalid={props.invalid} />
        <Text label={`${props.who} signatory title`} value={props.party.signatoryTitle} onInput={set('signatoryTitle')} />
      </div>
    </fieldset>
  )
}

export function ContractFrame({ frame, onChange, fields, named, exclusive, currency, fromPolicy, onSaveDefault }: ContractFrameProps) {
  const set = <K extends keyof ContractForm>(k: K) => (v: ContractForm[K]) => onChange({ ...frame, [k]: v })
  const blank = isBlankFrame(frame)
  const source = blank ? 'needs contract frame' : fromPolicy ? 'from the team policy' : 'set for these terms'
  const agreement = messagesOf(fields, ['contract', 'contract.template', 'contract.governingLaw', 'contract.forum', 'contract.masterAgreement'])
  const parties = messagesOf(fields, ['contract.parties.licensor', 'contract.parties.licensee'])
  const acceptance = messagesOf(fields, ['contract.acceptance'])
  const risk = messagesOf(fields, ['contract.warranty', 'contract.indemnity'])
  const scope = messagesOf(fields, ['contract.sublicensing', 'contract.assignment', 'contract.restrictions'])
  const payment = messagesOf(fields, ['contract.payment'])
  const end = messagesOf(fields, ['contract.termination'])
  return (
    <section class="lp-stack" aria-labelledby="lic-frame-heading">
      <h2 class="lp-h3" id="lic-frame-heading">
        Contract frame
      </h2>
      <div class="lp-muted lp-small" id="lic-frame-status" role="status">
        {blank
          ? 'Needs contract frame: without it these terms are a deal sheet, and cannot be exported to a named licensee, exclusively or solely.'
          : `The schedule incorporates counsel’s template; ${fromPolicy ? 'defaults come from the team policy' : 'these choices are for these terms'}. Loomprint does not write or check the clauses.`}
      </div>
      <Group title="Agreement" status={source} invalid={agreement} open={blank}>
        <div class="lp-grid">
          <Text label="Template id" value={frame.templateId} onInput={set('templateId')} />
          <Text label="Template version" value={frame.templateVersion} onInput={set('templateVersion')} />
        </div>
        <Text label="Template SHA-256" value={frame.templateSha256} onInput={set('templateSha256')} hint="SHA-256 of the template text counsel approved (64 hex digits)" />
        <div class="lp-grid">
          <Text label="Governing law country" value={frame.lawCountry} onInput={set('lawCountry')} hint="ISO 3166-1, e.g. FR" />
          <Text label="Governing law subdivision" value={frame.lawSubdivision} onInput={set('lawSubdivision')} hint="ISO 3166-2, e.g. US-NY; empty if none" />
        </div>
        <Text label="Forum" value={frame.forum} onInput={set('forum')} hint="Courts or arbitration that hear disputes" />
        <Text label="Master agreement reference" value={frame.masterAgreement} onInput={set('masterAgreement')} hint="Empty if this schedule stands alone" />
      </Group>
      <Group title="Parties" status={named ? 'licensee entity needed' : source} invalid={parties} open={named}>
        <Party who="Licensor" party={frame.licensor} onChange={set('licensor')} invalid={messagesOf(fields, ['contract.parties.licensor']).length > 0} />
        {named ? <Party who="Licensee" party={frame.licensee} onChange={set('licensee')} invalid={messagesOf(fields, ['contract.parties.licensee']).length > 0} /> : null}
      </Group>
      {named || exclusive ? (
        <Group title="Acceptance" status={frame.acceptReference.trim() ? 'recorded' : 'required before export'} invalid={acceptance} open>
          <div class="lp-grid">
            <Choice label="Acceptance method" value={frame.acceptMethod} options={ACCEPTANCE_METHODS} labels={ACCEPTANCE_LABELS} onChange={set('acceptMethod')} />
            <Text label="Accepted by" value={frame.acceptBy} onInput={set('acceptBy')} />
          </div>
          <div class="lp-grid">
            <Text label="Acceptance date" value={frame.acceptAt} onInput={set('acceptAt')} hint="YYYY-MM-DD" />
            <Text label="Acceptance reference" value={frame.acceptReference} onInput={set('acceptReference')} hint="Envelope, order or document number" />
          </div>
        </Group>
      ) : null}
      <Group title="Warranty and indemnity" status={WARRANTY_LABELS[frame.warranty]} invalid={risk}>
        <Choice label="Warranty" value={frame.warranty} options={WARRANTIES} labels={WARRANTY_LABELS} onChange={set('warranty')} />
        <div class="lp-grid">
          <Choice label="Indemnity" value={frame.indemnity} options={['none', 'capped', 'uncapped'] as const} labels={{ none: 'None', capped: 'Capped', uncapped: 'Uncapped' }} onChange={set('indemnity')} />
          {frame.indemnity === 'capped' ? <Text label={`Indemnity cap (${currency})`} value={frame.indemnityCap} onInput={set('indemnityCap')} /> : null}
        </div>
        <div class="lp-hint">Above “as is”, eligibility asks for the evidence: an approved review, a model licence that allows commercial use, and for non-infringement declared training data and verified human work. At HCC 0, as is only.</div>
      </Group>
      <Group title="Scope and restrictions" status={SUBLICENSING_LABELS[frame.sublicensing].split(',')[0]!} invalid={scope}>
        <Choice label="Sublicensing" value={frame.sublicensing} options={SUBLICENSING} labels={SUBLICENSING_LABELS} onChange={set('sublicensing')} />
        <Choice label="Assignment" value={frame.assignment} options={ASSIGNMENTS} labels={ASSIGNMENT_LABELS} onChange={set('assignment')} />
        <Check label="No trademark or logo use" checked={frame.trademark} onChange={set('trademark')} />
        <Check label="No resale of the files as they are" checked={frame.fileResale} onChange={set('fileResale')} />
        <Check label="No sensitive uses" checked={frame.sensitiveUses} onChange={set('sensitiveUses')} />
      </Group>
      <Group title="Payment terms" status={`${REPORTING_LABELS[frame.reportingPeriod]}, due in ${frame.dueDays || '?'} days`} invalid={payment}>
        <div class="lp-grid">
          <Choice label="Reporting period" value={frame.reportingPeriod} options={REPORTING_PERIODS} labels={REPORTING_LABELS} onChange={set('reportingPeriod')} />
          <Text label="Payment due (days)" value={frame.dueDays} onInput={set('dueDays')} hint="After each period ends (or after acceptance)" />
        </div>
        <div class="lp-grid">
          <Text label={`Advance (${currency})`} value={frame.advance} onInput={set('advance')} hint="Recouped from royalties; empty if none" />
          <Text label={`Minimum guarantee (${currency})`} value={frame.minimumGuarantee} onInput={set('minimumGuarantee')} hint="Over the term; empty if none" />
        </div>
        <Choice label="Taxes" value={frame.taxes} options={['exclusive', 'inclusive'] as const} labels={{ exclusive: 'Exclusive (added on top)', inclusive: 'Inclusive' }} onChange={set('taxes')} />
        <Check label="Audit right" checked={frame.auditRight} onChange={set('auditRight')} />
      </Group>
      <Group title="Termination and after" status={`cure ${frame.cureDays || '?'} days, sell-off ${frame.sellOffDays || '?'} days`} invalid={end}>
        <div class="lp-grid">
          <Text label="Cure period (days)" value={frame.cureDays} onInput={set('cureDays')} />
          <Text label="Sell-off period (days)" value={frame.sellOffDays} onInput={set('sellOffDays')} />
        </div>
        <Choice label="Files after the end" value={frame.filesAfter} options={FILES_AFTER} labels={FILES_AFTER_LABELS} onChange={set('filesAfter')} />
      </Group>
      {onSaveDefault ? (
        <div class="lp-row">
          <Button secondary disabled={blank} onClick={onSaveDefault}>
            Make this frame the team default
          </Button>
        </div>
      ) : null}
    </section>
  )
}
