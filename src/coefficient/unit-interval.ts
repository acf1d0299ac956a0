/**
 * Clamping to 0..1, the range every change, share and coefficient lives in. Its own
 * file so the lowest modules (visibility.ts) can use it without importing the
 * dimensions, which themselves build on what is visible.
 */
export function clamp01(v: number): number {
  return v > 0 ? (v < 1 ? v : 1) : 0
}
