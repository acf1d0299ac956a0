/**
 * A zip writer for hostile archives: every field the safe writer fixes can be set
 * here — names that differ between the local header and the directory, lying sizes
 * and CRCs, symlink modes, encryption flags, raw non-UTF-8 name bytes, duplicates.
 */
import { deflateRawSync, crc32 } from 'node:zlib'

export interface CraftEntry {
  name: string | Buffer
  data: Buffer | Uint8Array
  deflate?: boolean
  /** Name in the local header when it should differ from the directory's. */
  localName?: string | Buffer
  flags?: number
  external?: number
  madeBy?: number
  crc?: number
  declaredSize?: number
  /** Already-compressed bytes to store as they are (with deflate: true). */
  raw?: Buffer
}

export function craftZip(entries: CraftEntry[], options: { comment?: Buffer; cdOffsetDelta?: number } = {}): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name
    const localName = e.localName === undefined ? name : typeof e.localName === 'string' ? Buffer.from(e.localName, 'utf8') : e.localName
    const data = Buffer.from(e.data)
    const body = e.raw ?? (e.deflate ? deflateRawSync(data) : data)
    const crc = e.crc ?? crc32(data)
    const size = e.declaredSize ?? data.length
    const flags = e.flags ?? 0x0800
    const method = e.deflate ? 8 : 0
    const l = Buffer.alloc(30)
    l.writeUInt32LE(0x04034b50, 0)
    l.writeUInt16LE(20, 4)
    l.writeUInt16LE(flags, 6)
    l.writeUInt16LE(method, 8)
    l.writeUInt16LE(0x21, 12)
    l.writeUInt32LE(crc >>> 0, 14)
    l.writeUInt32LE(body.length, 18)
    l.writeUInt32LE(size >>> 0, 22)
    l.writeUInt16LE(localName.length, 26)
    locals.push(l, localName, body)
    const c = Buffer.alloc(46)
    c.writeUInt32LE(0x02014b50, 0)
    c.writeUInt16LE(e.madeBy ?? (3 << 8) | 20, 4)
    c.writeUInt16LE(20, 6)
    c.writeUInt16LE(flags, 8)
    c.writeUInt16LE(method, 10)
    c.writeUInt16LE(0x21, 14)
    c.writeUInt32LE(crc >>> 0, 16)
    c.writeUInt32LE(body.length, 20)
    c.writeUInt32LE(size >>> 0, 24)
    c.writeUInt16LE(name.length, 28)
    c.writeUInt32LE((e.external ?? (0o100644 << 16)) >>> 0, 38)
    c.writeUInt32LE(offset, 42)
    centrals.push(c, name)
    offset += 30 + localName.length + body.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset + (options.cdOffsetDelta ?? 0), 16)
  const comment = options.comment ?? Buffer.alloc(0)
  end.writeUInt16LE(comment.length, 20)
  return Buffer.concat([...locals, cd, end, comment])
}
