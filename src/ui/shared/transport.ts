/**
 * The channel's transport in the UI iframe: Figma wraps what main posts in
 * `{ pluginMessage }`, and expects the same wrapping from the UI.
 */
import type { Transport } from '../../channel'

export interface WindowLike {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void
}

export interface ParentLike {
  postMessage(message: unknown, targetOrigin: string): void
}

export function windowTransport(win: WindowLike = window, target: ParentLike = parent): Transport {
  return {
    send: (message) => target.postMessage({ pluginMessage: message }, '*'),
    listen: (receive) => {
      const listener = (event: MessageEvent) => {
        const data: unknown = event.data
        if (typeof data !== 'object' || data === null || !('pluginMessage' in data)) return
        receive(data.pluginMessage)
      }
      win.addEventListener('message', listener)
      return () => win.removeEventListener('message', listener)
    },
  }
}
