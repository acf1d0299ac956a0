/**
 * Signing keys: the secret key lives in figma.clientStorage (per person, per device,
 * never synced, can be cleared — FIGMA.md); the document holds only public key
 * records, in shared plugin data on the root, so a team can see who signs.
 */
import type { ParamsOf, ResultOf } from '../messages'

export const SIGNING_KEY_STORAGE = 'loomprint.signingKey'
export const SIGNER_NAMESPACE = 'loomprint'
export const SIGNER_KEY_PREFIX = 'signer.'

export async function readSigningKeyAsync(api: PluginAPI): Promise<ResultOf<'readSigningKey'>> {
  const stored: unknown = await api.clientStorage.getAsync(SIGNING_KEY_STORAGE)
  const published = api.root
    .getSharedPluginDataKeys(SIGNER_NAMESPACE)
    .filter((key) => key.startsWith(SIGNER_KEY_PREFIX))
    .sort()
    .map((key) => api.root.getSharedPluginData(SIGNER_NAMESPACE, key))
    .filter((raw) => raw !== '')
  return { stored: stored ?? null, published }
}

export async function saveSigningKeyAsync(api: PluginAPI, params: ParamsOf<'saveSigningKey'>): Promise<void> {
  if (!/^[0-9a-f]{64}$/.test(params.fingerprint)) throw new Error('The key fingerprint is not 64 hex digits. Nothing was written.')
  // Device first, document last: a key that could not be kept is never published.
  await api.clientStorage.setAsync(SIGNING_KEY_STORAGE, { secretKey: params.secretKey, record: params.record })
  api.root.setSharedPluginData(SIGNER_NAMESPACE, SIGNER_KEY_PREFIX + params.fingerprint, params.record)
  api.commitUndo()
}
