/**
 * Reads a pack file into verified facts: archive layout first, then every entry
 * streamed through SHA-256, then the pure content checks of src/pack, then the ODRL
 * file as JSON-LD. Shared by `verify` and `inspect`.
 */
import { checkArchiveLayout, DEFAULT_LIMITS, readEntries, type ArchiveLimits } from './archive'
import { checkOdrl } from './odrl-check'
import { verifyPackContents, type Check, type VerifyOptions } from '../pack/verify'
import { MANIFEST_PATH, SIGNATURE_PATH, type PackManifest } from '../pack/manifest'

export const ODRL_PATH = 'license.odrl.json'

export interface PackReport {
  verified: boolean
  /** True when the file could not be opened at all (exit 2). */
  unreadable: boolean
  checks: Check[]
  manifest: PackManifest | null
}

export async function loadPack(file: string, options: VerifyOptions & { limits?: ArchiveLimits } = {}): Promise<PackReport> {
  const checks: Check[] = []
  const layout = await checkArchiveLayout(file, options.limits ?? DEFAULT_LIMITS)
  if (!layout.ok) {
    checks.push({ id: 'archive', ok: false, message: `${layout.unreadable ? 'cannot read the pack' : 'unsafe or damaged archive'}: ${layout.reasons.slice(0, 5).join('; ')}${layout.reasons.length > 5 ? ` (and ${layout.reasons.length - 5} more)` : ''}` })
    return { verified: false, unreadable: layout.unreadable === true, checks, manifest: null }
  }
  const keep = new Set([MANIFEST_PATH, SIGNATURE_PATH, ODRL_PATH])
  const read = await readEntries(file, layout.entries, keep)
  if (!read.ok) {
    checks.push({ id: 'archive', ok: false, message: read.reasons.join('; ') })
    return { verified: false, unreadable: false, checks, manifest: null }
  }
  const files = read.entries
  checks.push({
    id: 'archive',
    ok: true,
    message: `safe: ${files.length} entries, ${layout.archiveBytes} bytes, names, sizes, layout and CRC-32s hold`,
  })
  const manifestEntry = files.find((e) => e.path === MANIFEST_PATH)
  const sigEntry = files.find((e) => e.path === SIGNATURE_PATH)
  if (!manifestEntry?.content || !sigEntry?.content) {
    checks.push({ id: 'schema', ok: false, message: !manifestEntry ? 'manifest.json is missing' : !sigEntry ? 'manifest.sig is missing' : 'manifest.json is too large' })
    return { verified: false, unreadable: false, checks, manifest: null }
  }
  const report = verifyPackContents(
    {
      entries: files.map(({ path, bytes, sha256 }) => ({ path, bytes, sha256 })),
      manifestText: manifestEntry.content.toString('utf8'),
      signatureText: sigEntry.content.toString('utf8'),
    },
    options,
  )
  checks.push(...report.checks)
  const odrl = files.find((e) => e.path === ODRL_PATH)
  if (report.manifest && odrl?.content) {
    const r = await checkOdrl(odrl.content.toString('utf8'))
    checks.push({ id: 'odrl', ok: r.ok, message: r.message })
  } else if (report.manifest) {
    checks.push({ id: 'odrl', ok: false, message: 'license.odrl.json is missing' })
  }
  return { verified: checks.every((c) => c.ok !== false), unreadable: false, checks, manifest: report.manifest }
}
