/**
 * A small, fixed pack input: two patterns (one AI pattern edited by people, one made
 * without generative AI), PNG at two scales, SVG and PDF. Used by the pack and CLI
 * tests, the example pack and the benchmarks.
 */
import { encode } from 'fast-png'
import { ed25519 } from '@noble/curves/ed25519.js'
import { signerFromSecretKey, type PackSigner } from '../../src/pack/keys'
import type { PackAssetInput, PackHeatMapInput, PackInput } from '../../src/pack/assemble'
import type { IntendedUse, PackPattern } from '../../src/pack/manifest'
import { checkEligibility } from '../../src/license/eligibility'
import { eligibilityOf, useResultOf } from '../../src/pack/pattern'
import { checkIntendedUse } from '../../src/license/intended-use'
import { licenseFingerprint, type LicenseTerms } from '../../src/license/terms'
import { toHex } from '../../src/storage/sha256'
import { captureHeatMap, heatImageShares } from '../../src/coefficient/heatmap'
import { heatMapPng } from '../../src/storage/heatmap-png'
import { DEFAULT_POLICY } from '../../src/provenance/policy'
import { compareOnCanvas, elementFromShape } from '../../src/coefficient/score'
import type { PatternSnapshot, Rgba } from '../../src/coefficient/snapshot'

export const FIXED_NOW = new Date('2026-03-04T09:30:00.000Z')

/** A deterministic seed: the same key in every run. */
export const SECRET_KEY = toHex(new Uint8Array(32).map((_, i) => (i * 7 + 3) & 0xff))
export const OTHER_SECRET_KEY = toHex(new Uint8Array(32).map((_, i) => (i * 13 + 5) & 0xff))

export function fixtureSigner(secret = SECRET_KEY): PackSigner {
  return signerFromSecretKey(secret, { id: 'u-1', name: 'Ada Licensing' })!
}

export function publicKeyHex(secret = SECRET_KEY): string {
  return toHex(ed25519.getPublicKey(Uint8Array.from(Buffer.from(secret, 'hex'))))
}

/** A tile: coloured circles on a transparent ground, `size` px square. */
export function tilePng(size: number, hue = 0): Uint8Array {
  const data = new Uint8Array(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4
      const dx = (x % (size / 2)) - size / 4
      const dy = (y % (size / 2)) - size / 4
      const inside = dx * dx + dy * dy < (size / 6) ** 2
      data[i] = (hue + x * 3) & 0xff
      data[i + 1] = (y * 2) & 0xff
      data[i + 2] = 160
      data[i + 3] = inside ? 255 : x % 8 === 0 ? 128 : 0
    }
  }
  return encode({ width: size, height: size, data, channels: 4, depth: 8 })
}

export function tileSvg(size: number): Uint8Array {
  return Buffer.from(
    `<svg width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" fill="none" xmlns="http://www.w3.org/2000/svg">\n` +
      `<circle cx="${size / 4}" cy="${size / 4}" r="${size / 6}" fill="#E05A9A"/>\n</svg>\n`,
  )
}

export function tilePdf(): Uint8Array {
  return Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n')
}

export const TERMS: LicenseTerms = {
  version: 1,
  tier: 'hybridCreative',
  exclusivity: 'nonExclusive',
  licensor: { name: 'Studio Loom', id: 'studio-loom' },
  licensee: { kind: 'named', name: 'Maison Textile', id: 'mt-7' },
  fieldOfUse: { allowed: ['apparel', 'homeTextiles'], denied: ['advertising'], notes: '' },
  territory: { scope: 'include', countries: ['FR', 'BE', 'DE'] },
  term: { start: '2026-03-01', end: '2027-02-28' },
  caps: [{ kind: 'units', limit: 10000, overCap: { rule: 'deny' } }],
  royalty: { basis: { kind: 'flatFee', fee: { amount: '1200', currency: 'EUR' } }, splits: [{ party: { role: 'studio', name: 'Studio Loom' }, basisPoints: 10000 }] },
  aiTraining: { use: 'notAllowed' },
  residualRights: 'deleteModels',
  attribution: 'Pattern by Studio Loom',
  derivativesAllowed: true,
}

export const INTENDED_USE: IntendedUse = { use: { fieldOfUse: 'apparel', territory: ['FR'], units: 5000 }, at: '2026-04-01' }

