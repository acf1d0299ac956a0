/**
 * What every UI workflow shares: the context it runs in (channel client, clock, id
 * generator, user, progress, Cancel), its progress reports, and its failure shape.
 */
import type { ClientEndpoint } from '../../channel'
import type { User } from '../../messages'
import { recordSizeRefusal } from '../../provenance/record-text'

/** What the screens are told while a workflow runs. */
export interface WorkProgress {
  /** What is happening, in words ("Reading layers", "Compressing baseline"…). */
  phase: 'reading' | 'encoding' | 'writing' | 'verifying' | 'scoring' | 'journal'
  /** Elements (for reading) or steps done; total 0 = not known yet. */
  done: number
  total: number
  /** True when `total` is an expectation (the baseline's size), not main's count. */
  estimated?: boolean
  /** For multi-layer workflows: which layer (0-based) of how many. */
  node?: { index: number; count: number; nodeId: string }
}

export interface WorkflowContext {
  client: ClientEndpoint
  now: () => number
  newId: () => string
  user: User
  onProgress?: (progress: WorkProgress) => void
  /** Cancel: the workflow stops before its next write (see `throwIfCancelled`). */
  signal?: AbortSignal
}

/** A workflow that cannot go on; its message is for the user. */
export class WorkflowError extends Error {
  override name = 'WorkflowError'
}

/** The user pressed Cancel; nothing after the last completed write was done. */
export class WorkflowCancelled extends Error {
  override name = 'WorkflowCancelled'
}

/** Called before each write, so a cancelled workflow never leaves a half-done step behind. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new WorkflowCancelled('Cancelled.')
}

export function isCancelled(error: unknown): boolean {
  return error instanceof WorkflowCancelled
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** A record over Figma's entry limit would fail half-way in main: refuse it here, clearly. */
export function checkRecordSize(recordJson: string): void {
  const refusal = recordSizeRefusal(recordJson)
  if (refusal !== null) throw new WorkflowError(refusal)
}
