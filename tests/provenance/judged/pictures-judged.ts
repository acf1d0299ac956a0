/**
 * The picture set (issue #20): edits of AI rasters — the form most AI patterns arrive in,
 * a tile as an image fill on a rectangle — each with the band a careful art director would
 * give it and why, and "this is more authorship than that" orderings. Written down and
 * committed BEFORE any picture scoring existed (see the commit that added this file), and
 * not changed afterwards to fit the method. The edits themselves are built in
 * pictures-set.ts.
 *
 * Two kinds of AI raster:
 *   'painterly' — a 512 × 512 painterly tile (soft brush blobs of many colours, a seamless
 *                 repeat), as an image generator delivers it; an image fill (FILL) on a
 *                 400 × 400 rectangle.
 *   'motif'     — a 512 × 512 flat-colour motif tile (cream ground, a few hard-edged motifs
 *                 in four flat colours, seamless), on a 400 × 400 rectangle. Its vector
 *                 twin ('motif-vectors': the same motifs as AI vector layers) is the baseline
 *                 of the Rasterize selection case.
 *
 * Bands: 'ai' below AI-assisted (< 0.1), 'assisted' (0.1 to < 0.5), 'authored' (≥ 0.5).
 * The judgment is of what a person sees and who made it, with the earlier sets'
 * precedents: the same picture re-encoded, resized or re-exported is the AI's picture;
 * cropping, scaling, shifting a repeat or mirroring it is choosing how the AI's picture
 * shows (curation / arrangement), not drawing; a colour grade is a colourway — slight is
 * nothing, strong is assisted; painting over a region is drawing, by its share; another
 * picture is someone else's picture.
 */
import type { Band } from './scenarios'

export type PictureKind = 'painterly' | 'motif' | 'motif-vectors'

export interface JudgedPicture {
  id: string
  pattern: PictureKind
  edit: string
  band: Band
  why: string
}

