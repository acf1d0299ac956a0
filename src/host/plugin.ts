/**
 * The plugin's main-thread side, wired together. Takes the Figma API as a parameter
 * so tests can run several users' sessions against one in-memory document.
 */
import { serveRequests, type Handlers } from '../channel'
import { CommandSchema, type Command, type LayerInfo, type User } from '../messages'
import { createJournalRecorder } from './journal-recorder'
import { describeLayer, pageOf } from './layers'
import { readPatternAsync } from './read-pattern'
import { listTrackedAsync, thumbnailAsync, writeLicense, writeReview } from './review'
import { POLICY_KEY, quarantine, readHeatMapEntry, readStored, unmark, writeProvenance } from './storage'
import { figmaUiTransport } from './transport'
import { watchRecords } from './record-watch'
import { exportAssetAsync } from './export'
import { readImageAsync } from './images'
import { readSigningKeyAsync, saveSigningKeyAsync } from './keys'
import { RECORD_KEY } from '../provenance/record'

const UI_SIZE = { width: 360, height: 560 }
/** How long the plugin stays open after answering the UI's `close` request (see the handler). */
const CLOSE_AFTER_REPLY_MS = 100

export interface PluginOptions {
  now?: () => number
  /** Characters per stored journal chunk (default DEFAULT_JOURNAL_CHUNK_CHARS); tests cross chunk boundaries with few edits. */
  journalChunkChars?: number
}

