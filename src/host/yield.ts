/**
 * Plugin code runs on the editor's own thread: a long synchronous loop freezes
 * Figma (FIGMA.md, "Runtime"). A slicer lets a loop check the clock cheaply and
 * give the editor a turn once a slice has run for `budgetMs`.
 */
export interface Slicer {
  /** True when the current slice has used its budget; call `yieldAsync` then. */
  due(): boolean
  yieldAsync(): Promise<void>
}

export function createSlicer(budgetMs = 12, now: () => number = Date.now): Slicer {
  let sliceStart = now()
  return {
    due: () => now() - sliceStart >= budgetMs,
    yieldAsync: async () => {
      await new Promise<void>((resolve) => setTimeout(resolve, 0))
      sliceStart = now()
    },
  }
}
