/**
 * A pool of sweep workers, one per core: images go to whichever worker is free.
 * From the bundle, a worker is the bundle itself (entry.ts sees it is a worker);
 * from source (tsx), match-worker-tsx.mjs, which registers tsx in the worker first.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { WorkerAnswer, WorkerSetup } from './match-worker'

export type Pool = { size: number; scan(bytes: Uint8Array): Promise<WorkerAnswer>; close(): Promise<void> }

function workerUrl(): URL {
  const here = import.meta.url
  return here.endsWith('.ts') ? new URL('./match-worker-tsx.mjs', here) : new URL(here)
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism())
}

export function createPool(size: number, setup: WorkerSetup): Pool {
  const workers = Array.from({ length: size }, () => new Worker(workerUrl(), { workerData: setup }))
  const idle = [...workers]
  const waiting: (() => void)[] = []
  const pending = new Map<number, { resolve: (a: WorkerAnswer) => void; worker: Worker }>()
  let next = 0
  for (const w of workers) {
    w.on('message', (answer: WorkerAnswer) => {
      const job = pending.get(answer.id)
      if (!job) return
      pending.delete(answer.id)
      idle.push(w)
      waiting.shift()?.()
      job.resolve(answer)
    })
    w.on('error', (err) => {
      // A worker that dies fails its image, not the sweep.
      for (const [id, job] of pending) {
        if (job.worker !== w) continue
        pending.delete(id)
        job.resolve({ id, ok: false, reason: `worker failed (${err.message})` })
      }
    })
  }
  return {
    size,
    async scan(bytes) {
      while (idle.length === 0) await new Promise<void>((resolve) => waiting.push(resolve))
      const worker = idle.pop()!
      const id = next++
      return new Promise<WorkerAnswer>((resolve) => {
        pending.set(id, { resolve, worker })
        worker.postMessage({ id, bytes }, [bytes.buffer as ArrayBuffer])
      })
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
