/**
 * The Export tab's workflows, pure of DOM (tests drive them against the real host on
 * the fake): the signing key of this person on this device, which patterns may go
 * into a pack and why not, and the export itself — main exports, the bytes arrive in
 * slices, the pack is assembled here with src/pack.
 */
import type { ClientEndpoint } from '../../channel'
import type { User } from '../../messages'
import { checkIntendedUse, currentDecision, type IntendedUse as LicenseUse } from '../../license/eligibility'
import { licenseFingerprint, type LicenseTerms } from '../../license/terms'
import type { TeamPolicy } from '../../provenance/policy'
import { assemblePackAsync, packPatternOf, type AssembleResult, type PackAssetInput, type PackPattern, type PackProgress, type PackReview } from '../../pack/index'
import { captureHash, type Decision, type DecisionKind } from '../../provenance/review'
import { generateKeyPair, keyFingerprint, signerFromSecretKey, type PackSigner, type PublicKeyRecord } from '../../pack/keys'
import { toHex } from '../../storage/sha256'
import { loadHeatMapAsync, type StoredHeatMap } from '../shared/heatmap-workflow'
import { eligibilityOf, loadLicenseTargetAsync, type LicenseTarget } from './license-workflows'
import { WorkflowCancelled } from '../shared/workflow-context'

// ── Signing keys ─────────────────────────────────────────────────────────────

export type KeyStatus =
  | { kind: 'ready'; signer: PackSigner; record: PublicKeyRecord; published: PublicKeyRecord[] }
  /** No key on this device, and none published for this person: a first key. */
  | { kind: 'none'; published: PublicKeyRecord[] }
  /** This person published a key, but this device does not hold it (storage cleared, or another device). */
  | { kind: 'lost'; message: string; published: PublicKeyRecord[] }
  /** Something is stored but it is not a usable key (kept as it is until a new key replaces it). */
  | { kind: 'damaged'; message: string; published: PublicKeyRecord[] }

export const LOST_KEY_MESSAGE =
  'Your signing key is not on this device. Figma keeps it per person and per device, so it is missing after the plugin storage was cleared or on another computer. Packs you signed before still verify with your published public key. Make a new signing key to export from here.'

function parsePublicRecord(raw: unknown): PublicKeyRecord | null {
  let value: unknown = raw
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw)
    } catch {
      return null
    }
  }
  if (typeof value !== 'object' || value === null) return null
  const r = value as Partial<PublicKeyRecord>
  if (r.alg !== 'Ed25519' || typeof r.publicKey !== 'string' || !/^[0-9a-f]{64}$/.test(r.publicKey)) return null
  if (typeof r.fingerprint !== 'string' || typeof r.createdAt !== 'string') return null
  const owner = r.owner && typeof r.owner.id === 'string' && typeof r.owner.name === 'string' ? { id: r.owner.id, name: r.owner.name } : null
  return { alg: 'Ed25519', publicKey: r.publicKey, fingerprint: r.fingerprint, owner, createdAt: r.createdAt }
}

/** This person's key on this device, checked: the secret key must make the public key it was stored with. */
export async function loadSigningKeyAsync(client: ClientEndpoint, user: User): Promise<KeyStatus> {
  const { stored, published: raw } = await client.request('readSigningKey', {})
  const published = raw.map(parsePublicRecord).filter((r): r is PublicKeyRecord => r !== null)
  const mine = published.some((r) => r.owner?.id === user.id)
  if (stored === null || stored === undefined) {
    return mine ? { kind: 'lost', message: LOST_KEY_MESSAGE, published } : { kind: 'none', published }
  }
  const s = stored as { secretKey?: unknown; record?: unknown }
  const record = parsePublicRecord(s.record)
  const signer = typeof s.secretKey === 'string' && record ? signerFromSecretKey(s.secretKey, record.owner) : null
  if (!signer || !record || toHex(signer.publicKey) !== record.publicKey || keyFingerprint(signer.publicKey) !== record.fingerprint) {
    return {
      kind: 'damaged',
      message: 'The signing key stored on this device cannot be used (it is damaged or does not match its public key). Make a new signing key; packs signed before still verify.',
      published,
    }
  }
  return { kind: 'ready', signer, record, published }
}

