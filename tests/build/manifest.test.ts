/**
 * manifest.json against the rules in FIGMA.md ("manifest.json") and the Figma
 * manifest docs (developers.figma.com/docs/plugins/manifest).
 *
 * The plugin id is fixed: "1480000000000000001". It is a realistic, numeric-looking
 * placeholder chosen for development. Private plugin data is keyed by this id
 * (FIGMA.md, "Plugin data and storage"), so it must never change once files carry
 * Loomprint data; when the plugin is published, Figma assigns the real id and that
 * one replaces this value exactly once, before any real use.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './paths'

const FIXED_ID = '1480000000000000001'

interface MenuItem {
  name?: unknown
  command?: unknown
  separator?: unknown
  menu?: MenuItem[]
}

interface Manifest {
  name?: unknown
  id?: unknown
  api?: unknown
  main?: unknown
  ui?: unknown
  editorType?: unknown
  documentAccess?: unknown
  networkAccess?: { allowedDomains?: unknown; reasoning?: unknown; devAllowedDomains?: unknown }
  permissions?: unknown
  menu?: MenuItem[]
  relaunchButtons?: { command?: unknown; name?: unknown; multipleSelection?: unknown }[]
  [key: string]: unknown
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as Manifest

/** Top-level keys the Figma plugin manifest documents. Anything else is a typo. */
const KNOWN_KEYS = new Set([
  'name',
  'id',
  'api',
  'main',
  'ui',
  'editorType',
  'documentAccess',
  'networkAccess',
  'permissions',
  'menu',
  'parameters',
  'parameterOnly',
  'relaunchButtons',
  'enableProposedApi',
  'enablePrivatePluginApi',
  'build',
  'capabilities',
  'codegenLanguages',
  'codegenPreferences',
])

function commandsOf(items: MenuItem[] | undefined): string[] {
  const out: string[] = []
  for (const item of items ?? []) {
    if (typeof item.command === 'string') out.push(item.command)
    if (item.menu) out.push(...commandsOf(item.menu))
  }
  return out
}

describe('manifest.json', () => {
  it('has the fields Figma requires for new plugins (FIGMA.md)', () => {
    expect(manifest.name).toBe('Loomprint')
    expect(manifest.api).toBe('1.0.0')
    expect(manifest.editorType).toEqual(['figma'])
    expect(manifest.documentAccess).toBe('dynamic-page')
    expect(typeof manifest.main).toBe('string')
    expect(typeof manifest.ui).toBe('string')
  })

  it('has the fixed plugin id (private plugin data is keyed by it)', () => {
    expect(manifest.id).toBe(FIXED_ID)
    expect(manifest.id).toMatch(/^\d{15,20}$/)
  })

  it('blocks all network access: nothing leaves the machine', () => {
    expect(manifest.networkAccess?.allowedDomains).toEqual(['none'])
    expect(manifest.networkAccess?.devAllowedDomains ?? []).toEqual([])
  })

  it('asks for currentuser and nothing else', () => {
    expect(manifest.permissions).toEqual(['currentuser'])
  })

  it('uses only documented top-level keys', () => {
    expect(Object.keys(manifest).filter((key) => !KNOWN_KEYS.has(key))).toEqual([])
  })

  it('offers the three commands in the plugin menu', () => {
    const items = (manifest.menu ?? []).filter((item) => item.separator !== true)
    expect(items.map((item) => [item.name, item.command])).toEqual([
      ['Capture provenance', 'capture'],
      ['Review contributions', 'review'],
      ['Export licensed pack', 'export'],
    ])
    const commands = commandsOf(manifest.menu)
    expect(new Set(commands).size).toBe(commands.length)
  })

  it('has a relaunch button for capture, each one a well-formed menu command', () => {
    const buttons = manifest.relaunchButtons ?? []
    expect(buttons.some((b) => b.command === 'capture' && b.name === 'Capture provenance')).toBe(true)
    const menuCommands = new Set(commandsOf(manifest.menu))
    for (const button of buttons) {
      expect(typeof button.command).toBe('string')
      expect(typeof button.name).toBe('string')
      expect(['undefined', 'boolean']).toContain(typeof button.multipleSelection)
      // setRelaunchData({command: ...}) needs a matching relaunch button, and main
      // dispatches on figma.command: keep relaunch commands a subset of the menu's.
      expect(menuCommands.has(button.command as string)).toBe(true)
    }
    const commands = buttons.map((b) => b.command)
    expect(new Set(commands).size).toBe(commands.length)
  })

  it('points main and ui at build outputs that exist (run npm run build first)', () => {
    for (const key of ['main', 'ui'] as const) {
      const relative = manifest[key] as string
      expect(relative.startsWith('build/'), `${key} should point into build/`).toBe(true)
      expect(path.isAbsolute(relative)).toBe(false)
      const file = path.join(ROOT, relative)
      if (!existsSync(file)) {
        throw new Error(`manifest.${key} points at ${relative}, which is missing: run npm run build first`)
      }
    }
    expect(manifest.main).toBe('build/main.js')
    expect(manifest.ui).toBe('build/ui.html')
  })
})
