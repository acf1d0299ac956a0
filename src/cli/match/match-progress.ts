/**
 * Sweep progress on stderr: on a terminal, one line redrawn in place — a bar, the
 * count, the rate and the time left; otherwise (a log, a pipe) a plain line every
 * ten seconds, so a log file does not fill with carriage returns.
 */
export type ProgressState = { done: number; total: number; scannedNow: number; seconds: number }
export type Progress = { update(s: ProgressState): void; finish(): void }

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '…'
  if (seconds < 90) return `${Math.round(seconds)} s`
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`
  return `${(seconds / 3600).toFixed(1)} h`
}

export function progressLine(s: ProgressState, width = 24): { bar: string; text: string } {
  const fraction = s.total > 0 ? s.done / s.total : 1
  const filled = Math.round(fraction * width)
  const rate = s.seconds > 0 ? s.scannedNow / s.seconds : 0
  const left = rate > 0 ? (s.total - s.done) / rate : Infinity
  // Images from earlier runs are counted done but scanned by nobody: until one is scanned
  // now there is no rate, and no time left to say.
  const speed = s.scannedNow > 0 ? `${rate.toFixed(1)} images/s, ` : ''
  const tail = s.done >= s.total ? 'done' : s.scannedNow > 0 ? `about ${duration(left)} left` : 'time left not known yet'
  const text = `${s.done}/${s.total} images (${Math.floor(fraction * 100)}%), ${speed}${tail}`
  return { bar: `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`, text }
}

export function createProgress(write: (text: string) => void, isTTY: boolean, now: () => number = () => performance.now()): Progress {
  let last = -Infinity
  let lastState: ProgressState | null = null
  return {
    update(s) {
      lastState = s
      const t = now()
      if (isTTY) {
        if (t - last < 100 && s.done < s.total) return
        last = t
        const { bar, text } = progressLine(s)
        write(`\r${bar} ${text}\x1b[K`)
      } else {
        if (t - last < 10_000) return
        last = t
        write(`progress: ${progressLine(s).text}\n`)
      }
    },
    finish() {
      if (isTTY && lastState) write('\n')
    },
  }
}