/** Makes a new Ed25519 key here (the UI), keeps it on this device, publishes its public half. Old packs still verify. */
export async function newSigningKeyAsync(
  client: ClientEndpoint,
  user: User,
  options: { randomBytes: (n: number) => Uint8Array; now: () => number },
): Promise<KeyStatus> {
  const pair = generateKeyPair({ randomBytes: options.randomBytes, now: () => new Date(options.now()), owner: { id: user.id, name: user.name } })
  await client.request('saveSigningKey', { secretKey: pair.secretKey, record: JSON.stringify(pair.record), fingerprint: pair.record.fingerprint })
  return loadSigningKeyAsync(client, user)
}

// ── Which patterns may go into the pack ─────────────────────────────────────

export interface ExportUse {
  use: LicenseUse
  /** The date the use starts (YYYY-MM-DD). */
  at: string
}

export interface ExportCandidate {
  nodeId: string
  name: string
  /** Empty: the pattern may be exported. Otherwise every reason it may not. */
  reasons: string[]
  /** Set when the pattern is allowed. */
  pattern: PackPattern | null
  /** Allowed, but with something to act on (a per-unit royalty beyond a cap, a training constraint). */
  notes: string[]
  /** The capture's heat map PNG, checked against the record, for the pack; null when there is none to ship. */
  heatmap?: { png: Uint8Array; shares: { changed: number; added: number; removed: number } } | null
}

const PACK_DECISION: { readonly [K in DecisionKind]: PackReview['decision'] } = {
  approve: 'approved',
  'request-changes': 'changesRequested',
  reject: 'rejected',
}

/** The pattern's current terms, or null. */
function currentTerms(target: LicenseTarget): LicenseTerms | null {
  return target.entry?.current?.terms ?? null
}

/**
 * Checks one pattern for this pack: terms stamped, within the term, the use inside the
 * field, territory and caps, approved for the current capture, the capture not out of
 * date, every journal chain verifying, and the eligibility rules of its terms.
 */
export function judgeTarget(target: LicenseTarget, use: ExportUse, policy: TeamPolicy, heat: StoredHeatMap | null = null): ExportCandidate {
  const reasons: string[] = []
  const add = (reason: string) => {
    if (!reasons.includes(reason)) reasons.push(reason)
  }
  const ev = target.evidence
  const terms = currentTerms(target)
  if (!terms) add('It has no license terms: stamp terms in the License tab first.')
  if (!ev.capture) add('It has never been captured (or it is a copy not captured on its own): capture it first.')
  else if (!ev.captureIsCurrent) add('It was edited after its last capture, so its score and any approval are out of date: capture it again and ask for a review.')
  if (ev.journal && !ev.journal.allChainsVerify) add(`Its edit history does not verify: ${(ev.journal.problems ?? []).join('; ')}.`)
  const decision = currentDecision(ev)
  if (ev.capture && ev.captureIsCurrent && (!decision || decision.decision !== 'approved')) {
    add(decision ? `Its current capture was not approved (the last decision: ${decision.decision === 'rejected' ? 'rejected' : 'changes requested'}).` : 'Its current capture has no approved review: ask an art director to approve it in the Review tab.')
  }
  for (const p of target.problems) add(p)
  let pattern: PackPattern | null = null
  const notes: string[] = []
  if (terms) {
    const eligibility = eligibilityOf(terms, target, policy)
    for (const rule of eligibility.rules) if (!rule.ok && rule.severity === 'error') add(rule.reason)
    const useResult = checkIntendedUse(terms, use.use, use.at)
    for (const check of useResult.checks) if (!check.ok && check.severity === 'error') add(check.reason)
    for (const check of useResult.checks) if (!check.ok && check.severity === 'warning' && !notes.includes(check.reason)) notes.push(check.reason)
    if (reasons.length === 0) {
      pattern = packPatternOf(target.record, {
        name: target.name,
        reviews: approvalOfExportedCapture(target.decisions, target.record.capture).map((d) => ({
          decision: PACK_DECISION[d.decision],
          by: { id: d.by.id, name: d.by.name },
          at: d.at,
          note: d.comment,
          capture: { hash: d.capture.hash, at: d.capture.at, hcc: d.capture.hcc },
        })),
        license: { terms, fingerprint: licenseFingerprint(terms) },
        eligibility,
        use: useResult,
      })
    }
  }
  // A heat map the record does not vouch for is left out of the pack, and the export says so.
  if (pattern && heat?.kind === 'mismatch') notes.push(`Its heat map does not match the capture (${heat.reason}), so the pack carries none for it; capture it again to ship one.`)
  if (pattern && heat?.kind === 'unavailable') notes.push(`Its heat map could not be read with its record (${heat.message}), so the pack carries none for it.`)
  const heatmap = pattern && heat?.kind === 'ok' ? { png: heat.png, shares: heat.ref.shares } : null
  return { nodeId: target.nodeId, name: target.name, reasons, pattern, notes: pattern ? notes : [], heatmap }
}

