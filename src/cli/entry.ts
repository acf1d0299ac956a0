// The bundle's entry: bin/loomprint.mjs runs build/cli/loomprint.mjs, built from here.
import { main } from './main'
import { isMatchWorker, runMatchWorker } from './match/match-worker'

// `loomprint match --catalogue` starts this same bundle as its worker threads.
if (isMatchWorker()) runMatchWorker()
else main().catch((err: unknown) => {
  process.stderr.write(`loomprint: internal error: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exitCode = 2
})
