/** A UI-side client for the built main.js running in QuickJS (tests/harness/quickjs.ts). */
import { nanoid } from 'nanoid'
import { createClient, type ClientEndpoint } from '../../src/channel'
import type { WorkflowContext } from '../../src/ui/workflows'
import type { QuickJsPlugin } from '../harness/quickjs'

export function clientFor(plugin: QuickJsPlugin, user: { id: string; name: string }): { client: ClientEndpoint; ctx: WorkflowContext } {
  const client = createClient({ send: (m) => plugin.postToMain(m), listen: (receive) => plugin.onMessage(receive) })
  return { client, ctx: { client, now: Date.now, newId: () => nanoid(), user } }
}
