/** The team policy form model: strings in the inputs ⇄ a TeamPolicy. Pure: no DOM. */
import { SPLIT_ROLE_LABELS, SPLIT_ROLES, type AiTraining, type SplitRole, type Territory } from '../../license/terms'
import { parsePolicy, type PolicyIssue, type SplitTemplate, type TeamPolicy } from '../../provenance/policy'

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
  { field: 'exclusivityThreshold', label: 'Exclusive or sole terms from HCC', group: 'licensing' },
  { field: 'reviewerMustNotBeEditor', label: 'A reviewer must not be one of the pattern’s editors', group: 'review' },
  { field: 'maxUnattributedShare', label: 'Refuse approval above this share of change made with Loomprint closed', group: 'review' },
  { field: 'licenseDefaults.licensor', label: 'Default licensor', group: 'licenseDefaults' },
  { field: 'licenseDefaults.territory', label: 'Default territory', group: 'licenseDefaults' },
  { field: 'licenseDefaults.aiTraining', label: 'Default AI training and data mining', group: 'licenseDefaults' },
  { field: 'licenseDefaults.splitTemplate', label: 'Default royalty split', group: 'licenseDefaults' },
] as const

/** Fields shown as a checkbox ("true" / "false" in the form model). */
export const POLICY_CHECKBOXES: readonly PolicyField[] = ['reviewerMustNotBeEditor']

/** Fields whose input is text in a small grammar, with the grammar as a hint; the rest are numbers. */
export const POLICY_HINTS: Partial<Record<PolicyField, string>> = {
  exclusivityThreshold: 'Blank: the “Human-authored, AI-assisted” threshold.',
  maxUnattributedShare: '0 to 1 of a capture’s measured change that no edit journal saw (e.g. 0.2). Blank: no limit.',
  'licenseDefaults.licensor': 'Blank: none.',
  'licenseDefaults.territory': '“worldwide”, country codes (FR, DE, JP), or “except RU, BY”. Blank: none.',
  'licenseDefaults.aiTraining': '“allowed”, “not allowed”, or “constrained: …” with the constraint. Blank: none.',
  'licenseDefaults.splitTemplate': 'Shares by role, e.g. “human author 70, studio 30” (percent, total 100). Blank: none.',
}

const NUMBER_FIELDS = new Set<string>([
  'weights.color',
  'weights.shape',
  'weights.transform',
  'weights.style',
  'weights.text',
  'alphaRemove',
  'reorderWeight',
  'thresholds.assisted',
  'thresholds.authored',
])

/** Whether a field takes a number (inputMode="decimal"). */
export function isNumberField(field: PolicyField): boolean {
  return NUMBER_FIELDS.has(field) || field === 'exclusivityThreshold' || field === 'maxUnattributedShare'
}

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
    exclusivityThreshold: policy.exclusivityThreshold === undefined ? '' : String(policy.exclusivityThreshold),
    reviewerMustNotBeEditor: policy.reviewerMustNotBeEditor === true ? 'true' : 'false',
    maxUnattributedShare: policy.maxUnattributedShare === undefined ? '' : String(policy.maxUnattributedShare),
    'licenseDefaults.licensor': policy.licenseDefaults?.licensor?.name ?? '',
    'licenseDefaults.territory': territoryToText(policy.licenseDefaults?.territory),
    'licenseDefaults.aiTraining': trainingToText(policy.licenseDefaults?.aiTraining),
    'licenseDefaults.splitTemplate': splitTemplateToText(policy.licenseDefaults?.splitTemplate),
  }
}

export function territoryToText(territory: Territory | undefined): string {
  if (!territory) return ''
  if (territory.scope === 'worldwide') return 'worldwide'
  return (territory.scope === 'exclude' ? 'except ' : '') + territory.countries.join(', ')
}

/** "worldwide" | "FR, DE" | "except RU, BY" → a Territory (codes upper-cased; the schema checks them). */
export function territoryFromText(text: string): Territory | undefined {
  const t = text.trim()
  if (t === '') return undefined
  if (/^worldwide$/i.test(t)) return { scope: 'worldwide' }
  const except = /^(all\s+)?except\s+(.*)$/i.exec(t)
  const codes = (except ? except[2]! : t)
    .split(/[\s,;]+/)
    .filter((c) => c !== '')
    .map((c) => c.toUpperCase())
  return { scope: except ? 'exclude' : 'include', countries: codes }
}

export function trainingToText(training: AiTraining | undefined): string {
  if (!training) return ''
  if (training.use === 'constrained') return 'constrained: ' + training.constraint
  return training.use === 'allowed' ? 'allowed' : 'not allowed'
}

export function trainingFromText(text: string): AiTraining | undefined | null {
  const t = text.trim()
  if (t === '') return undefined
  if (/^allowed$/i.test(t)) return { use: 'allowed' }
  if (/^(not\s*allowed|notAllowed)$/i.test(t)) return { use: 'notAllowed' }
  const m = /^constrained\s*:?\s*([\s\S]*)$/i.exec(t)
  return m ? { use: 'constrained', constraint: m[1]!.trim() } : null
}

