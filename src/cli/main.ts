/**
 * `loomprint` entry point. `runCli(argv, io)` is what the bin runs and what the tests
 * call in-process. Every failure becomes one readable line and an exit code:
 * 0 verified, 1 not verified, 2 usage error or unreadable input — never a stack trace.
 */
import { COMMANDS } from './commands'
import { EXIT, UsageError, type Io } from './command'

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    'usage: loomprint <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'loomprint <command> --help' for a command's options.",
    'exit codes: 0 verified, 1 not verified, 2 usage error or unreadable input',
  ].join('\n')
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(help())
    return name === undefined ? EXIT.usage : EXIT.verified
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    io.err(`loomprint: unknown command "${name}"\n\n${help()}`)
    return EXIT.usage
  }
  try {
    return await command.run(rest, io)
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`loomprint ${name}: ${(err as Error).message}\n\n${command.usage}`)
      return EXIT.usage
    }
    io.err(`loomprint ${name}: internal error: ${err instanceof Error ? err.message : String(err)}`)
    return EXIT.usage
  }
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
}

/** Runs with process.argv and exits; used by the bundle. */
export async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), processIo)
  process.exitCode = code
}