export function startPlugin(api: PluginAPI, html: string, options: PluginOptions = {}): void {
  const now = options.now ?? Date.now
  // Reading thousands of layers: skip the hidden insides of instances (FIGMA.md, "Runtime").
  api.skipInvisibleInstanceChildren = true
  api.showUI(html, { ...UI_SIZE, themeColors: true, title: 'Loomprint' })

  const user = currentUser(api)
  const commandOf = (raw: string): Command | null => {
    const parsed = CommandSchema.safeParse(raw)
    return parsed.success ? parsed.data : null
  }

  const selection = (): LayerInfo[] => api.currentPage.selection.map(describeLayer)

  const sceneNodeAsync = async (nodeId: string): Promise<SceneNode> => {
    const node = await api.getNodeByIdAsync(nodeId)
    if (!node || node.removed || node.type === 'PAGE' || node.type === 'DOCUMENT') {
      throw new Error('That layer no longer exists (deleted, or on a page that is not open).')
    }
    // dynamic-page: a layer on another page (the review works across pages) can only be
    // read once its page is loaded; loading a loaded page is cheap.
    await pageOf(node)?.loadAsync()
    return node as SceneNode
  }

  const relaunchNode = (): string | null => {
    const tracked = selection().filter((layer) => layer.state === 'tracked')
    return tracked.length === 1 ? tracked[0].id : null
  }

  const handlers: Handlers = {
    hello: () => ({ user, command: commandOf(api.command), relaunchNodeId: relaunchNode(), selection: selection() }),
    selection: () => selection(),
    readPattern: async ({ nodeId }, context) => {
      const node = await sceneNodeAsync(nodeId)
      return readPatternAsync(node, (elements, done) => context.progress(done, 0, elements), undefined, api)
    },
    readStored: async ({ nodeId }) => readStored(await sceneNodeAsync(nodeId)),
    readHeatMap: async ({ nodeId }) => readHeatMapEntry(await sceneNodeAsync(nodeId)),
    writeProvenance: async (params) => {
      const node = await sceneNodeAsync(params.nodeId)
      const written = writeProvenance(api, node, params)
      // A newly marked pattern changes which layers belong to a pattern.
      if (params.mode === 'mark') recorder.forget(node.id)
      return { written }
    },
    unmark: async ({ nodeId }) => {
      const node = await sceneNodeAsync(nodeId)
      unmark(api, node)
      recorder.forget(node.id)
      return {}
    },
    quarantine: async ({ nodeId }) => {
      const node = await sceneNodeAsync(nodeId)
      const keptAs = quarantine(api, node, now())
      recorder.forget(node.id)
      return { keptAs }
    },
    listPatterns: () =>
      api.currentPage.findAllWithCriteria({ pluginData: { keys: [RECORD_KEY] } }).map((node) => {
        const info = describeLayer(node)
        return { id: node.id, name: node.name, state: info.state, record: node.getPluginData(RECORD_KEY) || null }
      }),
    listTracked: ({}, context) => listTrackedAsync(api, (rows, done, total) => context.progress(done, total, rows)),
    thumbnail: async ({ nodeId, height }) => ({ png: await thumbnailAsync(api, nodeId, height) }),
    writeReview: async (params) => {
      writeReview(api, await sceneNodeAsync(params.nodeId), params)
      return {}
    },
    writeLicense: async (params) => {
      writeLicense(api, await sceneNodeAsync(params.nodeId), params)
      return {}
    },
    exportAsset: (params, context) =>
      exportAssetAsync(api, params, (offset, bytes, size) => context.progress(offset + bytes.length, size, { offset, bytes })),
    readImage: (params, context) => readImageAsync(api, params, (offset, bytes, size) => context.progress(offset + bytes.length, size, { offset, bytes })),
    readSigningKey: () => readSigningKeyAsync(api),
    saveSigningKey: async (params) => {
      await saveSigningKeyAsync(api, params)
      return {}
    },
    focusNode: async ({ nodeId }) => {
      const node = await api.getNodeByIdAsync(nodeId)
      if (!node || node.removed || !('visible' in node)) return { found: false }
      const scene = node as SceneNode
      let page: BaseNode | null = scene.parent
      while (page && page.type !== 'PAGE') page = page.parent
      if (page && page.id !== api.currentPage.id) await api.setCurrentPageAsync(page as PageNode)
      api.currentPage.selection = [scene]
      api.viewport.scrollAndZoomIntoView([scene])
      return { found: true }
    },
    readPolicy: () => {
      const raw = api.root.getPluginData(POLICY_KEY)
      return { raw: raw === '' ? null : raw }
    },
    writePolicy: ({ raw }) => {
      api.root.setPluginData(POLICY_KEY, raw)
      api.commitUndo()
      return {}
    },
    flushJournal: async () => ({ patterns: await recorder.flushAsync() }),
    notify: ({ message, error }) => {
      api.notify(message, { error: error ?? false })
      return {}
    },
    resize: ({ width, height }) => {
      api.ui.resize(Math.round(width), Math.round(height))
      return {}
    },
    close: () => {
      recorder.flushNow()
      // Reply first, close after: closePlugin() disables the API at once and destroys the UI
      // (plugin-api.d.ts:173, :735-742), so a reply sent after it never reaches the UI, which
      // then waits forever (issue #19, 9). The reply is posted once this handler returns;
      // whether Figma still delivers a message posted just before closePlugin is undocumented,
      // so the close waits a moment no person notices.
      setTimeout(() => api.closePlugin(), CLOSE_AFTER_REPLY_MS)
      return {}
    },
  }

  const host = serveRequests(figmaUiTransport(api.ui), handlers, {
    onInvalid: (error) => console.warn('Loomprint:', error),
  })
  const recorder = createJournalRecorder(api, user, {
    now,
    chunkChars: options.journalChunkChars,
    session: api.currentUser?.sessionId,
    onJournaled: (nodeIds) => host.emit('journaled', { nodeIds }),
  })

  const records = watchRecords(api, (nodeIds) => host.emit('recordsChanged', { nodeIds }))

  api.on('selectionchange', () => {
    recorder.rememberSelection(api.currentPage.selection)
    host.emit('selectionChanged', selection())
  })
  api.on('close', () => {
    recorder.flushNow()
    recorder.dispose()
    records.dispose()
    host.dispose()
  })
}

function currentUser(api: PluginAPI): User {
  const user = api.currentUser
  // Logged out: Figma reports id null and the name 'Anonymous' (FIGMA.md, manifest permissions).
  return { id: user?.id ?? 'anonymous', name: user?.name ?? 'Anonymous' }
}
