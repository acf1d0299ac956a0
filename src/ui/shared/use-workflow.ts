/**
 * Runs a screen's workflows: one at a time, with progress, errors sent to the banner
 * (never only the console), and Cancel. Reused by every screen that starts work
 * (capture, review, license).
 */
import { useRef, useState } from 'preact/hooks'
import { errorMessage, isCancelled, type WorkProgress } from './workflow-context'

/** What a workflow is given: report progress, and the signal Cancel raises. */
export interface WorkflowControls {
  onProgress: (progress: WorkProgress) => void
  signal: AbortSignal
}

export interface WorkflowRunner {
  running: boolean
  /** True after Cancel until the workflow stops at its next safe point. */
  cancelling: boolean
  progress: WorkProgress | null
  /** Starts `work` unless another run is under way (then does nothing). */
  run: (work: (controls: WorkflowControls) => Promise<void>) => Promise<void>
  /** Asks the running workflow to stop before its next write; nothing written so far is undone. */
  cancel: () => void
}

export function useWorkflow(options: { onError: (message: string) => void; onSettled?: () => void }): WorkflowRunner {
  const [running, setRunning] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [progress, setProgress] = useState<WorkProgress | null>(null)
  // A ref, not state: two clicks in one frame both see the state as idle.
  const current = useRef<AbortController | null>(null)

  const run = async (work: (controls: WorkflowControls) => Promise<void>) => {
    if (current.current !== null) return
    const controller = new AbortController()
    current.current = controller
    // The button pressed is disabled while the work runs, and a disabled button drops focus
    // to the page body (issue #21, item 19): give it back once the screen has settled.
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
    setRunning(true)
    setCancelling(false)
    setProgress(null)
    try {
      await work({ onProgress: setProgress, signal: controller.signal })
    } catch (error) {
      if (!isCancelled(error)) options.onError(errorMessage(error))
    } finally {
      current.current = null
      setRunning(false)
      setCancelling(false)
      setProgress(null)
      options.onSettled?.()
      setTimeout(() => {
        const lost = document.activeElement === null || document.activeElement === document.body
        if (lost && opener?.isConnected && !(opener as HTMLButtonElement).disabled) opener.focus()
      }, 0)
    }
  }

  const cancel = () => {
    if (current.current === null) return
    current.current.abort()
    setCancelling(true)
  }

  return { running, cancelling, progress, run, cancel }
}
