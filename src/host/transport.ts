import type { Transport } from '../channel'

/** The channel's transport over `figma.ui`: structured-clone messages, no envelopes (Figma adds them). */
export function figmaUiTransport(ui: UIAPI): Transport {
  return {
    send: (message) => ui.postMessage(message),
    listen: (receive) => {
      const handler: MessageEventHandler = (message) => receive(message)
      ui.on('message', handler)
      return () => ui.off('message', handler)
    },
  }
}