/**
 * The decision a pack lists for a pattern: the latest approval of the very capture it
 * exports. The whole history stays in the document; a pack listing every decision named
 * approvals of earlier captures and double clicks as if they vouched for this one
 * (issue #21, item 2).
 */
export function approvalOfExportedCapture(decisions: readonly Decision[], capture: Parameters<typeof captureHash>[0] | null): Decision[] {
  if (!capture) return []
  const hash = captureHash(capture)
  for (let i = decisions.length - 1; i >= 0; i--) {
    const d = decisions[i]!
    if (d.capture.hash === hash) return d.decision === 'approve' ? [d] : []
  }
  return []
}

/** Reads and judges each pattern (one at a time; a layer that cannot be read is refused with why). */
export async function planExportAsync(
  client: ClientEndpoint,
  nodeIds: readonly string[],
  use: ExportUse,
  policy: TeamPolicy,
  signal?: AbortSignal,
): Promise<ExportCandidate[]> {
  const out: ExportCandidate[] = []
  for (const nodeId of nodeIds) {
    if (signal?.aborted) throw new WorkflowCancelled('Cancelled.')
    try {
      const load = await loadLicenseTargetAsync(client, nodeId)
      if (load.kind !== 'ok') {
        out.push({ nodeId, name: load.name, reasons: [load.reason], pattern: null, notes: [] })
        continue
      }
      // The heat map is read on its own (not with readStored), so a capture never carries it.
      const heat = await loadHeatMapAsync(client, nodeId, load.target.recordRaw, load.target.record)
      out.push(judgeTarget(load.target, use, policy, heat))
    } catch (error) {
      out.push({ nodeId, name: nodeId, reasons: [error instanceof Error ? error.message : String(error)], pattern: null, notes: [] })
    }
  }
  return out
}

// ── The export ───────────────────────────────────────────────────────────────

export interface AssetChoice {
  /** PNG scales (1, 2, …). */
  pngScales: number[]
  /** PNG pixel widths. */
  pngWidths: number[]
  svg: boolean
  pdf: boolean
  repeatPreview: boolean
}

export interface ExportProgress {
  stage: 'exporting' | PackProgress['stage']
  done: number
  total: number
  /** While exporting: which asset, of how many. */
  asset?: { index: number; count: number; name: string }
}

export interface ExportOptions {
  signer: PackSigner
  /** The pack's creation time (the same inputs and time give the same bytes). */
  now: () => number
  /** Largest message main may send with asset bytes (slices stay under it). */
  messageBudgetBytes?: number
  onProgress?: (p: ExportProgress) => void
  signal?: AbortSignal
}

export type ExportOutcome =
  | { kind: 'packed'; result: Extract<AssembleResult, { ok: true }>; failedAssets: string[] }
  | { kind: 'failed'; error: string; failedAssets: string[] }

/** Room for the envelope around a slice (id, offsets, field names). */
const ENVELOPE_ROOM = 1024
const DEFAULT_BUDGET = 256 * 1024

interface AssetJob {
  candidate: ExportCandidate
  format: 'PNG' | 'SVG' | 'PDF'
  scale?: number
  width?: number
  label: string
}

/**
 * Exports every chosen asset of every allowed pattern, one request per asset (Cancel
 * takes effect between assets and between pack steps), then assembles the pack here.
 * An asset Figma cannot export is reported by name; the pack is not made with a hole in it.
 */
