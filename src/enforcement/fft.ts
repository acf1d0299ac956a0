/**
 * In-place radix-2 complex FFT of an n × n block on split real/imaginary arrays
 * (a transpose, the columns, a transpose back, the columns: every pass runs over
 * contiguous memory). n must be a power of two. Plans (bit-reversal table, twiddles, scratch)
 * are made once per size by the caller and passed in: no module-level caches.
 */

export type FftPlan = {
  n: number
  reverse: Uint16Array
  cos: Float64Array
  /** −sin for the forward transform, +sin for the inverse. */
  sinForward: Float64Array
  sinInverse: Float64Array
}

export function fftPlan(n: number): FftPlan {
  if (n < 2 || (n & (n - 1)) !== 0) throw new RangeError(`FFT size ${n} is not a power of two`)
  const bits = Math.log2(n)
  const reverse = new Uint16Array(n)
  for (let i = 0; i < n; i++) {
    let r = 0
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b)
    reverse[i] = r
  }
  const cos = new Float64Array(n / 2)
  const sinForward = new Float64Array(n / 2)
  const sinInverse = new Float64Array(n / 2)
  for (let i = 0; i < n / 2; i++) {
    cos[i] = Math.cos((2 * Math.PI * i) / n)
    sinForward[i] = -Math.sin((2 * Math.PI * i) / n)
    sinInverse[i] = Math.sin((2 * Math.PI * i) / n)
  }
  return { n, reverse, cos, sinForward, sinInverse }
}

/**
 * The 1-D FFT down every column at once: each butterfly combines two whole rows with one
 * twiddle, so the inner loop runs along a row (contiguous, n long) whatever the stage. For
 * the small blocks the exact check transforms thousands of times per image (16², 32²) this
 * is 2–3× faster than one row at a time, where the last stages' loops are a step or two long.
 */
function fftColumns(plan: FftPlan, re: Float64Array, im: Float64Array, inverse: boolean): void {
  const { n, reverse, cos } = plan
  const sin = inverse ? plan.sinInverse : plan.sinForward
  for (let i = 0; i < n; i++) {
    const j = reverse[i]!
    if (j > i) {
      for (let x = 0; x < n; x++) {
        const a = i * n + x
        const b = j * n + x
        const tr = re[a]!
        re[a] = re[b]!
        re[b] = tr
        const ti = im[a]!
        im[a] = im[b]!
        im[b] = ti
      }
    }
  }
  for (let size = 2, tableStep = n >> 1; size <= n; size <<= 1, tableStep >>= 1) {
    const half = size >> 1
    for (let k = 0, t = 0; k < half; k++, t += tableStep) {
      const wr = cos[t]!
      const wi = sin[t]!
      for (let row = k; row < n; row += size) {
        const a0 = row * n
        const b0 = (row + half) * n
        for (let x = 0; x < n; x++) {
          const a = a0 + x
          const b = b0 + x
          const br = re[b]!
          const bi = im[b]!
          const xr = br * wr - bi * wi
          const xi = br * wi + bi * wr
          const ar = re[a]!
          const ai = im[a]!
          re[b] = ar - xr
          im[b] = ai - xi
          re[a] = ar + xr
          im[a] = ai + xi
        }
      }
    }
  }
}

function transpose(n: number, data: Float64Array): void {
  for (let y = 0; y < n; y++) {
    for (let x = y + 1; x < n; x++) {
      const a = y * n + x
      const b = x * n + y
      const t = data[a]!
      data[a] = data[b]!
      data[b] = t
    }
  }
}

/** 2-D FFT of an n × n block stored row-major. The inverse is not scaled by 1/n². */
export function fft2(plan: FftPlan, re: Float64Array, im: Float64Array, inverse = false): void {
  // Along x (down the columns of the transpose), then along y: the order, and so every
  // rounding, of one row at a time.
  transpose(plan.n, re)
  transpose(plan.n, im)
  fftColumns(plan, re, im, inverse)
  transpose(plan.n, re)
  transpose(plan.n, im)
  fftColumns(plan, re, im, inverse)
}
