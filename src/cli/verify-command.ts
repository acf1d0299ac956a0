/** `loomprint verify PACK [--json] [--trust KEY_OR_FILE]… [--at DATE] [--use FIELD --territory CC --units N]` */
import { readFile } from 'node:fs/promises'
import { EXIT, parseFlags, UsageError, type Command, type Io } from './command'
import { loadPack } from './load-pack'
import { readTrustCa } from './team/team-files'
import type { Check } from '../pack/verify'
import { parseIntendedUse, type IntendedUse } from '../license/intended-use'

const USAGE = `usage: loomprint verify PACK [--json] [--trust KEY_OR_FILE]... [--at DATE]
                        [--use FIELD --territory CC --units N] [--trust-ca CA.pem [--crl CRL.pem]]

Checks a licensed pattern pack without Figma: archive safety, the manifest schema, the
exact file set, every SHA-256, the Ed25519 signature, the key, the license term at a
date and, with --use, an intended use.

  --json              print the report as JSON
  --trust KEY|FILE    require this signer: a public key or fingerprint (hex), or a file
                      holding one (or a Loomprint public key record); repeatable
  --at DATE           check the license term at this ISO date (default: today)
  --use FIELD         intended field of use, e.g. apparel, homeTextiles, advertising
  --territory CC      intended territory: ISO 3166-1 alpha-2 codes (FR or FR,BE) or worldwide
  --units N           intended units / impressions
  --trust-ca CA.pem   require the signer's certificate to chain to this team CA (not
                      expired, not revoked) and every embedded C2PA manifest to be
                      Trusted with it
  --crl CRL.pem       the team's revocation list (default: CA.crl.pem next to CA.pem)

exit codes: 0 verified, 1 not verified, 2 usage error or unreadable input`

async function trustedKeys(values: string[]): Promise<string[]> {
  const out: string[] = []
  for (const v of values) {
    if (/^[0-9a-fA-F]{16,64}$/.test(v.trim())) {
      out.push(v.trim().toLowerCase())
      continue
    }
    let text: string
    try {
      text = await readFile(v, 'utf8')
    } catch {
      throw new UsageError(`--trust ${v}: neither a hex key or fingerprint nor a readable file`)
    }
    try {
      const rec = JSON.parse(text) as { publicKey?: unknown; fingerprint?: unknown }
      if (typeof rec.publicKey === 'string') out.push(rec.publicKey.toLowerCase())
      else if (typeof rec.fingerprint === 'string') out.push(rec.fingerprint.toLowerCase())
      else throw new Error('no key')
    } catch {
      const keys = text.split(/\s+/).filter((t) => /^[0-9a-fA-F]{16,64}$/.test(t))
      if (keys.length === 0) throw new UsageError(`--trust ${v}: the file holds no key or fingerprint`)
      out.push(...keys.map((k) => k.toLowerCase()))
    }
  }
  return out
}

export function parseDate(value: string, flag: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) throw new UsageError(`${flag} must be an ISO 8601 date such as 2026-05-01`)
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
  if (!Number.isFinite(d.getTime())) throw new UsageError(`${flag} ${value} is not a date`)
  return d
}

export function mark(c: Check): string {
  return c.ok === true ? '✓' : c.ok === false ? '✗' : '!'
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check a licensed pattern pack: archive, schema, hashes, signature, key, terms, use',
  usage: USAGE,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseFlags(args, {
      json: { type: 'boolean' },
      trust: { type: 'string', multiple: true },
      at: { type: 'string' },
      use: { type: 'string' },
      territory: { type: 'string' },
      units: { type: 'string' },
      'trust-ca': { type: 'string' },
      crl: { type: 'string' },
    })
    if (values.help) {
      io.out(USAGE)
      return EXIT.verified
    }
    if (positionals.length !== 1) throw new UsageError('verify takes exactly one PACK')
    const file = positionals[0]!
    const trust = await trustedKeys(values.trust ?? [])
    const at = values.at ? parseDate(values.at, '--at') : undefined
    const wantsUse = values.use !== undefined || values.territory !== undefined || values.units !== undefined
    let use: IntendedUse | null = null
    if (wantsUse) {
      if (values.use === undefined || values.territory === undefined) throw new UsageError('an intended use needs both --use FIELD and --territory CC')
      if (values.units !== undefined && !/^\d{1,15}$/.test(values.units)) throw new UsageError('--units must be a whole number')
      const territory = values.territory.toLowerCase() === 'worldwide' ? 'worldwide' : values.territory.toUpperCase().split(',').map((c) => c.trim())
      const parsed = parseIntendedUse({ fieldOfUse: values.use, territory, ...(values.units !== undefined ? { units: Number(values.units) } : {}) })
      if (!parsed.ok) throw new UsageError(parsed.issues.map((i) => i.message).join('; '))
      use = parsed.use
    }
    if (values.crl !== undefined && values['trust-ca'] === undefined) throw new UsageError('--crl needs --trust-ca')
    const trustCa = values['trust-ca'] !== undefined ? await readTrustCa(values['trust-ca'], values.crl) : undefined
    const report = await loadPack(file, { trust, at, use, now: () => io.now(), trustCa })
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            file,
            verified: report.verified,
            checks: report.checks,
            pack: report.manifest
              ? { packId: report.manifest.packId, created: report.manifest.created, signer: report.manifest.signer, packDigest: report.manifest.packDigest }
              : null,
          },
          null,
          2,
        ),
      )
    } else {
      io.out(`loomprint verify ${file}`)
      for (const c of report.checks) io.out(`${mark(c)} ${c.id}: ${c.message}`)
      const failed = report.checks.filter((c) => c.ok === false).length
      io.out(report.verified ? 'VERIFIED' : `NOT VERIFIED (${failed} ${failed === 1 ? 'check' : 'checks'} failed)`)
    }
    if (report.unreadable) return EXIT.usage
    return report.verified ? EXIT.verified : EXIT.notVerified
  },
}
