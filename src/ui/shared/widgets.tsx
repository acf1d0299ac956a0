/** Small building blocks shared by the screens. */
import { Banner, Button, IconWarning16, Text } from '@create-figma-plugin/ui'
import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { describeProgress, progressFraction } from './format'
import type { WorkProgress } from './workflow-context'

export interface UiError {
  id: number
  message: string
}

/** Errors from requests: shown until dismissed, never only in the console. */
export function ErrorBanners({ errors, onDismiss }: { errors: readonly UiError[]; onDismiss: (id: number) => void }) {
  if (errors.length === 0) return null
  return (
    <div class="lp-stack" role="alert" aria-live="assertive">
      {errors.map((error) => (
        <Banner key={error.id} icon={<IconWarning16 />} variant="warning">
          <div class="lp-banner-row">
            <span class="lp-grow">{error.message}</span>
            <button type="button" class="lp-link" onClick={() => onDismiss(error.id)} aria-label="Dismiss this message">
              Dismiss
            </button>
          </div>
        </Banner>
      ))}
    </div>
  )
}

export function Warning({ children }: { children: ComponentChildren }) {
  return (
    <Banner icon={<IconWarning16 />} variant="warning">
      {children}
    </Banner>
  )
}

export function ProgressView({
  progress,
  onCancel,
  cancelling = false,
}: {
  progress: WorkProgress | null
  /** Offers Cancel (the workflow stops before its next write). */
  onCancel?: () => void
  cancelling?: boolean
}) {
  const label = cancelling ? 'Cancelling…' : progress ? describeProgress(progress) : 'Working…'
  return (
    <ProgressBar label={label} fraction={progress ? progressFraction(progress) : null}>
      {onCancel ? (
        <button type="button" class="lp-link" disabled={cancelling} onClick={onCancel} aria-label="Cancel the running task">
          Cancel
        </button>
      ) : null}
    </ProgressBar>
  )
}

/** A labelled progress bar; `fraction: null` is indeterminate. `children` follow the bar (e.g. Cancel). */
export function ProgressBar({ label, fraction, children }: { label: string; fraction: number | null; children?: ComponentChildren }) {
  return (
    <div class="lp-progress" aria-live="polite">
      <Text>{label}</Text>
      <div
        class={'lp-progress-track' + (fraction === null ? ' lp-indeterminate' : '')}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
      >
        <div class="lp-progress-fill" style={{ width: fraction === null ? '30%' : `${String(fraction * 100)}%` }} />
      </div>
      {children}
    </div>
  )
}

/** An inline confirmation: the question, what will happen, and two buttons. */
export function Confirm({
  title,
  children,
  confirmLabel,
  danger,
  onConfirm,
  onCancel,
}: {
  title: string
  children: ComponentChildren
  confirmLabel: string
  danger?: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  // A keyboard user lands in the dialog (on Cancel, the safe choice) and Escape cancels it
  // (WAI-ARIA alertdialog pattern; checked by the keyboard-only journey in tests/journeys).
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    // Focus goes back where it came from when the dialog closes, rather than to the page
    // body (issue #21, item 19), as long as that control is still there.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    box.current?.querySelector<HTMLButtonElement>('button')?.focus()
    return () => {
      if (opener?.isConnected && !(opener as HTMLButtonElement).disabled) opener.focus()
    }
  }, [])
  return (
    <div
      ref={box}
      class="lp-confirm"
      role="alertdialog"
      aria-label={title}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.stopPropagation()
        onCancel()
      }}
    >
      <Text>
        <strong>{title}</strong>
      </Text>
      <div class="lp-muted">{children}</div>
      <div class="lp-row">
        <Button secondary onClick={onCancel}>
          Cancel
        </Button>
        <Button danger={danger} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </div>
  )
}

/** A labelled field with its messages underneath, linked for screen readers. */
export function Field({
  id,
  label,
  required,
  hint,
  messages,
  children,
}: {
  id: string
  label: string
  required?: boolean
  hint?: string
  messages?: readonly string[]
  children: ComponentChildren
}) {
  return (
    <div class={'lp-field' + (messages && messages.length > 0 ? ' lp-field-invalid' : '')}>
      <label class="lp-label" for={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {hint ? (
        <div class="lp-hint" id={id + '-hint'}>
          {hint}
        </div>
      ) : null}
      {messages && messages.length > 0 ? (
        <div class="lp-field-error" id={id + '-error'} role="alert">
          {messages.join(' · ')}
        </div>
      ) : null}
    </div>
  )
}

export function describedBy(id: string, hint: boolean, messages: readonly string[] | undefined): string | undefined {
  const ids = [hint ? id + '-hint' : '', messages && messages.length > 0 ? id + '-error' : ''].filter((s) => s !== '')
  return ids.length > 0 ? ids.join(' ') : undefined
}
