// The sweep worker's own entry when run from source (tsx: tests and benches); the
// bundled CLI starts itself as the worker instead (entry.ts).
import { runMatchWorker } from './match-worker'

runMatchWorker()
