/**
 * utf8Length counts what the WHATWG encoder writes (Figma's storage limits count UTF-8 bytes),
 * for ASCII-only text (the fast path: base64 baselines and samples) and for any mix.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { utf8Encode, utf8Length } from '../../src/storage/utf8'
import { utf8Length as fakeUtf8Length } from '../figma-fake/util'

const encoder = new TextEncoder()

describe('utf8Length', () => {
  it.each([
    ['empty', ''],
    ['ASCII', 'baseline.1.0'],
    ['ASCII then é', 'abcé'],
    ['é then ASCII', 'éabc'],
    ['emoji (a surrogate pair)', 'a😀b'],
    ['a lone high surrogate at the end', 'ab\ud800'],
    ['a lone low surrogate', 'a\udc00b'],
    ['control characters', '\u0000\u007f\u0080'],
  ])('%s: as many bytes as TextEncoder writes', (_name, s) => {
    expect(utf8Length(s)).toBe(encoder.encode(s).length)
    expect(fakeUtf8Length(s)).toBe(encoder.encode(s).length)
    expect(utf8Encode(s)).toEqual(encoder.encode(s))
  })

  it('any string, mostly ASCII or not (property)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }).map((s) => s + '\u00e9' + s))
    fc.assert(
      fc.property(text, (s) => {
        expect(utf8Length(s)).toBe(encoder.encode(s).length)
        expect(fakeUtf8Length(s)).toBe(encoder.encode(s).length)
      }),
      { numRuns: 500 },
    )
  })
})
