/**
 * @peculiar/x509 builds on tsyringe, which refuses to load without the Reflect
 * metadata API (its README asks for `reflect-metadata`). It only stores and reads
 * constructor parameter types, so this is the whole of what it uses
 * (defineMetadata, getMetadata, getOwnMetadata), kept here instead of a dependency.
 * Must be imported before @peculiar/x509 (./x509.ts does).
 */
type Meta = Map<unknown, unknown>
const store = new WeakMap<object, Map<string | symbol | undefined, Meta>>()
const R = Reflect as unknown as Record<string, unknown>

function own(target: object, key: string | symbol | undefined, create: boolean): Meta | undefined {
  let byKey = store.get(target)
  if (!byKey && create) store.set(target, (byKey = new Map<string | symbol | undefined, Meta>()))
  let meta = byKey?.get(key)
  if (!meta && create && byKey) byKey.set(key, (meta = new Map()))
  return meta
}

if (typeof R.getMetadata !== 'function') {
  R.defineMetadata = (k: unknown, v: unknown, target: object, key?: string | symbol) => void own(target, key, true)!.set(k, v)
  R.getOwnMetadata = (k: unknown, target: object, key?: string | symbol) => own(target, key, false)?.get(k)
  R.getMetadata = (k: unknown, target: object, key?: string | symbol): unknown => {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const m = own(t, key, false)
      if (m?.has(k)) return m.get(k)
    }
    return undefined
  }
  R.metadata = (k: unknown, v: unknown) => (target: object, key?: string | symbol) => void own(target, key, true)!.set(k, v)
}
export {}