export const PICTURE_CASES: JudgedPicture[] = [
  // ---- the painterly tile ----
  { id: 'pp-resave-jpeg', pattern: 'painterly', edit: 'the same picture re-saved as JPEG (quality 75) and placed back', band: 'ai', why: 'no one can tell them apart' },
  { id: 'pp-upscale', pattern: 'painterly', edit: 'upscaled 2× (1024 px) in an image editor and placed back', band: 'ai', why: 'the same picture, more pixels' },
  { id: 'pp-export-small', pattern: 'painterly', edit: 'exported at 75 % (384 px PNG) and placed back', band: 'ai', why: 'the same picture, fewer pixels' },
  { id: 'pp-crop', pattern: 'painterly', edit: 'cropped to its central 75 % in an image editor, placed back filling the box', band: 'ai', why: 'choosing less of the AI’s picture' },
  { id: 'pp-shift', pattern: 'painterly', edit: 'the repeat shifted by a third of the tile (offset filter), placed back', band: 'ai', why: 'the same repeat, another starting point' },
  { id: 'pp-mirror', pattern: 'painterly', edit: 'flipped horizontally in an image editor', band: 'ai', why: 'the same picture, mirrored' },
  { id: 'pp-exposure-slight', pattern: 'painterly', edit: 'Figma image adjustments: exposure +0.1', band: 'ai', why: 'barely visible' },
  { id: 'pp-grade-warm', pattern: 'painterly', edit: 'Figma image adjustments: temperature +0.8, saturation +0.5', band: 'assisted', why: 'a clearly different colourway of the same painting' },
  { id: 'pp-greyscale', pattern: 'painterly', edit: 'Figma image adjustments: saturation −1 (greyscale)', band: 'assisted', why: 'a colourway: every colour changed, the drawing is the AI’s' },
  { id: 'pp-paint-small', pattern: 'painterly', edit: 'a small region (about 4 % of the tile) painted over in an image editor', band: 'ai', why: 'a touch-up' },
  { id: 'pp-paint-third', pattern: 'painterly', edit: 'a third of the tile painted over with new brushwork', band: 'assisted', why: 'a third of what you see is theirs' },
  { id: 'pp-paint-most', pattern: 'painterly', edit: 'about three quarters of the tile repainted', band: 'authored', why: 'most of what you see is theirs' },
  { id: 'pp-vectors-over', pattern: 'painterly', edit: 'vector motifs drawn in Figma over about a quarter of the picture', band: 'assisted', why: 'new motifs on the AI’s painting' },
  { id: 'pp-other-picture', pattern: 'painterly', edit: 'another picture entirely (another painting) in the same fill', band: 'authored', why: 'not the AI’s picture any more' },
  // ---- the flat-colour motif tile ----
  { id: 'pm-resave-jpeg', pattern: 'motif', edit: 'the same picture re-saved as JPEG (quality 75)', band: 'ai', why: 'the same picture' },
  { id: 'pm-upscale', pattern: 'motif', edit: 'upscaled 2×, placed back', band: 'ai', why: 'the same picture' },
  { id: 'pm-shift', pattern: 'motif', edit: 'the repeat shifted by half a tile', band: 'ai', why: 'the same repeat' },
  { id: 'pm-mirror', pattern: 'motif', edit: 'flipped vertically', band: 'ai', why: 'the same motifs' },
  { id: 'pm-crop-fill', pattern: 'motif', edit: 'Figma crop: the fill set to CROP showing the top-left 70 % of the picture', band: 'ai', why: 'choosing less of it' },
  { id: 'pm-exposure-slight', pattern: 'motif', edit: 'Figma image adjustments: contrast +0.1', band: 'ai', why: 'barely visible' },
  { id: 'pm-recolour-ground', pattern: 'motif', edit: 'the cream ground repainted deep blue in an image editor, motifs kept', band: 'assisted', why: 'a colourway of the AI’s design (the ground precedent)' },
  { id: 'pm-recolour-motifs', pattern: 'motif', edit: 'every motif repainted in new colours, ground kept', band: 'authored', why: 'every figure recoloured (the figures precedent)' },
  { id: 'pm-touch-up', pattern: 'motif', edit: 'one motif’s small spot repainted (about 1 % of the tile)', band: 'ai', why: 'a touch-up' },
  { id: 'pm-new-motifs', pattern: 'motif', edit: 'four new motifs of their own painted into the gaps (about 12 % of the tile)', band: 'assisted', why: 'new drawing, a modest share' },
  { id: 'pm-vectors-over', pattern: 'motif', edit: 'a vector border band and two vector motifs drawn over the picture (about 20 %)', band: 'assisted', why: 'new drawing over the AI’s picture' },
  { id: 'pm-other-picture', pattern: 'motif', edit: 'another picture entirely (the painterly tile) in the same fill', band: 'authored', why: 'not the AI’s picture' },
  { id: 'pm-half-other', pattern: 'motif', edit: 'the right half of the tile replaced by other artwork', band: 'authored', why: 'half of it is theirs: at the line, judged by what you see' },
  // ---- Rasterize selection ----
  { id: 'pv-rasterize', pattern: 'motif-vectors', edit: 'select all AI vector layers, Rasterize selection (one image of them replaces them)', band: 'ai', why: 'the same picture, now pixels' },
  { id: 'pv-rasterize-grade', pattern: 'motif-vectors', edit: 'Rasterize selection, then the picture greyscaled with Figma adjustments (saturation −1)', band: 'assisted', why: 'a colourway after rasterizing' },
]

/** [more human, less human], with why. */
export const PICTURE_PAIRS: [string, string, string][] = [
  ['pp-paint-most', 'pp-paint-third', 'more of it repainted'],
  ['pp-paint-third', 'pp-paint-small', 'a third against a touch-up'],
  ['pp-paint-third', 'pp-resave-jpeg', 'painting against re-encoding'],
  ['pp-paint-third', 'pp-crop', 'painting against choosing less'],
  ['pp-other-picture', 'pp-paint-third', 'all of it against a third'],
  ['pp-grade-warm', 'pp-exposure-slight', 'a strong grade against a slight one'],
  ['pp-paint-small', 'pp-upscale', 'a touch-up against nothing visible'],
  ['pp-vectors-over', 'pp-mirror', 'drawing against mirroring'],
  ['pm-recolour-motifs', 'pm-recolour-ground', 'the figures against the ground (set 1 precedent)'],
  ['pm-new-motifs', 'pm-touch-up', 'four new motifs against a spot'],
  ['pm-other-picture', 'pm-new-motifs', 'all of it against a few motifs'],
  ['pm-half-other', 'pm-new-motifs', 'half of it against a few motifs'],
  ['pm-vectors-over', 'pm-shift', 'drawing against shifting the repeat'],
  ['pm-new-motifs', 'pm-crop-fill', 'drawing against cropping'],
  ['pv-rasterize-grade', 'pv-rasterize', 'a colourway against a format change'],
  ['pm-recolour-ground', 'pm-exposure-slight', 'a new ground against a slight contrast'],
]
