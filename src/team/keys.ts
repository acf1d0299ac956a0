/**
 * A person's signing key for sealing packs: Ed25519 (the default, and what the plugin
 * uses) or P-256. Kept as PKCS#8 PEM on the person's machine. Signing goes through
 * @noble/curves, not WebCrypto, because both are deterministic there (Ed25519 by
 * definition, ECDSA with RFC 6979 nonces): the same pack and time seal to the same
 * pack signature. The WebCrypto key is still made, for @peculiar/x509.
 */
import type { webcrypto } from 'node:crypto'
import { ed25519 } from '@noble/curves/ed25519.js'
import { p256 } from '@noble/curves/nist.js'
import { sha256 } from '@noble/hashes/sha2.js'

export type TeamAlg = 'Ed25519' | 'ES256'

export interface SigningKey {
  alg: TeamAlg
  /** Raw public key: 32 bytes (Ed25519) or the 33-byte compressed P-256 point. */
  publicKey: Uint8Array
  /** The WebCrypto pair, for certificates. */
  keys: webcrypto.CryptoKeyPair
  /** 64 bytes: Ed25519, or ECDSA P-256 over SHA-256 as r‖s (COSE and the pack both take that form). */
  sign(message: Uint8Array): Uint8Array
}

const b64u = (b: Uint8Array): string => Buffer.from(b).toString('base64url')
const fromB64u = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64url'))

const IMPORT = {
  Ed25519: { name: 'Ed25519' },
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
} as const

/** The key from its 32-byte secret (an Ed25519 seed or a P-256 scalar). */
export async function keyFromSecret(alg: TeamAlg, secret: Uint8Array): Promise<SigningKey> {
  if (secret.length !== 32) throw new Error('a secret key is 32 bytes')
  const subtle = globalThis.crypto.subtle
  let jwk: webcrypto.JsonWebKey
  let publicKey: Uint8Array
  if (alg === 'Ed25519') {
    publicKey = ed25519.getPublicKey(secret)
    jwk = { kty: 'OKP', crv: 'Ed25519', x: b64u(publicKey), d: b64u(secret) }
  } else {
    const full = p256.getPublicKey(secret, false)
    publicKey = p256.getPublicKey(secret, true)
    jwk = { kty: 'EC', crv: 'P-256', x: b64u(full.subarray(1, 33)), y: b64u(full.subarray(33, 65)), d: b64u(secret) }
  }
  const usage = alg === 'Ed25519' ? IMPORT.Ed25519 : IMPORT.ES256
  const privateKey = await subtle.importKey('jwk', jwk, usage, true, ['sign'])
  const { d: _d, ...pub } = jwk
  const pubKey = await subtle.importKey('jwk', { ...pub, key_ops: ['verify'] }, usage, true, ['verify'])
  const sign = alg === 'Ed25519' ? (m: Uint8Array) => ed25519.sign(m, secret) : (m: Uint8Array) => p256.sign(m, secret)
  return { alg, publicKey, keys: { privateKey, publicKey: pubKey }, sign }
}

/** A new key from `randomBytes` (crypto.getRandomValues in the CLI; a fixed seed in the example). */
export async function generateKey(alg: TeamAlg, randomBytes: (n: number) => Uint8Array): Promise<SigningKey> {
  let secret = randomBytes(32)
  // A P-256 scalar must be below the group order; hashing a rare miss keeps it deterministic.
  while (alg === 'ES256' && !p256.utils.isValidSecretKey(secret)) secret = sha256(secret)
  return keyFromSecret(alg, secret)
}

/** PKCS#8 PEM of the private key. */
export async function privateKeyPem(key: SigningKey): Promise<string> {
  const der = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', key.keys.privateKey))
  return pem('PRIVATE KEY', der)
}

export function pem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64')
  return `-----BEGIN ${label}-----\n${(b64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`
}

/** The DER blocks of one label in a PEM text. */
export function pemBlocks(text: string, label: string): Uint8Array<ArrayBuffer>[] {
  const re = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`, 'g')
  return [...text.matchAll(re)].map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')))
}

/** Reads a PKCS#8 PEM key (Ed25519 or P-256); null when it is neither. */
export async function readPrivateKeyPem(text: string): Promise<SigningKey | null> {
  const der = pemBlocks(text, 'PRIVATE KEY')[0]
  if (!der) return null
  const subtle = globalThis.crypto.subtle
  for (const alg of ['Ed25519', 'ES256'] as const) {
    try {
      const k = await subtle.importKey('pkcs8', der, IMPORT[alg], true, ['sign'])
      const jwk = await subtle.exportKey('jwk', k)
      if (jwk.d) return await keyFromSecret(alg, fromB64u(jwk.d))
    } catch {
      // not this algorithm: try the next
    }
  }
  return null
}
