/**
 * The C2PA reference implementation (c2pa-rs compiled to WebAssembly,
 * `@contentauth/c2pa-wasm`) in Node, for `loomprint seal` (sign and embed) and
 * `loomprint verify` (read back). It is a runtime dependency of the command line only:
 * ~9 MB of wasm does not fit the plugin (docs/decisions.md).
 *
 * Two Node gaps, measured with 0.13.3: the builder reads its source through
 * `FileReaderSync`, which Node lacks, so the source goes in as a Blob that keeps its
 * bytes and a FileReaderSync that hands them back (slices included); and the signer
 * callback must return the whole COSE_Sign1 (src/team/cose.ts), padded to the size
 * reserved for it.
 */
import { existsSync, readFileSync } from 'node:fs'
import { initSync, WasmBuilder, WasmReader } from '@contentauth/c2pa-wasm'
import { coseSign1 } from '../../team/cose'
import type { SigningKey } from '../../team/keys'

let ready = false
function init(): void {
  if (ready) return
  // The standalone verifier (scripts/build-verifier.ts) ships the wasm next to its bundle;
  // everywhere else it comes from the package.
  const beside = new URL('./c2pa_bg.wasm', import.meta.url)
  initSync({ module: readFileSync(existsSync(beside) ? beside : new URL(import.meta.resolve('@contentauth/c2pa-wasm/c2pa.wasm'))) })
  ready = true
}

const BYTES = new WeakMap<Blob, Uint8Array>()
class BytesBlob extends Blob {
  constructor(readonly held: Uint8Array) {
    super([held as Uint8Array<ArrayBuffer>])
    BYTES.set(this, held)
  }
  override slice(start?: number, end?: number): Blob {
    return new BytesBlob(this.held.subarray(start ?? 0, end ?? this.held.length))
  }
}
const g = globalThis as { FileReaderSync?: unknown }
g.FileReaderSync ??= class {
  readAsArrayBuffer(blob: Blob): ArrayBuffer {
    const bytes = BYTES.get(blob)
    if (!bytes) throw new Error('FileReaderSync: only in-memory sources are readable here')
    return bytes.slice().buffer
  }
}

/** Room for the COSE_Sign1: the certificate (< 2 kB here) plus signature and headers, with margin. */
const RESERVE = 10_000

/** Signs `definition` (the pack's c2pa/<asset>.json plus a label) into `bytes`; returns the new asset bytes. */
export async function signAsset(input: { definition: object; mediaType: string; bytes: Uint8Array; key: SigningKey; chain: readonly Uint8Array[] }): Promise<Uint8Array> {
  init()
  const builder = WasmBuilder.fromJson(JSON.stringify(input.definition))
  try {
    const signer = {
      alg: input.key.alg === 'Ed25519' ? 'ed25519' : 'es256',
      reserveSize: RESERVE,
      sign: async (claim: Uint8Array) =>
        (await coseSign1({ alg: input.key.alg, chain: input.chain, payload: claim, reserveSize: RESERVE, sign: (tbs) => Promise.resolve(input.key.sign(tbs)) })) as Uint8Array<ArrayBuffer>,
    }
    return await builder.sign(signer, [], input.mediaType, new BytesBlob(input.bytes))
  } finally {
    builder.free()
  }
}

export interface ReadBack {
  /** "Trusted", "Valid", "Invalid", or null when the asset has no manifest. */
  state: string | null
  /** Validation failure codes of the active manifest (e.g. assertion.dataHash.mismatch). */
  failures: { code: string; explanation: string }[]
  label: string | null
  manifest: {
    assertions?: { label: string; data: unknown }[]
    signature_info?: { issuer?: string; cert_serial_number?: string; common_name?: string }
  } | null
  error: string | null
}

/** Reads an asset's manifest store; with `anchorsPem` the CA is a trust anchor (so "Trusted" is possible). */
export async function readAsset(bytes: Uint8Array, mediaType: string, anchorsPem?: string): Promise<ReadBack> {
  init()
  const context = anchorsPem ? JSON.stringify({ trust: { user_anchors: anchorsPem }, verify: { verify_trust: true } }) : null
  let reader: WasmReader
  try {
    reader = await WasmReader.fromBytes(mediaType, bytes, context)
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err)
    return { state: null, failures: [], label: null, manifest: null, error: /JumbfNotFound|not found/i.test(msg) ? 'no C2PA manifest in the file' : msg.slice(0, 200) }
  }
  try {
    const store = JSON.parse(reader.json()) as {
      active_manifest?: string
      manifests?: Record<string, ReadBack['manifest']>
      validation_state?: string
      validation_results?: { activeManifest?: { failure?: { code: string; explanation: string }[] } }
    }
    const label = store.active_manifest ?? null
    return {
      state: store.validation_state ?? null,
      failures: store.validation_results?.activeManifest?.failure ?? [],
      label,
      manifest: label ? (store.manifests?.[label] ?? null) : null,
      error: null,
    }
  } finally {
    reader.free()
  }
}
