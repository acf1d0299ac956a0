/**
 * The one contract between the plugin's main thread (host) and its UI iframe.
 *
 * The UI drives every workflow: it asks main to read layers and to write plugin
 * data, and does the heavy pure work (scoring, compression, hashing) itself, because
 * Figma's main-thread VM is about 13× slower than the iframe's V8 (DESIGN.md, "where
 * work runs"). Main answers requests, reports progress on long reads, and tells the
 * UI about selection changes and menu commands.
 *
 * Every message is validated with zod at the end that receives it: requests' params
 * in main, results and events in the UI. Schemas use `zod/mini` because they ship in
 * the main bundle.
 */
import * as z from 'zod/mini'
import { LAYER_STATES } from './provenance/layer-rules'

// ── Shared shapes ────────────────────────────────────────────────────────────

const finite = () => z.number().check(z.refine(Number.isFinite, 'must be a finite number'))

const rgba = z.object({ r: finite(), g: finite(), b: finite(), a: finite() })
const bounds = z.object({ x: finite(), y: finite(), w: finite(), h: finite() })
/**
 * Figma's 2×3 transform, row-major: m00 m01 m02 m10 m11 m12 (coefficient/transform.ts).
 * A custom check, not z.tuple: the tuple schema adds about 2 kB to the main bundle.
 */
const transform = z.custom<[number, number, number, number, number, number]>(
  (v) => Array.isArray(v) && v.length === 6 && v.every((n) => typeof n === 'number' && Number.isFinite(n)),
  'must be 6 finite numbers (a 2×3 transform)',
)

export const PaintSchema = z.union([
  z.object({ kind: z.literal('solid'), color: rgba }),
  z.object({
    kind: z.literal('gradient'),
    stops: z.array(z.object({ position: finite(), color: rgba })),
  }),
  z.object({
    kind: z.literal('image'),
    imageHash: z.nullable(z.string()),
    opacity: finite(),
    // ImagePaint's placement and adjustments (plugin-api.d.ts:4807-4839, 4720).
    scaleMode: z.optional(z.enum(['FILL', 'FIT', 'CROP', 'TILE'])),
    imageTransform: z.optional(
      z.custom<[[number, number, number], [number, number, number]]>(
        (v) => Array.isArray(v) && v.length === 2 && v.every((row) => Array.isArray(row) && row.length === 3 && row.every((n) => typeof n === 'number' && Number.isFinite(n))),
        'must be a 2 × 3 transform',
      ),
    ),
    scalingFactor: z.optional(finite()),
    rotation: z.optional(finite()),
    filters: z.optional(
      z.object({
        exposure: z.optional(finite()),
        contrast: z.optional(finite()),
        saturation: z.optional(finite()),
        temperature: z.optional(finite()),
        tint: z.optional(finite()),
        highlights: z.optional(finite()),
        shadows: z.optional(finite()),
      }),
    ),
  }),
  z.object({ kind: z.literal('other'), type: z.string(), opacity: finite() }),
])

export const EffectSchema = z.object({
  type: z.string(),
  visible: z.boolean(),
  radius: finite(),
  color: z.optional(rgba),
  offset: z.optional(z.object({ x: finite(), y: finite() })),
})

/**
 * One layer as main reads it. Like an ElementSnapshot, but the placement is Figma's own
 * (a transform and a size) and the outline is the raw SVG path data: the UI turns them
 * into the snapshot's own box, rotation and flip (coefficient/placement.ts) and the
 * compact signature (parsing thousands of paths is exactly the work main must not do).
 */
export const ElementReadingSchema = z.object({
  id: z.string(),
  path: z.string(),
  type: z.string(),
  name: z.string(),
  /** The layer's own coordinates → the pattern root's own coordinates. */
  transform,
  /** The layer's own width and height (Figma's transforms carry no scale). */
  width: finite(),
  height: finite(),
  opacity: finite(),
  visible: z.boolean(),
  blendMode: z.string(),
  fills: z.array(PaintSchema),
  strokes: z.array(PaintSchema),
  strokeWeight: finite(),
  effects: z.array(EffectSchema),
  outline: z.nullable(z.array(z.string())),
  /** A frame that clips its children (method 2 clips to it). Absent from older hosts. */
  clipsContent: z.optional(z.boolean()),
  /** A mask: clips the layers above it in its parent (method 2 paints it). Sent only when true. */
  isMask: z.optional(z.boolean()),
  /** How each `outline` entry paints (ElementSnapshot.windings: N, E, O, S); absent: all N. */
  windings: z.optional(z.string().check(z.regex(/^[NEOS]*$/))),
  /** An operand of a boolean operation (paints nothing itself). Sent only when true. */
  operand: z.optional(z.boolean()),
  text: z.nullable(z.string()),
})
export type ElementReading = z.infer<typeof ElementReadingSchema>

