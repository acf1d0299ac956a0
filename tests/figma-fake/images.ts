/**
 * Images in the fake: `figma.createImage(bytes)`, `figma.getImageByHash(hash)` and the
 * `Image` they return (plugin-api.d.ts:12742-12758: `hash`, `getBytesAsync()`,
 * `getSizeAsync()`), over real PNG and JPEG bytes.
 *
 * Faithful: the hash is the SHA-1 of the file's bytes as 40 hex digits (what Figma's
 * image hashes look like; the same bytes give the same hash, so a re-saved picture is a
 * new image); `getBytesAsync` returns the file's bytes (a copy); `getSizeAsync` the
 * picture's pixel size, read from its header. Stricter: `createImage` refuses bytes that
 * are not a PNG or JPEG ("Image type is unsupported", Figma accepts PNG, JPG, GIF; GIF
 * is refused here), and pictures over 4096 px a side (d.ts:1741); `getImageByHash` of an unknown hash returns null (d.ts: "Image | null").
 */
import { sha1 } from '@noble/hashes/legacy.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { readImageHeader } from '../../src/enforcement/image-header'

export interface FakeImage {
  readonly hash: string
  getBytesAsync(): Promise<Uint8Array>
  getSizeAsync(): Promise<{ width: number; height: number }>
}

interface Stored {
  bytes: Uint8Array
  width: number
  height: number
}

const stores = new WeakMap<object, Map<string, Stored>>()

function storeOf(world: object): Map<string, Stored> {
  let s = stores.get(world)
  if (!s) stores.set(world, (s = new Map()))
  return s
}

function imageOf(hash: string, stored: Stored): FakeImage {
  return {
    hash,
    // Figma: "returns a promise because the image may still need to be downloaded".
    getBytesAsync: () => Promise.resolve(stored.bytes.slice()),
    getSizeAsync: () => Promise.resolve({ width: stored.width, height: stored.height }),
  }
}

/** figma.createImage (plugin-api.d.ts: "createImage(data: Uint8Array): Image"). */
export function createImage(world: object, bytes: unknown): FakeImage {
  if (!(bytes instanceof Uint8Array)) throw new Error('in createImage: Expected "data" to be a Uint8Array')
  const header = readImageHeader(bytes)
  if (!header.ok) throw new Error(`in createImage: Image type is unsupported (${header.error})`)
  // plugin-api.d.ts:1741 "Images have a maximum size of 4096 pixels (4K) in width and height. Invalid images will throw an error."
  if (header.width > 4096 || header.height > 4096) throw new Error(`in createImage: Image is too large (${header.width} × ${header.height}; at most 4096 × 4096)`)
  const hash = bytesToHex(sha1(bytes))
  const store = storeOf(world)
  let stored = store.get(hash)
  if (!stored) store.set(hash, (stored = { bytes: bytes.slice(), width: header.width, height: header.height }))
  return imageOf(hash, stored)
}

/** figma.getImageByHash: null for a hash no image in the file has. */
export function getImageByHash(world: object, hash: unknown): FakeImage | null {
  if (typeof hash !== 'string') throw new Error('in getImageByHash: Expected "hash" to be a string')
  const stored = storeOf(world).get(hash)
  return stored ? imageOf(hash, stored) : null
}

/** The bytes of an image in the file (the fake's renderer and the playground read them). */
export function imageBytes(world: object, hash: string): Uint8Array | null {
  return storeOf(world).get(hash)?.bytes ?? null
}
