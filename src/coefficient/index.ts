/**
 * coefficient/ (pure): the human-contribution coefficient, snapshots of a pattern in,
 * a score out (docs/coefficient.md says the method in words). Everything the score needs and nothing
 * else: it imports no record, storage or licence code, only its own modules and `culori`
 * (`npm run rooms` checks it; it is the lowest room).
 *
 * Its one public face is this file: `elementFromShape`, `scoreContribution`, the
 * snapshot types, `DEFAULT_POLICY` and `ScoringPolicy`. Code of the plugin itself may
 * import the module it needs directly (so no bundle pulls in more than it uses); code
 * outside the plugin uses the face. Every other room may import it.
 *
 * - `score.ts` — the entry point; `method.ts` the method ids, the score's shape, labels
 * - `score-v1.ts`, `score-v2.ts` — method 1 (boxes, numbers), method 2 (on the canvas)
 * - `scoring-policy.ts` — the knobs the score reads, their defaults, the policy fingerprint
 * - `snapshot.ts`, `shape.ts` — the snapshot model; building elements from plain facts
 * - `dimensions.ts`, `color.ts`, `outline.ts` (+ `outline/`), `unit-interval.ts` — change per dimension
 * - `visibility.ts`, `stacking.ts`, `mask.ts`, `ground.ts` — what shows, in what order, figure and ground
 * - `canvas-layout.ts`, `canvas-change.ts`, `arrangement.ts` — method 2's canvas and its measures
 * - `raster/` — the scanline rasterizer, its path flattening, the pattern's similarity transform
 * - `placement.ts`, `legacy-placement.ts`, `transform.ts`, `path-mirror.ts` — where a layer sits
 * - `aggregate.ts` — Σ weight · change, breakdown, most-changed elements
 * - `heatmap.ts` — the change map drawn as a heat map (its PNG: `storage/heatmap-png.ts`)
 */
export * from './score'
export { DEFAULT_POLICY, type ScoringPolicy } from './scoring-policy'
export type { Bounds, EffectSnapshot, ElementSnapshot, PaintSnapshot, PatternSnapshot, Rgba } from './snapshot'
