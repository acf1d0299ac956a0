/**
 * What common generative-model licences say about commercial use of what the model
 * makes. A small table, each row with its source, read by the "commercial field of
 * use" eligibility rule. It is guidance for a licensing team, not legal advice:
 * licences change, so every row names where it was read and when.
 *
 * `commercial`:
 * - `allowed`: outputs may be used commercially (use restrictions may still apply).
 * - `conditional`: allowed only under a condition the plugin cannot check (revenue
 *   threshold, paid plan, model run non-commercially); a warning, never a pass.
 * - `notAllowed`: no commercial use.
 * A licence that is not in the table is `unknown`: also a warning, never a pass.
 */

export type CommercialUse = 'allowed' | 'conditional' | 'notAllowed'

export interface ModelLicense {
  id: string
  name: string
  /** Other ways people write it; matched after normalizing case, spaces and punctuation. */
  aliases: readonly string[]
  commercial: CommercialUse
  /** What the condition or restriction is, in plain words. */
  note: string
  source: string
  /** When the source was read (YYYY-MM). */
  checked: string
  /**
   * RAIL-type licences: use restrictions that must be passed on to anyone who uses
   * the model's output (a paraphrase for reading; the licence's own attachment binds).
   */
  useRestrictions?: { where: string; summary: string }
}

/**
 * The use-based restrictions the OpenRAIL-M family (Attachment A) passes down, in
 * short words. Paraphrased, not quoted: LICENSE.md names the attachment as binding.
 */
const OPENRAIL_ATTACHMENT_A =
  'not to violate any law; not to exploit or harm minors; not to generate or spread verifiably false information meant to harm others; ' +
  'not to generate or spread personal information that could harm a person; not to defame, disparage or harass; not for fully automated ' +
  'decisions that adversely affect a person’s legal rights; not to discriminate against or harm people on the basis of protected characteristics; ' +
  'not to exploit the vulnerabilities of a group; not for medical advice or the interpretation of medical results; not to generate or spread ' +
  'information for the administration of justice, law enforcement, immigration or asylum processes'

