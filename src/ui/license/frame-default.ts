/**
 * "Make this frame the team default": the License form's frame, once counsel has
 * filled it, becomes the team policy's `licenseDefaults.contract`, so every later
 * licence starts from it. Only counsel's choices are stored, never a deal's licensee
 * or acceptance (contractDefaultsOf); the licensor's name too when the team keeps none. The frame is validated with the whole terms
 * first: a wrong field is reported on the form and nothing is written.
 */
import type { ClientEndpoint } from '../../channel'
import type { FieldIssue } from '../../license/issues'
import type { TeamPolicy } from '../../provenance/policy'
import { savePolicyAsync } from '../policy/policy-workflows'
import { contractDefaultsOf } from './contract-form'
import { parseLicenseForm, type LicenseForm } from './license-form'

export type FrameDefaultSave = { ok: true; policy: TeamPolicy } | { ok: false; issues: FieldIssue[] }

export async function saveFrameAsDefaultAsync(client: ClientEndpoint, policy: TeamPolicy, form: LicenseForm): Promise<FrameDefaultSave> {
  const parsed = parseLicenseForm(form)
  if (!parsed.ok) return { ok: false, issues: parsed.issues }
  const contract = parsed.terms.contract
  if (!contract) return { ok: false, issues: [{ path: 'contract', message: 'Fill the contract frame first; there is nothing to keep as the default.' }] }
  // The licensor's trading name goes with its legal entity, unless the team already keeps one.
  const licensor = policy.licenseDefaults?.licensor ?? parsed.terms.licensor
  const saved = await savePolicyAsync(client, { ...policy, licenseDefaults: { ...policy.licenseDefaults, licensor, contract: contractDefaultsOf(contract) } })
  if (saved.kind === 'invalid') return { ok: false, issues: saved.issues.map((i) => ({ path: 'contract', message: `Team policy: ${i.path ? i.path + ': ' : ''}${i.message}` })) }
  return { ok: true, policy: saved.policy }
}
