/**
 * `npm run rooms` (part of `npm test`): the dependency check of CONTRIBUTING.md's map
 * of rooms. It fails when
 *   - a module imports from a room above its own (or from a sibling room on the same
 *     rung: the screens of the UI do not reach into each other's rooms sideways
 *     unless the order puts one below the other),
 *   - modules import each other in a circle (any length, inside a room or across),
 *   - a folder under src/ has no place in the order (a new room must be placed),
 *   - a folder holds more than 25 files directly or more than 4,500 lines of source
 *     (a sub-folder counts apart), or a source file is over 500 lines: past that a
 *     room holds more than one concern and wants a sub-room (issue #18).
 * `import type` counts: a type tie is still a tie a reader has to follow.
 *
 * Imports are read with TypeScript's own pre-processor, so comments and strings that
 * merely look like imports are not taken for them.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

/**
 * The rooms, lowest first. A room may import from any room on a lower rung, never
 * from one on its own rung or above. Sub-folders belong to their room (e.g.
 * coefficient/raster, storage/baseline) except the UI's screens, each a room.
 */
export const ROOM_ORDER: readonly (readonly string[])[] = [
  ['coefficient'], // the human-contribution coefficient: snapshots in, a score out
  ['storage'], // codecs: baseline, journal, bytes, hashes, the entry limit
  ['provenance'], // records and their rules, the team policy
  ['license'], // licence terms, eligibility, intended use, ODRL, text, the stamp
  ['royalties', 'enforcement'], // statements from usage reports; finding copies in images
  ['pack'], // the signed pattern pack
  ['team'], // the team identity: CA, certificates, revocation, COSE (issue 22; Node, used by cli)
  ['contract'], // src/messages.ts, src/channel.ts: main ⇄ UI
  ['ui/shared'], // what the screens share: widgets, progress, format, transport
  ['ui/policy'],
  ['ui/capture'], // capture reads the team policy
  ['ui/review'], // the review list shows captures
  ['ui/license'], // licence and export build on reviews
  ['ui', 'host', 'cli'], // the plugin window, the Figma side, the command line
  ['main'], // src/main.ts
]

const UI_SCREENS = new Set(['shared', 'policy', 'capture', 'review', 'license'])

/** The room of a file under src/ ("src/ui/review/review.tsx" → "ui/review"). */
export function roomOf(file: string): string {
  const parts = file.split('/').slice(1)
  if (parts.length === 1) {
    if (parts[0] === 'messages.ts' || parts[0] === 'channel.ts') return 'contract'
    return parts[0]!.replace(/\.tsx?$/, '')
  }
  if (parts[0] === 'ui' && parts.length > 2 && UI_SCREENS.has(parts[1]!)) return `ui/${parts[1]}`
  return parts[0]!
}

export interface RoomReport {
  /** "src/a.ts → src/b.ts: …" one line per problem. */
  problems: string[]
  /** How many imports between modules of src/ were checked. */
  edges: number
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']

/** Checks a set of sources (path under the repository → text). Pure, for the tests. */
export function checkRooms(sources: ReadonlyMap<string, string>, order: readonly (readonly string[])[] = ROOM_ORDER): RoomReport {
  const rung = new Map<string, number>()
  order.forEach((rooms, i) => rooms.forEach((r) => rung.set(r, i)))
  const problems: string[] = []
  const graph = new Map<string, string[]>()
  let edges = 0
  const unplaced = new Set<string>()
  for (const [file, text] of sources) {
    const targets: string[] = []
    graph.set(file, targets)
    const from = roomOf(file)
    if (!rung.has(from)) unplaced.add(from)
    for (const { fileName: spec } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!spec.startsWith('.')) continue
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec))
      const target = EXTENSIONS.map((e) => base + e).find((p) => sources.has(p))
      if (target === undefined) continue // not a module (e.g. ui.css); the build catches a missing one
      targets.push(target)
      edges++
      const to = roomOf(target)
      const a = rung.get(from)
      const b = rung.get(to)
      if (from === to || a === undefined || b === undefined) continue
      if (b > a) problems.push(`${file} → ${target}: ${from} may not import from ${to}, a room above it`)
      else if (b === a) problems.push(`${file} → ${target}: ${from} may not import from ${to}, a room beside it`)
    }
  }
  for (const room of unplaced) problems.push(`src/${room}: a room with no place in the order (scripts/check-rooms.ts ROOM_ORDER)`)
  for (const circle of circles(graph)) problems.push(`a circle: ${circle.join(' → ')} → ${circle[0]}`)
  return { problems, edges }
}

