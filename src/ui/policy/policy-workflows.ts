/** The team policy stored on the document root: load (falling back to the default, said so) and save. */
import type { ClientEndpoint } from '../../channel'
import { formatIssues } from '../../provenance/issues'
import { DEFAULT_POLICY, parsePolicy, policyFingerprint, type PolicyIssue, type TeamPolicy } from '../../provenance/policy'

export type PolicyLoad =
  | { kind: 'default'; policy: TeamPolicy; fingerprint: string }
  | { kind: 'stored'; policy: TeamPolicy; fingerprint: string }
  | { kind: 'invalid'; policy: TeamPolicy; fingerprint: string; raw: string; issues: PolicyIssue[] }

/** The stored policy; the default when none is stored or the stored one is invalid (said so). */
export async function loadPolicyAsync(client: ClientEndpoint): Promise<PolicyLoad> {
  const { raw } = await client.request('readPolicy', {})
  if (raw === null) return { kind: 'default', policy: DEFAULT_POLICY, fingerprint: policyFingerprint(DEFAULT_POLICY) }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return {
      kind: 'invalid',
      policy: DEFAULT_POLICY,
      fingerprint: policyFingerprint(DEFAULT_POLICY),
      raw,
      issues: [{ path: '', message: 'the stored policy is not JSON' }],
    }
  }
  const parsed = parsePolicy(json)
  if (!parsed.ok) {
    return { kind: 'invalid', policy: DEFAULT_POLICY, fingerprint: policyFingerprint(DEFAULT_POLICY), raw, issues: parsed.issues }
  }
  return { kind: 'stored', policy: parsed.policy, fingerprint: policyFingerprint(parsed.policy) }
}

export async function loadEffectivePolicyAsync(client: ClientEndpoint, warnings: string[]): Promise<TeamPolicy> {
  const load = await loadPolicyAsync(client)
  if (load.kind === 'invalid') {
    warnings.push(
      `The team policy stored in this file is invalid (${formatIssues(load.issues)}); the default policy was used. Fix it in the Team policy tab.`,
    )
  }
  return load.policy
}

export type PolicySave =
  | { kind: 'saved'; policy: TeamPolicy; fingerprint: string }
  | { kind: 'invalid'; issues: PolicyIssue[] }

/** Validates and stores a policy; nothing is written when a field is wrong. */
export async function savePolicyAsync(client: ClientEndpoint, input: unknown): Promise<PolicySave> {
  const parsed = parsePolicy(input)
  if (!parsed.ok) return { kind: 'invalid', issues: parsed.issues }
  await client.request('writePolicy', { raw: JSON.stringify(parsed.policy) })
  return { kind: 'saved', policy: parsed.policy, fingerprint: policyFingerprint(parsed.policy) }
}

