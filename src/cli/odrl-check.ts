/**
 * license.odrl.json checked as JSON-LD: jsonld.expand with `safe: true` (unknown
 * terms and relative IRIs are errors, not silently dropped) and a document loader
 * that serves only the ODRL 2.2 context bundled in `@digitalbazaar/odrl-context` —
 * nothing is fetched. The one ODRL loader: the CLI runs it and the tests import it.
 * Node only; never in the UI or main bundle.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the tests and benches compile this file without src/cli in their include list
/// <reference path="./odrl-context.d.ts" />
import jsonld from 'jsonld'
// CommonJS without types (odrl-context.d.ts declares it); imported, not required, so
// the standalone verifier bundle (scripts/build-verifier.ts) carries the context.
import * as odrlContext from '@digitalbazaar/odrl-context'

const ODRL_CONTEXTS: ReadonlyMap<string, unknown> = new Map([
  [odrlContext.CONTEXT_URL_V1, odrlContext.CONTEXT_V1],
  // The W3C publishes the same context under http and https.
  ['http://www.w3.org/ns/odrl.jsonld', odrlContext.CONTEXT_V1],
])

/** A document loader that knows only the ODRL context. */
export function odrlOnlyLoader(url: string): Promise<{ contextUrl: null; documentUrl: string; document: unknown }> {
  const doc = ODRL_CONTEXTS.get(url)
  if (doc === undefined) return Promise.reject(new Error(`refusing to load ${url}: only the ODRL context is available offline`))
  return Promise.resolve({ contextUrl: null, documentUrl: url, document: doc })
}

/** Expanded JSON-LD of `doc`; rejects on anything the ODRL context does not define. */
export async function expandOdrl(doc: unknown): Promise<Record<string, unknown>[]> {
  return (await jsonld.expand(doc as jsonld.JsonLdDocument, {
    documentLoader: odrlOnlyLoader as never,
    safe: true,
  } as jsonld.Options.Expand)) as Record<string, unknown>[]
}

export interface OdrlCheck {
  ok: boolean
  message: string
}

const ODRL = 'http://www.w3.org/ns/odrl/2/'

/**
 * Parses and expands the policies; checks each rule carries its own target, assigner
 * and action (ODRL 2.2 lets a policy hold them for all its rules; Loomprint's rules
 * are self-contained, so a rule without them was edited).
 */
export async function checkOdrl(text: string): Promise<OdrlCheck> {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return { ok: false, message: 'license.odrl.json is not valid JSON' }
  }
  let expanded: unknown[]
  try {
    expanded = await expandOdrl(doc)
  } catch (err) {
    const e = err as { name?: string; message?: string; details?: { url?: string; event?: { code?: string; details?: { term?: string; property?: string } } } }
    if (e.details?.url) {
      return { ok: false, message: `license.odrl.json names a context other than ODRL's (${e.details.url}); only the bundled ODRL context is loaded, nothing is fetched` }
    }
    const term = e.details?.event?.details?.term ?? e.details?.event?.details?.property
    const code = e.details?.event?.code
    return { ok: false, message: `license.odrl.json is not valid ODRL JSON-LD (${e.message ?? 'expansion failed'}${code ? ` ${code}` : ''}${term ? `: ${term}` : ''})` }
  }
  const policies = expanded.filter((n) => {
    const t = (n as { '@type'?: string[] })['@type'] ?? []
    return t.some((x) => x === `${ODRL}Set` || x === `${ODRL}Offer` || x === `${ODRL}Agreement` || x === `${ODRL}Policy`)
  })
  if (policies.length === 0) return { ok: false, message: 'license.odrl.json holds no ODRL policy' }
  let rules = 0
  for (const policy of policies as { [k: string]: unknown }[]) {
    for (const kind of ['permission', 'prohibition', 'obligation']) {
      for (const rule of (policy[`${ODRL}${kind}`] as { [k: string]: unknown }[] | undefined) ?? []) {
        rules++
        for (const need of ['target', 'assigner', 'action']) {
          if (!rule[`${ODRL}${need}`]) return { ok: false, message: `an ODRL ${kind} has no ${need}` }
        }
      }
    }
  }
  return { ok: true, message: `license.odrl.json is ODRL 2.2 JSON-LD (${policies.length} ${policies.length === 1 ? "policy" : "policies"}, ${rules} ${rules === 1 ? "rule" : "rules"})` }
}