export function splitTemplateToText(template: SplitTemplate | undefined): string {
  if (!template) return ''
  return template.map((t) => `${SPLIT_ROLE_LABELS[t.role].toLowerCase()} ${formatShare(t.basisPoints)}`).join(', ')
}

function formatShare(basisPoints: number): string {
  return basisPoints % 100 === 0 ? String(basisPoints / 100) : (basisPoints / 100).toFixed(2).replace(/0$/, '')
}

/** "human author 70, studio 30" → roles with basis points; null when a part does not read. */
export function splitTemplateFromText(text: string): SplitTemplate | undefined | null {
  const t = text.trim()
  if (t === '') return undefined
  const out: { role: SplitRole; basisPoints: number }[] = []
  for (const part of t.split(/[,;]/)) {
    const m = /^\s*([a-z ]+?)\s+(\d{1,3}(?:\.\d{1,2})?)\s*%?\s*$/i.exec(part)
    if (!m) return null
    const words = m[1]!.toLowerCase().replace(/\s+/g, ' ')
    const role = SPLIT_ROLES.find((r) => SPLIT_ROLE_LABELS[r].toLowerCase() === words || r.toLowerCase() === words.replace(/ /g, ''))
    if (!role) return null
    out.push({ role, basisPoints: Math.round(Number(m[2]) * 100) })
  }
  return out
}

/** Numbers where the text is a number; the text itself otherwise (so the schema names the field). */
export function policyInputFromForm(form: PolicyForm, base?: TeamPolicy): { input: unknown; issues: PolicyIssue[] } {
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
  const extra: Record<string, unknown> = {}
  const threshold = form.exclusivityThreshold.trim()
  if (threshold !== '') extra.exclusivityThreshold = num('exclusivityThreshold')
  const unattributed = form.maxUnattributedShare.trim()
  if (unattributed !== '') extra.maxUnattributedShare = num('maxUnattributedShare')
  if (form.reviewerMustNotBeEditor === 'true') extra.reviewerMustNotBeEditor = true
  else if (base?.reviewerMustNotBeEditor === false) extra.reviewerMustNotBeEditor = false

  const defaults: Record<string, unknown> = {}
  const licensor = form['licenseDefaults.licensor'].trim()
  if (licensor !== '') {
    // The form shows the name only; an id stored with the same name is kept.
    const old = base?.licenseDefaults?.licensor
    defaults.licensor = old && old.name === licensor && old.id !== undefined ? { name: licensor, id: old.id } : { name: licensor }
  }
  const territory = territoryFromText(form['licenseDefaults.territory'])
  if (territory) defaults.territory = territory
  const training = trainingFromText(form['licenseDefaults.aiTraining'])
  if (training === null) {
    issues.push({ path: 'licenseDefaults.aiTraining', message: 'must be “allowed”, “not allowed” or “constrained: …” with the constraint' })
  } else if (training) defaults.aiTraining = training
  const template = splitTemplateFromText(form['licenseDefaults.splitTemplate'])
  if (template === null) {
    issues.push({
      path: 'licenseDefaults.splitTemplate',
      message: 'must list roles with a percentage, e.g. “human author 70, studio 30” (roles: human author, model provider, curator, studio)',
    })
  } else if (template) defaults.splitTemplate = template
  if (Object.keys(defaults).length > 0) extra.licenseDefaults = defaults
  return { input: { ...input, ...extra }, issues }
}

export function policyIssuesByField(issues: readonly PolicyIssue[]): {
  fields: Partial<Record<PolicyField, string[]>>
  general: string[]
} {
  const fields: Partial<Record<PolicyField, string[]>> = {}
  const general: string[] = []
  for (const issue of issues) {
    // The longest field the issue's path starts with: "licenseDefaults.territory.countries.0" → its territory field.
    const field = POLICY_FIELDS.filter((f) => issue.path === f.field || issue.path.startsWith(f.field + '.')).sort(
      (a, b) => b.field.length - a.field.length,
    )[0]?.field
    if (field) {
      const list = (fields[field] = fields[field] ?? [])
      if (!list.includes(issue.message)) list.push(issue.message)
    } else general.push((issue.path ? issue.path + ': ' : '') + issue.message)
  }
  return { fields, general }
}

/**
 * Every problem of the form at once: the form's own checks and the policy's rules
 * together (issue #21, item 12: a first Save showed 2 problems, the next 5 more, because
 * the rules ran only once the form's checks passed). One message per field, the form's first.
 */
export function policyProblems(form: PolicyForm, base?: TeamPolicy): { input: unknown; issues: PolicyIssue[] } {
  const { input, issues: local } = policyInputFromForm(form, base)
  const parsed = parsePolicy(input)
  const rules = parsed.ok ? [] : parsed.issues.filter((i) => !local.some((l) => l.path === i.path))
  return { input, issues: [...local, ...rules] }
}
