/**
 * JSON-LD expansion of ODRL policies with no network: a document loader that serves
 * only the ODRL 2.2 context bundled in `@digitalbazaar/odrl-context`, and `safe: true`
 * so an unknown term or a relative IRI is an error instead of being dropped. Node only
 * (tests and the CLI); never imported by the UI or main bundle.
 */
import { createRequire } from 'node:module'
import jsonld from 'jsonld'

// Loaded with require: the package ships CommonJS and no types, and a second
// `declare module` for it elsewhere (src/cli) would clash with one here.
const odrlContext = createRequire(import.meta.url)('@digitalbazaar/odrl-context') as {
  CONTEXT_URL_V1: string
  CONTEXT_V1: unknown
}

/** The W3C serves the same context under http and https. */
const CONTEXTS: ReadonlyMap<string, unknown> = new Map([
  [odrlContext.CONTEXT_URL_V1, odrlContext.CONTEXT_V1],
  ['http://www.w3.org/ns/odrl.jsonld', odrlContext.CONTEXT_V1],
])

export function odrlOnlyLoader(url: string): Promise<{ contextUrl: null; documentUrl: string; document: unknown }> {
  const document = CONTEXTS.get(url)
  if (document === undefined) return Promise.reject(new Error(`refusing to load ${url}: only the ODRL context is available offline`))
  return Promise.resolve({ contextUrl: null, documentUrl: url, document })
}

/** Expanded JSON-LD of `doc`; rejects on anything the ODRL context does not define. */
export async function expandOdrl(doc: unknown): Promise<Record<string, unknown>[]> {
  return (await jsonld.expand(doc as jsonld.JsonLdDocument, {
    documentLoader: odrlOnlyLoader as never,
    safe: true,
  } as jsonld.Options.Expand)) as Record<string, unknown>[]
}