export const AI_PATTERN: PackPattern = {
  id: 'V1StGXR8_Z5jdHi6B-myT',
  name: 'Rose Trellis',
  lineage: null,
  origin: {
    generator: 'ComfyUI',
    model: 'SDXL',
    modelVersion: '1.0',
    prompt: 'seamless rose trellis, flat vector, two colours',
    seed: 1234,
    modelLicense: 'CreativeML Open RAIL++-M',
    trainingData: 'LAION-5B subset, as declared by the provider',
    intent: 'A spring textile repeat',
    generatedAt: '2026-02-01',
  },
  hcc: 0.42,
  label: 'AI-assisted',
  digitalSourceType: 'compositeWithTrainedAlgorithmicMedia',
  method: 'loomprint-hcc/1',
  policyFingerprint: 'policy:3f2a',
  breakdown: { color: 0.2, shape: 0.1, transform: 0.05, style: 0, text: 0, added: 0.05, removed: 0.02 },
  top: [{ id: '12:4', path: '0.3', type: 'VECTOR', kind: 'changed', contribution: 0.12 }],
  capturedAt: '2026-03-01T10:00:00Z',
  capturedBy: { id: 'u-2', name: 'Grace Designer' },
  contributors: [{ id: 'u-2', name: 'Grace Designer', edits: 143 }],
  journalHeads: [{ userId: 'u-2', head: 'a'.repeat(64), entries: 143 }],
  reviews: [{ decision: 'approved', by: { id: 'u-3', name: 'Art Director' }, at: '2026-03-02T12:00:00Z', note: 'ok', capture: { hash: null, at: '2026-03-01T10:00:00Z', hcc: 0.42 } }],
  license: { terms: TERMS, fingerprint: licenseFingerprint(TERMS) },
  eligibility: eligibilityOf(checkEligibility(TERMS, {
    capture: { hcc: 0.42, label: 'AI-assisted', method: 'loomprint-hcc/1', at: '2026-03-01T10:00:00Z' },
    captureIsCurrent: true,
    reviews: [{ decision: 'approved', by: { id: 'u-3', name: 'Art Director' }, at: '2026-03-02T12:00:00Z', capture: { at: '2026-03-01T10:00:00Z' } }],
    journal: { allChainsVerify: true, editors: [{ id: 'u-2', name: 'Grace Designer' }] },
    aiOrigin: { trainingData: 'LAION-5B subset, as declared by the provider', modelLicense: 'CreativeML Open RAIL++-M' },
  })),
  use: useResultOf(checkIntendedUse(TERMS, INTENDED_USE.use, INTENDED_USE.at)),
}

export const HUMAN_PATTERN: PackPattern = {
  ...AI_PATTERN,
  id: 'HumanMade_Pattern_001',
  name: 'Hand-drawn Dots',
  origin: null,
  hcc: null,
  label: 'Created without generative AI',
  digitalSourceType: 'digitalCreation',
  breakdown: null,
  top: [],
  capturedAt: null,
  capturedBy: null,
  contributors: [{ id: 'u-4', name: 'Lin Illustrator', edits: 12 }],
  journalHeads: [],
}

export function fixtureAssets(tile = 64): PackAssetInput[] {
  return [
    { pattern: AI_PATTERN.id, kind: 'png', scale: 1, bytes: tilePng(tile) },
    { pattern: AI_PATTERN.id, kind: 'png', scale: 2, bytes: tilePng(tile * 2) },
    { pattern: AI_PATTERN.id, kind: 'svg', bytes: tileSvg(tile) },
    { pattern: AI_PATTERN.id, kind: 'pdf', bytes: tilePdf() },
    { pattern: HUMAN_PATTERN.id, kind: 'png', scale: 1, bytes: tilePng(tile, 90) },
  ]
}

export function fixtureInput(): PackInput {
  return {
    patterns: [AI_PATTERN, HUMAN_PATTERN],
    assets: fixtureAssets(),
    intendedUse: INTENDED_USE,
  }
}

/**
 * A real heat map, as a capture stores it: four squares, one recoloured, one removed,
 * one drawn by hand (the PNG of heatmap-png.ts and the shares the record keeps).
 */
export function heatMapFixture(recolour = { r: 0.9, g: 0.1, b: 0.1, a: 1 }): PackHeatMapInput {
  const square = (id: string, path: string, x: number, y: number, color: Rgba) =>
    elementFromShape({ id, path, type: 'RECTANGLE', bounds: { x, y, w: 40, h: 40 }, fills: [{ kind: 'solid', color }] })
  const ink = { r: 0.1, g: 0.1, b: 0.6, a: 1 }
  const base: PatternSnapshot = {
    rootId: 'r',
    rootBounds: { x: 0, y: 0, w: 160, h: 120 },
    elements: [
      elementFromShape({ id: 'r', path: '', type: 'FRAME', bounds: { x: 0, y: 0, w: 160, h: 120 }, fills: [{ kind: 'solid', color: { r: 1, g: 0.96, b: 0.85, a: 1 } }] }),
      square('a', '0', 10, 10, ink),
      square('b', '1', 90, 10, ink),
      square('c', '2', 10, 70, ink),
    ],
  }
  const cur: PatternSnapshot = structuredClone(base)
  cur.elements[1]!.fills = [{ kind: 'solid', color: recolour }]
  cur.elements.splice(2, 1)
  cur.elements.push(square('n', '3', 90, 70, recolour))
  const image = captureHeatMap(compareOnCanvas(base, cur, DEFAULT_POLICY, 'id'))
  return { pattern: AI_PATTERN.id, bytes: heatMapPng(image).png, shares: heatImageShares(image) }
}

/** The fixture input with the AI pattern's heat map. */
export function fixtureInputWithHeatMap(): PackInput {
  return { ...fixtureInput(), heatmaps: [heatMapFixture()] }
}
