// From source (benches, tsx), a worker thread does not inherit tsx's loader: register it, then run the worker.
import { register } from 'tsx/esm/api'

register()
await import('./match-worker-entry.ts')
