/**
 * Issue #21, item 20: the README promises `npm test` on a fresh Debian machine. npm runs
 * scripts/test-prerequisites.sh first (`pretest`): it installs Chromium and ExifTool with
 * apt when it can, and otherwise says in one line what to run.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './paths'

const SCRIPT = path.join(ROOT, 'scripts/test-prerequisites.sh')

/** A PATH holding only what a shell script needs, so apt-get, sudo and exiftool are absent. */
function barePath(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lp-bare-'))
  for (const tool of ['bash', 'id', 'dirname']) {
    const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim()
    symlinkSync(found, path.join(dir, tool))
  }
  return dir
}

describe('npm test brings what it needs', () => {
  it('npm runs the prerequisites before the tests', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts['pretest']).toBe('bash scripts/test-prerequisites.sh')
  })

  it('without apt (or root), it fails with one line that says what to install', () => {
    const bin = barePath()
    const r = spawnSync(path.join(bin, 'bash'), [SCRIPT], {
      encoding: 'utf8',
      env: { PATH: bin, CHROMIUM_PATH: path.join(bin, 'no-chromium-here') },
    })
    expect(r.status).toBe(1)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/npm test needs chromium libimage-exiftool-perl: run `sudo apt-get install -y chromium libimage-exiftool-perl`/)
  })

  it('with everything there, it does nothing and passes', () => {
    const r = spawnSync('bash', [SCRIPT], { encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: process.execPath } })
    // exiftool may be missing on a developer machine; the CI image has it.
    const hasExiftool = spawnSync('bash', ['-c', 'command -v exiftool'], { encoding: 'utf8' }).status === 0
    if (hasExiftool) {
      expect(r.status).toBe(0)
      expect(r.stdout + r.stderr).toBe('')
    }
  })
})
