/**
 * Small helpers with no platform dependencies: the fake is also bundled for QuickJS and
 * a browser page, where only `setTimeout`, `Promise` and `Uint8Array` can be relied on
 * (no Buffer, no TextEncoder, no structuredClone, no atob/btoa — FIGMA.md "Runtime").
 */

/** The timer functions as they were when the fake was loaded; `installGlobals` may wrap the globals later. */
export const realSetTimeout: (cb: () => void, ms: number) => unknown = (
  globalThis as unknown as { setTimeout: (cb: () => void, ms: number) => unknown }
).setTimeout.bind(globalThis)

/** Run `cb` on a later macrotask (Figma delivers events asynchronously: plugin-api.d.ts:576, FIGMA.md "Events"). */
export function later(cb: () => void): void {
  realSetTimeout(cb, 0)
}

/** Surface an error thrown by plugin code inside a callback without stopping delivery to others. */
export function reportAsync(error: unknown): void {
  realSetTimeout(() => {
    throw error
  }, 0)
}

// ---------------------------------------------------------------- UTF-8

const NON_ASCII = /[^\x00-\x7f]/

export function utf8Length(s: string): number {
  // ASCII runs are found by the regex engine (native): a 64 kB base64 chunk is counted in
  // ~2 ms instead of ~27 ms by a loop in QuickJS (Figma's kind of VM).
  const first = s.search(NON_ASCII)
  if (first < 0) return s.length
  let n = first
  for (let i = first; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4
        i++
      } else n += 3
    } else n += 3
  }
  return n
}

export function utf8Encode(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s))
  let p = 0
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
      }
    }
    if (c < 0x80) out[p++] = c
    else if (c < 0x800) {
      out[p++] = 0xc0 | (c >> 6)
      out[p++] = 0x80 | (c & 63)
    } else if (c < 0x10000) {
      out[p++] = 0xe0 | (c >> 12)
      out[p++] = 0x80 | ((c >> 6) & 63)
      out[p++] = 0x80 | (c & 63)
    } else {
      out[p++] = 0xf0 | (c >> 18)
      out[p++] = 0x80 | ((c >> 12) & 63)
      out[p++] = 0x80 | ((c >> 6) & 63)
      out[p++] = 0x80 | (c & 63)
    }
  }
  return out
}

export function utf8Decode(b: Uint8Array): string {
  let s = ''
  for (let i = 0; i < b.length; ) {
    const c = b[i++]
    let cp: number
    if (c < 0x80) cp = c
    else if (c < 0xe0) cp = ((c & 31) << 6) | (b[i++] & 63)
    else if (c < 0xf0) cp = ((c & 15) << 12) | ((b[i++] & 63) << 6) | (b[i++] & 63)
    else cp = ((c & 7) << 18) | ((b[i++] & 63) << 12) | ((b[i++] & 63) << 6) | (b[i++] & 63)
    if (cp >= 0x10000) {
      cp -= 0x10000
      s += String.fromCharCode(0xd800 + (cp >> 10), 0xdc00 + (cp & 1023))
    } else s += String.fromCharCode(cp)
  }
  return s
}

// ---------------------------------------------------------------- base64 (plugin-api.d.ts:1963 base64Encode, :1967 base64Decode)

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_INDEX: Record<string, number> = {}
for (let i = 0; i < B64.length; i++) B64_INDEX[B64[i]] = i

export function base64Encode(data: Uint8Array): string {
  if (!(data instanceof Uint8Array)) {
    throw new Error('in base64Encode: Expected "data" to have type Uint8Array')
  }
  const parts: string[] = []
  let chunk = ''
  for (let i = 0; i < data.length; i += 3) {
    const a = data[i]
    const b = i + 1 < data.length ? data[i + 1] : 0
    const c = i + 2 < data.length ? data[i + 2] : 0
    chunk += B64[a >> 2] + B64[((a & 3) << 4) | (b >> 4)]
    chunk += i + 1 < data.length ? B64[((b & 15) << 2) | (c >> 6)] : '='
    chunk += i + 2 < data.length ? B64[c & 63] : '='
    if (chunk.length > 8192) {
      parts.push(chunk)
      chunk = ''
    }
  }
  parts.push(chunk)
  return parts.join('')
}

export function base64Decode(text: string): Uint8Array {
  if (typeof text !== 'string') throw new Error('in base64Decode: Expected "data" to have type string')
  const clean = text.replace(/[\s=]/g, '')
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let p = 0
  for (let i = 0; i < clean.length; i += 4) {
    const v = [0, 1, 2, 3].map((k) => {
      const ch = clean[i + k]
      if (ch === undefined) return 0
      const n = B64_INDEX[ch]
      if (n === undefined) throw new Error('in base64Decode: invalid base64 character ' + JSON.stringify(ch))
      return n
    })
    const n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3]
    if (p < out.length) out[p++] = (n >> 16) & 255
    if (p < out.length) out[p++] = (n >> 8) & 255
    if (p < out.length) out[p++] = n & 255
  }
  return out
}

// ---------------------------------------------------------------- values

/** Deep-freezes plain data (Figma returns frozen paint arrays: FIGMA.md / "Editing properties" docs page). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const k of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[k])
  }
  return value
}

/** A frozen deep copy of JSON-like data (paints, effects, vector paths). */
export function frozenCopy<T>(value: T): T {
  return deepFreeze(cloneData(value, 'value'))
}

/**
 * A structured-clone subset: primitives, arrays, plain objects, Date, Uint8Array/ArrayBuffer,
 * Map and Set. Functions throw, like `postMessage` (plugin-api.d.ts UIAPI.postMessage: "functions
 * and prototype chains of objects will not be sent").
 */
