/**
 * C2PA manifest definitions, one per asset, in the JSON that
 * `c2patool asset -m definition.json` takes (contentauth/c2pa-rs cli/docs/manifest.md).
 * The plugin writes them into the pack; `loomprint seal` signs each one with the
 * person's team certificate and embeds it in its asset (src/cli/team/seal.ts).
 *
 * Actions (c2pa.actions.v2): first `c2pa.created` with the AI source type and the
 * model as software agent; then the human edits the capture measured, each with the
 * composite source type; `allActionsIncluded: false` because the list summarises
 * the measured difference, not every operation. Then CAWG training-mining from the
 * terms, CAWG metadata, and the Loomprint assertion (HCC, label, method).
 */
import type { AssetEntry, PackPattern } from './manifest'
import type { LicenseView } from './license-bridge'
import { IPTC_DST, digitalSourceTypeUri } from './xmp'
import { CAWG_TRAINING_MINING_LABEL } from '../license/training'

export interface C2paAction {
  action: string
  when?: string
  softwareAgent?: { name: string; version?: string }
  digitalSourceType?: string
  description?: string
  parameters?: { ingredientIds: string[] }
}

/** The label of the AI-output ingredient, which actions refer to. */
export const AI_INGREDIENT = 'ai-output'

/** An ISO date or date-time as a full UTC date-time, the form C2PA's `when` takes. */
export function asDateTime(when: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(when) ? `${when}T00:00:00Z` : when
}

const COMPOSITE = `${IPTC_DST}compositeWithTrainedAlgorithmicMedia`

function pct(x: number): string {
  return `${Math.round(x * 100)}%`
}

/** The actions of one pattern: created, then the human edits the capture measured. */
export function actionsOf(p: PackPattern): C2paAction[] {
  if (!p.origin) {
    return [{ action: 'c2pa.created', digitalSourceType: `${IPTC_DST}digitalCreation`, softwareAgent: { name: 'Figma' } }]
  }
  const o = p.origin
  const actions: C2paAction[] = [
    {
      action: 'c2pa.created',
      when: asDateTime(o.generatedAt),
      softwareAgent: { name: `${o.generator} ${o.model}`.trim(), ...(o.modelVersion ? { version: o.modelVersion } : {}) },
      digitalSourceType: `${IPTC_DST}trainedAlgorithmicMedia`,
      description: `Generated with ${o.generator}, model ${o.model}${o.modelVersion ? ` ${o.modelVersion}` : ''}.`,
    },
  ]
  const b = p.breakdown
  if (!b || p.hcc === null || p.hcc === 0) return actions
  const when = p.capturedAt ? asDateTime(p.capturedAt) : undefined
  const human = (action: string, description: string): C2paAction => ({
    action,
    ...(when ? { when } : {}),
    softwareAgent: { name: 'Figma' },
    digitalSourceType: COMPOSITE,
    description,
  })
  if (b.color > 0) actions.push(human('c2pa.adjustedColor', `Colours changed by people (${pct(b.color)} of the pattern's contribution).`))
  if (b.shape > 0) actions.push(human('c2pa.drawing', `Shapes redrawn by people (${pct(b.shape)}).`))
  if (b.added > 0) actions.push(human('c2pa.drawing', `Elements added by people (${pct(b.added)}).`))
  if (b.transform > 0) actions.push(human('c2pa.edited', `Elements moved, scaled or rotated by people (${pct(b.transform)}).`))
  if (b.style > 0) actions.push(human('c2pa.edited', `Opacity, blend, stroke or effects changed by people (${pct(b.style)}).`))
  if (b.text > 0) actions.push(human('c2pa.edited', `Text edited by people (${pct(b.text)}).`))
  // C2PA requires `c2pa.removed` (like opened and placed) to name its ingredient: the AI output.
  if (b.removed > 0) actions.push({ ...human('c2pa.removed', `AI elements removed or hidden by people (${pct(b.removed)}).`), parameters: { ingredientIds: [AI_INGREDIENT] } })
  return actions
}

/** The Loomprint assertion: the coefficient, its label and method, as the pack states them. */
export const LOOMPRINT_ASSERTION = 'com.loomprint.hcc'

export interface LoomprintAssertion {
  pattern: string
  hcc: number | null
  label: string
  digitalSourceType: string
  method: string
  policyFingerprint: string
  licenseFingerprint: string | null
}

export function loomprintAssertionOf(p: PackPattern): LoomprintAssertion {
  return {
    pattern: p.id,
    hcc: p.hcc,
    label: p.label,
    digitalSourceType: p.digitalSourceType,
    method: p.method,
    policyFingerprint: p.policyFingerprint,
    licenseFingerprint: p.license?.fingerprint ?? null,
  }
}

/**
 * The AI output the pattern grew from, as a C2PA 2.4 ingredient with no signed history
 * of its own: `componentOf` (an AI layer inside the human design) with its own
 * `digitalSourceType`. Known only when the record declares an AI origin; the picture
 * itself is not in the pack, so there is no hash or thumbnail.
 */
function aiIngredientOf(p: PackPattern): unknown[] {
  if (!p.origin) return []
  const o = p.origin
  return [
    {
      title: `${o.generator} ${o.model}${o.modelVersion ? ` ${o.modelVersion}` : ''} output`.trim(),
      format: 'image/png',
      relationship: 'componentOf',
      label: AI_INGREDIENT,
      digital_source_type: `${IPTC_DST}trainedAlgorithmicMedia`,
      description: `The generated picture the pattern was made from${o.seed !== undefined ? ` (seed ${o.seed})` : ''}.`,
    },
  ]
}

/**
 * CAWG metadata (cawg.metadata, JSON-LD with XMP terms) in place of
 * `stds.schema-org.CreativeWork`, deprecated since C2PA 2.0 (STANDARDS.md).
 */
function cawgMetadataOf(p: PackPattern, license: LicenseView): unknown {
  return {
    '@context': {
      dc: 'http://purl.org/dc/elements/1.1/',
      xmpRights: 'http://ns.adobe.com/xap/1.0/rights/',
      Iptc4xmpExt: 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/',
      plus: 'http://ns.useplus.org/ldf/xmp/1.0/',
    },
    'dc:title': p.name,
    'dc:identifier': p.id,
    ...(p.contributors.length ? { 'dc:creator': p.contributors.map((c) => c.name || c.id) } : {}),
    'dc:rights': license.rights,
    'xmpRights:UsageTerms': license.usageTerms,
    'Iptc4xmpExt:DigitalSourceType': digitalSourceTypeUri(p.digitalSourceType),
    ...(license.licenseId ? { 'plus:LicenseID': license.licenseId } : {}),
  }
}

export function c2paDefinition(
  asset: Pick<AssetEntry, 'path' | 'mediaType'>,
  p: PackPattern,
  license: LicenseView,
  generator: { name: string; version: string },
): unknown {
  const title = asset.path.slice(asset.path.lastIndexOf('/') + 1)
  return {
    claim_generator_info: [{ name: generator.name, version: generator.version }],
    title,
    format: asset.mediaType,
    ingredients: aiIngredientOf(p),
    assertions: [
      { label: 'c2pa.actions.v2', data: { actions: actionsOf(p), allActionsIncluded: false } },
      { label: CAWG_TRAINING_MINING_LABEL, data: { entries: license.cawg } },
      { label: 'cawg.metadata', data: cawgMetadataOf(p, license) },
      { label: LOOMPRINT_ASSERTION, data: loomprintAssertionOf(p) },
    ],
  }
}
