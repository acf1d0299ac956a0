/**
 * C2PA manifest definitions, one per asset, in the JSON that
 * `c2patool asset -m definition.json` takes (contentauth/c2pa-rs cli/docs/manifest.md).
 * The pack does not sign C2PA claims itself: C2PA validators refuse self-signed
 * certificates, so a team signs with its own certificate (STANDARDS.md).
 *
 * Actions (c2pa.actions.v2): first `c2pa.created` with the AI source type and the
 * model as software agent; then the human edits the capture measured, each with the
 * composite source type; `allActionsIncluded: false` because the list summarises
 * the measured difference, not every operation. Then CAWG training-mining from the
 * terms and schema.org CreativeWork metadata.
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
}

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
  if (b.removed > 0) actions.push(human('c2pa.removed', `AI elements removed or hidden by people (${pct(b.removed)}).`))
  return actions
}

export function c2paDefinition(
  asset: Pick<AssetEntry, 'path' | 'mediaType'>,
  p: PackPattern,
  license: LicenseView,
  generator: { name: string; version: string },
): unknown {
  const title = asset.path.slice(asset.path.lastIndexOf('/') + 1)
  const authors = p.contributors.map((c) => ({ '@type': 'Person', name: c.name || c.id }))
  return {
    claim_generator_info: [{ name: generator.name, version: generator.version }],
    title,
    format: asset.mediaType,
    ingredients: [],
    assertions: [
      { label: 'c2pa.actions.v2', data: { actions: actionsOf(p), allActionsIncluded: false } },
      { label: CAWG_TRAINING_MINING_LABEL, data: { entries: license.cawg } },
      {
        label: 'stds.schema-org.CreativeWork',
        data: {
          '@context': 'https://schema.org',
          '@type': 'CreativeWork',
          name: p.name,
          identifier: p.id,
          ...(authors.length ? { author: authors } : {}),
          copyrightNotice: license.rights,
          ...(license.licenseId ? { license: license.licenseId } : {}),
          additionalProperty: [
            { '@type': 'PropertyValue', name: 'digitalSourceType', value: digitalSourceTypeUri(p.digitalSourceType) },
            ...(p.hcc === null ? [] : [{ '@type': 'PropertyValue', name: 'humanContributionCoefficient', value: p.hcc }]),
            { '@type': 'PropertyValue', name: 'method', value: p.method },
          ],
        },
      },
    ],
  }
}
