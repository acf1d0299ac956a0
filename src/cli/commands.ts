/** The subcommands of `loomprint`. A new subcommand is one file and one line here. */
import type { Command } from './command'
import { catalogueCommand } from './catalogue-command'
import { inspectCommand } from './inspect-command'
import { matchCommand } from './match-command'
import { royaltiesCommand } from './royalties-command'
import { verifyCommand } from './verify-command'
import { sealCommand } from './seal-command'
import { teamCommand } from './team-command'

export const COMMANDS: readonly Command[] = [verifyCommand, inspectCommand, matchCommand, catalogueCommand, royaltiesCommand, sealCommand, teamCommand]
