import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Reads a build output. The build tests run after `npm run build` inside `npm test`;
 * run on their own (`npx vitest run tests/build`) they need a build first.
 */
export function readBuildOutput(relative: string): string {
  const file = path.join(ROOT, relative)
  if (!existsSync(file)) {
    throw new Error(`${relative} is missing: run npm run build first`)
  }
  return readFileSync(file, 'utf8')
}
