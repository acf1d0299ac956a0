/**
 * The UI's workflows: everything between a button press and the plugin data that
 * ends up in the file. Pure of DOM so tests can drive them against the real host
 * running on the in-memory Figma: they take the channel's client, a clock and an id
 * generator, and return typed outcomes the screens render.
 *
 * Division of work (DESIGN.md, "where work runs"): main reads layers and writes
 * plugin data; here we turn readings into snapshots, compress and hash baselines,
 * verify journals and score. One file per workflow; this module gathers them.
 */
export type { FieldIssue } from '../provenance/record'
export { ENTRY_LIMIT_BYTES } from '../storage/entry-limit'
/** How many of the most-changed elements the record keeps (one home: score.ts). */
export { TOP_ELEMENTS } from '../coefficient/score'
export * from './shared/workflow-context'
export * from './capture/read-snapshot'
export * from './capture/mark-workflow'
export * from './capture/capture-workflow'
export * from './policy/policy-workflows'
export * from './shared/hello'
