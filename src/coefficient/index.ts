/**
 * The coefficient's public face, for code outside this room (and other tools) that
 * builds snapshots and scores them: `elementFromShape` builds an element from plain
 * shape data, `scoreContribution` compares two snapshots. The plugin's own code imports
 * the modules it needs directly, so no bundle pulls in more than it uses.
 */
export * from './score'
export { DEFAULT_POLICY, type TeamPolicy } from '../provenance/policy'
export type { Bounds, EffectSnapshot, ElementSnapshot, PaintSnapshot, PatternSnapshot, Rgba } from './snapshot'
