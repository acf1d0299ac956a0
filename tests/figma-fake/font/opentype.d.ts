// The little of opentype.js 2.0.0 (no typings of its own) that generate.ts uses.
declare module 'opentype.js' {
  type PathCommand =
    | { type: 'M' | 'L'; x: number; y: number }
    | { type: 'Q'; x1: number; y1: number; x: number; y: number }
    | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
    | { type: 'Z' }
  interface Glyph {
    advanceWidth?: number
    path: { commands: PathCommand[] }
  }
  interface Font {
    unitsPerEm: number
    tables: Record<string, unknown>
    charToGlyph(ch: string): Glyph
    glyphs: { get(index: number): Glyph }
  }
  function parse(buffer: ArrayBuffer): Font
  const opentype: { parse: typeof parse }
  export default opentype
  export type { PathCommand, Glyph, Font }
}
