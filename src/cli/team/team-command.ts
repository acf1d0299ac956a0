/** `loomprint team init | import | certify | revoke`: the team CA and its certificates (src/team). */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { EXIT, parseFlags, UsageError, type Command, type Io } from '../command'
import { CA_CERT, CA_CRL, CA_KEY, readCertificate, readCrl, readKey, readTeamCa, writeNew } from './team-files'
import { certifyPerson, certPem, checkTeamCa, createTeamCa, crlPem, revocationList, revocationsOf, type Revocation } from '../../team/ca'
import { generateKey, privateKeyPem, type TeamAlg } from '../../team/keys'
import { nameOf } from '../../team/chain'

const USAGE = `usage: loomprint team init --team NAME [--alg ed25519|p256] [--years N] [--dir DIR]
       loomprint team import --cert CA.pem --key CA.key.pem [--dir DIR]
       loomprint team certify --name NAME --email EMAIL [--alg ed25519|p256] [--key KEY.pem]
                              [--days N] [--out PREFIX] [--dir DIR]
       loomprint team revoke CERT.pem [--reason keyCompromise|superseded|cessationOfOperation] [--dir DIR]

The team's certificate authority (docs/pack.md, "Team identity"). DIR (default: the
current folder) holds ${CA_CERT} and ${CA_CRL} (publish both) and ${CA_KEY} (keep it
offline). certify writes PREFIX.pem (the person's certificate) and, unless --key
names an existing key, PREFIX.key.pem; revoke adds the certificate to ${CA_CRL}.

exit codes: 0 done, 2 usage error or unreadable input`

function algOf(v: string | undefined): TeamAlg {
  if (v === undefined || v.toLowerCase() === 'ed25519') return 'Ed25519'
  if (['p256', 'p-256', 'es256'].includes(v.toLowerCase())) return 'ES256'
  throw new UsageError('--alg is ed25519 or p256')
}

function whole(v: string | undefined, flag: string, fallback: number): number {
  if (v === undefined) return fallback
  if (!/^\d{1,5}$/.test(v) || Number(v) === 0) throw new UsageError(`${flag} must be a whole number above 0`)
  return Number(v)
}

const random = (n: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(n))
const REASONS = ['keyCompromise', 'superseded', 'cessationOfOperation', 'unspecified'] as const

export const teamCommand: Command = {
  name: 'team',
  summary: 'the team CA: init or import it, certify a person\'s key, revoke a certificate',
  usage: USAGE,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseFlags(args, {
      team: { type: 'string' },
      alg: { type: 'string' },
      years: { type: 'string' },
      days: { type: 'string' },
      dir: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      out: { type: 'string' },
      reason: { type: 'string' },
    })
    if (values.help) {
      io.out(USAGE)
      return EXIT.verified
    }
    const [sub, ...rest] = positionals
    const dir = values.dir ?? '.'
    const now = io.now()
    if (sub === 'init') {
      if (!values.team?.trim()) throw new UsageError('team init needs --team NAME')
      const key = await generateKey(algOf(values.alg), random)
      const ca = await createTeamCa({ team: values.team.trim(), key, now, years: whole(values.years, '--years', 20) })
      await writeNew(path.join(dir, CA_KEY), await privateKeyPem(key), true)
      await writeNew(path.join(dir, CA_CERT), certPem(ca))
      await writeNew(path.join(dir, CA_CRL), crlPem(await revocationList({ ca: { cert: ca, key }, revoked: [], now })))
      io.out(`team CA "${nameOf(ca)}" (${key.alg}) valid until ${ca.notAfter.toISOString().slice(0, 10)}`)
      io.out(`publish ${path.join(dir, CA_CERT)} and ${path.join(dir, CA_CRL)}; keep ${path.join(dir, CA_KEY)} offline`)
      return EXIT.verified
    }
    if (sub === 'import') {
      if (!values.cert || !values.key) throw new UsageError('team import needs --cert CA.pem and --key CA.key.pem')
      const cert = await readCertificate(values.cert, 'CA certificate')
      const key = await readKey(values.key, 'CA key')
      const problem = await checkTeamCa(cert, key)
      if (problem) throw new UsageError(`cannot import: ${problem}`)
      await writeNew(path.join(dir, CA_KEY), await privateKeyPem(key), true)
      await writeNew(path.join(dir, CA_CERT), certPem(cert))
      await writeNew(path.join(dir, CA_CRL), crlPem(await revocationList({ ca: { cert, key }, revoked: [], now })))
      io.out(`imported team CA "${nameOf(cert)}" (${key.alg})`)
      return EXIT.verified
    }
    if (sub === 'certify') {
      if (!values.name?.trim() || !values.email || !/^[^\s@]+@[^\s@]+$/.test(values.email)) throw new UsageError('team certify needs --name NAME and --email EMAIL')
      const ca = await readTeamCa(dir)
      const key = values.key ? await readKey(values.key) : await generateKey(algOf(values.alg), random)
      const prefix = values.out ?? values.email.split('@')[0]!.replace(/[^A-Za-z0-9._-]/g, '_')
      const cert = await certifyPerson({ ca, person: { name: values.name.trim(), email: values.email }, publicKey: key.keys.publicKey, publicKeyRaw: key.publicKey, now, days: whole(values.days, '--days', 3 * 365) })
      if (!values.key) await writeNew(`${prefix}.key.pem`, await privateKeyPem(key), true)
      await writeNew(`${prefix}.pem`, certPem(cert))
      io.out(`certified ${values.name.trim()} <${values.email}> (${key.alg}, serial ${cert.serialNumber.toLowerCase()}) until ${cert.notAfter.toISOString().slice(0, 10)}`)
      io.out(`wrote ${prefix}.pem${values.key ? '' : ` and ${prefix}.key.pem (keep it private)`}; seal packs with: loomprint seal PACK --key ${values.key ?? `${prefix}.key.pem`} --cert ${prefix}.pem`)
      return EXIT.verified
    }
    if (sub === 'revoke') {
      if (rest.length !== 1) throw new UsageError('team revoke takes exactly one CERT.pem')
      const reason = (values.reason ?? 'keyCompromise') as Revocation['reason']
      if (!REASONS.includes(reason)) throw new UsageError(`--reason is one of ${REASONS.join(', ')}`)
      const ca = await readTeamCa(dir)
      const cert = await readCertificate(rest[0]!)
      if (cert.issuer !== ca.cert.subject) throw new UsageError(`${rest[0]} was not issued by this team CA`)
      const crlFile = path.join(dir, CA_CRL)
      const before = (await readCrl(crlFile, false)) ?? null
      const revoked = before ? revocationsOf(before) : []
      const serial = cert.serialNumber.toLowerCase()
      if (!revoked.some((r) => r.serial === serial)) revoked.push({ serial, at: new Date(Math.floor(now.getTime() / 1000) * 1000), reason })
      await writeFile(crlFile, crlPem(await revocationList({ ca, revoked, now })))
      io.out(`revoked ${nameOf(cert)} (serial ${serial}); ${revoked.length} revoked in all. Publish ${crlFile} again.`)
      return EXIT.verified
    }
    throw new UsageError(sub === undefined ? 'team needs a subcommand: init, import, certify or revoke' : `unknown team subcommand "${sub}"`)
  },
}
