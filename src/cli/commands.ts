/** The subcommands of `loomprint`. A new subcommand is one file and one line here. */
import type { Command } from './command'
import { catalogueCommand } from './match/catalogue-command'
import { inspectCommand } from './inspect-command'
import { matchCommand } from './match/match-command'
import { royaltiesCommand } from './royalties-command'
import { verifyCommand } from './verify-command'
import { sealCommand } from './team/seal-command'
import { teamCommand } from './team/team-command'

export const COMMANDS: readonly Command[] = [verifyCommand, inspectCommand, matchCommand, catalogueCommand, royaltiesCommand, sealCommand, teamCommand]
