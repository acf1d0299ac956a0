/**
 * The built bundles obey the platform rules (FIGMA.md "Runtime"):
 * - build/main.js: no browser globals the main thread lacks, ES2017 syntax only,
 *   within budget;
 * - build/ui.html: one self-contained file (Figma loads it as a data: URL with a
 *   null origin: nothing relative can load), within budget.
 */
import * as esbuild from 'esbuild'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import {
  MAIN_BUDGET,
  UI_BUDGET,
  escapeInlineScript,
  findForbiddenGlobals,
  makeUiHtml,
} from '../../scripts/build'
import { readBuildOutput } from './paths'

type AcornParse = (code: string, options: { ecmaVersion: number; sourceType: 'script' }) => unknown

/** acorn is not a direct dependency (it comes with eslint): use it when it is there. */
async function loadAcorn(): Promise<AcornParse | null> {
  try {
    const specifier = createRequire(import.meta.url).resolve('acorn')
    const acorn = (await import(specifier)) as { parse: AcornParse }
    return acorn.parse
  } catch {
    return null
  }
}

/** Returns the inline <script> and <style> contents and the HTML with them removed. */
function splitHtml(html: string): { scripts: string[]; styles: string[]; markup: string } {
  const scripts: string[] = []
  const styles: string[] = []
  const markup = html
    .replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (_m, attrs: string, body: string) => {
      scripts.push(body)
      return `<script${attrs}></script>`
    })
    .replace(/<style\b([^>]*)>([\s\S]*?)<\/style>/gi, (_m, attrs: string, body: string) => {
      styles.push(body)
      return `<style${attrs}></style>`
    })
  return { scripts, styles, markup }
}

describe('build/main.js', () => {
  const code = readBuildOutput('build/main.js')

  it('uses no globals the Figma main thread lacks', () => {
    expect(findForbiddenGlobals(code)).toEqual([])
  })

  it('is ES2017 syntax (object spread/rest and later syntax are lowered)', async () => {
    const parse = await loadAcorn()
    if (parse) {
      expect(() => parse(code, { ecmaVersion: 2017, sourceType: 'script' })).not.toThrow()
    }
    // Independently of acorn: lowering to ES2017 must be a no-op. If the bundle held
    // newer syntax, esbuild would rewrite it and the two outputs would differ.
    const asIs = await esbuild.transform(code, { target: 'esnext', loader: 'js' })
    const lowered = await esbuild.transform(code, { target: 'es2017', loader: 'js' })
    expect(lowered.code).toBe(asIs.code)
  })

  it('is one IIFE (no module syntax: Figma evaluates it as a script)', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
  })

  it(`is within its ${MAIN_BUDGET / 1000} kB budget`, () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(MAIN_BUDGET)
  })
})

describe('build/ui.html', () => {
  const html = readBuildOutput('build/ui.html')
  const { scripts, styles, markup } = splitHtml(html)

  it('inlines its JS and CSS', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(1)
    expect(scripts.join('').length).toBeGreaterThan(1000)
    expect(styles.length).toBeGreaterThanOrEqual(1)
    expect(markup).toContain('<div id="app"></div>')
  })

  it('loads nothing from elsewhere', () => {
    expect(markup).not.toMatch(/\s(src|href)\s*=/i)
    expect(markup).not.toMatch(/<link\b/i)
    for (const css of styles) {
      expect(css).not.toMatch(/@import\b/i)
      expect(css).not.toMatch(/url\(\s*['"]?(https?:|\/\/)/i)
    }
  })

  it('has inline scripts that parse and cannot end their <script> early', async () => {
    for (const js of scripts) {
      expect(js).not.toMatch(/<\/script/i)
      await expect(esbuild.transform(js, { loader: 'js' })).resolves.toBeDefined()
    }
  })

  it(`is within its ${UI_BUDGET / 1000} kB budget`, () => {
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(UI_BUDGET)
  })
})

describe('build helpers', () => {
  it('escapes </script in inlined JS', () => {
    const js = 'const s = "</script><script>alert(1)</script>"; const t = "</SCRIPT"'
    const html = makeUiHtml({ js, css: '' })
    expect(html.match(/<\/script/gi)).toHaveLength(1)
    expect(escapeInlineScript(js)).toBe('const s = "<\\/script><script>alert(1)<\\/script>"; const t = "<\\/SCRIPT"')
  })

  it('flags each forbidden main-thread global', () => {
    expect(findForbiddenGlobals('new TextEncoder(); new TextDecoder(); crypto.subtle; atob(x); btoa(y); WebAssembly.instantiate')).toEqual([
      'TextEncoder',
      'TextDecoder',
      'crypto.',
      'atob(',
      'btoa(',
      'WebAssembly',
    ])
    expect(findForbiddenGlobals('figma.base64Encode(bytes); const cryptographic = 1')).toEqual([])
  })
})
