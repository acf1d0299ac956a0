/** The plugin window: hello, tabs, selection updates, commands, errors. */
import { Banner, IconWarning16, LoadingIndicator, Tabs, Text } from '@create-figma-plugin/ui'
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import type { ClientEndpoint } from '../channel'
import type { Command, LayerInfo, ResultOf, User } from '../messages'
import { CaptureTab } from './capture/capture'
import { emptyOriginForm, type OriginForm } from './capture/origin-form'
import { PolicyTab } from './policy/policy'
import { LicenseTab, type LicenseDraft } from './license/license'
import { licenseLabelOf } from './license/license-workflows'
import { ReviewTab } from './review/review'
import { ExportTab } from './license/export'
import { ErrorBanners, type UiError } from './shared/widgets'
import { errorMessage, helloAsync } from './workflows'

export type TabName = 'capture' | 'policy' | 'review' | 'license' | 'export'

const TABS: readonly TabName[] = ['capture', 'policy', 'review', 'license', 'export']
const TAB_LABELS: Record<TabName, string> = {
  capture: 'Capture',
  policy: 'Team policy',
  review: 'Review',
  license: 'License',
  export: 'Export licensed pack',
}
/**
 * Window size per tab: the review table (nine columns) and the license form need more
 * room than the capture panel (main opens the window at 360 × 560).
 */
const TAB_SIZES: Partial<Record<TabName, { width: number; height: number }>> = {
  review: { width: 640, height: 640 },
  license: { width: 480, height: 640 },
  export: { width: 480, height: 640 },
}
const DEFAULT_SIZE = { width: 360, height: 560 }

function tabForLabel(label: string): TabName {
  return TABS.find((name) => TAB_LABELS[name] === label) ?? 'capture'
}

export interface AppProps {
  client: ClientEndpoint
  now: () => number
  newId: () => string
}

export function App({ client, now, newId }: AppProps) {
  const [user, setUser] = useState<User | null>(null)
  const [helloError, setHelloError] = useState<string | null>(null)
  const [selection, setSelection] = useState<LayerInfo[]>([])
  const [tab, setTab] = useState<TabName>('capture')
  const [licenseDraft, setLicenseDraft] = useState<LicenseDraft | null>(null)
  const [errors, setErrors] = useState<UiError[]>([])
  const [exportChoice, setExportChoice] = useState<{ nodeIds: string[]; token: number } | null>(null)
  const [autoCapture, setAutoCapture] = useState<{ nodeId: string; token: number } | null>(null)
  const [originForm, setOriginForm] = useState<OriginForm>(() => emptyOriginForm(new Date(now()).toISOString().slice(0, 10)))
  const errorId = useRef(0)

  const onError = useCallback((message: string) => {
    errorId.current++
    const id = errorId.current
    setErrors((list) => [...list.filter((e) => e.message !== message), { id, message }].slice(-4))
  }, [])

  const applyCommand = useCallback((command: Command | null, relaunchNodeId: string | null) => {
    if (command === 'capture') {
      setTab('capture')
      if (relaunchNodeId !== null) setAutoCapture({ nodeId: relaunchNodeId, token: Date.now() + Math.random() })
    } else if (command === 'review') setTab('review')
    else if (command === 'export') setTab('export')
  }, [])

  useEffect(() => {
    const offSelection = client.on('selectionChanged', setSelection)
    // A deleted (or undeleted) layer changes what the selection holds without a selection
    // event in every case (issue #21, item 7): ask main again.
    const offRecords = client.on('recordsChanged', () => {
      client.request('selection', {}).then(setSelection).catch(() => undefined)
    })
    helloAsync(client)
      .then((hello: ResultOf<'hello'>) => {
        setUser(hello.user)
        setSelection(hello.selection)
        applyCommand(hello.command, hello.relaunchNodeId)
      })
      .catch((error: unknown) => setHelloError(errorMessage(error)))
    return () => {
      offSelection()
      offRecords()
    }
  }, [client])

  const sized = useRef(false)
  useEffect(() => {
    const size = TAB_SIZES[tab] ?? DEFAULT_SIZE
    // The first tab shown at the default size needs no request.
    if (!sized.current && size === DEFAULT_SIZE) return
    sized.current = true
    client.request('resize', size).catch(() => undefined)
  }, [tab, client])

  const refreshSelection = useCallback(() => {
    client
      .request('selection', {})
      .then(setSelection)
      .catch((error: unknown) => onError(errorMessage(error)))
  }, [client])

  if (helloError !== null) {
    return (
      <div class="lp-app">
        <Banner icon={<IconWarning16 />} variant="warning">
          Loomprint could not start: {helloError}
        </Banner>
      </div>
    )
  }
  if (user === null) {
    return (
      <div class="lp-app lp-center" aria-busy="true">
        <LoadingIndicator />
        <Text>Starting Loomprint…</Text>
      </div>
    )
  }

  return (
    <div class="lp-app">
      {/* The Tabs component renders only the active option's children; the panels are
          rendered below instead, so the Capture tab (a running capture, a half-typed origin)
          survives a tab switch. Option values are the visible labels. */}
      {/* Landmarks and one h1, so a screen reader can jump between the sections and the
          open screen (axe "region" and "page-has-heading-one"). */}
      <nav aria-label="Loomprint sections">
        <Tabs
          aria-label="Loomprint sections"
          value={TAB_LABELS[tab]}
          onValueChange={(label: string) => setTab(tabForLabel(label))}
          options={TABS.map((name) => ({ value: TAB_LABELS[name], children: null }))}
        />
      </nav>
      <main class="lp-main">
        <h1 class="lp-visually-hidden">Loomprint: {TAB_LABELS[tab]}</h1>
        <ErrorBanners errors={errors} onDismiss={(id) => setErrors((list) => list.filter((e) => e.id !== id))} />
        {/* Kept mounted while hidden so a running capture and the typed origin survive a tab switch. */}
        <div hidden={tab !== 'capture'}>
          <CaptureTab
            client={client}
            user={user}
            selection={selection}
            now={now}
            newId={newId}
            onError={onError}
            refreshSelection={refreshSelection}
            autoCapture={autoCapture}
            originForm={originForm}
            setOriginForm={setOriginForm}
          />
        </div>
        {tab === 'policy' ? <PolicyTab client={client} onError={onError} /> : null}
        {tab === 'review' ? (
          <ReviewTab
            client={client}
            user={user}
            now={now}
            newId={newId}
            onError={onError}
            licenseOf={licenseLabelOf}
            onLicense={(nodeIds) => {
              // The License tab works on the selection: select the pattern(s), then switch.
              void Promise.all(nodeIds.map((nodeId) => client.request('focusNode', { nodeId })))
                .then(refreshSelection)
                .then(() => setTab('license'))
                .catch((error: unknown) => onError(errorMessage(error)))
            }}
            onExport={(nodeIds) => {
              setExportChoice({ nodeIds, token: Date.now() + Math.random() })
              setTab('export')
            }}
          />
        ) : null}
        {/* The window keeps the unsaved terms, so they survive a look at another tab (issue #21, item 15). */}
        {tab === 'license' ? (
          <LicenseTab client={client} user={user} now={now} selection={selection} onError={onError} draft={licenseDraft} setDraft={setLicenseDraft} />
        ) : null}
        {tab === 'export' ? <ExportTab key={exportChoice?.token ?? 0} client={client} user={user} now={now} selection={selection} onError={onError} initialNodeIds={exportChoice?.nodeIds} /> : null}
      </main>
      <footer class="lp-footer lp-muted lp-small">Signed in as {user.name}</footer>
    </div>
  )
}
