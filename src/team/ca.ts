/**
 * The team's certificate authority: one CA per team (`loomprint team init`, or an
 * existing CA imported), one end-entity certificate per person's signing key
 * (`team certify`), and a signed revocation list (`team revoke`, an X.509 CRL).
 *
 * The profile is what the C2PA reference implementation accepts for a signer
 * (c2pa-rs certificate_profile.rs, STANDARDS.md): X.509 v3; end entity with key usage
 * digitalSignature (critical), extended key usage emailProtection (accepted without
 * a trust configuration), subject and authority key identifiers, basicConstraints
 * CA:false. The CA itself never signs packs: a self-signed signer is refused.
 *
 * Serial numbers come from the content (SHA-256 of subject, key and validity), so the
 * same inputs give the same certificate — Ed25519 signatures are deterministic too.
 * A P-256 CA signs through WebCrypto, whose ECDSA is randomised: those certificates
 * differ run to run (docs/pack.md).
 */
import type { webcrypto } from 'node:crypto'
import { sha256 } from '@noble/hashes/sha2.js'
import { x509 } from './x509'
import { pem, type SigningKey, type TeamAlg } from './keys'

const SIGNING: Record<TeamAlg, webcrypto.Algorithm | webcrypto.EcdsaParams> = {
  Ed25519: { name: 'Ed25519' },
  ES256: { name: 'ECDSA', hash: 'SHA-256' } as webcrypto.EcdsaParams,
}

const DAY = 86_400_000

function serialOf(...parts: (string | Uint8Array)[]): string {
  const enc = new TextEncoder()
  const all = parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p))
  const joined = new Uint8Array(all.reduce((n, p) => n + p.length + 1, 0))
  let o = 0
  for (const p of all) {
    joined.set(p, o)
    o += p.length + 1
  }
  const h = sha256(joined).slice(0, 16)
  h[0] = (h[0]! & 0x7f) | 0x01 // positive, and never a leading zero byte
  return Buffer.from(h).toString('hex')
}

/** "CN=…, O=…" with the characters X.500 names treat specially escaped. */
function rdn(attr: string, value: string): string {
  return `${attr}=${value.replace(/([,+"\\<>;=#])/g, '\\$1')}`
}

export interface TeamCa {
  cert: x509.X509Certificate
  key: SigningKey
}

/** A new self-signed team CA certificate for `key`. */
export async function createTeamCa(options: { team: string; key: SigningKey; now: Date; years?: number }): Promise<x509.X509Certificate> {
  const { key, now } = options
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000)
  const notAfter = new Date(notBefore.getTime() + (options.years ?? 20) * 365 * DAY)
  const name = `${rdn('CN', `${options.team} Loomprint team CA`)}, ${rdn('O', options.team)}`
  return x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialOf('ca', name, key.publicKey, notBefore.toISOString()),
    name,
    notBefore,
    notAfter,
    keys: key.keys,
    signingAlgorithm: SIGNING[key.alg],
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(key.keys.publicKey),
    ],
  })
}

/** Checks an imported CA: a CA certificate that may sign certificates and CRLs, and the key is its key. */
export async function checkTeamCa(cert: x509.X509Certificate, key: SigningKey): Promise<string | null> {
  const bc = cert.getExtension(x509.BasicConstraintsExtension)
  if (!bc?.ca) return 'the certificate is not a CA certificate (basicConstraints CA:true is missing)'
  const ku = cert.getExtension(x509.KeyUsagesExtension)
  if (ku && (ku.usages & x509.KeyUsageFlags.keyCertSign) === 0) return 'the CA certificate may not sign certificates (keyCertSign)'
  const spki = new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', key.keys.publicKey))
  if (Buffer.compare(Buffer.from(spki), Buffer.from(cert.publicKey.rawData)) !== 0) return 'the key is not the key of this CA certificate'
  return null
}

export interface Person {
  name: string
  email: string
}

/** An end-entity certificate for a person's public key, signed by the team CA. */
export async function certifyPerson(options: {
  ca: TeamCa
  person: Person
  publicKey: webcrypto.CryptoKey
  publicKeyRaw: Uint8Array
  now: Date
  days?: number
}): Promise<x509.X509Certificate> {
  const { ca, person } = options
  const notBefore = new Date(Math.floor(options.now.getTime() / 1000) * 1000)
  const notAfter = new Date(notBefore.getTime() + (options.days ?? 3 * 365) * DAY)
  const subject = `${rdn('CN', person.name)}, ${rdn('E', person.email)}, ${rdn('O', ca.cert.subjectName.getField('O')[0] ?? 'Loomprint team')}`
  return x509.X509CertificateGenerator.create({
    serialNumber: serialOf('ee', subject, options.publicKeyRaw, notBefore.toISOString(), notAfter.toISOString()),
    subject,
    issuer: ca.cert.subject,
    notBefore,
    notAfter,
    publicKey: options.publicKey,
    signingKey: ca.key.keys.privateKey,
    signingAlgorithm: SIGNING[ca.key.alg],
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.emailProtection]),
      new x509.SubjectAlternativeNameExtension([{ type: 'email', value: person.email }]),
      await x509.SubjectKeyIdentifierExtension.create(options.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
    ],
  })
}

export interface Revocation {
  serial: string
  at: Date
  reason: 'keyCompromise' | 'superseded' | 'cessationOfOperation' | 'unspecified'
}

/** The team's revocation list: every revoked serial so far, signed by the CA. */
export async function revocationList(options: { ca: TeamCa; revoked: readonly Revocation[]; now: Date; days?: number }): Promise<x509.X509Crl> {
  const thisUpdate = new Date(Math.floor(options.now.getTime() / 1000) * 1000)
  return x509.X509CrlGenerator.create({
    issuer: options.ca.cert.subject,
    thisUpdate,
    nextUpdate: new Date(thisUpdate.getTime() + (options.days ?? 365) * DAY),
    signingKey: options.ca.key.keys.privateKey,
    signingAlgorithm: SIGNING[options.ca.key.alg],
    entries: options.revoked.map((r) => ({ serialNumber: r.serial, revocationDate: r.at, reason: x509.X509CrlReason[r.reason] })),
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(options.ca.cert)],
  })
}

/** The revocations a CRL holds (to add one and re-sign). */
export function revocationsOf(crl: x509.X509Crl): Revocation[] {
  return crl.entries.map((e) => ({
    serial: e.serialNumber.toLowerCase(),
    at: e.revocationDate,
    reason: e.reason === x509.X509CrlReason.keyCompromise ? 'keyCompromise' : e.reason === x509.X509CrlReason.superseded ? 'superseded' : e.reason === x509.X509CrlReason.cessationOfOperation ? 'cessationOfOperation' : 'unspecified',
  }))
}

export function certPem(cert: x509.X509Certificate): string {
  return pem('CERTIFICATE', new Uint8Array(cert.rawData))
}

export function crlPem(crl: x509.X509Crl): string {
  return pem('X509 CRL', new Uint8Array(crl.rawData))
}