export const UserSchema = z.object({ id: z.string(), name: z.string() })
export type User = z.infer<typeof UserSchema>

/** Why a layer can or cannot be marked / captured. */
export const LayerStateSchema = z.enum(LAYER_STATES)
export type LayerState = z.infer<typeof LayerStateSchema>

export const LayerInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  state: LayerStateSchema,
  /** For `nested`: the tracked pattern it belongs to. */
  patternNodeId: z.optional(z.string()),
})
export type LayerInfo = z.infer<typeof LayerInfoSchema>

export const CommandSchema = z.enum(['capture', 'review', 'export'])
export type Command = z.infer<typeof CommandSchema>

/** What is stored on a pattern, raw: the UI decodes and verifies it. */
export const StoredPatternSchema = z.object({
  nodeId: z.string(),
  name: z.string(),
  record: z.nullable(z.string()),
  baselineChunks: z.array(z.string()),
  /** Journal chunks per user id. */
  journals: z.record(z.string(), z.array(z.string())),
  /** The review history and license entries (provenance/review.ts, license/stamp.ts), raw. */
  review: z.optional(z.nullable(z.string())),
  license: z.optional(z.nullable(z.string())),
})
export type StoredPattern = z.infer<typeof StoredPatternSchema>

/**
 * One pattern as the review lists it (every page): the raw stored entries, which the
 * UI decodes and judges (status, out of date) with the pure rules in
 * provenance/review.ts. `journalHeads` holds the header line of each person's last
 * journal chunk: enough to tell whether the journal moved on since the capture.
 */
export const TrackedPatternSchema = z.object({
  nodeId: z.string(),
  name: z.string(),
  pageId: z.string(),
  pageName: z.string(),
  record: z.string(),
  review: z.nullable(z.string()),
  license: z.nullable(z.string()),
  journalHeads: z.array(z.string()),
})
export type TrackedPattern = z.infer<typeof TrackedPatternSchema>
export const TrackedPatternBatchSchema = z.array(TrackedPatternSchema)

/** A plugin-data write: an empty value deletes the key (Figma's rule). */
const EntrySchema = z.object({ key: z.string(), value: z.string() })

// ── Requests (UI → main) ─────────────────────────────────────────────────────

const nodeParams = z.object({ nodeId: z.string() })
const empty = z.object({})

