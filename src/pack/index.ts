/**
 * The licensed pattern pack: the public API of src/pack (pure; runs in the UI iframe
 * and in Node). The Export tab calls `assemblePackAsync`; the CLI calls
 * `verifyPackContents` after its archive checks.
 */
export { assemblePackAsync, slug, GENERATOR } from './assemble'
export type { AssembleOptions, AssembleResult, PackAssetInput, PackHeatMapInput, PackInput, PackProgress, PackStage } from './assemble'
export { packPatternOf, eligibilityOf, useResultOf } from './pattern'
export type { PatternFacts } from './pattern'
export { generateKeyPair, keyFingerprint, shortFingerprint, signerFromSecretKey, verifySignature, KEY_ALG } from './keys'
export type { KeyOwner, KeyPair, PackSigner, PublicKeyRecord } from './keys'
export { verifyPackContents } from './verify'
export type { Check, EntryFacts, VerifyContentsInput, VerifyOptions, VerifyReport } from './verify'
export {
  PACK_SCHEMA,
  PackManifestSchema,
  PackPatternSchema,
  IntendedUseSchema,
  HEATMAP_DIR,
  MANIFEST_PATH,
  SIGNATURE_PATH,
  parseManifest,
} from './manifest'
export type { AssetEntry, FileEntry, IntendedUse, PackHeatMap, PackManifest, PackPattern, PackReview, Eligibility, UseResult } from './manifest'
export { concatBytes } from './bytes'
export { decodePng, perceptualHash, hammingDistance, repeatTile, encodePng } from './image'
