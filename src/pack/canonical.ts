/**
 * RFC 8785 (JSON Canonicalization Scheme) bytes: what the pack signature covers.
 * `canonicalize` returns undefined for values JSON cannot hold; that is a refusal.
 */
import canonicalize from 'canonicalize'
import { utf8Encode } from './bytes'

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value)
  if (typeof text !== 'string') throw new Error('The value cannot be canonicalized as JSON.')
  return text
}

export function canonicalBytes(value: unknown): Uint8Array {
  return utf8Encode(canonicalJson(value))
}
