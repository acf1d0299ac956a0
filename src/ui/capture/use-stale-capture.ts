/** Whether the pattern a capture result shows was edited since (main reports journaled edits). */
import { useEffect, useState } from 'preact/hooks'
import type { ClientEndpoint } from '../../channel'

/** `[stale, setStale]` for the result of `nodeId` (null: nothing shown, never stale). */
export function useStaleCapture(client: ClientEndpoint, nodeId: string | null): [boolean, (stale: boolean) => void] {
  const [stale, setStale] = useState(false)
  useEffect(() => {
    if (nodeId === null) return
    return client.on('journaled', ({ nodeIds }) => {
      if (nodeIds.includes(nodeId)) setStale(true)
    })
  }, [client, nodeId])
  return [stale, setStale]
}
