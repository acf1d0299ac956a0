/** A pattern's thumbnail in the Review table. */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { ClientEndpoint } from '../channel'

const THUMB_HEIGHT = 32

/** A thumbnail fetched when its row scrolls into view; kept in memory (a blob URL) only. */
export function Thumbnail({ client, nodeId, cache }: { client: ClientEndpoint; nodeId: string; cache: Map<string, string | null> }) {
  const [url, setUrl] = useState<string | null | undefined>(cache.get(nodeId))
  const ref = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    if (url !== undefined || !ref.current) return
    let cancelled = false
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return
      observer.disconnect()
      client
        .request('thumbnail', { nodeId, height: THUMB_HEIGHT * 2 })
        .then(({ png }) => {
          const made = png ? URL.createObjectURL(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' })) : null
          cache.set(nodeId, made)
          if (!cancelled) setUrl(made)
        })
        .catch(() => {
          cache.set(nodeId, null)
          if (!cancelled) setUrl(null)
        })
    })
    observer.observe(ref.current)
    return () => {
      cancelled = true
      observer.disconnect()
    }
  }, [nodeId])
  return (
    <span ref={ref} class="lp-thumb">
      {url ? <img src={url} alt="" height={THUMB_HEIGHT} /> : null}
    </span>
  )
}
