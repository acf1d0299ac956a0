/**
 * docs/pack.schema.json is generated from the zod schema; this keeps them in step.
 * After changing src/pack/manifest.ts: UPDATE_PACK_SCHEMA=1 npx vitest run tests/pack/schema.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { PackManifestSchema, PACK_SCHEMA } from '../../src/pack/manifest'

const FILE = path.resolve(import.meta.dirname, '../../docs/pack.schema.json')

function generated(): string {
  const schema = z.toJSONSchema(PackManifestSchema, { unrepresentable: 'any' }) as { [k: string]: unknown }
  const doc = {
    $schema: schema['$schema'],
    $id: 'https://loomprint.invalid/schemas/pack-1.json',
    title: `Loomprint licensed pattern pack manifest (${PACK_SCHEMA})`,
    description: 'manifest.json of a Loomprint pack. Generated from src/pack/manifest.ts; see docs/pack.md.',
    ...schema,
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}

describe('docs/pack.schema.json', () => {
  it('is the JSON Schema of the manifest schema in src/pack', () => {
    if (process.env['UPDATE_PACK_SCHEMA']) writeFileSync(FILE, generated())
    expect(readFileSync(FILE, 'utf8')).toBe(generated())
  })
})
