/** Which edit groups a Figma change touches, and the letters they are stored as. */

export type EditGroup = 'color' | 'shape' | 'transform' | 'style' | 'text' | 'structure' | 'other'
export type EditOrigin = 'LOCAL' | 'REMOTE'

export const EDIT_GROUPS: readonly EditGroup[] = ['color', 'shape', 'transform', 'style', 'text', 'structure', 'other']

/**
 * One letter per group × origin: upper-case letters, so they never collide with the
 * lower-case base36 digits around them in the stored lines.
 */
export const GROUP_LETTERS: { readonly [K in EditOrigin]: { readonly [G in EditGroup]: string } } = {
  LOCAL: { color: 'C', shape: 'S', transform: 'T', style: 'Y', text: 'X', structure: 'R', other: 'O' },
  REMOTE: { color: 'K', shape: 'H', transform: 'M', style: 'Z', text: 'W', structure: 'Q', other: 'P' },
}

/** Letter → group and origin (the inverse of GROUP_LETTERS), for reading stored lines. */
export const LETTER_KIND: { [letter: string]: { origin: EditOrigin; group: EditGroup } } = {}
for (const origin of ['LOCAL', 'REMOTE'] as const) {
  for (const group of EDIT_GROUPS) LETTER_KIND[GROUP_LETTERS[origin][group]] = { origin, group }
}

// ---------------------------------------------------------------------------
// Property groups

const PROPERTY_GROUP: { [property: string]: EditGroup | null } = {}
function assign(group: EditGroup | null, props: string): void {
  for (const p of props.split(' ')) PROPERTY_GROUP[p] = group
}
assign('color', 'fills strokes backgrounds fillStyleId strokeStyleId backgroundStyleId textBackground')
assign(
  'shape',
  'vectorNetwork pointCount width height arcData innerRadius cornerRadius cornerSmoothing topLeftRadius ' +
    'topRightRadius bottomLeftRadius bottomRightRadius booleanOperation shapeType handleMirroring',
)
assign('transform', 'x y relativeTransform rotation')
assign(
  'style',
  'opacity blendMode effects effectStyleId strokeWeight strokeAlign strokeCap strokeJoin strokeMiterLimit ' +
    'dashPattern stokeTopWeight strokeTopWeight strokeBottomWeight strokeLeftWeight strokeRightWeight ' +
    'isMask maskType clipsContent',
)
assign(
  'text',
  'characters text fontName fontSize lineHeight leadingTrim paragraphIndent paragraphSpacing textWrapStyle ' +
    'listSpacing hangingPunctuation hangingList letterSpacing textAlignHorizontal textAlignVertical textCase ' +
    'textDecoration textAutoResize textTruncation maxLines openTypeFeatures styledTextSegments textStyleId hyperlink',
)
// Hiding a layer is curation (the coefficient counts hidden AI elements as removed).
assign('structure', 'parent name type visible CREATE DELETE')
// Not human edits: the plugin's own writes, layer-panel state, automatic renames.
assign(null, 'pluginData relaunchData expanded autoRename')

/**
 * The edit groups a change touches, in `EDIT_GROUPS` order, each once. Accepts
 * Figma `NodeChangeProperty` names plus the pseudo-properties `CREATE`/`DELETE`.
 * Unknown properties count as `other`; `pluginData` / relaunch data only → `[]`.
 */
export function groupForProperties(props: readonly string[]): EditGroup[] {
  let mask = 0
  for (const p of props) {
    const g = Object.prototype.hasOwnProperty.call(PROPERTY_GROUP, p) ? PROPERTY_GROUP[p] : 'other'
    if (g !== null) mask |= 1 << EDIT_GROUPS.indexOf(g)
  }
  const out: EditGroup[] = []
  for (let i = 0; i < EDIT_GROUPS.length; i++) if (mask & (1 << i)) out.push(EDIT_GROUPS[i])
  return out
}

/** Groups for a Figma node change (`CreateChange | DeleteChange | PropertyChange`), by the fields it reads. */
export function groupsForNodeChange(change: { type: string; properties?: readonly string[] }): EditGroup[] {
  if (change.type === 'CREATE' || change.type === 'DELETE') return ['structure']
  return groupForProperties(change.properties ?? [])
}
