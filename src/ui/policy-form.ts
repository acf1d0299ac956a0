/** The team policy form model: strings in the inputs ⇄ a TeamPolicy. Pure: no DOM. */
import type { PolicyIssue, TeamPolicy } from '../provenance/policy'

export const POLICY_FIELDS = [
  { field: 'weights.color', label: 'Color', group: 'weights' },
  { field: 'weights.shape', label: 'Shape', group: 'weights' },
  { field: 'weights.transform', label: 'Transform', group: 'weights' },
  { field: 'weights.style', label: 'Style', group: 'weights' },
  { field: 'weights.text', label: 'Text', group: 'weights' },
  { field: 'alphaRemove', label: 'Removed or hidden AI element (α remove)', group: 'curation' },
  { field: 'reorderWeight', label: 'Layer reorder', group: 'curation' },
  { field: 'thresholds.assisted', label: '“AI-assisted” from HCC', group: 'thresholds' },
  { field: 'thresholds.authored', label: '“Human-authored, AI-assisted” from HCC', group: 'thresholds' },
] as const

export type PolicyField = (typeof POLICY_FIELDS)[number]['field']
export type PolicyForm = Record<PolicyField, string>

export function policyToForm(policy: TeamPolicy): PolicyForm {
  return {
    'weights.color': String(policy.weights.color),
    'weights.shape': String(policy.weights.shape),
    'weights.transform': String(policy.weights.transform),
    'weights.style': String(policy.weights.style),
    'weights.text': String(policy.weights.text),
    alphaRemove: String(policy.alphaRemove),
    reorderWeight: String(policy.reorderWeight),
    'thresholds.assisted': String(policy.thresholds.assisted),
    'thresholds.authored': String(policy.thresholds.authored),
  }
}

/** Numbers where the text is a number; the text itself otherwise (so the schema names the field). */
export function policyInputFromForm(form: PolicyForm): { input: unknown; issues: PolicyIssue[] } {
  const issues: PolicyIssue[] = []
  const num = (field: PolicyField): unknown => {
    const text = form[field].trim()
    const n = Number(text)
    if (text === '' || !Number.isFinite(n)) {
      issues.push({ path: field, message: 'must be a number between 0 and 1' })
      return text
    }
    return n
  }
  const input = {
    version: 1,
    weights: {
      color: num('weights.color'),
      shape: num('weights.shape'),
      transform: num('weights.transform'),
      style: num('weights.style'),
      text: num('weights.text'),
    },
    alphaRemove: num('alphaRemove'),
    reorderWeight: num('reorderWeight'),
    thresholds: { assisted: num('thresholds.assisted'), authored: num('thresholds.authored') },
  }
  return { input, issues }
}

export function policyIssuesByField(issues: readonly PolicyIssue[]): {
  fields: Partial<Record<PolicyField, string[]>>
  general: string[]
} {
  const fields: Partial<Record<PolicyField, string[]>> = {}
  const general: string[] = []
  for (const issue of issues) {
    const field = POLICY_FIELDS.find((f) => f.field === issue.path)?.field
    if (field) {
      const list = (fields[field] = fields[field] ?? [])
      if (!list.includes(issue.message)) list.push(issue.message)
    } else general.push((issue.path ? issue.path + ': ' : '') + issue.message)
  }
  return { fields, general }
}