export const requests = {
  /** First call of a session: who is working, which command started the plugin. */
  hello: {
    params: empty,
    result: z.object({
      user: UserSchema,
      command: z.nullable(CommandSchema),
      /** The node a relaunch button was pressed on, if any. */
      relaunchNodeId: z.nullable(z.string()),
      selection: z.array(LayerInfoSchema),
    }),
  },
  selection: { params: empty, result: z.array(LayerInfoSchema) },
  /**
   * Read a pattern's layers. Elements arrive as progress `data` batches (so main
   * never holds the editor for one huge message); the result closes the stream.
   */
  readPattern: {
    params: nodeParams,
    /** Each progress message's `data`: a batch of layers, in traversal order. */
    progress: z.array(ElementReadingSchema),
    result: z.object({
      rootId: z.string(),
      name: z.string(),
      /** The root's own box: its content is read in its own frame. */
      rootBounds: bounds,
      /**
       * The root's absoluteTransform and relativeTransform, for comparing with a baseline
       * stored before format 4 in its own terms (coefficient/legacy-placement.ts).
       */
      frame: z.object({ absolute: transform, relative: transform }),
      elements: finite(),
    }),
  },
  /** The raw stored provenance of a pattern. */
  readStored: { params: nodeParams, result: StoredPatternSchema },
  /**
   * Write a pattern's provenance: entries first, the record (the pointer) last, then
   * the shared summary and relaunch data; old baseline generations are removed after.
   * `expect` is what the record was when the UI read it: if it changed meanwhile,
   * the write is refused rather than silently overwriting.
   */
  writeProvenance: {
    params: z.object({
      nodeId: z.string(),
      mode: z.enum(['mark', 'capture']),
      expect: z.nullable(z.string()),
      entries: z.array(EntrySchema),
      record: z.string(),
      summary: z.string(),
      keepBaselineGeneration: finite(),
    }),
    result: z.object({ written: finite() }),
  },
  /** Remove all Loomprint data from a pattern (the UI confirms first). */
  unmark: { params: nodeParams, result: empty },
  /**
   * Explicit repair of an invalid record: the raw text is kept under a quarantine
   * key, the layer becomes untracked so it can be marked again.
   */
  quarantine: { params: nodeParams, result: z.object({ keptAs: z.string() }) },
  /** Tracked and invalid patterns on the current page. */
  listPatterns: {
    params: empty,
    result: z.array(
      z.object({ id: z.string(), name: z.string(), state: LayerStateSchema, record: z.nullable(z.string()) }),
    ),
  },
  /**
   * Every tracked (or damaged) pattern on every page, page by page (each page is
   * loaded first: dynamic-page). Rows arrive as progress `data` batches
   * (`TrackedPatternBatchSchema`, done/total = pages); main yields between slices.
   */
  listTracked: {
    params: empty,
    result: z.object({ patterns: finite(), pages: finite() }),
  },
  /** A pattern's record and heat map entry, raw and read together (the review's detail). */
  readHeatMap: { params: nodeParams, result: z.object({ record: z.nullable(z.string()), heatmap: z.nullable(z.string()) }) },
  /** A small PNG of a layer for the review table (null when the layer is gone). */
  thumbnail: {
    params: z.object({ nodeId: z.string(), height: finite() }),
    result: z.object({ png: z.nullable(z.custom<Uint8Array>((v) => v instanceof Uint8Array)) }),
  },
  /**
   * Append a review decision. `expectRecord` and `expect` are the record and review
   * texts the reviewer saw: if either changed since (another reviewer, a new capture,
   * an undo), the write is refused and says so. Main also refuses anything that is
   * not a pure append to the stored history. One undo step.
   */
  writeReview: {
    params: z.object({
      nodeId: z.string(),
      expectRecord: z.string(),
      expect: z.nullable(z.string()),
      review: z.string(),
    }),
    result: empty,
  },
  /**
   * Stamp license terms: the private `license` entry (terms + history) and the public
   * summary (shared `loomprint` / `license`). Same rules as writeReview: refused when
   * the record or the entry changed since they were read, or when the history would
   * not just grow. One undo step.
   */
  writeLicense: {
    params: z.object({
      nodeId: z.string(),
      expectRecord: z.string(),
      expect: z.nullable(z.string()),
      license: z.string(),
      summary: z.string(),
      /** The pattern's public summary (`loomprint` / `summary`) with the new license id. */
      patternSummary: z.optional(z.string()),
    }),
    result: empty,
  },
  /**
   * Export one asset of a layer (Export tab). main only calls `exportAsync`; the bytes
   * come back as progress `data` slices of at most `sliceBytes` (main yields between
   * slices, so no message exceeds the budget and the editor never stalls). The result
   * closes the stream. A failed export is this request's error, for this asset only.
   * Cancel: the UI stops asking for the next asset.
   */
  exportAsset: {
    params: z.object({
      nodeId: z.string(),
      format: z.enum(['PNG', 'SVG', 'PDF']),
      /** PNG: a scale (1, 2, …) or a pixel width; neither means 1×. */
      scale: z.optional(finite()),
      width: z.optional(finite()),
      sliceBytes: finite(),
    }),
    progress: z.object({ offset: finite(), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array) }),
    /** `scale`: for a PNG, the scale it was exported at (a pixel width → width ÷ the layer's render width). */
    result: z.object({ size: finite(), slices: finite(), name: z.string(), scale: z.nullable(finite()) }),
  },
  /**
   * The bytes of a picture an image fill shows (`figma.getImageByHash(hash)`), for its
   * sample (issue #20). Like exportAsset: the bytes come back as progress `data` slices of
   * at most `sliceBytes`, main yielding between slices, so a 4096 × 4096 picture never
   * holds the editor; the result closes the stream with the picture's pixel size. A
   * picture that is not in the file (its hash unknown) is this request's error.
   * Cancel: the UI stops asking for the next picture.
   */
  readImage: {
    params: z.object({ hash: z.string(), sliceBytes: finite() }),
    progress: z.object({ offset: finite(), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array) }),
    result: z.object({ size: finite(), slices: finite(), width: finite(), height: finite() }),
  },
  /**
   * This person's signing key on this device (figma.clientStorage, never the document)
   * and every signer's public key published on the document (shared plugin data).
   * `stored` is raw: the UI checks that the secret key matches its public record.
   */
  readSigningKey: {
    params: empty,
    result: z.object({ stored: z.unknown(), published: z.array(z.string()) }),
  },
  /**
   * Keep a new signing key: the secret key and its public record go to clientStorage;
   * only the public record (key, owner, fingerprint) is published on the document.
   * Older public keys stay published, so packs signed with them still name their signer.
   */
  saveSigningKey: {
    params: z.object({ secretKey: z.string(), record: z.string(), fingerprint: z.string() }),
    result: empty,
  },
  /** Select a layer and zoom to it. */
  focusNode: { params: nodeParams, result: z.object({ found: z.boolean() }) },
  /** The team policy stored on the document root (raw; the UI validates). */
  readPolicy: { params: empty, result: z.object({ raw: z.nullable(z.string()) }) },
  writePolicy: { params: z.object({ raw: z.string() }), result: empty },
  /** Persist pending journal entries now (before a capture reads them). */
  flushJournal: { params: empty, result: z.object({ patterns: finite() }) },
  notify: { params: z.object({ message: z.string(), error: z.optional(z.boolean()) }), result: empty },
  resize: { params: z.object({ width: finite(), height: finite() }), result: empty },
  close: { params: empty, result: empty },
} as const

