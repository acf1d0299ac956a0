/**
 * The playground page: a simulated Figma editor (canvas, layers, tools, pages, people)
 * around the real, built Loomprint plugin. See playground/server.ts.
 *
 * URL parameters: `theme=dark`, `person=<user id>` (who is at the keyboard first),
 * `plugin=0` (do not start the plugin for the first person).
 */
import { createFigmaWorld, type FigmaWorld } from '../../tests/figma-fake/index'
import { CanvasView, type Tool } from './canvas'
import { Editor, PEOPLE, seedSampleAsync, type Person, type PluginBuild, type Rgb } from './editor'
import type { Theme } from './plugin-window'
import { PAGE_NAMES } from './sample'
import './style.css'

interface Served extends PluginBuild {
  id: string
  relaunchButtons: { command: string; name: string }[]
}

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string | number | boolean | undefined> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue
    if (key === 'class') el.className = String(value)
    else if (key === 'text') el.textContent = String(value)
    else el.setAttribute(key, value === true ? '' : String(value))
  }
  for (const child of children) if (child !== null && child !== undefined) el.append(child)
  return el
}

const toHex = (c: Rgb): string =>
  '#' + [c.r, c.g, c.b].map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, '0')).join('')

function parseHex(text: string): Rgb | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(text.trim())
  if (!match) return null
  const n = parseInt(match[1]!, 16)
  return { r: ((n >> 16) & 255) / 255, g: ((n >> 8) & 255) / 255, b: (n & 255) / 255 }
}

/** Everything the canvas and the panels show, as one string: redraw when it changes. */
function documentKey(editor: Editor): string {
  const page = editor.pageOf()
  const parts: string[] = [page.id, editor.theme]
  editor.read(() => {
    const walk = (node: SceneNode, depth: number): void => {
      const fills = 'fills' in node ? JSON.stringify(node.fills) : ''
      parts.push(
        `${node.id}|${String(depth)}|${node.name}|${String(node.x)},${String(node.y)},${String(node.width)},${String(node.height)},${'rotation' in node ? String(node.rotation) : ''}|${String(node.visible)}|${'opacity' in node ? String(node.opacity) : ''}|${fills}|${JSON.stringify(node.getRelaunchData())}`,
      )
      if ('children' in node) for (const child of node.children) walk(child, depth + 1)
    }
    for (const node of page.children) walk(node, 0)
  })
  for (const person of editor.people) {
    parts.push(`${person.user.id}:${editor.pageOf(person).id}:${editor.selectionOf(person).map((n) => n.id).join(',')}:${person.plugin ? 'on' : 'off'}`)
  }
  return parts.join('\n')
}

