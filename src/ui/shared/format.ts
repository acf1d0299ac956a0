/** Small display helpers (pure: tested without a DOM). */
import { formatCount } from '../../provenance/issues'
import { hccText, type LabelThresholds } from '../../provenance/hcc-text'
import type { WorkProgress } from './workflow-context'

export { formatCount }

/** 0.4213 → "0.42"; near a label threshold, as many digits as keep the label's side (hcc-text.ts). */
export function formatHcc(hcc: number, thresholds?: LabelThresholds): string {
  return hccText(hcc, thresholds)
}

/** A share of the HCC in points: 0.0123 → "+0.012"; tiny non-zero values stay visible. */
export function formatContribution(value: number): string {
  if (value > 0 && value < 0.001) return '<0.001'
  return '+' + value.toFixed(3)
}

const PHASES: Record<WorkProgress['phase'], string> = {
  reading: 'Reading layers',
  encoding: 'Compressing the baseline',
  writing: 'Writing to the file',
  verifying: 'Checking the stored baseline',
  scoring: 'Scoring',
  journal: 'Verifying edit journals',
  pictures: 'Reading pictures',
}

/** "Layer 2 of 5 · Reading layers 4,000 / 10,000". */
export function describeProgress(p: WorkProgress): string {
  const counts =
    p.phase === 'reading'
      ? p.total > 0
        ? ` ${formatCount(p.done)} / ${p.estimated ? '~' : ''}${formatCount(p.total)}`
        : p.done > 0
          ? ` ${formatCount(p.done)}`
          : '…'
      : '…'
  const node = p.node && p.node.count > 1 ? `Layer ${String(p.node.index + 1)} of ${String(p.node.count)} · ` : ''
  return node + PHASES[p.phase] + counts
}

/** Fraction done for a progress bar, or null when unknown (indeterminate). */
export function progressFraction(p: WorkProgress): number | null {
  if (p.node && p.node.count > 1) {
    const inner = p.total > 0 ? Math.min(1, p.done / p.total) : 0
    return Math.min(1, (p.node.index + inner) / p.node.count)
  }
  return p.total > 0 ? Math.min(1, p.done / p.total) : null
}

/** "4 Mar 2025, 09:30" in the viewer's locale; a fallback when Intl is missing. */
export function formatTime(ms: number | null): string {
  if (ms === null) return '—'
  const d = new Date(ms)
  try {
    return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
  } catch {
    return d.toISOString()
  }
}

/** "3 h 20 min", "45 s", "2 days". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${String(s)} s`
  const min = Math.round(s / 60)
  if (min < 60) return `${String(min)} min`
  const h = Math.floor(min / 60)
  if (h < 48) return min % 60 === 0 ? `${String(h)} h` : `${String(h)} h ${String(min % 60)} min`
  return `${String(Math.round(h / 24))} days`
}

export const SOURCE_TYPE_URL = 'http://cv.iptc.org/newscodes/digitalsourcetype/'

export const LAYER_STATE_TEXT = {
  untracked: 'Not tracked',
  tracked: 'Tracked',
  invalid: 'Damaged record',
  nested: 'Inside a tracked pattern',
  unsupported: 'Cannot be a pattern',
} as const

export function plural(n: number, one: string, many = one + 's'): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}
