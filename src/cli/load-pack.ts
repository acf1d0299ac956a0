/**
 * Reads a pack file into verified facts: archive layout first, then every entry
 * streamed through SHA-256, then the pure content checks of src/pack, then the ODRL
 * file as JSON-LD. Shared by `verify` and `inspect`.
 */
import { checkArchiveLayout, DEFAULT_LIMITS, readEntries, type ArchiveLimits } from './archive'
import { checkOdrl } from './odrl-check'
import { verifyPackContents, type Check, type VerifyOptions } from '../pack/verify'
import { MANIFEST_PATH, SIGNATURE_PATH, type PackManifest } from '../pack/manifest'
import { checkCredentials } from './team/credentials-check'
import { checkChain, nameOf, parseCertificate } from '../team/chain'
import type { x509 } from '../team/x509'

/** The team CA a recipient trusts (--trust-ca), and the revocation list it publishes. */
export interface TrustCa {
  pem: string
  cert: x509.X509Certificate
  crl: x509.X509Crl | null
}

export const ODRL_PATH = 'license.odrl.json'

export interface PackReport {
  verified: boolean
  /** True when the file could not be opened at all (exit 2). */
  unreadable: boolean
  checks: Check[]
  manifest: PackManifest | null
}

export async function loadPack(file: string, options: VerifyOptions & { limits?: ArchiveLimits; trustCa?: TrustCa } = {}): Promise<PackReport> {
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
  const m = report.manifest
  if (m && options.trustCa) {
    const at = (options.now ?? (() => new Date()))()
    checks.push(...(await checkChain({ certificate: m.signer.certificate, signer: m.signer, ca: options.trustCa.cert, crl: options.trustCa.crl, at })))
  } else if (m?.signer.certificate) {
    const cert = parseCertificate(m.signer.certificate)
    checks.push({ id: 'certificate', ok: null, message: cert ? `${nameOf(cert)}'s certificate, issued by "${cert.issuer}": pass --trust-ca with the team's CA to check it` : 'the signer certificate cannot be read' })
  }
  // The embedded manifests are read only for a pack that passed everything else: the
  // reference reader is the slowest step, and a pack already refused needs no more reasons.
  if (m && (m.sealed || options.trustCa) && checks.every((c) => c.ok !== false)) {
    checks.push(await checkCredentials({ file, layout: layout.entries, manifest: m, caPem: options.trustCa?.pem ?? null }))
  }
  return { verified: checks.every((c) => c.ok !== false), unreadable: false, checks, manifest: report.manifest }
}