export async function exportPackAsync(
  client: ClientEndpoint,
  candidates: readonly ExportCandidate[],
  choice: AssetChoice,
  use: ExportUse,
  options: ExportOptions,
): Promise<ExportOutcome> {
  const allowed = candidates.filter((c) => c.pattern !== null && c.reasons.length === 0)
  if (allowed.length === 0) return { kind: 'failed', error: 'No pattern may be exported with these terms and this use. Nothing was exported.', failedAssets: [] }
  const jobs: AssetJob[] = []
  for (const candidate of allowed) {
    for (const scale of choice.pngScales) jobs.push({ candidate, format: 'PNG', scale, label: `${candidate.name} PNG ${String(scale)}×` })
    for (const width of choice.pngWidths) jobs.push({ candidate, format: 'PNG', width, label: `${candidate.name} PNG ${String(width)} px` })
    if (choice.svg) jobs.push({ candidate, format: 'SVG', label: `${candidate.name} SVG` })
    if (choice.pdf) jobs.push({ candidate, format: 'PDF', label: `${candidate.name} PDF` })
  }
  if (jobs.length === 0) return { kind: 'failed', error: 'Choose at least one asset (a PNG size, SVG or PDF). Nothing was exported.', failedAssets: [] }
  if (choice.repeatPreview && !jobs.some((j) => j.format === 'PNG')) {
    return { kind: 'failed', error: 'The repeat preview is made from a PNG: choose a PNG size too. Nothing was exported.', failedAssets: [] }
  }
  const budget = options.messageBudgetBytes ?? DEFAULT_BUDGET
  const sliceBytes = Math.max(1, budget - ENVELOPE_ROOM)
  const assets: PackAssetInput[] = []
  const failedAssets: string[] = []
  for (const [index, job] of jobs.entries()) {
    if (options.signal?.aborted) throw new WorkflowCancelled('Cancelled.')
    options.onProgress?.({ stage: 'exporting', done: index, total: jobs.length, asset: { index, count: jobs.length, name: job.label } })
    const parts: Uint8Array[] = []
    let received = 0
    let exportedScale: number | null = null
    try {
      const result = await client.request(
        'exportAsset',
        { nodeId: job.candidate.nodeId, format: job.format, scale: job.scale, width: job.width, sliceBytes },
        {
          onProgress: (p) => {
            const data = p.data as { offset?: unknown; bytes?: unknown } | undefined
            if (!data || !(data.bytes instanceof Uint8Array) || data.offset !== received) return
            parts.push(data.bytes)
            received += data.bytes.length
          },
        },
      )
      if (received !== result.size) throw new Error(`${String(received)} of ${String(result.size)} bytes arrived`)
      exportedScale = result.scale
    } catch (error) {
      failedAssets.push(`${job.label}: ${error instanceof Error ? error.message : String(error)}`)
      continue
    }
    const bytes = concat(parts, received)
    const scale = job.format !== 'PNG' ? null : exportedScale ?? job.scale ?? 1
    assets.push({ pattern: job.candidate.pattern!.id, kind: job.format === 'PNG' ? 'png' : job.format === 'SVG' ? 'svg' : 'pdf', scale, bytes })
  }
  if (failedAssets.length > 0) {
    return { kind: 'failed', error: `Figma could not export ${String(failedAssets.length)} asset(s), so no pack was made: ${failedAssets.join('; ')}`, failedAssets }
  }
  const result = await assemblePackAsync(
    {
      patterns: allowed.map((c) => c.pattern!),
      assets,
      heatmaps: allowed.flatMap((c) => (c.heatmap ? [{ pattern: c.pattern!.id, bytes: c.heatmap.png, shares: c.heatmap.shares }] : [])),
      intendedUse: { use: use.use, at: use.at },
      repeatPreview: choice.repeatPreview,
    },
    {
      signer: options.signer,
      now: () => new Date(options.now()),
      onProgress: (p) => options.onProgress?.({ stage: p.stage, done: p.done, total: p.total }),
      shouldStop: () => options.signal?.aborted === true,
    },
  )
  if (!result.ok) {
    if (result.stopped) throw new WorkflowCancelled('Cancelled.')
    return { kind: 'failed', error: result.error, failedAssets }
  }
  return { kind: 'packed', result, failedAssets }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
