/**
 * How an HCC is written next to its label. Two decimals read well, but plain rounding
 * can carry a score across a label's threshold: 0.0997 is "AI-generated" under the
 * default policy, and "0.10 · AI-generated" then contradicts "AI-assisted from 0.1"
 * (issue #21, item 10). So a shown number always keeps its label's side of every
 * threshold: more digits near a threshold, and when even four do not keep it (0.09999),
 * the number is cut towards the label's side instead of rounded.
 */

import { DEFAULT_POLICY } from './policy'

/** The label thresholds of a policy (`policy.thresholds`), default policy when unknown. */
export interface LabelThresholds {
  assisted: number
  authored: number
}

const MIN_DIGITS = 2
const MAX_DIGITS = 4

/** 0.4213 → "0.42"; 0.0997 → "0.0997" (default thresholds); 0.09999 → "0.0999". */
export function hccText(hcc: number, thresholds: LabelThresholds = DEFAULT_POLICY.thresholds): string {
  const cuts = [thresholds.assisted, thresholds.authored]
  const keepsSide = (shown: number) => cuts.every((t) => shown >= t === hcc >= t)
  for (let digits = MIN_DIGITS; digits <= MAX_DIGITS; digits++) {
    const text = hcc.toFixed(digits)
    if (keepsSide(Number(text))) return text
  }
  // Rounding up crossed a threshold from below (or down from above): cut towards the label.
  const scale = 10 ** MAX_DIGITS
  const below = cuts.some((t) => hcc < t && Number(hcc.toFixed(MAX_DIGITS)) >= t)
  let units = below ? Math.floor(hcc * scale) : Math.ceil(hcc * scale)
  // hcc × 10⁴ is itself rounded: a score a hair under a threshold of four digits can come
  // out as the threshold exactly (0.42869999999999997 × 10⁴ = 4287 under "from 0.4287"), and
  // the cut would land on the wrong side. One more step towards the label's side then.
  if (!keepsSide(units / scale)) units += below ? -1 : 1
  return (units / scale).toFixed(MAX_DIGITS)
}
