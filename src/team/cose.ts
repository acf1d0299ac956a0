/**
 * COSE_Sign1 (RFC 9052) as C2PA wants it for a claim signature (C2PA 2.x §14,
 * c2pa-rs `cose_sign`): the claim is a detached payload; the protected header holds
 * the algorithm and the certificate chain (`x5chain`, label 33, end entity first);
 * the unprotected header holds only `pad`, zeros that bring the structure to the
 * size the writer reserved for it (c2pa-wasm's signer callback must return exactly
 * that many bytes: STANDARDS.md, measured). No timestamp: there is no TSA offline,
 * so a reader checks the certificate's validity at reading time (docs/pack.md).
 */
import { CborMap, CborTag, encodeCbor } from './cbor'

export type CoseAlg = 'ES256' | 'Ed25519'

/** COSE algorithm ids (IANA "COSE Algorithms"): ES256 -7, EdDSA -8. */
const ALG_ID: Record<CoseAlg, number> = { ES256: -7, Ed25519: -8 }

export interface CoseSignInput {
  alg: CoseAlg
  /** DER certificates, end entity first (the team CA may follow; readers need it only as an anchor). */
  chain: readonly Uint8Array[]
  /** The claim bytes. */
  payload: Uint8Array
  /** Signs the Sig_structure; ES256 returns r‖s (64 bytes), as WebCrypto does. */
  sign(toBeSigned: Uint8Array): Promise<Uint8Array>
  /** Exact size the result must have. */
  reserveSize: number
}

export function protectedHeader(alg: CoseAlg, chain: readonly Uint8Array[]): Uint8Array {
  const x5chain = chain.length === 1 ? chain[0]! : [...chain]
  return encodeCbor(new CborMap([[1, ALG_ID[alg]], [33, x5chain]]))
}

/** RFC 9052 §4.4: ["Signature1", protected, external_aad (empty), payload]. */
export function toBeSigned(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload])
}

function sign1(protectedBytes: Uint8Array, signature: Uint8Array, pad: number): Uint8Array {
  return encodeCbor(new CborTag(18, [protectedBytes, new CborMap([['pad', new Uint8Array(pad)]]), null, signature]))
}

/**
 * The tagged COSE_Sign1, padded to `reserveSize`. A bstr head grows by a byte or two
 * at 24, 256 and 65,536 bytes, so the pad length is searched near the gap.
 */
export async function coseSign1(input: CoseSignInput): Promise<Uint8Array> {
  const prot = protectedHeader(input.alg, input.chain)
  const signature = await input.sign(toBeSigned(prot, input.payload))
  const bare = sign1(prot, signature, 0).length
  const gap = input.reserveSize - bare
  if (gap < 0) throw new Error(`the signature needs ${bare} bytes, more than the ${input.reserveSize} reserved`)
  for (let pad = gap; pad >= Math.max(0, gap - 8); pad--) {
    const out = sign1(prot, signature, pad)
    if (out.length === input.reserveSize) return out
  }
  throw new Error(`cannot pad the signature to exactly ${input.reserveSize} bytes`)
}
