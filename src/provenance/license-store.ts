/**
 * Where a pattern's license lives in plugin data (the terms themselves are
 * src/license/terms.ts): private `license` beside `record`, and a public summary in
 * shared plugin data `loomprint` / `license` for other tools.
 */

/** Private plugin data on the pattern root: the license entry (terms + history). */
export const LICENSE_KEY = 'license'
/** Shared plugin data key (namespace `loomprint`) of the public license summary. */
export const LICENSE_SUMMARY_KEY = 'license'