/** Every strongly connected group of more than one module (Tarjan), as one path round it. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const out: string[][] = []
  const visit = (v: string): void => {
    index.set(v, counter)
    low.set(v, counter++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        group.push(w)
      } while (w !== v)
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(orderRound(group, graph))
    }
  }
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v)
  return out
}

/** A readable walk round a circle: from its first module, following imports inside it. */
function orderRound(group: readonly string[], graph: ReadonlyMap<string, readonly string[]>): string[] {
  const members = new Set(group)
  const start = [...group].sort()[0]!
  const walk = [start]
  const seen = new Set(walk)
  for (;;) {
    const next = (graph.get(walk[walk.length - 1]!) ?? []).find((w) => members.has(w) && !seen.has(w))
    if (next === undefined) break
    walk.push(next)
    seen.add(next)
  }
  return walk
}

export const SIZE_LIMITS = { filesPerFolder: 25, linesPerFolder: 4500, linesPerFile: 500 } as const

/**
 * The size rules over a listing of src/ (path → line count; every file, source or not,
 * counts towards its folder's files; source files' lines towards its lines). Pure.
 */
export function checkSizes(listing: ReadonlyMap<string, number>, limits = SIZE_LIMITS): string[] {
  const problems: string[] = []
  const folders = new Map<string, { files: number; lines: number }>()
  for (const [file, lines] of listing) {
    const dir = path.posix.dirname(file)
    const f = folders.get(dir) ?? { files: 0, lines: 0 }
    f.files++
    if (SOURCE.test(file)) {
      f.lines += lines
      if (lines > limits.linesPerFile) problems.push(`${file}: ${lines} lines (at most ${limits.linesPerFile} a file)`)
    }
    folders.set(dir, f)
  }
  for (const [dir, f] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    if (f.files > limits.filesPerFolder) problems.push(`${dir}/: ${f.files} files directly (at most ${limits.filesPerFolder}; give a concern a sub-room)`)
    if (f.lines > limits.linesPerFolder) problems.push(`${dir}/: ${f.lines} lines directly (at most ${limits.linesPerFolder})`)
  }
  return problems
}

const SOURCE = /\.(tsx?|mjs)$/

/** Every file under a folder with its line count, as "src/…" paths. */
export function listSizes(root: string, dir = 'src'): Map<string, number> {
  const out = new Map<string, number>()
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`
    if (entry.isDirectory()) for (const [k, v] of listSizes(root, rel)) out.set(k, v)
    else out.set(rel, SOURCE.test(entry.name) ? fs.readFileSync(path.join(root, rel), 'utf8').split('\n').length - 1 : 0)
  }
  return out
}

/** Every .ts/.tsx file under a folder, as "src/…" paths. */
export function readSources(root: string, dir = 'src'): Map<string, string> {
  const out = new Map<string, string>()
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`
    if (entry.isDirectory()) for (const [k, v] of readSources(root, rel)) out.set(k, v)
    else if (/\.tsx?$/.test(entry.name)) out.set(rel, fs.readFileSync(path.join(root, rel), 'utf8'))
  }
  return out
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const { problems, edges } = checkRooms(readSources(root))
  const sizes = checkSizes(listSizes(root))
  if (problems.length > 0 || sizes.length > 0) {
    console.log(`✗ rooms: ${problems.length + sizes.length} problem(s) in ${edges} imports`)
    for (const p of [...problems, ...sizes]) console.log('  ' + p)
    process.exit(1)
  }
  console.log(`✓ rooms: ${edges} imports, none upward, sideways or in a circle; no folder over ${SIZE_LIMITS.filesPerFolder} files or ${SIZE_LIMITS.linesPerFolder} lines, no file over ${SIZE_LIMITS.linesPerFile}`)
}
