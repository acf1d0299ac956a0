import { describe, expect, it } from 'vitest'
import { checkOdrl } from '../../src/cli/odrl-check'
import { buildPack, unzipPack } from '../pack/support'

async function packOdrl(): Promise<{ [k: string]: any }> {
  const files = unzipPack(await buildPack())
  return JSON.parse(Buffer.from(files.get('license.odrl.json')!).toString('utf8')) as { [k: string]: any }
}

describe('license.odrl.json as JSON-LD (jsonld, safe mode, bundled ODRL context only)', () => {
  it("accepts the pack's policies: every rule with its own target, assigner and action, the HCC under a profile", async () => {
    const doc = await packOdrl()
    const r = await checkOdrl(JSON.stringify(doc))
    expect(r).toMatchObject({ ok: true })
    expect(r.message).toMatch(/2 policies/)
    expect(JSON.stringify(doc)).toContain('urn:loomprint:odrl:hcc')
    expect(doc['@graph'][0].profile).toBeDefined()
  })

  it('refuses an unknown term (safe mode), a rule without its assigner, a remote context and non-JSON', async () => {
    const unknown = await packOdrl()
    unknown['@graph'][0].permission[0].sneaky = 'x'
    expect((await checkOdrl(JSON.stringify(unknown))).message).toMatch(/not valid ODRL JSON-LD \(Safe mode validation error\. invalid property: sneaky\)/)
    const noAssigner = await packOdrl()
    delete noAssigner['@graph'][0].permission[0].assigner
    expect(await checkOdrl(JSON.stringify(noAssigner))).toMatchObject({ ok: false, message: 'an ODRL permission has no assigner' })
    const remote = await packOdrl()
    remote['@context'] = 'https://evil.example/context.jsonld'
    expect((await checkOdrl(JSON.stringify(remote))).message).toMatch(/a context other than ODRL's \(https:\/\/evil\.example\/context\.jsonld\)/)
    expect((await checkOdrl('{'))).toMatchObject({ ok: false })
    expect((await checkOdrl('{"@context":"http://www.w3.org/ns/odrl.jsonld","@id":"urn:x:1","@type":"Party"}'))).toMatchObject({ ok: false, message: 'license.odrl.json holds no ODRL policy' })
  })
})
