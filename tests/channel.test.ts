import { describe, expect, it, vi } from 'vitest'
import { createClient, serveRequests, type Handlers, type Transport } from '../src/channel'
import type { Envelope } from '../src/messages'

/** Two ends in one process, delivering asynchronously like postMessage. */
function pipe(): { main: Transport; ui: Transport; injectToMain(message: unknown): void; injectToUi(message: unknown): void } {
  const toMain = new Set<(m: unknown) => void>()
  const toUi = new Set<(m: unknown) => void>()
  const deliver = (set: Set<(m: unknown) => void>, message: unknown) =>
    setTimeout(() => set.forEach((listen) => listen(structuredClone(message))), 0)
  return {
    main: { send: (m: Envelope) => deliver(toUi, m), listen: (r) => (toMain.add(r), () => toMain.delete(r)) },
    ui: { send: (m: Envelope) => deliver(toMain, m), listen: (r) => (toUi.add(r), () => toUi.delete(r)) },
    injectToMain: (m) => deliver(toMain, m),
    injectToUi: (m) => deliver(toUi, m),
  }
}

const user = { id: '1', name: 'Ada' }

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const fail = () => {
    throw new Error('not used in this test')
  }
  return {
    hello: () => ({ user, command: 'capture', relaunchNodeId: null, selection: [] }),
    selection: () => [],
    readPattern: fail,
    readStored: fail,
    readHeatMap: fail,
    writeProvenance: fail,
    unmark: fail,
    quarantine: fail,
    listPatterns: () => [],
    listTracked: fail,
    thumbnail: fail,
    writeReview: fail,
    writeLicense: fail,
    exportAsset: fail,
    readImage: fail,
    readSigningKey: fail,
    saveSigningKey: fail,
    focusNode: () => ({ found: true }),
    readPolicy: () => ({ raw: null }),
    writePolicy: () => ({}),
    flushJournal: () => ({ patterns: 0 }),
    notify: () => ({}),
    resize: () => ({}),
    close: () => ({}),
    ...overrides,
  }
}

describe('main ↔ UI channel', () => {
  it('answers a request with its typed result', async () => {
    const p = pipe()
    serveRequests(p.main, handlers())
    const client = createClient(p.ui)
    await expect(client.request('hello', {})).resolves.toEqual({
      user,
      command: 'capture',
      relaunchNodeId: null,
      selection: [],
    })
  })

  it('matches concurrent replies to their requests by correlation id', async () => {
    const p = pipe()
    serveRequests(
      p.main,
      handlers({
        focusNode: async ({ nodeId }) => {
          await new Promise((r) => setTimeout(r, nodeId === 'slow' ? 20 : 0))
          return { found: nodeId === 'slow' }
        },
      }),
    )
    const client = createClient(p.ui)
    const [slow, fast] = await Promise.all([
      client.request('focusNode', { nodeId: 'slow' }),
      client.request('focusNode', { nodeId: 'fast' }),
    ])
    expect(slow.found).toBe(true)
    expect(fast.found).toBe(false)
  })

  it('turns a handler error into a rejected promise with the same message', async () => {
    const p = pipe()
    serveRequests(p.main, handlers({ unmark: () => Promise.reject(new Error('That layer no longer exists')) }))
    const client = createClient(p.ui)
    await expect(client.request('unmark', { nodeId: '1:2' })).rejects.toThrow('That layer no longer exists')
  })

  it('delivers progress, with data batches, before the result', async () => {
    const p = pipe()
    serveRequests(
      p.main,
      handlers({
        readPattern: (_params, context) => {
          context.progress(1, 2, ['a'])
          context.progress(2, 2, ['b'])
          const upright: [number, number, number, number, number, number] = [1, 0, 0, 0, 1, 0]
          return { rootId: '1:1', name: 'Repeat', rootBounds: { x: 0, y: 0, w: 10, h: 10 }, frame: { absolute: upright, relative: upright }, elements: 2 }
        },
      }),
    )
    const client = createClient(p.ui)
    const seen: unknown[] = []
    const result = await client.request('readPattern', { nodeId: '1:1' }, { onProgress: (pr) => seen.push(pr.data) })
    expect(seen).toEqual([['a'], ['b']])
    expect(result.elements).toBe(2)
  })

  it.each([
    ['wrong params type', { kind: 'request', id: 'x1', method: 'focusNode', params: { nodeId: 42 } }, /Invalid focusNode request: nodeId: expected string/],
    ['unknown method', { kind: 'request', id: 'x2', method: 'formatDisk', params: {} }, /Unknown request "formatDisk"/],
    ['no kind', { id: 'x3', hello: true }, /Malformed message/],
  ])('answers a malformed request (%s) with a clear error and keeps serving', async (_name, message, expected) => {
    const p = pipe()
    const invalid = vi.fn()
    serveRequests(p.main, handlers(), { onInvalid: invalid })
    const replies: unknown[] = []
    p.ui.listen((m) => replies.push(m))
    p.injectToMain(message)
    p.injectToMain('not even an object')
    // Two postMessage hops (in, then the reply): wait for the reply, not a fixed time,
    // which a loaded machine overruns.
    const error = await vi.waitFor(() => {
      const found = replies.find((r) => (r as { kind?: string }).kind === 'error') as { message: string } | undefined
      if (!found) throw new Error('no error reply yet')
      return found
    })
    expect(error.message).toMatch(expected)
    expect(invalid).toHaveBeenCalled()
    // Still serving.
    await expect(createClient(p.ui).request('selection', {})).resolves.toEqual([])
  })

  it('rejects a reply that does not match the contract instead of passing it on', async () => {
    const p = pipe()
    serveRequests(p.main, handlers({ focusNode: () => ({ found: 'yes' }) as unknown as { found: boolean } }))
    await expect(createClient(p.ui).request('focusNode', { nodeId: '1' })).rejects.toThrow(/Invalid reply to focusNode: found: expected boolean/)
  })

  it('validates events and drops malformed ones with a report', async () => {
    const p = pipe()
    const host = serveRequests(p.main, handlers())
    const invalid = vi.fn()
    const client = createClient(p.ui, { onInvalid: invalid })
    const seen: unknown[] = []
    client.on('journaled', (payload) => seen.push(payload))
    host.emit('journaled', { nodeIds: ['1:2'] })
    p.injectToUi({ kind: 'event', name: 'journaled', payload: { nodeIds: 'all' } })
    await vi.waitFor(() => expect(invalid).toHaveBeenCalled())
    await new Promise((r) => setTimeout(r, 5))
    expect(seen).toEqual([{ nodeIds: ['1:2'] }])
    expect(invalid).toHaveBeenCalledWith(expect.stringMatching(/Invalid journaled event/))
  })

  it('rejects pending requests when the client is disposed', async () => {
    const p = pipe()
    const client = createClient(p.ui)
    const pending = client.request('hello', {})
    client.dispose()
    await expect(pending).rejects.toThrow(/closed/)
  })
})
