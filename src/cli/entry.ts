// The bundle's entry: bin/loomprint.mjs runs build/cli/loomprint.mjs, built from here.
import { main } from './main'

main().catch((err: unknown) => {
  process.stderr.write(`loomprint: internal error: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exitCode = 2
})
