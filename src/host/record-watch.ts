/**
 * Tells the UI when a layer's plugin data changed, so a screen showing a capture can
 * follow the record instead of showing what it no longer holds (issue #21, item 6: an
 * Undo reverted the capture, the properties panel said 0.05 and the plugin still 0.10).
 * Figma reports a `pluginData` change without saying which key (FIGMA.md, "Events"), and
 * its own writes are reported too: the UI re-reads the record and compares.
 */

export interface RecordWatch {
  dispose: () => void
}

export function watchRecords(api: PluginAPI, onChanged: (nodeIds: string[]) => void): RecordWatch {
  let page: PageNode | null = null
  const onNodeChange = (event: NodeChangeEvent): void => {
    const ids = new Set<string>()
    for (const change of event.nodeChanges) {
      if (change.type === 'PROPERTY_CHANGE' && change.properties.includes('pluginData')) ids.add(change.id)
      // A deleted layer's record goes with it; a recreated one (undo of a delete) brings it back.
      else if (change.type === 'DELETE' || change.type === 'CREATE') ids.add(change.id)
    }
    if (ids.size > 0) onChanged([...ids])
  }
  // page.on('nodechange') reports the current page only: follow page switches (FIGMA.md, "Events").
  const follow = (): void => {
    page?.off('nodechange', onNodeChange)
    page = api.currentPage
    page.on('nodechange', onNodeChange)
  }
  follow()
  api.on('currentpagechange', follow)
  return {
    dispose: () => {
      page?.off('nodechange', onNodeChange)
      api.off('currentpagechange', follow)
    },
  }
}
