/**
 * Money in integer minor units (bigint), never floats.
 *
 * Rounding rule (docs/royalties.md): every charge line is computed exactly as a
 * fraction and rounded once, half up (0.5 of a minor unit goes up), to the minor
 * unit of its currency. Splits never round: a total is allocated to parties by the
 * largest-remainder method, so the shares always add up to the total.
 */
import { ISO_4217_CURRENCIES } from '../provenance/codes'
import type { Money } from '../license/terms'

/**
 * ISO 4217 minor units (the "exponent") of the currencies that differ from 2.
 * Source: the ISO 4217 list maintained by SIX (table A.1). Every other code of
 * src/provenance/codes.ts has 2, except XDR, which has none and is not supported.
 */
const EXPONENTS: { readonly [code: string]: number } = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0,
  XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
}
const UNSUPPORTED = new Set(['XDR'])
const KNOWN = new Set(ISO_4217_CURRENCIES)

/** Digits after the decimal point for `currency`, or null when it is not supported. */
export function minorUnits(currency: string): number | null {
  if (!KNOWN.has(currency) || UNSUPPORTED.has(currency)) return null
  return EXPONENTS[currency] ?? 2
}

const DECIMAL = /^(0|[1-9]\d*)(?:\.(\d+))?$/

/** "12.345" → { units: 12345n, scale: 3 }; null for anything but a plain non-negative decimal. */
export function parseDecimal(text: string): { units: bigint; scale: number } | null {
  const m = DECIMAL.exec(text)
  if (!m) return null
  const fraction = m[2] ?? ''
  return { units: BigInt(m[1]! + fraction), scale: fraction.length }
}

/** numerator / denominator rounded half up; both non-negative. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n)
}

/** `units` × `money`, exactly, rounded half up to minor units of money.currency. */
export function multiplyMoney(money: Money, units: bigint): bigint {
  const exponent = minorUnits(money.currency)!
  const amount = parseDecimal(money.amount)!
  return divideHalfUp(amount.units * units * 10n ** BigInt(exponent), 10n ** BigInt(amount.scale))
}

/** A decimal amount of money in minor units (exact: terms allow ≤ 6 decimals, rounded half up if finer than the currency). */
export function moneyToMinor(money: Money): bigint {
  return multiplyMoney(money, 1n)
}

/** 123450n EUR → "1234.50"; 5n JPY → "5". */
export function formatMinor(amount: bigint, currency: string): string {
  const exponent = minorUnits(currency) ?? 2
  const negative = amount < 0n
  const digits = (negative ? -amount : amount).toString().padStart(exponent + 1, '0')
  const whole = digits.slice(0, digits.length - exponent)
  const fraction = digits.slice(digits.length - exponent)
  return (negative ? '-' : '') + whole + (exponent > 0 ? '.' + fraction : '')
}

/**
 * Splits `total` by `weights` (basis points, or any non-negative integers with a
 * positive sum). Each share is floor(total × w / Σw); the minor units left over go
 * one each to the largest remainders, ties to the earlier weight (the order of the
 * splits in the terms). The shares always add up to `total`.
 */
export function allocate(total: bigint, weights: readonly number[]): bigint[] {
  const sum = BigInt(weights.reduce((a, b) => a + b, 0))
  if (sum <= 0n) throw new RangeError('allocate: the weights add up to 0')
  const shares = weights.map((w) => (total * BigInt(w)) / sum)
  const remainders = weights.map((w, i) => ({ i, r: (total * BigInt(w)) % sum }))
  let left = total - shares.reduce((a, b) => a + b, 0n)
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  for (let k = 0; left > 0n; k++, left--) shares[remainders[k % remainders.length]!.i]! += 1n
  return shares
}