export type Requests = typeof requests
export type Method = keyof Requests
export type ParamsOf<M extends Method> = z.infer<Requests[M]['params']>
export type ResultOf<M extends Method> = z.infer<Requests[M]['result']>

/** Methods whose progress messages carry data, and the data's type. */
export type StreamingMethod = { [M in Method]: Requests[M] extends { progress: z.ZodMiniType } ? M : never }[Method]
export type ProgressDataOf<M extends StreamingMethod> = z.infer<Requests[M]['progress']>

/** Validates one progress message's `data` against the contract (the receiving end validates, as for every message). */
export function parseProgressData<M extends StreamingMethod>(
  method: M,
  data: unknown,
): { ok: true; data: ProgressDataOf<M> } | { ok: false; issues: readonly z.core.$ZodIssue[] } {
  const parsed = requests[method].progress.safeParse(data)
  return parsed.success ? { ok: true, data: parsed.data as ProgressDataOf<M> } : { ok: false, issues: parsed.error.issues }
}

// ── Events (main → UI) ───────────────────────────────────────────────────────

export const events = {
  selectionChanged: z.array(LayerInfoSchema),
  /** Edits were journaled on these patterns. */
  journaled: z.object({ nodeIds: z.array(z.string()) }),
  /** Plugin data changed on these layers (a capture, an undo, another person), or they were deleted or recreated. */
  recordsChanged: z.object({ nodeIds: z.array(z.string()) }),
} as const

export type Events = typeof events
export type EventName = keyof Events
export type PayloadOf<E extends EventName> = z.infer<Events[E]>

// ── Envelopes ───────────────────────────────────────────────────────────────

export const EnvelopeSchema = z.union([
  z.object({ kind: z.literal('request'), id: z.string(), method: z.string(), params: z.unknown() }),
  z.object({ kind: z.literal('result'), id: z.string(), result: z.unknown() }),
  z.object({ kind: z.literal('error'), id: z.string(), message: z.string() }),
  z.object({
    kind: z.literal('progress'),
    id: z.string(),
    done: finite(),
    total: finite(),
    data: z.optional(z.unknown()),
  }),
  z.object({ kind: z.literal('event'), name: z.string(), payload: z.unknown() }),
])
export type Envelope = z.infer<typeof EnvelopeSchema>
