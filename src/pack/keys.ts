/**
 * Ed25519 signing keys for packs. The UI makes a key pair; the host keeps the secret
 * key in `figma.clientStorage` (per person, per device) and publishes only the
 * public key record on the document. The secret key never enters a document or a pack.
 *
 * Randomness is injected (`randomBytes`) so the module stays pure; the UI passes
 * `crypto.getRandomValues` (available in the iframe even without a secure context).
 */
import { ed25519 } from '@noble/curves/ed25519.js'
import { fromHex, sha256, toHex } from '../storage/sha256'

export const KEY_ALG = 'Ed25519'

export interface KeyOwner {
  id: string
  name: string
}

export interface PublicKeyRecord {
  alg: typeof KEY_ALG
  /** 32 bytes, lower-case hex. */
  publicKey: string
  /** SHA-256 of the raw public key, lower-case hex. */
  fingerprint: string
  owner: KeyOwner | null
  /** ISO 8601. */
  createdAt: string
}

export interface KeyPair {
  /** 32-byte seed (Ed25519 "secret key"), hex. Keep it in clientStorage only. */
  secretKey: string
  record: PublicKeyRecord
}

/** SHA-256 hex of a raw 32-byte public key. */
export function keyFingerprint(publicKey: Uint8Array): string {
  return toHex(sha256(publicKey))
}

/** "ab12 cd34 ef56 7890" — the first 8 bytes of a fingerprint, for people to compare. */
export function shortFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 16).match(/.{4}/g) ?? []).join(' ')
}

export function generateKeyPair(options: {
  randomBytes: (n: number) => Uint8Array
  now: () => Date
  owner?: KeyOwner | null
}): KeyPair {
  const seed = options.randomBytes(32)
  if (!(seed instanceof Uint8Array) || seed.length !== 32) throw new Error('randomBytes must return 32 bytes')
  const publicKey = ed25519.getPublicKey(seed)
  return {
    secretKey: toHex(seed),
    record: {
      alg: KEY_ALG,
      publicKey: toHex(publicKey),
      fingerprint: keyFingerprint(publicKey),
      owner: options.owner ?? null,
      createdAt: options.now().toISOString(),
    },
  }
}

/** Signs for the pack assembler: anything with a public key and a sign function. */
export interface PackSigner {
  publicKey: Uint8Array
  owner: KeyOwner | null
  sign(message: Uint8Array): Uint8Array | Promise<Uint8Array>
}

/** A signer from a stored hex secret key; null when the key is not 32 hex bytes. */
export function signerFromSecretKey(secretKeyHex: string, owner: KeyOwner | null = null): PackSigner | null {
  const seed = fromHex(secretKeyHex)
  if (!seed || seed.length !== 32) return null
  const publicKey = ed25519.getPublicKey(seed)
  return { publicKey, owner, sign: (message) => ed25519.sign(message, seed) }
}

/** Verifies an Ed25519 signature; false (never a throw) on malformed keys or signatures. */
export function verifySignature(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false
  try {
    return ed25519.verify(signature, message, publicKey)
  } catch {
    return false
  }
}
