/**
 * Mirroring and scaling outline path data in a layer's own box. A flipped layer is
 * painted as its outline mirrored (x → w − x) and then turned (see placement.ts), so
 * the snapshot holds the mirrored path data.
 *
 * Figma's path data is a subset of SVG: absolute M, L, Q, C and Z only
 * (plugin-api.d.ts:5496, VectorPath.data; FIGMA.md). Every number is therefore a
 * coordinate, in x, y pairs; anything else is refused with an error that says so.
 *
 * Mirroring is exact decimal arithmetic on the numbers as written (not on doubles):
 * mirroring twice gives the original text back, which is how a baseline stored before
 * format 4 (unmirrored) is compared with a current flipped layer
 * (legacy-placement.ts); and mirrored coordinates stay as short as the original ones
 * (doubles would turn 100 − 0.1 into 99.9 but 100 − 99.9 into 0.09999999999999432).
 */

/** Coordinate pairs each command takes (Z none). */
const PAIRS: Readonly<Record<string, number>> = { M: 1, L: 1, Q: 2, C: 3, Z: 0 }

const TOKEN = /[A-Za-z]|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g
const SEPARATORS = /^[\s,]*$/

/**
 * Rewrites each coordinate of `d` with `x` or `y`, keeping everything else (commands,
 * separators) as written. Throws on a command Figma does not write or a number that
 * is not part of a whole coordinate pair.
 */
function mapCoordinates(d: string, x: (token: string) => string, y: (token: string) => string): string {
  let out = ''
  let last = 0
  let command = ''
  let numbers = 0
  const finishCommand = (): void => {
    const per = 2 * (PAIRS[command] ?? 0)
    if (command !== '' && (per === 0 ? numbers !== 0 : numbers === 0 || numbers % per !== 0)) {
      throw new Error(`Path data "${clip(d)}": command ${command} has ${String(numbers)} numbers, which is not whole coordinate pairs for it.`)
    }
  }
  for (const m of d.matchAll(TOKEN)) {
    const token = m[0]
    const at = m.index ?? 0
    if (!SEPARATORS.test(d.slice(last, at))) throw new Error(`Path data "${clip(d)}" has "${d.slice(last, at).trim()}" where a command or number belongs.`)
    out += d.slice(last, at)
    last = at + token.length
    if (/^[A-Za-z]$/.test(token)) {
      finishCommand()
      if (!(token in PAIRS)) {
        throw new Error(`Path data "${clip(d)}" uses command ${token}; Figma's path data has only absolute M, L, Q, C and Z.`)
      }
      command = token
      numbers = 0
      out += token
    } else {
      if (command === '') throw new Error(`Path data "${clip(d)}" starts with a number, not a command.`)
      out += numbers % 2 === 0 ? x(token) : y(token)
      numbers++
    }
  }
  if (!SEPARATORS.test(d.slice(last))) throw new Error(`Path data "${clip(d)}" ends with "${d.slice(last).trim()}".`)
  finishCommand()
  return out + d.slice(last)
}

function clip(d: string): string {
  return d.length > 60 ? d.slice(0, 57) + '…' : d
}

// ---- exact decimals ----------------------------------------------------------------

/** n × 10^e. */
interface Decimal {
  n: bigint
  e: number
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/

function parseDecimal(s: string): Decimal {
  const m = DECIMAL.exec(s)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`"${s}" is not a number.`)
  const frac = m[3] ?? ''
  const n = BigInt((m[2] || '0') + frac)
  return { n: m[1] === '-' ? -n : n, e: Number(m[4] ?? 0) - frac.length }
}

function minus(a: Decimal, b: Decimal): Decimal {
  const e = Math.min(a.e, b.e)
  return { n: a.n * 10n ** BigInt(a.e - e) - b.n * 10n ** BigInt(b.e - e), e }
}

/** Trailing zeros folded into the exponent, so equal values compare equal. */
function normal(d: Decimal): Decimal {
  if (d.n === 0n) return { n: 0n, e: 0 }
  let { n, e } = d
  while (n % 10n === 0n) {
    n /= 10n
    e++
  }
  return { n, e }
}

/** Plain positional notation, no exponent. */
function plain(d: Decimal): string {
  const { n, e } = normal(d)
  const neg = n < 0n
  const digits = (neg ? -n : n).toString()
  let s: string
  if (e >= 0) s = digits + '0'.repeat(e)
  else {
    const padded = digits.padStart(-e + 1, '0')
    s = padded.slice(0, padded.length + e) + '.' + padded.slice(padded.length + e)
  }
  return neg ? '-' + s : s
}

/**
 * The shortest text for a value: JavaScript's own number text when it is exactly this
 * value (what Figma's path data looks like, so a mirrored-back number reads as written),
 * else the exact positional form.
 */
function text(d: Decimal): string {
  const exact = plain(d)
  const short = String(Number(exact))
  const a = normal(parseDecimal(short))
  const b = normal(d)
  return a.n === b.n && a.e === b.e ? short : exact
}

// ---- the operations ------------------------------------------------------------------

/**
 * Path data mirrored left to right in a box `w` wide: x → w − x, y unchanged. Exact in
 * decimal, so `mirrorPathData(mirrorPathData(d, w), w) === d` for path data whose
 * numbers are written as JavaScript writes them.
 */
export function mirrorPathData(d: string, w: number): string {
  if (!Number.isFinite(w)) throw new Error(`Cannot mirror path data in a box ${String(w)} wide.`)
  const width = parseDecimal(String(w))
  return mapCoordinates(d, (x) => text(minus(width, parseDecimal(x))), (y) => y)
}

/** Path data scaled by sx, sy (doubles: only for transforms that carry a scale, which Figma's do not). */
export function scalePathData(d: string, sx: number, sy: number): string {
  return mapCoordinates(d, (x) => String(Number(x) * sx), (y) => String(Number(y) * sy))
}
