/**
 * Bundle sizes of the build outputs, in kB (1000 bytes, one decimal).
 * Builds first when build/ is missing.
 */
import { existsSync, statSync } from 'node:fs'
import { MAIN_OUT, UI_OUT, buildAll } from '../scripts/build'

const kB = (file: string): number => Math.round(statSync(file).size / 100) / 10

export async function run(): Promise<Record<string, number>> {
  if (!existsSync(MAIN_OUT) || !existsSync(UI_OUT)) await buildAll({ quiet: true })
  return {
    'bundle.mainKB': kB(MAIN_OUT),
    'bundle.uiKB': kB(UI_OUT),
  }
}
