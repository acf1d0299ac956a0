/**
 * The "Mark as AI-generated" form model: what the designer types (all strings) →
 * the input `parseAiOrigin` validates, and the validator's issue paths → the form
 * field that shows each message. Pure: no DOM.
 */
import { parseAiOrigin, type FieldIssue } from '../../provenance/record'

export interface OriginForm {
  generator: string
  model: string
  modelVersion: string
  prompt: string
  negativePrompt: string
  seed: string
  fineTuneName: string
  fineTuneVersion: string
  modelLicense: string
  trainingData: string
  intent: string
  generatedAt: string
}

export type OriginField = keyof OriginForm

export interface OriginFieldSpec {
  field: OriginField
  label: string
  multiline?: boolean
  required?: boolean
  placeholder?: string
  hint?: string
}

export const ORIGIN_FIELDS: readonly OriginFieldSpec[] = [
  { field: 'generator', label: 'Generator (tool)', required: true, placeholder: 'e.g. Midjourney, ComfyUI, Adobe Firefly' },
  { field: 'model', label: 'Model', required: true, placeholder: 'e.g. Stable Diffusion XL' },
  { field: 'modelVersion', label: 'Model version', placeholder: 'e.g. 1.0' },
  { field: 'prompt', label: 'Prompt', multiline: true },
  { field: 'negativePrompt', label: 'Negative prompt', multiline: true },
  { field: 'seed', label: 'Seed', placeholder: 'a whole number, if the tool shows one' },
  { field: 'fineTuneName', label: 'Fine-tune (LoRA / checkpoint) name' },
  { field: 'fineTuneVersion', label: 'Fine-tune version' },
  { field: 'modelLicense', label: 'Model license', placeholder: 'e.g. CreativeML OpenRAIL-M' },
  { field: 'trainingData', label: 'Training-data declaration', multiline: true, hint: 'As the model provider states it.' },
  { field: 'intent', label: 'Creative intent', multiline: true },
  { field: 'generatedAt', label: 'Generated at', required: true, placeholder: '2025-03-04 or 2025-03-04T09:30:00Z' },
]

export function emptyOriginForm(today: string): OriginForm {
  return {
    generator: '',
    model: '',
    modelVersion: '',
    prompt: '',
    negativePrompt: '',
    seed: '',
    fineTuneName: '',
    fineTuneVersion: '',
    modelLicense: '',
    trainingData: '',
    intent: '',
    generatedAt: today,
  }
}

export interface OriginInput {
  input: Record<string, unknown>
  /** Problems found before the schema sees the input (e.g. a seed that is not a number). */
  issues: FieldIssue[]
}

/** Form strings → the object `parseAiOrigin` validates. Optional fields left empty are omitted. */
export function originInputFromForm(form: OriginForm): OriginInput {
  const issues: FieldIssue[] = []
  const input: Record<string, unknown> = {
    generator: form.generator.trim(),
    model: form.model.trim(),
    modelVersion: form.modelVersion.trim(),
    prompt: form.prompt,
    modelLicense: form.modelLicense.trim(),
    trainingData: form.trainingData,
    intent: form.intent,
    generatedAt: form.generatedAt.trim(),
  }
  if (form.negativePrompt !== '') input.negativePrompt = form.negativePrompt
  const seed = form.seed.trim()
  if (seed !== '') {
    const n = Number(seed)
    if (/^\d+$/.test(seed) && Number.isSafeInteger(n)) input.seed = n
    else issues.push({ path: 'seed', message: 'Seed must be a whole number from 0 to 9,007,199,254,740,991' })
  }
  const ftName = form.fineTuneName.trim()
  const ftVersion = form.fineTuneVersion.trim()
  if (ftName !== '' || ftVersion !== '') input.fineTune = { name: ftName, version: ftVersion }
  if (ftName === '' && ftVersion !== '') {
    issues.push({ path: 'fineTune.name', message: 'Give the fine-tune a name, or clear its version' })
  }
  return { input, issues }
}

/** Which form field shows an issue; issues of the whole form go to `null`. */
export function fieldForIssue(path: string): OriginField | null {
  const p = path.startsWith('origin.') ? path.slice('origin.'.length) : path
  if (p === 'fineTune.name' || p === 'fineTune') return 'fineTuneName'
  if (p === 'fineTune.version') return 'fineTuneVersion'
  const head = p.split('.')[0]
  return ORIGIN_FIELDS.some((f) => f.field === head) ? (head as OriginField) : null
}

/** Issues grouped per field (first message per field wins a place; all are kept). */
export function issuesByField(issues: readonly FieldIssue[]): {
  fields: Partial<Record<OriginField, string[]>>
  general: string[]
} {
  const fields: Partial<Record<OriginField, string[]>> = {}
  const general: string[] = []
  for (const issue of issues) {
    const field = fieldForIssue(issue.path)
    if (field === null) general.push(issue.message)
    else (fields[field] = fields[field] ?? []).push(issue.message)
  }
  return { fields, general }
}

/**
 * Every problem of the origin form at once (the form's own checks, then the record's rules
 * on the fields those did not already flag), one list for Save and for clearing them as
 * they are fixed (issue #21, item 12).
 */
export function originProblems(form: OriginForm): { input: ReturnType<typeof originInputFromForm>['input']; issues: FieldIssue[] } {
  const { input, issues: local } = originInputFromForm(form)
  const parsed = parseAiOrigin(input)
  return { input, issues: [...local, ...(parsed.ok ? [] : parsed.issues.filter((i) => !local.some((l) => l.path === i.path)))] }
}
