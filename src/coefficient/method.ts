/**
 * What a coefficient is: the method ids, the shape of a score, and the labels. One
 * home for these facts; both methods (score-v1.ts, score-v2.ts) and the record use them.
 *
 * The main bundle validates records, so it imports this file: keep it free of the
 * scorer (it may import scoring-policy.ts, nothing heavier).
 */
import { DEFAULT_POLICY, type ScoringPolicy } from './scoring-policy'

/** Method 1: weights are bounding boxes, changes are compared as numbers. */
export const METHOD_V1 = 'loomprint-hcc/1'
/** Method 2: weights are visible paint, changes are measured on the canvas. */
export const METHOD_V2 = 'loomprint-hcc/2'
/** The method new captures use. */
export const METHOD = METHOD_V2
export type Method = typeof METHOD_V1 | typeof METHOD_V2
export const METHODS = [METHOD_V1, METHOD_V2] as const
/** How many of the most-changed elements a score lists for the reviewer. */
export const TOP_ELEMENTS = 20

export type Dimension = 'color' | 'shape' | 'transform' | 'style' | 'text'
export type DimensionChanges = Record<Dimension, number>

/**
 * 'copied': an added element that repeats an AI element (same outline and paints):
 * placing it is arrangement, not drawing (method 2).
 */
export type ElementKind = 'changed' | 'added' | 'removed' | 'hidden' | 'copied'
export interface ElementContribution {
  id: string
  path: string
  type: string
  kind: ElementKind
  /** This element's part of the HCC (the contributions of all elements sum to it). */
  contribution: number
  /** Change per dimension, 0..1, before the policy's weights (all 0 unless 'changed'). */
  dimensions: DimensionChanges
}

export interface ContributionBreakdown extends DimensionChanges {
  /** From human-drawn elements. */
  added: number
  /** From removed or hidden AI elements (curation). */
  removed: number
}

export type ContributionLabel = 'AI-generated' | 'AI-assisted' | 'Human-authored, AI-assisted'
export type DigitalSourceType = 'trainedAlgorithmicMedia' | 'compositeWithTrainedAlgorithmicMedia'

export interface ContributionScore {
  /** Human-contribution coefficient, 0..1. */
  hcc: number
  label: ContributionLabel
  /** IPTC digital source type code (cv.iptc.org/newscodes/digitalsourcetype/). */
  digitalSourceType: DigitalSourceType
  /** Each source's part of the HCC; the parts sum to `hcc`. */
  breakdown: ContributionBreakdown
  /** The most-changed elements, largest contribution first (at most TOP_ELEMENTS). */
  elements: ElementContribution[]
  added: number
  /** Removed or hidden. */
  removed: number
  changed: number
  method: Method
  matchedBy: 'id' | 'path'
  policyFingerprint: string
}

export interface ScoreOptions {
  /** Default: by id, or by path when the root id differs (a duplicated or pasted copy). */
  matchBy?: 'id' | 'path'
  /** Default METHOD (method 2). Method 1 recomputes scores of old captures. */
  method?: Method
}

/** The label and IPTC source type for a coefficient under a team policy. */
export function labelFor(
  hcc: number,
  policy: ScoringPolicy = DEFAULT_POLICY,
): { label: ContributionLabel; digitalSourceType: DigitalSourceType } {
  if (!(hcc >= policy.thresholds.assisted)) {
    return { label: 'AI-generated', digitalSourceType: 'trainedAlgorithmicMedia' }
  }
  if (hcc < policy.thresholds.authored) {
    return { label: 'AI-assisted', digitalSourceType: 'compositeWithTrainedAlgorithmicMedia' }
  }
  return { label: 'Human-authored, AI-assisted', digitalSourceType: 'compositeWithTrainedAlgorithmicMedia' }
}

/** For a pattern with no AI origin at all (nothing to score against). */
export const NO_AI_LABEL = { label: 'Created without generative AI', digitalSourceType: 'digitalCreation' } as const
