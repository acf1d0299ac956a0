/**
 * Does a pack's signer chain to the team CA? Checks, with reasons a recipient can act
 * on: the certificate in the manifest is issued and signed by the CA, it certifies
 * the very key that signed the pack, it was valid at the time of checking (there is
 * no timestamp authority offline, so "valid now" is all that can be shown — the C2PA
 * reader does the same), it is a signing certificate of the team profile, and the
 * CA's revocation list (signed by the CA) does not name it. A revoked key's packs are
 * all refused: without a trusted time of signing, nobody can say a pack predates the
 * revocation.
 */
import type { webcrypto } from 'node:crypto'
import { p256 } from '@noble/curves/nist.js'
import { x509 } from './x509'

export interface ChainCheck {
  id: 'certificate' | 'revocation'
  ok: boolean | null
  message: string
}

const day = (d: Date): string => d.toISOString().slice(0, 10)

/** The raw key a certificate certifies, in the form the pack manifest writes it. */
export function rawPublicKeyOf(cert: x509.X509Certificate): { alg: 'Ed25519' | 'ES256'; raw: Uint8Array } | null {
  const spki = new Uint8Array(cert.publicKey.rawData)
  const algName = (cert.publicKey.algorithm as { name: string }).name
  if (algName === 'Ed25519') return { alg: 'Ed25519', raw: spki.slice(spki.length - 32) }
  if (algName === 'ECDSA' && (cert.publicKey.algorithm as webcrypto.EcKeyAlgorithm).namedCurve === 'P-256') {
    return { alg: 'ES256', raw: p256.Point.fromBytes(spki.slice(spki.length - 65)).toBytes(true) }
  }
  return null
}

export function parseCertificate(der: Uint8Array<ArrayBuffer> | string): x509.X509Certificate | null {
  try {
    return new x509.X509Certificate(typeof der === 'string' ? Buffer.from(der, 'base64') : der)
  } catch {
    return null
  }
}

export function nameOf(cert: x509.X509Certificate): string {
  return cert.subjectName.getField('CN')[0] ?? cert.subject
}

export async function checkChain(input: {
  certificate: string | undefined
  signer: { alg: string; publicKey: string }
  ca: x509.X509Certificate
  crl: x509.X509Crl | null
  at: Date
}): Promise<ChainCheck[]> {
  const out: ChainCheck[] = []
  const fail = (message: string): ChainCheck[] => [...out, { id: 'certificate', ok: false, message }]
  if (!input.certificate) return fail('the pack carries no certificate: it was not sealed with a team certificate (loomprint seal)')
  const cert = parseCertificate(input.certificate)
  if (!cert) return fail('the signer certificate cannot be read')
  const who = nameOf(cert)
  const caName = nameOf(input.ca)
  if (cert.issuer !== input.ca.subject) return fail(`${who}'s certificate was issued by "${cert.issuer}", not by the team CA "${input.ca.subject}"`)
  let signedByCa = false
  try {
    signedByCa = await cert.verify({ publicKey: input.ca.publicKey, signatureOnly: true })
  } catch {
    signedByCa = false
  }
  if (!signedByCa) return fail(`${who}'s certificate names the team CA but is not signed by its key (another CA with the same name?)`)
  const key = rawPublicKeyOf(cert)
  if (!key || key.alg !== input.signer.alg || Buffer.from(key.raw).toString('hex') !== input.signer.publicKey) {
    return fail(`${who}'s certificate certifies another key than the one that signed the pack`)
  }
  const ku = cert.getExtension(x509.KeyUsagesExtension)
  const eku = cert.getExtension(x509.ExtendedKeyUsageExtension)
  const bc = cert.getExtension(x509.BasicConstraintsExtension)
  if (!ku || (ku.usages & x509.KeyUsageFlags.digitalSignature) === 0) return fail(`${who}'s certificate may not sign (key usage digitalSignature missing)`)
  if (!eku || !eku.usages.includes(x509.ExtendedKeyUsage.emailProtection)) return fail(`${who}'s certificate is not a team signing certificate (extended key usage emailProtection missing)`)
  if (bc?.ca) return fail(`${who}'s certificate is a CA certificate, which may not sign packs`)
  for (const [c, what] of [[input.ca, 'the team CA certificate'], [cert, `${who}'s certificate`]] as const) {
    if (input.at < c.notBefore) return fail(`${what} is not valid before ${day(c.notBefore)} (checked at ${day(input.at)})`)
    if (input.at > c.notAfter) return fail(`${what} expired on ${day(c.notAfter)} (checked at ${day(input.at)})`)
  }
  out.push({ id: 'certificate', ok: true, message: `signed by ${who}, certified by ${caName} until ${day(cert.notAfter)} (serial ${cert.serialNumber.toLowerCase()})` })

  if (!input.crl) {
    out.push({ id: 'revocation', ok: null, message: 'no revocation list given: pass --crl with the list the team publishes next to its CA' })
    return out
  }
  let crlOk = false
  try {
    crlOk = input.crl.issuer === input.ca.subject && (await input.crl.verify({ publicKey: input.ca.publicKey }))
  } catch {
    crlOk = false
  }
  if (!crlOk) {
    out.push({ id: 'revocation', ok: false, message: 'the revocation list is not signed by the team CA' })
    return out
  }
  const entry = input.crl.findRevoked(cert)
  if (entry) {
    const reason = entry.reason !== undefined ? ` (${x509.X509CrlReason[entry.reason]})` : ''
    out.push({ id: 'revocation', ok: false, message: `${who}'s certificate was revoked on ${day(entry.revocationDate)}${reason}: no pack signed with it is accepted` })
  } else if (input.crl.nextUpdate && input.crl.nextUpdate < input.at) {
    out.push({ id: 'revocation', ok: null, message: `not revoked in the team's list of ${day(input.crl.thisUpdate)}, but that list was due for renewal on ${day(input.crl.nextUpdate)}` })
  } else {
    out.push({ id: 'revocation', ok: true, message: `not revoked (the team's list of ${day(input.crl.thisUpdate)}, ${input.crl.entries.length} revoked)` })
  }
  return out
}
