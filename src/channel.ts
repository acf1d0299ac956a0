/**
 * The request/response mechanism behind `messages.ts`, independent of Figma and the
 * DOM so both ends (and tests holding both ends in one process) use the same code.
 *
 * - Requests carry a correlation id; a handler's thrown error comes back as a
 *   rejected promise with the same message.
 * - Long handlers report progress (with optional data batches) on the same id.
 * - Everything received is validated; a malformed message is answered with an error
 *   when it can be correlated, and reported otherwise. Nothing throws out of `receive`.
 */
import type * as z from 'zod/mini'
import { fieldIssuesOf, formatIssues } from './provenance/issues'
import {
  EnvelopeSchema,
  events,
  requests,
  type Envelope,
  type EventName,
  type Method,
  type ParamsOf,
  type PayloadOf,
  type ResultOf,
} from './messages'

export interface Transport {
  send(message: Envelope): void
  /** Returns a function that stops listening. */
  listen(receive: (message: unknown) => void): () => void
}

export interface Progress {
  done: number
  total: number
  data?: unknown
}

export interface HandlerContext {
  progress(done: number, total: number, data?: unknown): void
}

export type Handlers = {
  [M in Method]: (params: ParamsOf<M>, context: HandlerContext) => Promise<ResultOf<M>> | ResultOf<M>
}

/** Short, readable validation messages: "params.nodeId: expected string". */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return formatIssues(fieldIssuesOf(issues.slice(0, 5)))
}

function parseEnvelope(message: unknown): { ok: true; envelope: Envelope } | { ok: false; error: string; id: string | null } {
  const parsed = EnvelopeSchema.safeParse(message)
  if (parsed.success) return { ok: true, envelope: parsed.data }
  const id =
    typeof message === 'object' && message !== null && typeof (message as { id?: unknown }).id === 'string'
      ? (message as { id: string }).id
      : null
  return { ok: false, error: 'Malformed message: ' + describeIssues(parsed.error.issues), id }
}

export interface HostOptions {
  /** Called with a description of every message that could not be handled. */
  onInvalid?: (error: string) => void
}

export interface HostEndpoint {
  emit<E extends EventName>(name: E, payload: PayloadOf<E>): void
  dispose(): void
}

/** The answering end (main). */
export function serveRequests(transport: Transport, handlers: Handlers, options: HostOptions = {}): HostEndpoint {
  const report = options.onInvalid ?? (() => undefined)

  const answer = async (id: string, method: string, rawParams: unknown): Promise<void> => {
    if (!Object.prototype.hasOwnProperty.call(requests, method)) {
      transport.send({ kind: 'error', id, message: `Unknown request "${method}"` })
      return
    }
    const known = method as Method
    const parsed = requests[known].params.safeParse(rawParams)
    if (!parsed.success) {
      transport.send({ kind: 'error', id, message: `Invalid ${method} request: ${describeIssues(parsed.error.issues)}` })
      return
    }
    const context: HandlerContext = {
      progress: (done, total, data) => transport.send({ kind: 'progress', id, done, total, data }),
    }
    try {
      // The handler table is keyed by method, so params and result line up per method.
      const handler = handlers[known] as (params: unknown, context: HandlerContext) => unknown
      const result = await handler(parsed.data, context)
      transport.send({ kind: 'result', id, result })
    } catch (error) {
      transport.send({ kind: 'error', id, message: error instanceof Error ? error.message : String(error) })
    }
  }

  const stop = transport.listen((message) => {
    const parsed = parseEnvelope(message)
    if (!parsed.ok) {
      report(parsed.error)
      if (parsed.id !== null) transport.send({ kind: 'error', id: parsed.id, message: parsed.error })
      return
    }
    const envelope = parsed.envelope
    if (envelope.kind !== 'request') {
      report(`Unexpected ${envelope.kind} message sent to main`)
      return
    }
    void answer(envelope.id, envelope.method, envelope.params)
  })

  return {
    emit: (name, payload) => transport.send({ kind: 'event', name, payload }),
    dispose: stop,
  }
}

export interface RequestOptions {
  onProgress?: (progress: Progress) => void
}

export interface ClientEndpoint {
  request<M extends Method>(method: M, params: ParamsOf<M>, options?: RequestOptions): Promise<ResultOf<M>>
  on<E extends EventName>(name: E, listener: (payload: PayloadOf<E>) => void): () => void
  dispose(): void
}

export interface ClientOptions {
  onInvalid?: (error: string) => void
  /** Correlation ids; injectable for tests. */
  newId?: () => string
}

/** The asking end (the UI). */
export function createClient(transport: Transport, options: ClientOptions = {}): ClientEndpoint {
  const report = options.onInvalid ?? (() => undefined)
  let counter = 0
  const newId = options.newId ?? (() => `r${String(++counter)}`)
  const pending = new Map<
    string,
    { method: Method; resolve: (value: unknown) => void; reject: (error: Error) => void; onProgress?: (p: Progress) => void }
  >()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()

  const stop = transport.listen((message) => {
    const parsed = parseEnvelope(message)
    if (!parsed.ok) {
      report(parsed.error)
      const waiting = parsed.id === null ? undefined : pending.get(parsed.id)
      if (waiting && parsed.id !== null) {
        pending.delete(parsed.id)
        waiting.reject(new Error(parsed.error))
      }
      return
    }
    const envelope = parsed.envelope
    if (envelope.kind === 'event') {
      if (!Object.prototype.hasOwnProperty.call(events, envelope.name)) return report(`Unknown event "${envelope.name}"`)
      const schema = events[envelope.name as EventName]
      const payload = schema.safeParse(envelope.payload)
      if (!payload.success) return report(`Invalid ${envelope.name} event: ${describeIssues(payload.error.issues)}`)
      for (const listener of listeners.get(envelope.name) ?? []) listener(payload.data)
      return
    }
    if (envelope.kind === 'request') return report('Unexpected request sent to the UI')
    const waiting = pending.get(envelope.id)
    if (!waiting) return report(`Reply to an unknown request ${envelope.id}`)
    if (envelope.kind === 'progress') {
      waiting.onProgress?.({ done: envelope.done, total: envelope.total, data: envelope.data })
      return
    }
    pending.delete(envelope.id)
    if (envelope.kind === 'error') return waiting.reject(new Error(envelope.message))
    const result = requests[waiting.method].result.safeParse(envelope.result)
    if (result.success) waiting.resolve(result.data)
    else waiting.reject(new Error(`Invalid reply to ${waiting.method}: ${describeIssues(result.error.issues)}`))
  })

  return {
    request: (method, params, requestOptions = {}) =>
      new Promise((resolve, reject) => {
        const id = newId()
        pending.set(id, {
          method,
          resolve: resolve as (value: unknown) => void,
          reject,
          onProgress: requestOptions.onProgress,
        })
        transport.send({ kind: 'request', id, method, params })
      }),
    on: (name, listener) => {
      const set = listeners.get(name) ?? new Set()
      listeners.set(name, set)
      const wrapped = listener as (payload: unknown) => void
      set.add(wrapped)
      return () => set.delete(wrapped)
    },
    dispose: () => {
      stop()
      for (const [, waiting] of pending) waiting.reject(new Error('The plugin closed before it answered'))
      pending.clear()
    },
  }
}
