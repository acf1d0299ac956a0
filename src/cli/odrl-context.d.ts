// @digitalbazaar/odrl-context ships CommonJS and no types: the two exports odrl-check.ts uses.
declare module '@digitalbazaar/odrl-context' {
  export const CONTEXT_URL_V1: string
  export const CONTEXT_V1: unknown
}
