/** Figma's limit for one plugin-data entry, key + value (FIGMA.md, "Plugin data and storage"). */
export const ENTRY_LIMIT_BYTES = 100 * 1024
/**
 * The most any one raster stored on a pattern may take (issue #9: "at most 64 kB per
 * pattern for any raster"). Its base64 (87,384 characters) fits one entry.
 */
export const RASTER_MAX_BYTES = 64 * 1024
