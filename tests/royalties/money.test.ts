import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allocate, divideHalfUp, formatMinor, minorUnits, multiplyMoney } from '../../src/royalties/money'

describe('money', () => {
  it.each([
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['CLF', 4],
    ['XDR', null],
    ['ZZZ', null],
  ])('%s has %s minor units', (code, n) => expect(minorUnits(code)).toBe(n))

  it('rounds half up once', () => {
    expect(divideHalfUp(5n, 10n)).toBe(1n)
    expect(divideHalfUp(4n, 10n)).toBe(0n)
    expect(divideHalfUp(15n, 10n)).toBe(2n)
    expect(multiplyMoney({ amount: '0.025', currency: 'EUR' }, 1n)).toBe(3n) // 2.5 cents → 3
    expect(multiplyMoney({ amount: '0.025', currency: 'EUR' }, 3n)).toBe(8n) // 7.5 cents → 8
    expect(multiplyMoney({ amount: '0.4', currency: 'JPY' }, 1n)).toBe(0n)
    expect(multiplyMoney({ amount: '1.5', currency: 'JPY' }, 1n)).toBe(2n)
  })

  it('formats minor units in the currency', () => {
    expect(formatMinor(123450n, 'EUR')).toBe('1234.50')
    expect(formatMinor(5n, 'EUR')).toBe('0.05')
    expect(formatMinor(5n, 'JPY')).toBe('5')
    expect(formatMinor(1234n, 'KWD')).toBe('1.234')
  })

  it('gives the leftover minor units to the largest remainders, ties to the earlier party', () => {
    expect(allocate(100n, [3333, 3333, 3334])).toEqual([33n, 33n, 34n])
    expect(allocate(1n, [5000, 5000])).toEqual([1n, 0n])
    expect(allocate(2n, [3334, 3333, 3333])).toEqual([1n, 1n, 0n])
    expect(allocate(0n, [10000])).toEqual([0n])
  })

  it('property: the shares always add up to the total, and none is off by a unit or more', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 20 }).filter((w) => w.some((x) => x > 0)), (total, weights) => {
        const shares = allocate(total, weights)
        expect(shares.reduce((a, b) => a + b, 0n)).toBe(total)
        const sum = BigInt(weights.reduce((a, b) => a + b, 0))
        shares.forEach((s, i) => {
          const exact = total * BigInt(weights[i]!)
          expect(s * sum <= exact + sum && s * sum >= exact - sum).toBe(true)
        })
      }),
    )
  })
})
