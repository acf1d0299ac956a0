/**
 * XMP packets for pack assets, and how they are embedded: PNG as an iTXt chunk with
 * keyword `XML:com.adobe.xmp` (the XMP specification part 3, what Photoshop and
 * ExifTool read), SVG as a `<metadata>` element holding the rdf:RDF.
 *
 * Properties written: Iptc4xmpExt:DigitalSourceType (IPTC vocabulary URI),
 * plus:DataMining (PLUS vocabulary URI), tdm:reservation / tdm:policy (W3C TDMRep),
 * dc:title, dc:creator, dc:rights, xmpRights:Marked / UsageTerms, plus:Licensor,
 * plus:LicenseID, xmp:CreatorTool.
 */
import { crc32 } from './crc32'
import { concatBytes, utf8Decode, utf8Encode } from './bytes'

export const IPTC_DST = 'http://cv.iptc.org/newscodes/digitalsourcetype/'

export interface XmpFields {
  title: string
  /** IPTC digital source type term ("compositeWithTrainedAlgorithmicMedia") or full URI. */
  digitalSourceType: string
  /** PLUS data-mining vocabulary URI, e.g. http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED. */
  dataMining: string
  /** plus:OtherConstraints (where DMI-PROHIBITED-SEECONSTRAINT points). */
  otherConstraints: string | null
  /** TDMRep: true = rights reserved (tdm:reservation 1). */
  tdmReservation: boolean
  tdmPolicy: string | null
  creators: string[]
  rights: string
  usageTerms: string
  licensor: { name: string; id: string } | null
  licenseId: string | null
  creatorTool: string
}

export function digitalSourceTypeUri(term: string): string {
  return /^https?:\/\//.test(term) ? term : IPTC_DST + term
}