export function cloneData<T>(value: T, what: string): T {
  return cloneInner(value, what, new Map()) as T
}

function cloneInner(value: unknown, what: string, seen: Map<unknown, unknown>): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol') {
      throw new Error(`${what}: could not be cloned (${typeof value} is not structured-clonable)`)
    }
    return value
  }
  if (seen.has(value)) return seen.get(value)
  if (value instanceof Uint8Array) return new Uint8Array(value)
  if (value instanceof ArrayBuffer) return value.slice(0)
  if (value instanceof Date) return new Date(value.getTime())
  if (Array.isArray(value)) {
    const out: unknown[] = []
    seen.set(value, out)
    for (let i = 0; i < value.length; i++) out.push(cloneInner(value[i], what, seen))
    return out
  }
  if (value instanceof Map) {
    const out = new Map()
    seen.set(value, out)
    value.forEach((v, k) => out.set(cloneInner(k, what, seen), cloneInner(v, what, seen)))
    return out
  }
  if (value instanceof Set) {
    const out = new Set()
    seen.set(value, out)
    value.forEach((v) => out.add(cloneInner(v, what, seen)))
    return out
  }
  const out: Record<string, unknown> = {}
  seen.set(value, out)
  for (const k of Object.keys(value)) out[k] = cloneInner((value as Record<string, unknown>)[k], what, seen)
  return out
}

/**
 * Stored size of a clientStorage value, per developers.figma.com/docs/plugins/api/figma-clientStorage:
 * "the size of the value converted to JSON … Uint8Array values count as the size of the
 * Uint8Array". JSON.stringify of a Uint8Array would be its index object, so bytes are counted here.
 */
export function storedSize(value: unknown): number {
  if (value === undefined) return 0
  if (value instanceof Uint8Array) return value.byteLength
  if (value === null || typeof value !== 'object') return utf8Length(JSON.stringify(value) ?? '')
  let n = 2
  if (Array.isArray(value)) {
    for (const v of value) n += storedSize(v) + 1
    return n
  }
  for (const k of Object.keys(value)) n += utf8Length(JSON.stringify(k)) + 1 + storedSize((value as Record<string, unknown>)[k]) + 1
  return n
}

/**
 * Why a value cannot go into clientStorage, or null. The docs page figma-clientStorage lists
 * "objects, arrays, strings, numbers, booleans, null, undefined and Uint8Array": anything else
 * (Map, Set, Date, ArrayBuffer, other typed arrays, class instances, functions) is refused.
 */
export function clientStorageRefusal(value: unknown, path = 'value'): string | null {
  if (value === null || value === undefined) return null
  const t = typeof value
  if (t === 'string' || t === 'number' || t === 'boolean') return null
  if (t !== 'object') return `${path} is a ${t}`
  if (value instanceof Uint8Array) return value.constructor === Uint8Array ? null : `${path} is a ${value.constructor.name}`
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = clientStorageRefusal(value[i], `${path}[${i}]`)
      if (r) return r
    }
    return null
  }
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name || 'object with a prototype'
    return `${path} is a ${name}`
  }
  for (const k of Object.keys(value)) {
    const r = clientStorageRefusal((value as Record<string, unknown>)[k], `${path}.${k}`)
    if (r) return r
  }
  return null
}

/**
 * Why a value cannot be a main → UI message, or null. plugin-api.d.ts:2846 "You can send objects,
 * arrays, numbers, strings, booleans, null, undefined, Date objects and Uint8Array objects.
 * However, functions and prototype chains of objects will not be sent." Structured clone would
 * carry a Map or an ArrayBuffer, but they are not documented, so the fake refuses them.
 */
export function uiMessageRefusal(value: unknown, path = 'message'): string | null {
  if (value === null || value === undefined) return null
  const t = typeof value
  if (t === 'string' || t === 'number' || t === 'boolean') return null
  if (t !== 'object') return `${path} is a ${t}`
  if (value instanceof Date) return null
  if (value instanceof Uint8Array) return value.constructor === Uint8Array ? null : `${path} is a ${value.constructor.name}`
  const typed = typeof (value as { BYTES_PER_ELEMENT?: unknown }).BYTES_PER_ELEMENT === 'number'
  if (value instanceof Map || value instanceof Set || value instanceof ArrayBuffer || value instanceof DataView || typed) {
    return `${path} is a ${(value as object).constructor.name}`
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = uiMessageRefusal(value[i], `${path}[${i}]`)
      if (r) return r
    }
    return null
  }
  // Other objects travel as their own properties ("prototype chains … will not be sent").
  for (const k of Object.keys(value)) {
    const r = uiMessageRefusal((value as Record<string, unknown>)[k], `${path}.${k}`)
    if (r) return r
  }
  return null
}

/** Approximate size of a message in bytes: JSON text, Uint8Array by its length, a Date as its ISO string. */
export function messageSize(value: unknown): number {
  if (value instanceof Date) return 26
  return storedSize(value)
}

// ---------------------------------------------------------------- CRC32 (PNG chunks, ISO 3309 / RFC 1952 polynomial)

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A 2×3 affine transform, row-major: m00 m01 m02 m10 m11 m12 (Figma's `Transform`, flattened). */
export type Affine = [number, number, number, number, number, number]

export function mulAffine(a: Affine, b: Affine): Affine {
  return [
    a[0] * b[0] + a[1] * b[3],
    a[0] * b[1] + a[1] * b[4],
    a[0] * b[2] + a[1] * b[5] + a[2],
    a[3] * b[0] + a[4] * b[3],
    a[3] * b[1] + a[4] * b[4],
    a[3] * b[2] + a[4] * b[5] + a[5],
  ]
}
