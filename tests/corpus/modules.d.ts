// The corpus packages ship no typings; patterns.ts casts what it uses.
declare module 'hero-patterns'
declare module 'geopattern'
