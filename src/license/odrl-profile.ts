/**
 * The Loomprint ODRL profile: the terms ODRL 2.2 has no word for, each defined once
 * here, and the profile itself as a JSON-LD document that ships in every pack
 * (`license.odrl-profile.jsonld`), so a processor that meets the profile IRI can
 * read what it means. ODRL 2.2 §2.1: a processor that does not understand a
 * policy's profile must not process the policy — hence a published definition, with
 * a version, rather than a bare URN (the issue #24 finding).
 *
 * Registered forms for codes: territories as the ISO Online Browsing Platform's
 * address of each ISO 3166-1 code (https://www.iso.org/obp/ui/#iso:code:3166:FR, ISO's
 * own page per code); currencies as the EU Publications Office's authority table of
 * ISO 4217 codes (http://publications.europa.eu/resource/authority/currency/EUR, the
 * table DCAT-AP uses). The earlier urn:iso:3166:XX and urn:iso:std:iso:4217:XXX were
 * not registered URN forms (RFC 5141 names ISO documents, not code values).
 */
import type { CapKind, FieldOfUse } from './terms'

export const PROFILE_VERSION = '2'
/** The profile IRI named in every policy's `profile`. Version 1 was never published. */
export const LOOMPRINT_ODRL_PROFILE = 'urn:loomprint:odrl:profile:' + PROFILE_VERSION
/** Where the profile document is in a pack. */
export const ODRL_PROFILE_FILE = 'license.odrl-profile.jsonld'

const NS = 'urn:loomprint:odrl:'

/** Asset property (on the target, not a constraint): the human-contribution coefficient as measured. */
export const HCC_PROPERTY = NS + 'hcc'
/** leftOperand: the text of a training constraint. */
export const TRAINING_CONSTRAINT_OPERAND = NS + 'trainingConstraint'
/** action: training or fine-tuning a machine-learning model on the target. */
export const AI_TRAINING_ACTION = NS + 'action:aiTraining'
/** action: delete every model trained or fine-tuned on the target. */
export const DELETE_TRAINED_MODELS_ACTION = NS + 'action:deleteTrainedModels'
/** action: text and data mining, as the TDMRep ODRL profile names it. */
export const TDM_MINE_ACTION = 'http://www.w3.org/ns/tdmrep#mine'
/** leftOperand (refinement of compensate): share, in percent, of net sales. */
export const REVENUE_SHARE_OPERAND = NS + 'revenueShare'
/** unit of a revenue share: net sales (gross invoiced sales less returns, discounts and sales taxes). */
export const NET_SALES_UNIT = NS + 'netSales'
/** leftOperand (refinement of compensate): the amount is due for each of the unit given. */
export const PAY_PER_OPERAND = NS + 'payPer'
/** leftOperand: to whom the licensee may grant use (grantUse). */
export const SUBLICENSEE_OPERAND = NS + 'sublicensee'
/** leftOperand: the form the target is used in (the files themselves, as they are). */
export const FORM_OPERAND = NS + 'form'
export const STANDALONE_FILE = NS + 'form:standaloneFile'

export const CAP_OPERANDS: { readonly [K in CapKind]: string } = {
  units: NS + 'unitsProduced',
  impressions: NS + 'digitalImpressions',
  variants: NS + 'productVariants',
}

export const SUBLICENSEES = { manufacturer: NS + 'sublicensee:manufacturer', affiliate: NS + 'sublicensee:affiliate' } as const

/** Uses the standard restrictions and RAIL model licences forbid, as purposes. */
export const RESTRICTED_PURPOSES = {
  trademark: NS + 'purpose:trademark',
  sensitive: NS + 'purpose:sensitiveUse',
  railRestricted: NS + 'purpose:modelLicenceRestrictedUse',
} as const

/**
 * Fields of use under the ODRL left operand that fits them: product categories are
 * `product`, print-and-editorial and digital are `media`, advertising is a `purpose`
 * (the finding: everything sat under `purpose`).
 */
export const FIELD_OPERAND: { readonly [F in FieldOfUse]: 'product' | 'media' | 'purpose' } = {
  apparel: 'product',
  homeTextiles: 'product',
  wallcoverings: 'product',
  stationery: 'product',
  packaging: 'product',
  merchandise: 'product',
  fineArtPrints: 'product',
  printEditorial: 'media',
  digitalWeb: 'media',
  advertising: 'purpose',
}

export function fieldIri(field: FieldOfUse): string {
  return `${NS}${FIELD_OPERAND[field]}:${field}`
}

export function territoryIri(code: string): string {
  return 'https://www.iso.org/obp/ui/#iso:code:3166:' + code
}

