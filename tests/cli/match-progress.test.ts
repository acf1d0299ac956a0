import { describe, expect, it } from 'vitest'
import { createProgress, progressLine } from '../../src/cli/match/match-progress'

describe('sweep progress', () => {
  it.each([
    [{ done: 0, total: 100, scannedNow: 0, seconds: 0 }, '[........................]', '0/100 images (0%), time left not known yet'],
    // 40 from an earlier run, none scanned yet: no rate to say, not "0.0 images/s".
    [{ done: 40, total: 100, scannedNow: 0, seconds: 3 }, '[##########..............]', '40/100 images (40%), time left not known yet'],
    [{ done: 10, total: 10, scannedNow: 0, seconds: 1 }, '[########################]', '10/10 images (100%), done'],
    [{ done: 50, total: 100, scannedNow: 50, seconds: 10 }, '[############............]', '50/100 images (50%), 5.0 images/s, about 10 s left'],
    [{ done: 100, total: 50_100, scannedNow: 100, seconds: 5 }, '[........................]', '100/50100 images (0%), 20.0 images/s, about 42 min left'],
    [{ done: 10, total: 10, scannedNow: 10, seconds: 2 }, '[########################]', '10/10 images (100%), 5.0 images/s, done'],
  ])('%o', (state, bar, text) => {
    expect(progressLine(state)).toEqual({ bar, text })
  })

  it('a terminal gets one line redrawn in place; a log gets a plain line at most every 10 s', () => {
    let t = 0
    const tty: string[] = []
    const log: string[] = []
    const a = createProgress((s) => tty.push(s), true, () => t)
    const b = createProgress((s) => log.push(s), false, () => t)
    for (let i = 1; i <= 30; i++) {
      t = i * 1000
      a.update({ done: i, total: 30, scannedNow: i, seconds: i })
      b.update({ done: i, total: 30, scannedNow: i, seconds: i })
    }
    a.finish()
    expect(tty.every((s) => s.startsWith('\r[') || s === '\n')).toBe(true)
    expect(tty).toHaveLength(31)
    expect(log).toEqual(['progress: 1/30 images (3%), 1.0 images/s, about 29 s left\n', 'progress: 11/30 images (36%), 1.0 images/s, about 19 s left\n', 'progress: 21/30 images (70%), 1.0 images/s, about 9 s left\n'])
  })
})
