/**
 * Argument checks with the wording of Figma's own validator (its client code, quoted in public
 * repositories: `Expected "<property>" to have type <type> but got <actual> instead`,
 * `… but got additional property "<key>"`, `Expected "<property>.<field>" to be one of the allowed
 * values for this property`). Types are described as Figma describes them:
 * `{format: "PNG", contentsOnly: (optional) boolean, …}`.
 */
export type Schema =
  | { kind: 'literal'; value: string }
  | { kind: 'boolean' | 'string' | 'number' | 'function' }
  | { kind: 'optional'; of: Schema }
  | { kind: 'oneOf'; options: Schema[] }
  | { kind: 'exact'; shape: Record<string, Schema> }
  /** Exact shapes told apart by one field (Figma's `oneOf` with a primary field). */
  | { kind: 'tagged'; field: string; options: Record<string, Schema> }

export const t = {
  literal: (value: string): Schema => ({ kind: 'literal', value }),
  boolean: { kind: 'boolean' } as Schema,
  string: { kind: 'string' } as Schema,
  number: { kind: 'number' } as Schema,
  function: { kind: 'function' } as Schema,
  optional: (of: Schema): Schema => ({ kind: 'optional', of }),
  oneOf: (...options: Schema[]): Schema => ({ kind: 'oneOf', options }),
  exact: (shape: Record<string, Schema>): Schema => ({ kind: 'exact', shape }),
  tagged: (field: string, options: Record<string, Schema>): Schema => ({ kind: 'tagged', field, options }),
}

export function describeType(s: Schema): string {
  switch (s.kind) {
    case 'literal':
      return `"${s.value}"`
    case 'optional':
      return `(optional) ${describeType(s.of)}`
    case 'oneOf':
      return `oneOf(${s.options.map(describeType).join(', ')})`
    case 'exact':
      return `{${Object.keys(s.shape)
        .map((k) => `${k}: ${describeType(s.shape[k])}`)
        .join(', ')}}`
    case 'tagged':
      return `oneOf(${Object.keys(s.options)
        .map((k) => describeType(s.options[k]))
        .join(', ')})`
    default:
      return s.kind
  }
}

function actualType(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number' && isNaN(v)) return 'NaN'
  if (v === Infinity || v === -Infinity) return 'Infinity'
  return typeof v
}

/** The first problem with `value` under `schema`, in Figma's words, or null. */
export function checkArgument(value: unknown, schema: Schema, property: string): string | null {
  const expected = (): string => `Expected "${property}" to have type ${describeType(schema)} but got ${actualType(value)} instead`
  switch (schema.kind) {
    case 'literal':
      return value === schema.value ? null : expected()
    case 'boolean':
    case 'string':
    case 'function':
      return typeof value === schema.kind ? null : expected()
    case 'number':
      return typeof value === 'number' && isFinite(value) ? null : expected()
    case 'optional':
      return value === undefined ? null : checkArgument(value, schema.of, property)
    case 'oneOf':
      return schema.options.some((o) => checkArgument(value, o, property) === null) ? null : expected()
    case 'exact': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return expected()
      const v = value as Record<string, unknown>
      for (const k of Object.keys(schema.shape)) {
        const r = checkArgument(v[k], schema.shape[k], `${property}.${k}`)
        if (r) return r
      }
      for (const k of Object.keys(v)) {
        if (!(k in schema.shape)) return `Expected "${property}" to have type ${describeType(schema)} but got additional property "${k}"`
      }
      return null
    }
    case 'tagged': {
      if (!value || typeof value !== 'object') return `Expected "${property}" to be an object`
      const tag = (value as Record<string, unknown>)[schema.field]
      const option = typeof tag === 'string' && Object.prototype.hasOwnProperty.call(schema.options, tag) ? schema.options[tag] : null
      if (!option) return `Expected "${property}.${schema.field}" to be one of the allowed values for this property`
      return checkArgument(value, option, property)
    }
  }
}
