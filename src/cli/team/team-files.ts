/**
 * The team's files on disk. `team init` writes, in one folder:
 *   team-ca.pem       the CA certificate — publish it; buyers pass it to --trust-ca
 *   team-ca.crl.pem   the revocation list, signed by the CA — publish it next to the CA
 *   team-ca.key.pem   the CA's private key — keep it offline, with whoever the team chose
 * and `team certify` writes <person>.pem (certificate) and <person>.key.pem (key).
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../command'
import { pemBlocks, readPrivateKeyPem, type SigningKey } from '../../team/keys'
import { parseCertificate } from '../../team/chain'
import { x509 } from '../../team/x509'
import type { TeamCa } from '../../team/ca'
import type { TrustCa } from '../load-pack'

export const CA_CERT = 'team-ca.pem'
export const CA_KEY = 'team-ca.key.pem'
export const CA_CRL = 'team-ca.crl.pem'

/** The revocation list that goes with a CA file: CA.pem → CA.crl.pem. */
export function crlPathFor(caPath: string): string {
  return caPath.replace(/(\.pem)?$/i, '.crl.pem')
}

async function text(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch {
    throw new UsageError(`${what} ${file} cannot be read`)
  }
}

export async function readCertificate(file: string, what = 'certificate'): Promise<x509.X509Certificate> {
  const der = pemBlocks(await text(file, what), 'CERTIFICATE')[0]
  const cert = der ? parseCertificate(der) : null
  if (!cert) throw new UsageError(`${file} holds no PEM certificate`)
  return cert
}

export async function readKey(file: string, what = 'key'): Promise<SigningKey> {
  const key = await readPrivateKeyPem(await text(file, what))
  if (!key) throw new UsageError(`${file} holds no Ed25519 or P-256 private key (PKCS#8 PEM)`)
  return key
}

/** Returns null when the file does not exist; refuses one that is not a CRL. */
export async function readCrl(file: string, required: boolean): Promise<x509.X509Crl | null> {
  let t: string
  try {
    t = await readFile(file, 'utf8')
  } catch {
    if (required) throw new UsageError(`revocation list ${file} cannot be read`)
    return null
  }
  const der = pemBlocks(t, 'X509 CRL')[0]
  try {
    if (der) return new x509.X509Crl(der)
  } catch {
    // fall through
  }
  throw new UsageError(`${file} holds no PEM revocation list (X509 CRL)`)
}

/** --trust-ca FILE [--crl FILE]: the CA certificate, and its revocation list (next to it unless given). */
export async function readTrustCa(caFile: string, crlFile: string | undefined): Promise<TrustCa> {
  const cert = await readCertificate(caFile, 'team CA')
  const crl = await readCrl(crlFile ?? crlPathFor(caFile), crlFile !== undefined)
  return { pem: cert.toString('pem'), cert, crl }
}

export async function readTeamCa(dir: string): Promise<TeamCa> {
  const cert = await readCertificate(path.join(dir, CA_CERT), 'team CA')
  const key = await readKey(path.join(dir, CA_KEY), 'team CA key')
  return { cert, key }
}

/** Writes a new file; refuses to overwrite (a CA key or a person's key is never replaced silently). */
export async function writeNew(file: string, content: string, secret = false): Promise<void> {
  try {
    await writeFile(file, content, { flag: 'wx', mode: secret ? 0o600 : 0o644 })
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') throw new UsageError(`${file} already exists; it is not overwritten`)
    throw new UsageError(`${file} cannot be written (${err instanceof Error ? err.message : String(err)})`)
  }
}
