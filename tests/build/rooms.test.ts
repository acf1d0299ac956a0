/**
 * The dependency check (scripts/check-rooms.ts, `npm run rooms` in `npm test`): the
 * real tree passes, and each kind of wrong tie in a small made-up tree is caught.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkRooms, checkSizes, listSizes, readSources, roomOf } from '../../scripts/check-rooms'

const ROOT = path.resolve(import.meta.dirname, '../..')
const ORDER = [['coefficient'], ['provenance'], ['license'], ['ui/shared'], ['ui/review', 'ui/policy'], ['ui']]

function tree(files: Record<string, string>) {
  return checkRooms(new Map(Object.entries(files)), ORDER)
}

describe('the rooms of src/', () => {
  it('has no import upward, sideways or in a circle', () => {
    const report = checkRooms(readSources(ROOT))
    expect(report.problems).toEqual([])
    expect(report.edges).toBeGreaterThan(400)
  })

  it.each([
    ['src/coefficient/score.ts', 'coefficient'],
    ['src/coefficient/raster/raster.ts', 'coefficient'],
    ['src/ui/review/review.tsx', 'ui/review'],
    ['src/ui/app.tsx', 'ui'],
    ['src/messages.ts', 'contract'],
    ['src/main.ts', 'main'],
  ])('places %s in %s', (file, room) => expect(roomOf(file)).toBe(room))

  it.each<{ tie: string; files: Record<string, string>; says: string }>([
    {
      tie: 'a lower room importing a higher one',
      files: { 'src/provenance/policy.ts': "import { T } from '../license/terms'", 'src/license/terms.ts': '' },
      says: 'provenance may not import from license, a room above it',
    },
    {
      tie: 'a type-only import upward',
      files: { 'src/coefficient/score.ts': "import type { R } from '../provenance/record'", 'src/provenance/record.ts': '' },
      says: 'coefficient may not import from provenance, a room above it',
    },
    {
      tie: 'one screen reaching into a screen beside it',
      files: { 'src/ui/review/a.ts': "export { x } from '../policy/b'", 'src/ui/policy/b.ts': '' },
      says: 'ui/review may not import from ui/policy, a room beside it',
    },
    {
      tie: 'two modules of one room importing each other',
      files: { 'src/coefficient/a.ts': "import { b } from './b'", 'src/coefficient/b.ts': "import { a } from './a'" },
      says: 'a circle: src/coefficient/a.ts → src/coefficient/b.ts → src/coefficient/a.ts',
    },
    {
      tie: 'a circle of three across rooms and a dynamic import',
      files: {
        'src/ui/x.ts': "import './shared/y'",
        'src/ui/shared/y.ts': "const z = await import('./z')",
        'src/ui/shared/z.ts': "import { x } from '../x'",
      },
      says: 'a circle: src/ui/shared/y.ts → src/ui/shared/z.ts → src/ui/x.ts → src/ui/shared/y.ts',
    },
    {
      tie: 'a new folder nobody placed',
      files: { 'src/widgets/a.ts': '' },
      says: 'src/widgets: a room with no place in the order (scripts/check-rooms.ts ROOM_ORDER)',
    },
  ])('fails on $tie', ({ files, says }) => {
    expect(tree(files).problems.some((p) => p.includes(says))).toBe(true)
  })

  it('passes a tree whose ties all run downward, and ignores imports in comments', () => {
    const report = tree({
      'src/ui/app.tsx': "import { s } from './review/s'\nimport './ui.css'",
      'src/ui/review/s.ts': "import { w } from '../shared/w'\n// import { p } from '../policy/p'",
      'src/ui/shared/w.ts': "import type { T } from '../../license/terms'",
      'src/license/terms.ts': "import { i } from '../provenance/issues'",
      'src/provenance/issues.ts': "/* from '../license/terms' */ import { c } from '../coefficient'",
      'src/coefficient/index.ts': '',
    })
    expect(report).toEqual({ problems: [], edges: 5 })
  })
})

describe('the sizes of src/ (issue #18: at most 25 files or 4,500 lines a folder, 500 a file)', () => {
  const many = (dir: string, n: number, lines: number, ext = 'ts') => Array.from({ length: n }, (_, i) => [`${dir}/f${String(i)}.${ext}`, lines] as const)

  it('the real tree keeps to them', () => expect(checkSizes(listSizes(ROOT))).toEqual([]))

  it.each<{ what: string; listing: (readonly [string, number])[]; says: string[] }>([
    { what: '25 files of 180 lines', listing: many('src/cli', 25, 180), says: [] },
    { what: '26 files', listing: many('src/cli', 26, 10), says: ['src/cli/: 26 files directly'] },
    { what: 'a README counts as a file, not as lines', listing: [...many('src/cli', 25, 10), ['src/cli/README.md', 9000]], says: ['src/cli/: 26 files directly'] },
    { what: 'a sub-room counts apart', listing: [...many('src/cli', 20, 200), ...many('src/cli/match', 20, 200)], says: [] },
    { what: '4,501 lines in a folder', listing: [...many('src/ui', 9, 500), ['src/ui/x.tsx', 1]], says: ['src/ui/: 4501 lines directly'] },
    { what: 'a file of 501 lines', listing: [['src/ui/license/license.tsx', 501]], says: ['src/ui/license/license.tsx: 501 lines'] },
    { what: 'an .mjs file is source', listing: [['src/cli/match/w.mjs', 600]], says: ['src/cli/match/w.mjs: 600 lines'] },
  ])('$what', ({ listing, says }) => {
    const problems = checkSizes(new Map(listing))
    expect(problems).toHaveLength(says.length)
    says.forEach((s, i) => expect(problems[i]).toContain(s))
  })
})
