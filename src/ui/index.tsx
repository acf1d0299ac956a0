// PLACEHOLDER written by the build/tooling session so `npm run build` works before the
// real UI exists. The lead overwrites this file.
import '!@create-figma-plugin/ui/css/base.css'
import { Button, Container, Text, VerticalSpace } from '@create-figma-plugin/ui'
import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'

function App() {
  const [last, setLast] = useState('waiting for main…')
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { pluginMessage?: unknown } | null
      if (data && data.pluginMessage !== undefined) setLast(JSON.stringify(data.pluginMessage))
    }
    window.addEventListener('message', onMessage)
    return () => window.removeEventListener('message', onMessage)
  }, [])
  return (
    <Container space="medium">
      <VerticalSpace space="medium" />
      <Text>Loomprint</Text>
      <VerticalSpace space="small" />
      <Button onClick={() => parent.postMessage({ pluginMessage: { type: 'ping' } }, '*')}>Ping</Button>
      <VerticalSpace space="small" />
      <Text data-testid="last">{last}</Text>
    </Container>
  )
}

const root = document.getElementById('app')
if (root) render(<App />, root)
