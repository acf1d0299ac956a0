import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ellipseSignature, outlineDisplacement, outlineSignature, rectangleSignature } from '../../src/coefficient/outline'
import { OUTLINE_POINTS } from '../../src/coefficient/snapshot'
import { outlineFor, unit } from './arbitraries'

const box = { w: 100, h: 50 }
const sig = (d: string | string[], b = box) => outlineSignature(Array.isArray(d) ? d : [d], b)

describe('outlineSignature', () => {
  it('has OUTLINE_POINTS quantized points, interleaved x,y, each 0..255', () => {
    const s = sig('M 0 0 L 100 0 L 100 50 L 0 50 Z')
    expect(s.points).toHaveLength(OUTLINE_POINTS * 2)
    expect(s.vertices).toBe(4)
    for (const v of s.points) {
      expect(Number.isInteger(v)).toBe(true)
      expect(v).toBeGreaterThanOrEqual(0)
      expect(v).toBeLessThanOrEqual(255)
    }
    // Even spacing by arc length: perimeter 300, so a point every 18.75 units,
    // starting at the top-left corner and running clockwise.
    expect(s.points.slice(0, 6)).toEqual([0, 0, 48, 0, 96, 0])
  })

  it('reads Figma path data and the SVG variants alike', () => {
    const figma = sig('M 0 0 L 100 0 L 100 50 L 0 50 L 0 0 Z')
    expect(sig('M0,0 L100,0 L100,50 L0,50 Z')).toEqual(figma)
    expect(sig('m0 0 l100 0 0 50 -100 0z')).toEqual(figma) // relative, implicit repeats
    expect(sig('M0 0H100V50H0Z')).toEqual(figma)
    expect(sig('m0,0h100v50h-100z')).toEqual(figma)
    expect(sig('M 0e0 0 L 1e2 0 L 100 5e1 L 0 50 Z')).toEqual(figma) // exponents
    expect(sig('M 0 0 L 100.0 0 L 100 50.00 L -0 50 Z')).toEqual(figma)
  })

  it('gives the same signature whatever vertex the outline starts at, and either direction', () => {
    const a = sig('M 0 0 L 100 0 L 100 50 L 0 50 Z')
    expect(sig('M 100 50 L 0 50 L 0 0 L 100 0 Z')).toEqual(a)
    expect(sig('M 0 50 L 100 50 L 100 0 L 0 0 Z')).toEqual(a) // reversed
    const curve = 'M 10 0 C 60 0 100 10 100 25 Q 100 50 50 50 L 0 40 Z'
    const restarted = 'M 100 25 Q 100 50 50 50 L 0 40 L 10 0 C 60 0 100 10 100 25 Z'
    expect(outlineDisplacement(sig(curve), sig(restarted))).toBe(0)
  })

  it('flattens curves: a circle drawn with cubics is round', () => {
    const circle = outlineSignature(['M 50 0 C 77.6 0 100 22.4 100 50 C 100 77.6 77.6 100 50 100 C 22.4 100 0 77.6 0 50 C 0 22.4 22.4 0 50 0 Z'], { w: 100, h: 100 })
    for (let i = 0; i < OUTLINE_POINTS; i++) {
      const x = circle.points[2 * i]! - 127.5
      const y = circle.points[2 * i + 1]! - 127.5
      expect(Math.hypot(x, y)).toBeGreaterThan(122)
      expect(Math.hypot(x, y)).toBeLessThan(133)
    }
    expect(outlineDisplacement(circle, ellipseSignature(100, 100))).toBeLessThan(0.01)
  })

  it('concatenates several paths and subpaths, with no length for pen-up moves', () => {
    const two = sig(['M 0 0 L 40 0 L 40 20 L 0 20 Z', 'M 60 30 L 100 30 L 100 50 L 60 50 Z'])
    expect(two.vertices).toBe(8)
    // Half the samples on each square.
    const left = two.points.filter((_, i) => i % 2 === 0).filter((x) => x <= 102).length
    expect(left).toBe(OUTLINE_POINTS / 2)
  })

  it('survives empty, degenerate and malformed input', () => {
    expect(sig('').points.every((v) => v === 0)).toBe(true)
    expect(sig('M 10 10').points).toHaveLength(OUTLINE_POINTS * 2)
    expect(sig('M 0 0 L 100 0 L 100 50 L 0 50 Z garbage 1 2').vertices).toBe(4)
    expect(sig('M 0 0 L 100', box).points).toHaveLength(OUTLINE_POINTS * 2)
    expect(outlineSignature(['M 0 0 L 0 50'], { w: 0, h: 50 }).points.filter((_, i) => i % 2 === 0).every((x) => x === 0)).toBe(true)
  })

  it('clamps points outside the bounds (strokes, handles) to the quantized square', () => {
    const s = sig('M -50 -50 L 200 -50 L 200 100 Z')
    expect(Math.min(...s.points)).toBe(0)
    expect(Math.max(...s.points)).toBe(255)
  })

  it('matches the helpers for rectangles and ellipses', () => {
    expect(rectangleSignature(100, 50)).toEqual(sig('M 0 0 L 100 0 L 100 50 L 0 50 Z'))
    expect(rectangleSignature(100, 50, 10).points).not.toEqual(rectangleSignature(100, 50).points)
    expect(outlineDisplacement(rectangleSignature(100, 50, 10), rectangleSignature(100, 50))).toBeLessThan(0.1)
  })
})

