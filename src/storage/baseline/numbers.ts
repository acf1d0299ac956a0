/**
 * Numeric columns: N integers stored in whichever of six forms deflates smallest.
 */

import { deflateSync } from 'fflate'
import { CorruptError, Reader, Writer } from './bytes'

/** Zigzag without bit operations (values reach 2^41). */
const zz = (v: number) => (v >= 0 ? v * 2 : -v * 2 - 1)
const unzz = (z: number) => (z % 2 === 0 ? z / 2 : -(z + 1) / 2)

/** Column modes: zigzagged values, zigzagged differences to the previous value, values minus the column's minimum. */
const NUM_ABSOLUTE = 0
const NUM_DELTA = 1
const NUM_OFFSET = 2
/** The width byte of a column stored as varints rather than planes. */
const VARINT_LAYOUT = 255

/**
 * A column of integers as byte planes: u8 mode (0 absolute, 1 delta from the previous
 * value), u8 width (bytes per value, ≤ 6), then `width` planes of N bytes each, low
 * byte first, of the zigzagged values. Like bytes sit together, so deflate's Huffman
 * codes fit each plane (a uniform low byte costs 8 bits, a mostly-zero high byte
 * almost nothing), and a repeat shows up as a repeat in every plane.
 */
export function writeNumbers(out: Writer, values: number[]): void {
  const n = values.length
  // Candidates: absolute or delta values; as byte planes or as varints (a column that
  // is mostly one value, like opacity 1, costs a bit per element as varints but a bit
  // per plane as planes). The smallest after a quick trial deflate wins.
  let best: Writer | null = null
  let bestSize = Infinity
  let min = 0
  for (let i = 0; i < n; i++) if (values[i] < min || i === 0) min = values[i]
  for (const mode of [NUM_ABSOLUTE, NUM_DELTA, NUM_OFFSET]) {
    const zs = new Array<number>(n)
    let prev = 0
    let max = 0
    for (let i = 0; i < n; i++) {
      const z = mode === NUM_OFFSET ? values[i] - min : zz(mode === NUM_DELTA ? values[i] - prev : values[i])
      prev = values[i]
      zs[i] = z
      if (z > max) max = z
    }
    for (const layout of [0, 1]) {
      const w = new Writer()
      if (layout === 0) {
        let width = 0
        while (max >= 1) {
          width++
          max = Math.floor(max / 256)
        }
        w.u8(mode)
        w.u8(width)
        if (mode === NUM_OFFSET) w.sv(min)
        let div = 1
        for (let b = 0; b < width; b++) {
          for (let i = 0; i < n; i++) w.u8(Math.floor(zs[i] / div) % 256)
          div *= 256
        }
      } else {
        w.u8(mode)
        w.u8(VARINT_LAYOUT)
        if (mode === NUM_OFFSET) w.sv(min)
        for (let i = 0; i < n; i++) w.uv(zs[i])
      }
      const size = n < 64 ? w.len : deflateSync(w.result(), { level: 1 }).length
      if (size < bestSize) {
        bestSize = size
        best = w
      }
    }
  }
  out.bytes((best as Writer).result())
}

export function readNumbers(r: Reader, n: number, what: string): number[] {
  const mode = r.u8(what)
  const width = r.u8(what)
  if (mode > NUM_OFFSET || (width > 6 && width !== VARINT_LAYOUT)) throw new CorruptError(`${what} column has mode ${mode}, width ${width}`)
  const min = mode === NUM_OFFSET ? r.sv(what) : 0
  const out = new Array<number>(n)
  let prev = 0
  const value = (z: number) => {
    if (mode === NUM_OFFSET) return z + min
    const v = unzz(z)
    prev = mode === NUM_DELTA ? prev + v : v
    return prev
  }
  if (width === VARINT_LAYOUT) {
    for (let i = 0; i < n; i++) out[i] = value(r.uv(what))
    return out
  }
  const bytes = r.take(n * width, what)
  for (let i = 0; i < n; i++) {
    let z = 0
    let mul = 1
    for (let b = 0; b < width; b++) {
      z += bytes[b * n + i] * mul
      mul *= 256
    }
    out[i] = value(z)
  }
  return out
}
