/**
 * Schema pieces every part of the license terms is built from (dates, money, text,
 * ISO codes), in their own file so the terms and the contract frame (contract.ts)
 * can both use them without importing each other. zod/mini: runs in main too.
 */
import * as z from 'zod/mini'
import { ISO_3166_ALPHA2, ISO_4217_CURRENCIES } from './codes'

export const COUNTRY_SET = new Set(ISO_3166_ALPHA2)
export const CURRENCY_SET = new Set(ISO_4217_CURRENCIES)

export function isCountryCode(code: string): boolean {
  return COUNTRY_SET.has(code)
}

export function isCurrencyCode(code: string): boolean {
  return CURRENCY_SET.has(code)
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar date "YYYY-MM-DD" (2025-02-30 is refused). */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text)
  if (!m) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1) return false
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return d <= days[mo - 1]!
}

export const required = (max: number, what: string) =>
  z.string({ error: `${what} must be text` }).check(
    z.minLength(1, { error: `${what} is required` }),
    z.maxLength(max),
  )
export const text = (max: number) => z.string().check(z.maxLength(max))

export const date = (what: string) =>
  z.string({ error: `${what} must be a date such as 2026-03-01` }).check(
    z.refine(isCalendarDate, { error: `${what} must be a real date written as YYYY-MM-DD, such as 2026-03-01` }),
  )

/** Decimal text, not a float: no rounding ever enters a contract amount. */
const DECIMAL = /^(0|[1-9]\d{0,11})(\.\d{1,6})?$/

export const MoneySchema = z.strictObject({
  amount: z.string({ error: 'Amount must be text such as "12.50"' }).check(
    z.regex(DECIMAL, { error: 'Amount must be a plain decimal such as 1200 or 0.025 (at most 6 decimals, no sign)' }),
  ),
  currency: z.string({ error: 'Currency must be an ISO 4217 code such as EUR' }).check(
    z.refine((c) => CURRENCY_SET.has(c), { error: 'Currency must be an ISO 4217 code such as EUR, USD or JPY' }),
  ),
})
/** An amount of money: `amount` is a decimal string ("0.025"), `currency` ISO 4217. */
export type Money = z.infer<typeof MoneySchema>
