/** Figma's limit for one plugin-data entry, key + value (FIGMA.md, "Plugin data and storage"). */
export const ENTRY_LIMIT_BYTES = 100 * 1024
