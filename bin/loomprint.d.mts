// Types for the committed bin (plain ESM JavaScript), for benches and tests that import it.
export const ROOT: string
export const CLI_OUT: string
export function buildCli(): Promise<void>