export function currencyIri(code: string): string {
  return 'http://publications.europa.eu/resource/authority/currency/' + code
}

type Json = { [key: string]: unknown }

function term(id: string, type: string, label: string, comment: string): Json {
  return { '@id': id, '@type': type, 'rdfs:label': label, 'rdfs:comment': comment, 'rdfs:isDefinedBy': { '@id': LOOMPRINT_ODRL_PROFILE } }
}

/**
 * The profile as JSON-LD against the ODRL context (which declares rdfs, owl, skos and
 * dct), so the same offline loader that reads the policy reads the profile.
 */
export function odrlProfileDocument(fields: readonly { id: FieldOfUse; label: string }[]): Json {
  const graph: Json[] = [
    {
      '@id': LOOMPRINT_ODRL_PROFILE,
      '@type': 'owl:Ontology',
      'rdfs:label': 'Loomprint ODRL profile',
      'owl:versionInfo': PROFILE_VERSION,
      'rdfs:comment':
        'Terms for licensing AI-assisted patterns that ODRL 2.2 does not define. A policy naming this profile uses only ODRL 2.2 terms and the terms below. Defined in Loomprint docs/licensing.md.',
    },
    term(HCC_PROPERTY, 'rdf:Property', 'human-contribution coefficient', 'Property of the target asset: its measured human contribution, 0..1 (method in the pack manifest). A fact about the asset, not a condition of use.'),
    term(AI_TRAINING_ACTION, 'odrl:Action', 'train AI models', 'To train or fine-tune a machine-learning model on the asset.'),
    term(DELETE_TRAINED_MODELS_ACTION, 'odrl:Action', 'delete trained models', 'To delete every model trained or fine-tuned on the asset (odrl:delete removes the asset, not models made from it).'),
    term(TRAINING_CONSTRAINT_OPERAND, 'odrl:LeftOperand', 'training constraint', 'The condition, in words, under which training is permitted.'),
    term(REVENUE_SHARE_OPERAND, 'odrl:LeftOperand', 'revenue share', 'In a compensate refinement: the payment is this percentage of the unit given (net sales). odrl:percentage is a share of the asset, not of revenue.'),
    term(NET_SALES_UNIT, 'skos:Concept', 'net sales', 'Gross amounts invoiced for products bearing the asset, less returns, trade discounts actually given, and sales taxes.'),
    term(PAY_PER_OPERAND, 'odrl:LeftOperand', 'pay per', 'In a compensate refinement: the payAmount is due for each of the unit given as right operand.'),
    term(SUBLICENSEE_OPERAND, 'odrl:LeftOperand', 'sublicensee', 'The kind of party the licensee may grant use to.'),
    term(SUBLICENSEES.manufacturer, 'skos:Concept', 'manufacturer or printer', 'A party that makes the licensee’s products, only to make them.'),
    term(SUBLICENSEES.affiliate, 'skos:Concept', 'affiliate', 'A company controlling, controlled by or under common control with the licensee.'),
    term(FORM_OPERAND, 'odrl:LeftOperand', 'form of use', 'The form the asset is used in.'),
    term(STANDALONE_FILE, 'skos:Concept', 'standalone file', 'The asset’s files themselves, as they are (templates, stock, digital downloads), not a product bearing the pattern.'),
    term(RESTRICTED_PURPOSES.trademark, 'skos:Concept', 'trademark use', 'Use as, or as part of, a trademark, logo or other source identifier.'),
    term(RESTRICTED_PURPOSES.sensitive, 'skos:Concept', 'sensitive use', 'Use in defamatory, unlawful, pornographic or hateful contexts, or in political campaigning.'),
    term(RESTRICTED_PURPOSES.railRestricted, 'skos:Concept', 'use restricted by the model licence', 'A use the generating model’s licence forbids (e.g. Attachment A of a RAIL licence); the licence is named in the rule’s description.'),
    ...(Object.entries(CAP_OPERANDS) as [CapKind, string][]).map(([kind, id]) =>
      term(id, 'odrl:LeftOperand', kind === 'units' ? 'units produced' : kind === 'impressions' ? 'digital impressions' : 'product variants', `The number of ${kind === 'units' ? 'units produced bearing the asset' : kind === 'impressions' ? 'digital impressions of the asset' : 'product variants (designs, colourways) bearing the asset'}, counted over the term. odrl:count counts executions of the action, not these.`),
    ),
    ...fields.map((f) => term(fieldIri(f.id), 'skos:Concept', f.label, `Field of use, a right operand of odrl:${FIELD_OPERAND[f.id]}.`)),
  ]
  return { '@context': 'http://www.w3.org/ns/odrl.jsonld', '@graph': graph }
}
