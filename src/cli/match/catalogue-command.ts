/**
 * `loomprint catalogue add PACK... [--catalogue DIR]` and `loomprint catalogue list`:
 * the patterns of verified packs, with their descriptors computed once, kept in a
 * folder that `loomprint match --catalogue DIR` searches (docs/enforcement.md).
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { printable } from '../archive'
import { EXIT, parseFlags, UsageError, type Command, type Io } from '../command'
import { emptyCatalogue, loadCatalogue, saveCatalogue, type Catalogue } from './catalogue-store'
import { loadPack } from '../load-pack'
import { readPackReferences } from './match-references'
import { logPolarPlan } from '../../enforcement/log-polar'
import { DESCRIPTOR_FLOATS, describePattern, packDescriptor } from '../../enforcement/pattern-descriptor'

const USAGE = `usage: loomprint catalogue add PACK... [--catalogue DIR]
       loomprint catalogue list [--catalogue DIR] [--json]

add    puts every pattern of each PACK into the catalogue (default folder:
       loomprint-catalogue), with its descriptors computed once. Each PACK must
       verify (see loomprint verify); one that does not is refused and the others
       are still added. Adding a pack again changes nothing; a changed pack with the
       same id replaces its earlier version.
list   the packs and the number of patterns in the catalogue.

exit codes: 0 done, 2 usage error, a catalogue that cannot be read, or a pack refused`

export const catalogueCommand: Command = {
  name: 'catalogue',
  summary: 'keep verified packs’ patterns in a catalogue that match --catalogue searches',
  usage: USAGE,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseFlags(args, { catalogue: { type: 'string' }, json: { type: 'boolean' } })
    if (values.help) {
      io.out(USAGE)
      return EXIT.verified
    }
    const [action, ...packs] = positionals
    const dir = values.catalogue ?? 'loomprint-catalogue'
    const loaded = await loadCatalogue(dir)
    if (!loaded.ok && !loaded.missing) {
      io.err(`✗ ${dir}: ${loaded.error}; it was left as it is.`)
      return EXIT.usage
    }
    const catalogue = loaded.ok ? loaded.catalogue : emptyCatalogue(dir)
    if (action === 'list') {
      if (values.json) io.out(JSON.stringify({ catalogue: catalogue.fingerprint, packs: catalogue.file.packs, patterns: catalogue.file.patterns.length }, null, 2))
      else {
        for (const p of catalogue.file.packs) io.out(`${printable(p.packId)}  ${p.patterns} patterns  ${printable(p.file)}  added ${p.addedAt}`)
        io.out(`${count(catalogue.file.packs.length, 'pack')}, ${count(catalogue.file.patterns.length, 'pattern')} in ${dir}`)
      }
      return EXIT.verified
    }
    if (action !== 'add') throw new UsageError(action === undefined ? 'catalogue needs add or list' : `unknown catalogue action "${action}"`)
    if (packs.length === 0) throw new UsageError('catalogue add needs at least one PACK')
    return addPacks(catalogue, packs, io)
  },
}

async function addPacks(catalogue: Catalogue, files: string[], io: Io): Promise<number> {
  const plan = logPolarPlan()
  let refused = 0
  let changed = false
  for (const file of files) {
    let sha256: string
    try {
      sha256 = createHash('sha256').update(await readFile(file)).digest('hex')
    } catch (err) {
      io.err(`✗ ${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); not added.`)
      refused++
      continue
    }
    const report = await loadPack(file, { now: () => io.now() })
    if (!report.verified || !report.manifest) {
      const why = report.checks.filter((c) => c.ok === false).map((c) => `${c.id}: ${c.message}`)
      io.err(`✗ ${file}: the pack does not verify, not added (${why.slice(0, 3).join('; ') || 'unreadable'}).`)
      refused++
      continue
    }
    const packId = report.manifest.packId
    const earlier = catalogue.file.packs.find((p) => p.packId === packId)
    if (earlier?.sha256 === sha256) {
      io.out(`= ${file}: pack ${printable(packId)} is already in the catalogue; nothing changed.`)
      continue
    }
    const refs = await readPackReferences(file, report.manifest)
    if ('error' in refs) {
      io.err(`✗ ${file}: its images cannot be read (${refs.error}); not added.`)
      refused++
      continue
    }
    const described = []
    for (const s of refs.skipped) io.out(`! ${file}: ${printable(s.pattern)} is not added: ${s.reason}`)
    for (const t of refs.tiles) {
      const d = describePattern(plan, t)
      if (d.ok) described.push(d.descriptor)
      else io.out(`! ${file}: ${printable(t.name)} is not added: ${d.error}`)
    }
    // Replace the pack's earlier version, if any; slots are renumbered densely.
    const keep = catalogue.file.patterns.filter((p) => p.packId !== packId)
    const floats = new Float32Array((keep.length + described.length) * DESCRIPTOR_FLOATS)
    const patterns = keep.map((p, slot) => {
      floats.set(catalogue.descriptors.subarray(p.slot * DESCRIPTOR_FLOATS, (p.slot + 1) * DESCRIPTOR_FLOATS), slot * DESCRIPTOR_FLOATS)
      return { ...p, slot }
    })
    for (const d of described) {
      const slot = patterns.length
      floats.set(packDescriptor(d), slot * DESCRIPTOR_FLOATS)
      patterns.push({ patternId: d.patternId, packId, name: d.name, tileWidth: d.tileWidth, tileHeight: d.tileHeight, slot })
    }
    catalogue.file.packs = [...catalogue.file.packs.filter((p) => p.packId !== packId), { packId, sha256, file: path.basename(file), addedAt: io.now().toISOString(), patterns: described.length }]
    catalogue.file.patterns = patterns
    catalogue.descriptors = floats
    changed = true
    io.out(`+ ${file}: ${earlier ? 'replaced' : 'added'} pack ${printable(packId)}, ${count(described.length, 'pattern')}.`)
  }
  if (changed) catalogue.fingerprint = await saveCatalogue(catalogue)
  io.out(`${count(catalogue.file.packs.length, 'pack')}, ${count(catalogue.file.patterns.length, 'pattern')} in ${catalogue.dir}.`)
  return refused > 0 ? EXIT.usage : EXIT.verified
}

/** "1 pattern", "3 patterns". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
