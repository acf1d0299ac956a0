/**
 * Form problems as a person fixes them (issue #21, item 12): after a Save shows every
 * problem at once, each one clears as soon as its field is fixed, without waiting for the
 * next Save; a field not yet complained about is not complained about while typing.
 */
import type { FieldIssue } from '../../provenance/issues'

/** The problems still true now among those shown (same path), in the order found now. */
export function stillShown(shown: readonly FieldIssue[], now: readonly FieldIssue[]): FieldIssue[] {
  if (shown.length === 0) return []
  const paths = new Set(shown.map((i) => i.path))
  return now.filter((i) => paths.has(i.path))
}

/** "termStart" → "term start": a form field's key in words, for "2 fields to fix: licensor, term start". */
export function fieldWords(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[._]/g, ' ').toLowerCase()
}
