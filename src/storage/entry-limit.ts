/**
 * Figma's limit for one plugin-data entry. What counts is the plugin id (or, for shared
 * plugin data, the namespace) + key + value (plugin-api.d.ts:6530, :6556: "The total size
 * of your entry (`pluginId`, `key`, `value`) cannot exceed 100 kB"), and "100 kB" is read
 * conservatively as 100,000 bytes, not 102,400 (issue #19, 8).
 */
export const ENTRY_LIMIT_BYTES = 100_000
/**
 * The most any one raster stored on a pattern may take (issue #9: "at most 64 kB per
 * pattern for any raster"). Its base64 (87,384 characters) fits one entry.
 */
export const RASTER_MAX_BYTES = 64 * 1024
