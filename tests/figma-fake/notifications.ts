/**
 * figma.notify's notifications (plugin-api.d.ts:229-267, :2684-2695). Tests play the person or
 * Figma: click the action button, dismiss, or let the timeout run out.
 */
import type { FakeNotification } from './index'
import { t } from './schema'

export interface NotifyHost {
  isClosed(): boolean
  /** Runs a plugin callback as the session's own code. */
  run(fn: () => void): void
}

/** plugin-api.d.ts:2684 NotificationOptions, checked with Figma's validator wording (schema.ts). */
export const NOTIFY_OPTIONS = t.optional(
  t.exact({
    timeout: t.optional(t.number),
    error: t.optional(t.boolean),
    onDequeue: t.optional(t.function),
    button: t.optional(t.exact({ text: t.string, action: t.function })),
  }),
)

/**
 * A notification as the person sees it. Tests act as the person or as Figma: `clickButton()`,
 * `dismiss()`, `expire()` (the timeout ran out). `onDequeue` gets the reason (plugin-api.d.ts:246-253).
 * Only `message` and `options` are enumerable, so `toEqual({ message })` keeps working.
 */
export class NotificationImpl implements FakeNotification {
  declare private state: { open: boolean; reason: NotifyDequeueReason | null; host: NotifyHost }
  constructor(
    readonly message: string,
    host: NotifyHost,
    readonly options?: NotificationOptions,
  ) {
    if (options === undefined) delete (this as { options?: unknown }).options
    Object.defineProperty(this, 'state', { value: { open: true, reason: null, host }, enumerable: false })
  }
  get open(): boolean {
    return this.state.open
  }
  get dequeueReason(): NotifyDequeueReason | null {
    return this.state.reason
  }
  /** Removes it without callbacks (closePlugin: callbacks are disabled, plugin-api.d.ts:173). */
  close(): void {
    this.state.open = false
  }
  dequeue(reason: NotifyDequeueReason): void {
    const st = this.state
    if (!st.open) return
    st.open = false
    st.reason = reason
    const cb = this.options?.onDequeue
    if (cb && !st.host.isClosed()) st.host.run(() => cb(reason))
  }
  dismiss(): void {
    this.dequeue('dismiss')
  }
  expire(): void {
    this.dequeue('timeout')
  }
  /** plugin-api.d.ts:253 "If this function returns `false`, the message will remain when the button is clicked." */
  clickButton(): void {
    const st = this.state
    const button = this.options?.button
    if (!st.open || !button) throw new Error('notification: no open notification with a button to click [fake]')
    let keep = false
    st.host.run(() => {
      keep = button.action() === false
    })
    if (!keep) this.dequeue('action_button_click')
  }
}

