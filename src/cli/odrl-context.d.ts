// @digitalbazaar/odrl-context ships no types.
declare module '@digitalbazaar/odrl-context' {
  const value: { CONTEXT_URL_V1: string; CONTEXT_V1: unknown; contexts: Map<string, unknown> }
  export default value
}
