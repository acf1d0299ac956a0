/** Reads a pattern's stored journal chains as a person inspecting the file would (test helper). */
import { decodeJournalChunks } from '../../src/storage/journal'

const JOURNAL_KEY = /^journal\.(.+)\.(\d+)$/

/** Every chain on the node: its key prefix (`<user>` or `<user>.s<session>`) and its chunks in order. */
export function chainsOn(node: BaseNode): { chain: string; chunks: string[] }[] {
  const byChain = new Map<string, number[]>()
  for (const key of node.getPluginDataKeys()) {
    const m = JOURNAL_KEY.exec(key)
    if (!m) continue
    const list = byChain.get(m[1]) ?? []
    list.push(Number(m[2]))
    byChain.set(m[1], list)
  }
  return Array.from(byChain, ([chain, ns]) => ({
    chain,
    chunks: ns.sort((a, b) => a - b).map((n) => node.getPluginData(`journal.${chain}.${String(n)}`)),
  })).sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0))
}

/** Edits (entry counts) of `origin` in the verifying chains of `userId`; throws when a chain does not verify. */
export function storedEdits(node: BaseNode, userId: string, origin: 'LOCAL' | 'REMOTE'): number {
  let n = 0
  for (const { chain, chunks } of chainsOn(node)) {
    const decoded = decodeJournalChunks(chunks)
    if (!decoded.ok) throw new Error(`chain ${chain}: ${decoded.error}`)
    if (decoded.journal.user.id !== userId) continue
    for (const e of decoded.journal.entries) if (e.origin === origin) n += e.count
  }
  return n
}
