/**
 * Entry for the esbuild bundles (format iife, target es2020) evaluated in QuickJS and in a
 * browser page: exposes the fake as globalThis.FigmaFake.
 */
import { createFigmaWorld, installGlobals, uninstallGlobals } from './index'

;(globalThis as unknown as { FigmaFake: unknown }).FigmaFake = { createFigmaWorld, installGlobals, uninstallGlobals }
