/**
 * What a subcommand is: one file exporting a `Command`, plus one line in
 * src/cli/commands.ts. Commands write through `io` (tests capture it) and return the
 * exit code; they never throw for bad input (main.ts turns an unexpected throw into
 * exit 2 with one line, never a stack trace).
 */
export interface Io {
  out(line: string): void
  err(line: string): void
  now(): Date
}

export const EXIT = { verified: 0, notVerified: 1, usage: 2 } as const

export interface Command {
  name: string
  /** One line for `loomprint --help`. */
  summary: string
  usage: string
  run(args: string[], io: Io): Promise<number>
}

export class UsageError extends Error {}