export const MODEL_LICENSES: readonly ModelLicense[] = [
  {
    id: 'creativeml-openrail-m',
    name: 'CreativeML OpenRAIL-M',
    aliases: ['CreativeML OpenRAIL M', 'OpenRAIL-M (CreativeML)', 'Stable Diffusion v1 license'],
    commercial: 'allowed',
    note: 'Outputs may be used commercially; the use restrictions of Attachment A must be passed on to users of the model.',
    source: 'https://huggingface.co/spaces/CompVis/stable-diffusion-license',
    checked: '2025-06',
    useRestrictions: { where: 'Attachment A (use restrictions)', summary: OPENRAIL_ATTACHMENT_A },
  },
  {
    id: 'creativeml-openrail++-m',
    name: 'CreativeML Open RAIL++-M',
    aliases: ['CreativeML OpenRAIL++-M', 'Open RAIL++-M', 'OpenRAIL++', 'SDXL 1.0 license'],
    commercial: 'allowed',
    note: 'Outputs may be used commercially; the use restrictions of Attachment A are passed on.',
    source: 'https://github.com/Stability-AI/generative-models/blob/main/model_licenses/LICENSE-SDXL1.0',
    checked: '2025-06',
    useRestrictions: { where: 'Attachment A (use restrictions)', summary: OPENRAIL_ATTACHMENT_A },
  },
  {
    id: 'bigscience-openrail-m',
    name: 'BigScience OpenRAIL-M',
    aliases: ['OpenRAIL-M', 'OpenRAIL'],
    commercial: 'allowed',
    note: 'Commercial use allowed under the use-based restrictions of Attachment A.',
    source: 'https://www.licenses.ai/blog/2022/8/26/bigscience-open-rail-m-license',
    checked: '2025-06',
    useRestrictions: { where: 'Attachment A (use restrictions)', summary: OPENRAIL_ATTACHMENT_A },
  },
  {
    id: 'stability-community',
    name: 'Stability AI Community License',
    aliases: ['Stability Community License', 'Stability AI Community License Agreement', 'SD3 license', 'SD 3.5 license'],
    commercial: 'conditional',
    note: 'Commercial use is free only for individuals and organisations with under USD 1,000,000 annual revenue; above that an Enterprise licence is needed.',
    source: 'https://stability.ai/community-license-agreement',
    checked: '2025-06',
  },
  {
    id: 'stability-non-commercial',
    name: 'Stability AI Non-Commercial Research Community License',
    aliases: ['Stability AI Non-Commercial Research Community License Agreement', 'SDXL Turbo research license'],
    commercial: 'notAllowed',
    note: 'Research and non-commercial use only.',
    source: 'https://huggingface.co/stabilityai/sdxl-turbo/blob/main/LICENSE.md',
    checked: '2025-06',
  },
  {
    id: 'flux-1-dev-non-commercial',
    name: 'FLUX.1 [dev] Non-Commercial License',
    aliases: ['FLUX.1 dev license', 'FLUX.1-dev Non-Commercial License', 'FLUX dev'],
    commercial: 'conditional',
    note: 'The licence lets outputs be used commercially, but the model itself may only be run for non-commercial purposes unless a commercial licence is bought from Black Forest Labs.',
    source: 'https://huggingface.co/black-forest-labs/FLUX.1-dev/blob/main/LICENSE.md',
    checked: '2025-06',
  },
  {
    id: 'apache-2.0',
    name: 'Apache License 2.0',
    aliases: ['Apache-2.0', 'Apache 2.0', 'Apache 2', 'FLUX.1 [schnell]'],
    commercial: 'allowed',
    note: 'Permissive; keep the licence and notices when redistributing the model.',
    source: 'https://www.apache.org/licenses/LICENSE-2.0',
    checked: '2025-06',
  },
  {
    id: 'mit',
    name: 'MIT License',
    aliases: ['MIT'],
    commercial: 'allowed',
    note: 'Permissive.',
    source: 'https://opensource.org/license/mit',
    checked: '2025-06',
  },
  {
    id: 'cc-by-4.0',
    name: 'Creative Commons Attribution 4.0',
    aliases: ['CC BY 4.0', 'CC-BY-4.0'],
    commercial: 'allowed',
    note: 'Commercial use allowed with attribution.',
    source: 'https://creativecommons.org/licenses/by/4.0/',
    checked: '2025-06',
  },
  {
    id: 'cc-by-nc-4.0',
    name: 'Creative Commons Attribution-NonCommercial 4.0',
    aliases: ['CC BY-NC 4.0', 'CC-BY-NC-4.0', 'CC BY NC'],
    commercial: 'notAllowed',
    note: 'Non-commercial use only.',
    source: 'https://creativecommons.org/licenses/by-nc/4.0/',
    checked: '2025-06',
  },
  {
    id: 'midjourney-tos',
    name: 'Midjourney Terms of Service',
    aliases: ['Midjourney', 'Midjourney ToS', 'Midjourney Terms'],
    commercial: 'conditional',
    note: 'Paid subscribers own their assets; a company with more than USD 1,000,000 gross annual revenue must be on the Pro or Mega plan.',
    source: 'https://docs.midjourney.com/docs/terms-of-service',
    checked: '2025-06',
  },
  {
    id: 'adobe-firefly',
    name: 'Adobe Generative AI User Guidelines (Firefly)',
    aliases: ['Adobe Firefly', 'Firefly', 'Adobe Generative AI Terms'],
    commercial: 'allowed',
    note: 'Outputs of generally available (non-beta) Firefly features may be used commercially.',
    source: 'https://www.adobe.com/legal/licenses-terms/adobe-gen-ai-user-guidelines.html',
    checked: '2025-06',
  },
  {
    id: 'openai-terms',
    name: 'OpenAI Terms of Use (DALL·E, GPT Image)',
    aliases: ['OpenAI Terms of Use', 'OpenAI', 'DALL-E', 'DALL·E'],
    commercial: 'allowed',
    note: 'The user owns the output and may use it commercially, subject to the usage policies.',
    source: 'https://openai.com/policies/terms-of-use',
    checked: '2025-06',
  },
]

/** Lower case, letters, digits and "+" only: "CreativeML Open RAIL++-M" → "creativemlopenrail++m". */
export function normalizeLicenseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9+]/g, '')
}

const BY_NAME: ReadonlyMap<string, ModelLicense> = (() => {
  const map = new Map<string, ModelLicense>()
  for (const license of MODEL_LICENSES) {
    for (const n of [license.name, license.id, ...license.aliases]) {
      const key = normalizeLicenseName(n)
      map.set(key, license)
      map.set(key.replace(/(licen[cs]e)?(agreement)?$/, ''), license)
    }
  }
  return map
})()

/** The table row for a declared model licence, or null when it is not in the table. */
export function findModelLicense(declared: string): ModelLicense | null {
  const key = normalizeLicenseName(declared)
  if (key === '') return null
  // "… License", "… licence agreement" and "… (v1.0)"-free spellings name the same row.
  const bare = key.replace(/(licen[cs]e)?(agreement)?$/, '')
  return BY_NAME.get(key) ?? BY_NAME.get(bare) ?? null
}
