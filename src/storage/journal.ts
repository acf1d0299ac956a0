/**
 * The journal: an append-only, hash-chained log of the edits one person's plugin saw.
 *
 * Runs in Figma's main thread (the host appends as `nodechange` events arrive), so:
 * no TextEncoder, no crypto, no BigInt, no deflate; own UTF-8, SHA-256 from
 * `@noble/hashes`; appending
 * is O(1) amortized and hashes only the entries it touched.
 *
 * Chain: `genesis = SHA-256("loomprint-journal/1|" + userId)`;
 * `head[i] = SHA-256(head[i-1] ‖ canonical(entry[i]))`, where `canonical` is the
 * UTF-8 of `at,until−at,K,count,nodeId` (decimal numbers, K the group/origin letter
 * of `GROUP_LETTERS`). Compaction changes an entry still being written (one of the
 * last COMPACT_LOOKBACK); heads are computed lazily, from the first changed entry on,
 * when the head is read or the journal stored — so a 60-events-a-second drag costs
 * one hash per flush, not one per event (a SHA-256 takes ~100 µs in Figma's VM).
 *
 * The journal is evidence of the process; it never drives the coefficient.
 * Storage format: see `encodeJournalChunks` and docs/storage.md.
 */

export * from './journal/edit-groups'
export * from './journal/chain'
export * from './journal/chunks'
export * from './journal/summary'
