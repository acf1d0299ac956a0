/**
 * What a subcommand is: one file exporting a `Command`, plus one line in
 * src/cli/commands.ts. Commands write through `io` (tests capture it) and return the
 * exit code; they never throw for bad input (main.ts turns an unexpected throw into
 * exit 2 with one line, never a stack trace).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
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

/**
 * A subcommand's flags and positionals, with `--help` / `-h` added. Strict: an unknown
 * flag is a usage error (main.ts reports it), never silently ignored.
 */
export function parseFlags<const O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  return parseArgs({ args, allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h' } } as const })
}