async function boot(root: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.search)
  const response = await fetch('/plugin.json')
  if (!response.ok) throw new Error(`the server did not send the plugin build (${String(response.status)})`)
  const build = (await response.json()) as Served
  const world: FigmaWorld = createFigmaWorld({ pluginId: build.id, pageNames: PAGE_NAMES })
  await seedSampleAsync(world, build, PEOPLE[0]!.user)

  // ── layout ─────────────────────────────────────────────────────────────────────
  const status = h('div', { class: 'pg-status', role: 'status', 'aria-live': 'polite' })
  const toasts = h('div', { class: 'pg-toasts', 'aria-live': 'polite' })
  const announce = (message: string): void => {
    status.textContent = message
  }
  const notify = (message: string, error: boolean): void => {
    const toast = h('div', { class: `pg-toast${error ? ' pg-toast-error' : ''}`, role: error ? 'alert' : undefined, text: message })
    toasts.append(toast)
    setTimeout(() => toast.remove(), 6000)
  }
  const pluginHost = h('div', { class: 'pg-plugins', id: 'pg-plugins' })
  const pluginNote = h('p', { class: 'pg-plugin-note pg-muted' })
  pluginHost.append(pluginNote)
  const editor = new Editor(world, build, { notify, pluginContainer: pluginHost })

  const personSelect = h('select', { id: 'pg-person' })
  for (const person of editor.people) {
    personSelect.append(h('option', { value: person.user.id, text: `${person.user.name} (${person.role})` }))
  }
  const themeSelect = h('select', { id: 'pg-theme' }, h('option', { value: 'light', text: 'Light' }), h('option', { value: 'dark', text: 'Dark' }))
  const resetButton = h('button', { type: 'button', class: 'pg-button', text: 'Reset document' })
  // Starting over loses every person's edits: ask first (issue #21, item 19).
  resetButton.addEventListener('click', () => {
    if (window.confirm('Reset the document? Every change made in this page, by all three people, is lost.')) location.reload()
  })

  const header = h(
    'header',
    { class: 'pg-header' },
    h('h1', { class: 'pg-title' }, 'Loomprint playground'),
    h(
      'p',
      { class: 'pg-note', role: 'note' },
      h('strong', {}, 'A simulation of Figma, not Figma. '),
      'The plugin is the real build (build/main.js and build/ui.html) running on an in-memory fake of the Figma plugin API; ' +
        'the canvas is drawn by the fake’s rasterizer (solid fills and pictures: no strokes, text or gradients). Nothing leaves this page.',
    ),
    h('label', { class: 'pg-field', for: 'pg-person' }, 'Person', personSelect),
    h('label', { class: 'pg-field', for: 'pg-theme' }, 'Theme', themeSelect),
    resetButton,
  )

  const pageNav = h('nav', { class: 'pg-pages', 'aria-label': 'Pages' })
  const layerList = h('ul', { class: 'pg-layers', role: 'listbox', 'aria-label': 'Layers', 'aria-multiselectable': 'true', tabindex: 0 })

  let tool: Tool = 'select'
  const toolButtons = new Map<Tool, HTMLButtonElement>()
  const toolLabels: [Tool, string, string][] = [
    ['select', 'Select and move', 'V'],
    ['rectangle', 'Rectangle', 'R'],
    ['ellipse', 'Ellipse', 'O'],
  ]
  const setTool = (next: Tool): void => {
    tool = next
    for (const [name, button] of toolButtons) button.setAttribute('aria-pressed', String(name === next))
    canvas.classList.toggle('pg-drawing', next !== 'select')
  }
  const toolGroup = h('div', { class: 'pg-toolgroup', role: 'group', 'aria-label': 'Tools' })
  for (const [name, label, key] of toolLabels) {
    const button = h('button', { type: 'button', class: 'pg-button pg-tool', 'aria-pressed': String(name === 'select'), 'aria-keyshortcuts': key, title: `${label} (${key})`, text: label })
    button.addEventListener('click', (event) => {
      setTool(name)
      // From the keyboard, a shape tool draws at once (there is no pointer to drag with).
      if (name !== 'select' && event.detail === 0) view.drawFromKeyboard()
    })
    toolButtons.set(name, button)
    toolGroup.append(button)
  }
  const action = (label: string, key: string, run: () => void): HTMLButtonElement => {
    const button = h('button', { type: 'button', class: 'pg-button', 'aria-keyshortcuts': key, title: `${label} (${key})`, text: label })
    button.addEventListener('click', run)
    return button
  }
  const duplicateButton = action('Duplicate', 'Control+D', () => {
    const n = editor.duplicate()
    announce(n ? `Duplicated ${String(n)} layer${n > 1 ? 's' : ''}.` : 'Select a layer to duplicate.')
  })
  const deleteButton = action('Delete', 'Delete', () => {
    const n = editor.remove()
    announce(n ? `Deleted ${String(n)} layer${n > 1 ? 's' : ''}.` : 'Select a layer to delete.')
  })
  // "Replace image…": the edit-outside-Figma round trip — a picture file replaces the selected layers' fill.
  const imageFile = h('input', { type: 'file', accept: 'image/png,image/jpeg', class: 'pg-hidden-file', 'aria-label': 'Picture file', tabindex: -1 })
  imageFile.addEventListener('change', () => {
    const file = imageFile.files?.[0]
    imageFile.value = ''
    if (!file) return
    void file.arrayBuffer().then((buffer) => {
      try {
        const n = editor.replaceImage(new Uint8Array(buffer))
        announce(n ? `Replaced the picture of ${String(n)} layer${n > 1 ? 's' : ''} with ${file.name}.` : 'Select a layer to show the picture in.')
      } catch (error) {
        announce(`Figma would not take ${file.name}: ${error instanceof Error ? error.message : String(error)}`)
      }
    })
  })
  const replaceImageButton = action('Replace image…', 'Control+Shift+K', () => imageFile.click())
  const undoButton = action('Undo', 'Control+Z', () => {
    editor.undo()
    announce('Undone.')
  })
  const fillText = h('input', { id: 'pg-fill', class: 'pg-input', value: '#c0392b', size: 8, spellcheck: 'false', autocomplete: 'off' })
  const fillSwatch = h('input', { type: 'color', class: 'pg-swatch', value: '#c0392b', 'aria-label': 'Pick fill colour' })
  fillSwatch.addEventListener('input', () => {
    fillText.value = fillSwatch.value
  })
  fillText.addEventListener('input', () => {
    const c = parseHex(fillText.value)
    if (c) fillSwatch.value = toHex(c)
  })
  const currentFill = (): Rgb => parseHex(fillText.value) ?? { r: 0.75, g: 0.22, b: 0.17 }
  const recolourButton = action('Recolour', 'Enter', () => recolour())
  const recolour = (): void => {
    const c = parseHex(fillText.value)
    if (!c) {
      announce('Type a colour as #RRGGBB.')
      return
    }
    const n = editor.recolour(c)
    announce(n ? `Recoloured ${String(n)} layer${n > 1 ? 's' : ''} to ${toHex(c)}.` : 'Select a layer to recolour.')
  }
  fillText.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      recolour()
    }
  })
  // Import SVG…: a real SVG pattern onto the canvas, as Figma imports one.
  const svgInput = h('input', { type: 'file', accept: '.svg,image/svg+xml', class: 'pg-hidden', id: 'pg-import-svg', 'aria-label': 'SVG file to import' })
  svgInput.addEventListener('change', () => {
    const file = svgInput.files?.[0]
    if (!file) return
    void file.text().then((text) => {
      try {
        const node = editor.importSvg(text, file.name.replace(/\.svg$/i, ''))
        announce(`Imported ${file.name} as ${node.name}.`)
      } catch (error) {
        notify(`Could not import ${file.name}: ${error instanceof Error ? error.message : String(error)}`, true)
      }
      svgInput.value = ''
    })
  })
  const importButton = action('Import SVG…', 'Control+Shift+K', () => svgInput.click())
  const toolbar = h(
    'div',
    { class: 'pg-toolbar' },
    toolGroup,
    h('div', { class: 'pg-toolgroup', role: 'group', 'aria-label': 'Import' }, importButton, svgInput),
    h('div', { class: 'pg-toolgroup', role: 'group', 'aria-label': 'Edit' }, duplicateButton, deleteButton, undoButton, replaceImageButton, imageFile),
    h('div', { class: 'pg-toolgroup', role: 'group', 'aria-label': 'Colour' }, h('label', { for: 'pg-fill', class: 'pg-label' }, 'Fill colour'), fillText, fillSwatch, recolourButton),
  )
  const canvas = h('canvas', {
    class: 'pg-canvas',
    tabindex: 0,
    role: 'img',
    'aria-roledescription': 'canvas',
    'aria-keyshortcuts': 'ArrowLeft ArrowRight ArrowUp ArrowDown Delete Escape Enter',
  })
  const view = new CanvasView(canvas, editor, { tool: () => tool, setTool, fill: currentFill, announce })
  // For journeys and for poking around in devtools: the world, and where a layer is on screen.
  ;(window as unknown as { __playground: unknown }).__playground = {
    editor,
    world,
    /** The centre of the named layer on the active person's page, in client coordinates. */
    locate: (name: string): { x: number; y: number } | null => {
      const node = editor.read(() => editor.pageOf().findOne((n) => n.name === name))
      const box = node?.absoluteBoundingBox
      return box ? view.toClient(box.x + box.width / 2, box.y + box.height / 2) : null
    },
    /** Page coordinates → client coordinates. */
    toClient: (x: number, y: number) => view.toClient(x, y),
  }

  const menu = h('div', { class: 'pg-menu', role: 'group', 'aria-label': `Plugins: ${build.name}` })
  for (const item of build.menu) {
    const button = h('button', { type: 'button', class: 'pg-button pg-menu-item', text: item.name })
    button.addEventListener('click', () => void editor.runCommand(item.command))
    menu.append(button)
  }
  const properties = h('section', { class: 'pg-properties', 'aria-labelledby': 'pg-properties-title' })

  const left = h('aside', { class: 'pg-left', 'aria-label': 'Pages and layers' }, h('h2', { class: 'pg-h2' }, 'Pages'), pageNav, h('h2', { class: 'pg-h2', id: 'pg-layers-title' }, 'Layers'), layerList)
  const center = h('main', { class: 'pg-center' }, toolbar, canvas, status)
  const right = h(
    'aside',
    { class: 'pg-right', 'aria-label': 'Properties and plugins' },
    properties,
    h('h2', { class: 'pg-h2' }, `Plugins › Development › ${build.name}`),
    menu,
  )
  root.replaceChildren(header, h('div', { class: 'pg-body' }, left, center, right, pluginHost), toasts)

  // ── rendering ────────────────────────────────────────────────────────────────
  let lastKey = ''
  let focusedLayerId: string | null = null

  const renderPages = (): void => {
    const current = editor.pageOf()
    pageNav.replaceChildren(
      ...editor.pages.map((page) => {
        const button = h('button', { type: 'button', class: 'pg-button pg-page', 'aria-current': page.id === current.id ? 'page' : undefined, text: page.name })
        button.addEventListener('click', () => void editor.setPage(page).then(() => announce(`Page ${page.name}.`)))
        return button
      }),
    )
  }

  const renderLayers = (): void => {
    const selection = new Set(editor.selectionOf().map((n) => n.id))
    const hadFocus = layerList.contains(document.activeElement)
    const rows: { node: SceneNode; depth: number }[] = []
    editor.read(() => {
      const walk = (node: SceneNode, depth: number): void => {
        rows.push({ node, depth })
        if ('children' in node) for (const child of node.children.slice().reverse()) walk(child, depth + 1)
      }
      for (const node of editor.pageOf().children.slice().reverse()) walk(node, 0)
    })
    if (focusedLayerId === null || !rows.some((r) => r.node.id === focusedLayerId)) {
      focusedLayerId = rows.find((r) => selection.has(r.node.id))?.node.id ?? rows[0]?.node.id ?? null
    }
    layerList.setAttribute('tabindex', rows.length ? '-1' : '0')
    layerList.replaceChildren(
      ...rows.map(({ node, depth }) => {
        const li = h(
          'li',
          {
            role: 'option',
            id: `pg-layer-${node.id.replace(':', '-')}`,
            class: 'pg-layer',
            'aria-selected': String(selection.has(node.id)),
            tabindex: node.id === focusedLayerId ? 0 : -1,
            'data-id': node.id,
            style: `padding-left:${String(8 + depth * 14)}px`,
          },
          h('span', { class: 'pg-layer-type', 'aria-hidden': 'true', text: node.type === 'FRAME' ? '#' : node.type === 'ELLIPSE' ? '○' : node.type === 'VECTOR' ? '✎' : '□' }),
          node.name,
        )
        return li
      }),
    )
    if (hadFocus && focusedLayerId) layerList.querySelector<HTMLElement>(`[data-id="${focusedLayerId}"]`)?.focus()
  }

  const layerNode = (id: string | null | undefined): SceneNode | null => {
    if (!id) return null
    let found: SceneNode | null = null
    editor.read(() => {
      found = editor.pageOf().findOne((n) => n.id === id)
    })
    return found
  }
  layerList.addEventListener('click', (event) => {
    const li = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]')
    const node = layerNode(li?.dataset.id)
    if (!node) return
    focusedLayerId = node.id
    const selection = editor.selectionOf()
    if (event.shiftKey) editor.select(selection.includes(node) ? selection.filter((n) => n !== node) : [...selection, node])
    else editor.select([node])
  })
  layerList.addEventListener('keydown', (event) => {
    const options = Array.from(layerList.querySelectorAll<HTMLElement>('[role="option"]'))
    const index = options.findIndex((o) => o === document.activeElement)
    const go = (i: number): void => {
      const target = options[Math.max(0, Math.min(options.length - 1, i))]
      if (!target) return
      focusedLayerId = target.dataset.id ?? null
      const node = layerNode(focusedLayerId)
      if (node) {
        const selection = editor.selectionOf()
        editor.select(event.shiftKey ? [...selection.filter((n) => n !== node), node] : [node])
      }
      target.focus()
    }
    if (event.key === 'ArrowDown') go(index + 1)
    else if (event.key === 'ArrowUp') go(index - 1)
    else if (event.key === 'Home') go(0)
    else if (event.key === 'End') go(options.length - 1)
    else if (event.key === ' ' || event.key === 'Enter') {
      const node = layerNode(options[index]?.dataset.id)
      if (node) editor.select([node])
    } else return
    event.preventDefault()
  })

  const renderProperties = (): void => {
    const selection = editor.selectionOf()
    const title = h('h2', { class: 'pg-h2', id: 'pg-properties-title' }, 'Properties')
    if (selection.length !== 1) {
      properties.replaceChildren(title, h('p', { class: 'pg-muted', text: selection.length ? `${String(selection.length)} layers selected.` : 'Nothing selected: click a layer on the canvas or in the list.' }))
      return
    }
    const node = selection[0]!
    const fills = 'fills' in node && Array.isArray(node.fills) ? (node.fills as Paint[]) : []
    const solid = fills.find((p): p is SolidPaint => p.type === 'SOLID')
    const relaunch = editor.read(() => node.getRelaunchData())
    const list = h('dl', { class: 'pg-props' })
    const row = (term: string, value: string): void => {
      list.append(h('dt', { text: term }), h('dd', { text: value }))
    }
    row('Layer', node.name)
    row('Type', node.type.toLowerCase())
    row('Position', `${String(Math.round(node.x))}, ${String(Math.round(node.y))}`)
    row('Size', `${String(Math.round(node.width))} × ${String(Math.round(node.height))}`)
    if (solid) row('Fill', toHex(solid.color))
    const buttons = Object.entries(relaunch).map(([command, description]) => {
      const name = build.relaunchButtons.find((b) => b.command === command)?.name ?? command
      const button = h('button', { type: 'button', class: 'pg-button pg-relaunch', text: name })
      button.addEventListener('click', () => void editor.runCommand(command, { relaunch: true }))
      return h('div', { class: 'pg-relaunch-row' }, button, description ? h('span', { class: 'pg-muted pg-small', text: description }) : null)
    })
    properties.replaceChildren(title, list, ...(buttons.length ? [h('h3', { class: 'pg-h3', text: build.name }), ...buttons] : []))
  }

  const render = (force = false): void => {
    const key = documentKey(editor)
    canvas.setAttribute(
      'aria-label',
      `Canvas, page ${editor.pageOf().name}. Selected: ${editor.selectionOf().map((n) => n.name).join(', ') || 'nothing'}. ` +
        'Arrow keys move the selection (Shift: 10 px); Delete removes it; with the Rectangle or Ellipse tool, Enter draws one.',
    )
    document.documentElement.classList.toggle('pg-dark', editor.theme === 'dark')
    const running = editor.people.find((p) => p.plugin !== null)
    pluginNote.hidden = editor.active.plugin !== null
    pluginNote.textContent =
      `${build.name} is not running for ${editor.active.user.name}: run a command from the Plugins menu.` +
      (running
        ? ` One plugin runs at a time in this simulation: ${running.user.name}’s is open, and journals ${editor.active.user.name}’s edits as a collaborator’s.`
        : '')
    if (force || key !== lastKey) {
      lastKey = key
      renderPages()
      renderLayers()
      renderProperties()
      personSelect.value = editor.active.user.id
    }
    view.render(key)
  }
  editor.onChange(() => render())
  // The plugin changes the document too (selection, relaunch data): look every 250 ms.
  setInterval(() => render(), 250)
  window.addEventListener('resize', () => render(true))

  personSelect.addEventListener('change', () => {
    const person = editor.people.find((p) => p.user.id === personSelect.value)
    if (person) {
      editor.switchTo(person)
      announce(`You are now ${person.user.name}.`)
    }
  })
  themeSelect.addEventListener('change', () => editor.setTheme(themeSelect.value === 'dark' ? 'dark' : 'light'))

  // Editor shortcuts, when the focus is not in a field or the plugin.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement
    if (target.closest('input, select, textarea, iframe')) return
    const mod = event.ctrlKey || event.metaKey
    if (mod && event.key.toLowerCase() === 'z') {
      event.preventDefault()
      undoButton.click()
    } else if (mod && event.key.toLowerCase() === 'd') {
      event.preventDefault()
      duplicateButton.click()
    } else if (mod || event.altKey) {
      return
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      if (target.closest('button')) return
      event.preventDefault()
      deleteButton.click()
    } else if (event.key === 'Escape') {
      editor.select([])
      setTool('select')
    } else if (event.key === 'v' || event.key === 'V') setTool('select')
    else if (event.key === 'r' || event.key === 'R') setTool('rectangle')
    else if (event.key === 'o' || event.key === 'O') setTool('ellipse')
  })

  const initialTheme: Theme = params.get('theme') === 'dark' ? 'dark' : 'light'
  themeSelect.value = initialTheme
  editor.setTheme(initialTheme)
  const first: Person = editor.people.find((p) => p.user.id === params.get('person')) ?? editor.active
  editor.switchTo(first)
  render(true)
  if (params.get('plugin') !== '0') await editor.runCommand(build.menu[0]?.command ?? 'capture')
  root.removeAttribute('aria-busy')
  root.dataset.ready = 'true'
}

const root = document.getElementById('playground')
if (root) {
  boot(root).catch((error: unknown) => {
    root.removeAttribute('aria-busy')
    root.textContent = `The playground could not start: ${error instanceof Error ? error.message : String(error)}`
    console.error(error)
  })
}
