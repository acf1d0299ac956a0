/** The first request of a session. */
import type { ClientEndpoint } from '../../channel'
import type { ResultOf } from '../../messages'
import { WorkflowError } from './workflow-context'

/**
 * The first request of a session, repeated until main answers: a UI that loads
 * before main listens would otherwise wait forever (a lost message has no reply).
 * `hello` only reads, so a repeat is harmless; the first answer wins.
 */
export function helloAsync(
  client: ClientEndpoint,
  options: { retryMs?: number; attempts?: number; setTimer?: (fn: () => void, ms: number) => unknown } = {},
): Promise<ResultOf<'hello'>> {
  const retryMs = options.retryMs ?? 1000
  const attempts = options.attempts ?? 10
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  return new Promise((resolve, reject) => {
    let settled = false
    const attempt = (n: number) => {
      if (settled) return
      client.request('hello', {}).then(
        (hello) => {
          if (settled) return
          settled = true
          resolve(hello)
        },
        (error: unknown) => {
          // An error reply means main is there but failed: no point repeating.
          if (settled) return
          settled = true
          reject(error instanceof Error ? error : new Error(String(error)))
        },
      )
      if (n + 1 < attempts) setTimer(() => attempt(n + 1), retryMs)
      else
        setTimer(() => {
          if (settled) return
          settled = true
          reject(new WorkflowError('The plugin’s main thread did not answer. Close Loomprint and run it again.'))
        }, retryMs)
    }
    attempt(0)
  })
}

