/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (each exports
 * `async run(): Promise<Record<string, number>>`), merges the figures into one flat
 * object, writes bench/results.json (sorted keys) and prints a table.
 *
 *   npm run bench               all benches
 *   npm run bench -- bundle     only benches whose file name contains "bundle"; their
 *                               figures are merged into the existing results.json
 */
import { readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
const RESULTS = path.join(BENCH_DIR, 'results.json')

type Bench = { run?: () => Promise<Record<string, number>> }

async function readPrevious(): Promise<Record<string, number>> {
  try {
    const parsed = JSON.parse(await readFile(RESULTS, 'utf8')) as unknown
    if (!parsed || typeof parsed !== 'object') return {}
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
    )
  } catch {
    return {}
  }
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
  const files = (await readdir(BENCH_DIR))
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
    .sort()
  if (files.length === 0) throw new Error(`no bench/*.bench.ts${filters.length ? ` matching ${filters.join(', ')}` : ''}`)

  const results: Record<string, number> = {}
  const previous = filters.length > 0 ? await readPrevious() : {}
  const failures: string[] = []
  for (const file of files) {
    const started = performance.now()
    process.stdout.write(`${file} … `)
    try {
      const mod = (await import(pathToFileURL(path.join(BENCH_DIR, file)).href)) as Bench
      if (typeof mod.run !== 'function') throw new Error('does not export run()')
      const figures = await mod.run()
      for (const [key, value] of Object.entries(figures)) {
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${key} is not a finite number: ${String(value)}`)
        if (key in results) throw new Error(`${key} is reported twice`)
        results[key] = value
      }
      console.log(`${Object.keys(figures).length} figures in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    } catch (error) {
      console.log('FAILED')
      failures.push(`${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    }
  }

  const sorted = Object.fromEntries(Object.entries({ ...previous, ...results }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  await writeFile(RESULTS, `${JSON.stringify(sorted, null, 2)}\n`)

  const width = Math.max(6, ...Object.keys(sorted).map((key) => key.length))
  console.log(`\n${'figure'.padEnd(width)}  value`)
  console.log(`${'-'.repeat(width)}  ${'-'.repeat(12)}`)
  for (const [key, value] of Object.entries(sorted)) console.log(`${key.padEnd(width)}  ${value}`)
  console.log(`\nwrote ${path.relative(process.cwd(), RESULTS)}`)

  if (failures.length > 0) {
    console.error(`\n${failures.length} bench file(s) failed:\n${failures.join('\n\n')}`)
    process.exitCode = 1
  }
}

await main()
