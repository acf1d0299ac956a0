/**
 * Figma's 2×3 affine transforms, flattened row-major as `[m00, m01, m02, m10, m11, m12]`
 * (a point maps to x′ = m00·x + m01·y + m02, y′ = m10·x + m11·y + m12; plugin-api.d.ts
 * `Transform`). Small on purpose: the host imports it into Figma's main thread.
 */
import type { Bounds } from './snapshot'

export type Transform2x3 = readonly [number, number, number, number, number, number]

export const IDENTITY_TRANSFORM: Transform2x3 = [1, 0, 0, 0, 1, 0]

/** `outer` after `inner`: p ↦ outer(inner(p)). */
export function multiplyTransforms(outer: Transform2x3, inner: Transform2x3): [number, number, number, number, number, number] {
  const [a, b, c, d, e, f] = outer
  const [g, h, i, j, k, l] = inner
  return [a * g + b * j, a * h + b * k, a * i + b * l + c, d * g + e * j, d * h + e * k, d * i + e * l + f]
}

/** The inverse transform, or null when it has none (a layer squashed flat). */
export function invertTransform(m: Transform2x3): [number, number, number, number, number, number] | null {
  const [a, b, c, d, e, f] = m
  const det = a * e - b * d
  if (det === 0 || !Number.isFinite(det)) return null
  const ia = e / det
  const ib = -b / det
  const id = -d / det
  const ie = a / det
  return [ia, ib, -(ia * c + ib * f), id, ie, -(id * c + ie * f)]
}

/** The axis-aligned box of the w × h box at the origin under `m` (Figma's absoluteBoundingBox of a layer). */
export function boundingBoxOf(m: Transform2x3, w: number, h: number): Bounds {
  const xs = [m[2], m[0] * w + m[2], m[1] * h + m[2], m[0] * w + m[1] * h + m[2]]
  const ys = [m[5], m[3] * w + m[5], m[4] * h + m[5], m[3] * w + m[4] * h + m[5]]
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }
}
