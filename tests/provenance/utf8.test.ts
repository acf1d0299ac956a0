/**
 * The UTF-8 byte count Figma's 100 kB plugin-data limit is checked with (src/storage/utf8.ts),
 * against the WHATWG encoder, for every kind of string: short and long (the fast count through
 * encodeURIComponent), any Unicode, and lone surrogates (counted as U+FFFD, 3 bytes).
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { utf8Length } from '../../src/storage/utf8'
import { utf8Length as fakeUtf8Length } from '../figma-fake/util'

const encoder = new TextEncoder()
/** Any UTF-16 code units, lone surrogates included. */
const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 400 }).map((cs) => String.fromCharCode(...cs))
const strings = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), units)

describe('utf8Length counts what TextEncoder writes', () => {
  test.each([
    ['', 0],
    ['a'.repeat(65), 65],
    ['é'.repeat(100), 200],
    ['€'.repeat(100), 300],
    ['😀'.repeat(40), 160],
    ['%'.repeat(100), 100],
    ['x'.repeat(70) + '\ud800', 73],
    ['\udc00' + 'y'.repeat(70), 73],
  ])('%# (%s…)', (s, bytes) => {
    expect(utf8Length(s)).toBe(bytes)
    expect(fakeUtf8Length(s)).toBe(bytes)
  })

  test('any string, short or long, in the plugin and in the fake', () => {
    fc.assert(
      fc.property(strings, fc.integer({ min: 1, max: 4 }), (s, times) => {
        const long = s.repeat(times)
        expect(utf8Length(long)).toBe(encoder.encode(long).length)
        expect(fakeUtf8Length(long)).toBe(encoder.encode(long).length)
      }),
      { numRuns: 400 },
    )
  })
})
