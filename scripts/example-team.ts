/**
 * The example team behind `npm run example:pack`: a team CA ("Example Studio") and
 * one person, Ada, with an end-entity certificate — Ed25519 throughout, from fixed
 * seeds, so the certificates are the same bytes every run. Never use these keys for
 * real packs: the seeds are in this file.
 *
 * Ada's certificate runs 10 years from 2026-03-04: the C2PA reader checks it against
 * today's clock (no timestamp authority offline), so the example stays Trusted until
 * 2036.
 */
import { writeFileSync } from 'node:fs'
import { certifyPerson, certPem, createTeamCa, crlPem, revocationList, type TeamCa } from '../src/team/ca'
import { keyFromSecret, privateKeyPem, type SigningKey } from '../src/team/keys'
import type { x509 } from '../src/team/x509'
import { sealPack } from '../src/cli/team/seal'
import { concatBytes } from '../src/pack/bytes'

const seed = (k: number) => new Uint8Array(32).map((_, i) => (i * 13 + k) & 0xff)
export const TEAM_SINCE = new Date(Date.UTC(2026, 2, 4, 9, 0))

export interface ExampleTeam {
  ca: TeamCa
  ada: { key: SigningKey; cert: x509.X509Certificate }
  caPem: string
  crlPem: string
}

export async function exampleTeam(): Promise<ExampleTeam> {
  const caKey = await keyFromSecret('Ed25519', seed(101))
  const caCert = await createTeamCa({ team: 'Example Studio', key: caKey, now: TEAM_SINCE, years: 20 })
  const ca = { cert: caCert, key: caKey }
  const adaKey = await keyFromSecret('Ed25519', seed(202))
  const adaCert = await certifyPerson({ ca, person: { name: 'Ada Example', email: 'ada@example.com' }, publicKey: adaKey.keys.publicKey, publicKeyRaw: adaKey.publicKey, now: TEAM_SINCE, days: 3650 })
  const crl = await revocationList({ ca, revoked: [], now: TEAM_SINCE, days: 3650 })
  return { ca, ada: { key: adaKey, cert: adaCert }, caPem: certPem(caCert), crlPem: crlPem(crl) }
}

/** Seals `unsealed` (a pack file) as Ada; `now` is the seal time written into the manifest. */
export async function sealAsAda(team: ExampleTeam, unsealed: string, now: Date): Promise<Uint8Array> {
  const r = await sealPack({ file: unsealed, key: team.ada.key, cert: team.ada.cert, ca: team.ca.cert, now })
  if (!r.ok) throw new Error(r.error)
  return concatBytes(r.parts)
}

/** Writes the files a team publishes (and, for the example only, the keys). */
export async function writeExampleTeam(team: ExampleTeam, dir: string): Promise<void> {
  writeFileSync(`${dir}/team-ca.pem`, team.caPem)
  writeFileSync(`${dir}/team-ca.crl.pem`, team.crlPem)
  writeFileSync(`${dir}/team-ca.key.pem`, await privateKeyPem(team.ca.key))
  writeFileSync(`${dir}/ada.pem`, certPem(team.ada.cert))
  writeFileSync(`${dir}/ada.key.pem`, await privateKeyPem(team.ada.key))
}