export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** The rdf:RDF element (no packet wrapper): shared by PNG and SVG. */
export function xmpRdf(f: XmpFields): string {
  const e = escapeXml
  const li = (xs: string[]) => xs.map((x) => `<rdf:li>${e(x)}</rdf:li>`).join('')
  const lines = [
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"',
    ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"',
    ' xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"',
    ' xmlns:tdm="http://www.w3.org/ns/tdmrep/"',
    ` xmp:CreatorTool="${e(f.creatorTool)}"`,
    ` Iptc4xmpExt:DigitalSourceType="${e(digitalSourceTypeUri(f.digitalSourceType))}"`,
    ` plus:DataMining="${e(f.dataMining)}"`,
    f.otherConstraints ? ` plus:OtherConstraints="${e(f.otherConstraints)}"` : '',
    f.licenseId ? ` plus:LicenseID="${e(f.licenseId)}"` : '',
    ` tdm:reservation="${f.tdmReservation ? 1 : 0}"`,
    f.tdmPolicy ? ` tdm:policy="${e(f.tdmPolicy)}"` : '',
    ' xmpRights:Marked="True">',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(f.title)}</rdf:li></rdf:Alt></dc:title>`,
    f.creators.length ? `<dc:creator><rdf:Seq>${li(f.creators)}</rdf:Seq></dc:creator>` : '',
    `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${e(f.rights)}</rdf:li></rdf:Alt></dc:rights>`,
    `<xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang="x-default">${e(f.usageTerms)}</rdf:li></rdf:Alt></xmpRights:UsageTerms>`,
    f.licensor
      ? `<plus:Licensor><rdf:Seq><rdf:li rdf:parseType="Resource"><plus:LicensorName>${e(f.licensor.name)}</plus:LicensorName><plus:LicensorID>${e(f.licensor.id)}</plus:LicensorID></rdf:li></rdf:Seq></plus:Licensor>`
      : '',
    '</rdf:Description>',
    '</rdf:RDF>',
  ]
  return lines.filter((l) => l !== '').join('\n')
}

/** A complete XMP packet (x:xmpmeta inside xpacket processing instructions). */
export function xmpPacket(f: XmpFields): string {
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    xmpRdf(f),
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ].join('\n')
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const n = data.length
  out[0] = n >>> 24
  out[1] = (n >>> 16) & 0xff
  out[2] = (n >>> 8) & 0xff
  out[3] = n & 0xff
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  const c = crc32(out.subarray(4, 8 + n))
  out[8 + n] = c >>> 24
  out[9 + n] = (c >>> 16) & 0xff
  out[10 + n] = (c >>> 8) & 0xff
  out[11 + n] = c & 0xff
  return out
}

/** Reads a PNG's chunk list; null when the bytes are not a well-formed PNG. */
export function pngChunks(png: Uint8Array): { type: string; start: number; end: number; dataStart: number }[] | null {
  if (png.length < 8 || PNG_SIGNATURE.some((b, i) => png[i] !== b)) return null
  const out: { type: string; start: number; end: number; dataStart: number }[] = []
  let p = 8
  while (p + 12 <= png.length) {
    const n = ((png[p]! << 24) | (png[p + 1]! << 16) | (png[p + 2]! << 8) | png[p + 3]!) >>> 0
    const type = String.fromCharCode(png[p + 4]!, png[p + 5]!, png[p + 6]!, png[p + 7]!)
    const end = p + 12 + n
    if (end > png.length) return null
    out.push({ type, start: p, end, dataStart: p + 8 })
    p = end
    if (type === 'IEND') return p === png.length ? out : null
  }
  return null
}

function isXmpItxt(png: Uint8Array, c: { type: string; dataStart: number; end: number }): boolean {
  if (c.type !== 'iTXt') return false
  const key = 'XML:com.adobe.xmp\0'
  for (let i = 0; i < key.length; i++) if (png[c.dataStart + i] !== key.charCodeAt(i)) return false
  return true
}

/**
 * The PNG with its XMP packet set: an uncompressed iTXt `XML:com.adobe.xmp` chunk
 * right after IHDR (ExifTool and Adobe read it anywhere before IEND; early is
 * conventional). An existing XMP chunk is replaced, never duplicated.
 */
export function embedXmpInPng(png: Uint8Array, packet: string): Uint8Array {
  const chunks = pngChunks(png)
  if (!chunks || chunks[0]?.type !== 'IHDR') throw new Error('Not a PNG: cannot embed XMP.')
  const header = utf8Encode('XML:com.adobe.xmp')
  const body = utf8Encode(packet)
  // keyword \0, compression flag 0, method 0, language "" \0, translated keyword "" \0, text
  const data = concatBytes([header, new Uint8Array([0, 0, 0, 0, 0]), body])
  const parts: Uint8Array[] = [png.subarray(0, 8)]
  for (const c of chunks) {
    if (isXmpItxt(png, c)) continue
    parts.push(png.subarray(c.start, c.end))
    if (c.type === 'IHDR') parts.push(chunk('iTXt', data))
  }
  return concatBytes(parts)
}

/** The XMP packet text of a PNG, or null. */
export function readXmpFromPng(png: Uint8Array): string | null {
  const chunks = pngChunks(png)
  if (!chunks) return null
  for (const c of chunks) {
    if (!isXmpItxt(png, c)) continue
    let p = c.dataStart + 'XML:com.adobe.xmp'.length + 3 // \0, flag, method
    while (p < c.end - 4 && png[p] !== 0) p++ // language
    p++
    while (p < c.end - 4 && png[p] !== 0) p++ // translated keyword
    p++
    return utf8Decode(png, p, c.end - 4)
  }
  return null
}

/**
 * The SVG with a `<metadata>` element (holding the rdf:RDF) inserted as the first
 * child of the root `<svg>`. Figma's SVG export has no metadata element of its own.
 */
export function embedXmpInSvg(svg: Uint8Array, rdf: string): Uint8Array {
  const text = utf8Decode(svg)
  const open = /<svg\b[^>]*>/.exec(text)
  if (!open) throw new Error('Not an SVG: no <svg> element.')
  if (open[0].endsWith('/>')) throw new Error('The SVG is empty.')
  const at = open.index + open[0].length
  return utf8Encode(`${text.slice(0, at)}\n<metadata>\n${rdf}\n</metadata>${text.slice(at)}`)
}
