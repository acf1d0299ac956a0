/** UI entry: the channel client over `window`/`parent`, rendered into #app. */
import '!@create-figma-plugin/ui/css/base.css'
import './ui.css'
import { nanoid } from 'nanoid'
import { render } from 'preact'
import { createClient } from '../channel'
import { App } from './app'
import { windowTransport } from './shared/transport'

const client = createClient(windowTransport(), {
  onInvalid: (error) => console.warn('Loomprint UI:', error),
})

const root = document.getElementById('app')
if (root) render(<App client={client} now={Date.now} newId={() => nanoid()} />, root)
