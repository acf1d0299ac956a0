/** `loomprint seal PACK --key KEY.pem --cert CERT.pem [--ca CA.pem] [--out OUT.zip]` (src/cli/team/seal.ts). */
import { writeFile } from 'node:fs/promises'
import { EXIT, parseFlags, UsageError, type Command, type Io } from '../command'
import { readCertificate, readKey } from './team-files'
import { sealPack } from './seal'

const USAGE = `usage: loomprint seal PACK --key KEY.pem --cert CERT.pem [--ca CA.pem] [--out OUT.zip]

Adds Content Credentials to a pack made by the plugin: every PNG, SVG and PDF asset
gets an embedded C2PA manifest (the pack's own c2pa/<asset>.json) signed with your
key and team certificate, and the pack is signed again with the same key. The pack
must verify first. OUT defaults to PACK with "-sealed" before .zip.

  --key KEY.pem     your private key (loomprint team certify wrote it)
  --cert CERT.pem   your certificate from the team CA
  --ca CA.pem       the team CA certificate, added to each manifest's certificate chain

exit codes: 0 sealed, 1 not sealed (the pack does not verify, or a writer refused), 2 usage error`

export const sealCommand: Command = {
  name: 'seal',
  summary: 'embed signed Content Credentials (C2PA) in every asset, signed with your team certificate',
  usage: USAGE,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseFlags(args, { key: { type: 'string' }, cert: { type: 'string' }, ca: { type: 'string' }, out: { type: 'string' } })
    if (values.help) {
      io.out(USAGE)
      return EXIT.verified
    }
    if (positionals.length !== 1) throw new UsageError('seal takes exactly one PACK')
    if (!values.key || !values.cert) throw new UsageError('seal needs --key KEY.pem and --cert CERT.pem')
    const file = positionals[0]!
    const out = values.out ?? file.replace(/(\.zip)?$/i, '-sealed.zip')
    if (out === file) throw new UsageError('--out must differ from PACK')
    const key = await readKey(values.key)
    const cert = await readCertificate(values.cert)
    const ca = values.ca ? await readCertificate(values.ca, 'team CA') : null
    const r = await sealPack({ file, key, cert, ca, now: io.now() })
    if (!r.ok) {
      io.err(`loomprint seal: ${r.error}. Nothing was written.`)
      return EXIT.notVerified
    }
    await writeFile(out, r.parts)
    io.out(`sealed ${r.manifest.sealed!.manifests.length} assets (${r.msPerAsset.toFixed(0)} ms each) as ${r.manifest.signer.owner!.name}; wrote ${out}`)
    io.out(`check it with: loomprint verify ${out} --trust-ca team-ca.pem`)
    return EXIT.verified
  },
}