describe('outlineDisplacement', () => {
  const square = rectangleSignature(10, 10)
  const circle = ellipseSignature(10, 10)
  const triangle = outlineSignature(['M 5 0 L 10 10 L 0 10 Z'], { w: 10, h: 10 })

  it('table: small for similar shapes, larger for different ones', () => {
    expect(outlineDisplacement(square, square)).toBe(0)
    expect(outlineDisplacement(square, circle)).toBeGreaterThan(0.03)
    expect(outlineDisplacement(square, triangle)).toBeGreaterThan(outlineDisplacement(square, circle))
  })

  it('allows any start point: a cyclically shifted signature is 0 away', () => {
    fc.assert(
      fc.property(outlineFor(100, 60), fc.integer({ min: 0, max: OUTLINE_POINTS - 1 }), (s, k) => {
        const shifted = { vertices: s.vertices, points: [...s.points.slice(2 * k), ...s.points.slice(0, 2 * k)] }
        expect(outlineDisplacement(s, shifted)).toBe(0)
        const reversed: number[] = []
        for (let i = OUTLINE_POINTS - 1; i >= 0; i--) reversed.push(s.points[2 * i]!, s.points[2 * i + 1]!)
        expect(outlineDisplacement(s, { vertices: s.vertices, points: reversed })).toBe(0)
      }),
    )
  })

  it('is in 0..1, 0 on itself, symmetric', () => {
    fc.assert(
      fc.property(outlineFor(100, 60), outlineFor(100, 60), (a, b) => {
        const d = outlineDisplacement(a, b)
        expect(d).toBeGreaterThanOrEqual(0)
        expect(d).toBeLessThanOrEqual(1)
        expect(outlineDisplacement(a, a)).toBe(0)
        expect(outlineDisplacement(b, a)).toBeCloseTo(d, 9)
      }),
    )
  })

  it('grows as one vertex is pulled further', () => {
    fc.assert(
      fc.property(unit, unit, (s, t) => {
        const [near, far] = s <= t ? [s, t] : [t, s]
        const base = outlineSignature(['M 0 0 L 100 0 L 100 100 L 0 100 Z'], { w: 100, h: 100 })
        const pull = (f: number) => outlineSignature([`M 0 0 L 100 0 L ${100 - 50 * f} ${100 - 50 * f} L 0 100 Z`], { w: 100, h: 100 })
        expect(outlineDisplacement(base, pull(near))).toBeLessThanOrEqual(outlineDisplacement(base, pull(far)) + 0.02)
      }),
    )
  })
})
