/**
 * The human-contribution coefficient (HCC): the entry point.
 *
 * It measures the net, visible difference between the AI baseline and the pattern as
 * it is now — not edit counts, not time (US Copyright Office: time and effort do not
 * count; perceptible human expression does). So undo brings it back, and edits made
 * while the plugin was closed still count. See docs/coefficient.md for the method in
 * words, and DESIGN.md "The coefficient".
 *
 * Pure and deterministic: the same two snapshots and policy always give the same
 * score, whatever order their elements come in.
 *
 *   method.ts      method ids, the score's shape, labels
 *   score-v1.ts    method 1 (bounding boxes, numbers)
 *   score-v2.ts    method 2 (visible paint, measured on the canvas; raster.ts)
 *   dimensions.ts  colour, style and text change (both methods)
 *   aggregate.ts   Σ weight · change, breakdown, most-changed elements
 */
import { METHOD, METHOD_V1, type ContributionScore, type ScoreOptions } from './method'
import { DEFAULT_POLICY, type ScoringPolicy } from './scoring-policy'
import { scoreV1 } from './score-v1'
import { scoreV2 } from './score-v2'
import type { PatternSnapshot } from './snapshot'

export * from './method'
export { BLEND_CHANGE, editDistance, SHAPE_SATURATION } from './dimensions'
export { comparePaths } from './stacking'
export { CANVAS_DEADBAND, CHANGE, compareOnCanvas, fieldSalience, GROUND_SCALE, PLACEMENT, RASTER_LONG_SIDE, TEXT_INK, type CanvasComparison, type CanvasMap } from './score-v2'
export { elementFromShape, type Shape } from './shape'

/**
 * Score how much of `current` is human work on top of the AI `baseline`.
 * See the file comment and docs/coefficient.md for the method.
 */
export function scoreContribution(
  baseline: PatternSnapshot,
  current: PatternSnapshot,
  policy: ScoringPolicy = DEFAULT_POLICY,
  options: ScoreOptions = {},
): ContributionScore {
  const matchedBy = options.matchBy ?? (current.rootId !== baseline.rootId ? 'path' : 'id')
  const method = options.method ?? METHOD
  return method === METHOD_V1 ? scoreV1(baseline, current, policy, matchedBy) : scoreV2(baseline, current, policy, matchedBy)
}
