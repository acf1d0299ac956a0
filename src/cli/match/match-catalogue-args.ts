/** `loomprint match --catalogue DIR …`: flags → a sweep (match-sweep.ts), with Ctrl-C wired to stop it cleanly. */
import { UsageError, type Io } from '../command'
import { createProgress } from './match-progress'
import { CATALOGUE_THRESHOLD, defaultWorkers, runSweep } from './match-sweep'

type Flags = { in?: string; json?: boolean; threshold?: string; catalogue?: string; results?: string; workers?: string }

export async function runCatalogueMatch(values: Flags, positionals: string[], io: Io): Promise<number> {
  if (positionals.length > 0) throw new UsageError('with --catalogue, give no PACK (add packs with loomprint catalogue add)')
  if (!values.in) throw new UsageError('match needs --in FOLDER')
  let threshold = CATALOGUE_THRESHOLD
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold)
    if (!/^\d+(\.\d+)?$/.test(values.threshold) || !(threshold >= 0 && threshold <= 1)) throw new UsageError(`--threshold must be a distance between 0 and 1, such as ${CATALOGUE_THRESHOLD}`)
  }
  let workers = defaultWorkers()
  if (values.workers !== undefined) {
    workers = Number(values.workers)
    if (!/^\d+$/.test(values.workers) || workers > 256) throw new UsageError('--workers must be a whole number from 0 (this thread only) to 256')
  }
  const controller = new AbortController()
  const stop = (): void => {
    if (!controller.signal.aborted) process.stderr.write('\nStopping after the images in progress… (Ctrl-C again to quit at once)\n')
    else process.exit(130)
    controller.abort()
  }
  process.on('SIGINT', stop)
  try {
    return await runSweep(
      {
        catalogue: values.catalogue!,
        folder: values.in,
        json: values.json === true,
        threshold,
        results: values.results ?? 'loomprint-results.jsonl',
        workers,
        progress: createProgress((t) => process.stderr.write(t), process.stderr.isTTY === true),
        signal: controller.signal,
      },
      io,
    )
  } finally {
    process.off('SIGINT', stop)
  }
}
