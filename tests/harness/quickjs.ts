/**
 * Runs a plugin's main-thread bundle inside QuickJS compiled to WebAssembly
 * (`quickjs-emscripten`), against the in-memory Figma. This is the closest model of
 * Figma's main-thread VM available (FIGMA.md "Runtime"): it has no browser or Node
 * globals (no TextEncoder, crypto, atob, DOM…), rejects syntax V8 forgives, and runs
 * compute about as slowly as the real sandbox, so its timings are honest.
 *
 * Inside the VM, in order:
 *   1. host shims: `console` (forwarded to `plugin.logs`), `setTimeout`/`setInterval`/
 *      `clearTimeout`/`clearInterval` backed by Node timers — the globals Figma
 *      declares (@figma/plugin-typings index.d.ts);
 *   2. the fake (tests/figma-fake/global.ts bundled, see bundle-fake.ts);
 *   3. `globalThis.__world = FigmaFake.createFigmaWorld(worldOptions)`,
 *      `globalThis.__session = __world.openSession(user, { command })`,
 *      `FigmaFake.installGlobals(__session, uiHtml)`, and a bridge: every
 *      `figma.ui.postMessage(m)` of main reaches `plugin.messages`;
 *   4. `setup` (test code: build a document, …; sees `FigmaFake`, `__world`, `__session`);
 *   5. the plugin's main.js.
 *
 * Each plugin gets its own WebAssembly instance of QuickJS (the release, synchronous
 * build; instantiating one takes ~5–15 ms), so a plugin that crashes the VM cannot
 * poison another test's VM.
 *
 * Stack: WebAssembly frames run on Node's own native stack (~1 MB), which is the real
 * limit. QuickJS's stack limit is set just below what that allows (384 KB: about
 * 2,000 levels of plain JS recursion), so deep recursion ends in a clean
 * `InternalError: stack overflow` inside the VM rather than a host RangeError that
 * breaks the WebAssembly instance. Raising it further makes things worse, not better.
 *
 * Messages cross the VM boundary as JSON, with Uint8Array preserved (tagged). Main → UI,
 * a Uint8Array's bytes leave as an ArrayBuffer copied natively (a tag in the JSON names
 * it), as Figma's structured clone copies them: spelling 16 kB out as a JSON array of
 * numbers cost QuickJS ~29 ms a message here, Figma's clone microseconds (issue #20).
 * Every synchronous entry into the VM that runs plugin code (main.js evaluation, each
 * timer callback, each delivered message) is timed, pending jobs (promise reactions)
 * included, into `slicesMs`: the time Figma's editor thread would be blocked.
 */
import { newQuickJSWASMModule, RELEASE_SYNC } from 'quickjs-emscripten'
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten'
import { bundleFake } from './bundle-fake'

export interface QuickJsOptions {
  /** The plugin's main-thread bundle (e.g. the text of build/main.js). */
  mainJs: string
  /**
   * JS run in the VM after the fake loads and the session is installed, before main.
   * Has `FigmaFake`, `__world`, `__session` and `figma` in scope.
   */
  setup?: string
  /** Passed to `world.openSession(user, …)`. JSON-serializable. */
  user?: unknown
  /** `figma.command` for this run (a manifest menu command). */
  command?: string
  /** Passed to `FigmaFake.createFigmaWorld(options)`. JSON-serializable. */
  worldOptions?: unknown
  /** What `__html__` holds (default: a tiny placeholder document). */
  uiHtml?: string
  /** Runtime memory limit in bytes (default 512 MB: room for 10,000-node documents). */
  memoryLimitBytes?: number
  /**
   * QuickJS stack limit in bytes (default 384 KB). Higher values let recursion run
   * into Node's native stack limit first, which aborts the VM (see the file header).
   */
  maxStackBytes?: number
  /** A single VM entry running longer than this is interrupted (default 60 s). */
  sliceTimeoutMs?: number
  /** Also print the VM's console output to the test's console (default false). */
  echoConsole?: boolean
  /** Use this script instead of the bundled tests/figma-fake (for harness tests). */
  fakeJs?: string
}

export interface ConsoleEntry {
  level: 'log' | 'info' | 'warn' | 'error'
  text: string
}

export interface QuickJsPlugin {
  /** Delivers a message to main, as the UI's `parent.postMessage({pluginMessage})` would. */
  postToMain(message: unknown): void
  /** Every message main posted to the UI, in order. */
  messages: unknown[]
  /**
   * Resolves with the first message (already received or still to come) that matches;
   * rejects after `timeoutMs` (default 5000) listing what did arrive.
   */
  waitForMessage(predicate: (message: unknown) => boolean, timeoutMs?: number): Promise<unknown>
  /** Calls `listener` with every later message main posts (outside the VM's call stack). */
  onMessage(listener: (message: unknown) => void): () => void
  /** Evaluates test code in the VM (pending jobs run after); returns it JSON-roundtripped. */
  evalInVm(code: string): unknown
  /** Wall time in ms of each synchronous entry into the VM that ran plugin code. */
  slicesMs: number[]
  /**
   * The same entries' CPU time in ms (this process, user + system): on a loaded machine
   * wall time also counts the time other processes had the core, CPU time does not.
   */
  slicesCpuMs: number[]
  /** Sum of `slicesMs`. */
  totalMs(): number
  /** What the VM wrote to its console. */
  logs: ConsoleEntry[]
  /** Errors thrown out of timer callbacks, message handlers or promise jobs. */
  errors: string[]
  /** Stops all timers and frees the VM. Idempotent. */
  dispose(): void
}

const DEFAULT_UI_HTML = '<!doctype html><html><body><div id="app"></div></body></html>'

/** JS evaluated first in the VM: console, timers and the JSON codec of the bridge. */
const PRELUDE = String.raw`
(function () {
  var host = globalThis.__lpHost;
  function show(value) {
    if (typeof value === 'string') return value;
    if (value instanceof Error) return value.stack ? value.name + ': ' + value.message + '\n' + value.stack : String(value);
    try {
      var json = JSON.stringify(value);
      return json === undefined ? String(value) : json;
    } catch (e) {
      return String(value);
    }
  }
  function writer(level) {
    return function () {
      var parts = [];
      for (var i = 0; i < arguments.length; i++) parts.push(show(arguments[i]));
      host.log(level, parts.join(' '));
    };
  }
  globalThis.console = {
    log: writer('log'),
    info: writer('info'),
    warn: writer('warn'),
    error: writer('error'),
    assert: function (condition) {
      if (!condition) {
        var rest = Array.prototype.slice.call(arguments, 1);
        writer('error').apply(null, ['Assertion failed'].concat(rest));
      }
    },
    clear: function () {},
  };

  var timers = new Map();
  var nextId = 1;
  function schedule(callback, ms, repeat) {
    if (typeof callback !== 'function') throw new TypeError('timer callback must be a function');
    var id = nextId++;
    var delay = Number(ms);
    timers.set(id, { callback: callback, repeat: repeat });
    host.setTimer(id, delay > 0 ? delay : 0, repeat);
    return id;
  }
  function clear(id) {
    if (timers.delete(id)) host.clearTimer(id);
  }
  globalThis.setTimeout = function (callback, ms) { return schedule(callback, ms, false); };
  globalThis.setInterval = function (callback, ms) { return schedule(callback, ms, true); };
  globalThis.clearTimeout = clear;
  globalThis.clearInterval = clear;

  function isTagged(x) {
    return x !== null && typeof x === 'object' && Array.isArray(x.$u8) && Object.keys(x).length === 1;
  }
  globalThis.__lp = {
    fireTimer: function (id) {
      var timer = timers.get(id);
      if (!timer) return;
      if (!timer.repeat) timers.delete(id);
      timer.callback();
    },
    /** Posts a message to the host: its Uint8Arrays as copied ArrayBuffers after the JSON, tagged by index. */
    post: function (value) {
      var bytes = [];
      var json = JSON.stringify(value, function (key, x) {
        if (!(x instanceof Uint8Array)) return x;
        bytes.push(x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength));
        return { $u8ref: bytes.length - 1 };
      });
      host.post.apply(null, [json].concat(bytes));
    },
    decode: function (text) {
      return JSON.parse(text, function (key, x) {
        return isTagged(x) ? new Uint8Array(x.$u8) : x;
      });
    },
  };
})();
`

function encodeForVm(value: unknown): string {
  return JSON.stringify(value, (_key, x: unknown) => (x instanceof Uint8Array ? { $u8: Array.from(x) } : x))
}

function decodeFromVm(text: string, bytes: readonly Uint8Array[] = []): unknown {
  return JSON.parse(text, (_key, x: unknown) => {
    if (x !== null && typeof x === 'object' && Object.keys(x).length === 1) {
      const tagged = (x as { $u8?: unknown }).$u8
      if (Array.isArray(tagged)) return new Uint8Array(tagged as number[])
      const ref = (x as { $u8ref?: unknown }).$u8ref
      if (typeof ref === 'number' && bytes[ref]) return bytes[ref]
    }
    return x
  })
}

export async function startInQuickJs(options: QuickJsOptions): Promise<QuickJsPlugin> {
  const [QuickJS, fakeJs] = await Promise.all([newQuickJSWASMModule(RELEASE_SYNC), options.fakeJs ?? bundleFake()])
  const runtime: QuickJSRuntime = QuickJS.newRuntime()
  runtime.setMemoryLimit(options.memoryLimitBytes ?? 512 * 1024 * 1024)
  runtime.setMaxStackSize(options.maxStackBytes ?? 384 * 1024)
  const sliceTimeoutMs = options.sliceTimeoutMs ?? 60_000
  let deadline = Infinity
  runtime.setInterruptHandler(() => Date.now() > deadline)
  const vm: QuickJSContext = runtime.newContext()

  const messages: unknown[] = []
  const listeners = new Set<(message: unknown) => void>()
  const slicesMs: number[] = []
  const slicesCpuMs: number[] = []
  const logs: ConsoleEntry[] = []
  const errors: string[] = []
  /** Host timers by VM timer id; each entry cancels its timer. */
  const timers = new Map<number, () => void>()
  const waiters = new Set<() => void>()
  let disposed = false

  const echo = (entry: ConsoleEntry): void => {
    if (!options.echoConsole) return
    const line = `[quickjs] ${entry.text}`
    if (entry.level === 'error') console.error(line)
    else if (entry.level === 'warn') console.warn(line)
    else console.log(line)
  }

  const describeError = (handle: QuickJSHandle): string => {
    const dumped: unknown = vm.dump(handle)
    if (dumped && typeof dumped === 'object') {
      const { name, message, stack } = dumped as { name?: string; message?: string; stack?: string }
      if (message !== undefined) return `${name ?? 'Error'}: ${message}${stack ? `\n${stack}` : ''}`
      return JSON.stringify(dumped)
    }
    return String(dumped)
  }

  const recordError = (where: string, text: string): void => {
    const entry = `${where}: ${text}`
    errors.push(entry)
    logs.push({ level: 'error', text: entry })
    echo({ level: 'error', text: entry })
  }

  /** Runs promise jobs until none are left; errors out of jobs are recorded. */
  const drainJobs = (): void => {
    for (;;) {
      const result = runtime.executePendingJobs()
      if (result.error) {
        recordError('pending job', describeError(result.error))
        result.error.dispose()
        continue
      }
      const executed = result.value
      if (executed === 0) return
    }
  }

  /**
   * One synchronous entry into the VM: `run` returns the handle of the evaluation
   * (or an error), then pending jobs run. Returns the error text, if any.
   */
  const enter = (
    where: string,
    run: () => { error?: QuickJSHandle; value?: QuickJSHandle },
    timed: boolean,
  ): { error?: string; value?: unknown } => {
    if (disposed) return { error: 'the VM was disposed' }
    deadline = Date.now() + sliceTimeoutMs
    const started = performance.now()
    const cpuStarted = timed ? process.cpuUsage() : null
    let outcome: { error?: string; value?: unknown }
    try {
      const result = run()
      if (result.error) {
        outcome = { error: describeError(result.error) }
        result.error.dispose()
      } else {
        outcome = { value: result.value ? vm.dump(result.value) : undefined }
        result.value?.dispose()
      }
      drainJobs()
    } finally {
      deadline = Infinity
      if (timed) {
        slicesMs.push(performance.now() - started)
        const cpu = process.cpuUsage(cpuStarted ?? undefined)
        slicesCpuMs.push((cpu.user + cpu.system) / 1000)
      }
    }
    if (outcome.error !== undefined && where !== 'eval' && where !== 'main.js' && where !== 'setup') {
      recordError(where, outcome.error)
    }
    return outcome
  }

  const callGlobal = (path: [string, string], args: QuickJSHandle[]): { error?: QuickJSHandle; value?: QuickJSHandle } => {
    const owner = vm.getProp(vm.global, path[0])
    const fn = vm.getProp(owner, path[1])
    try {
      return vm.callFunction(fn, owner, ...args)
    } finally {
      fn.dispose()
      owner.dispose()
      for (const arg of args) arg.dispose()
    }
  }

  const notifyWaiters = (): void => {
    for (const waiter of [...waiters]) waiter()
  }

  // --- host functions the prelude uses --------------------------------------------
  const host = vm.newObject()
  const hostFunctions: Record<string, (...args: QuickJSHandle[]) => QuickJSHandle | undefined> = {
    log: (level, text) => {
      const entry: ConsoleEntry = {
        level: vm.getString(level) as ConsoleEntry['level'],
        text: vm.getString(text),
      }
      logs.push(entry)
      echo(entry)
      return undefined
    },
    setTimer: (idHandle, msHandle, repeatHandle) => {
      const id = vm.getNumber(idHandle)
      const ms = vm.getNumber(msHandle)
      const repeat = vm.dump(repeatHandle) === true
      const fire = (): void => {
        if (!repeat) timers.delete(id)
        const handle = vm.newNumber(id)
        enter('timer callback', () => callGlobal(['__lp', 'fireTimer'], [handle]), true)
      }
      if (repeat) {
        const handle = setInterval(fire, ms)
        timers.set(id, () => clearInterval(handle))
      } else {
        const handle = setTimeout(fire, ms)
        timers.set(id, () => clearTimeout(handle))
      }
      return undefined
    },
    clearTimer: (idHandle) => {
      const id = vm.getNumber(idHandle)
      timers.get(id)?.()
      timers.delete(id)
      return undefined
    },
    post: (json, ...buffers) => {
      // Copied out of the VM's memory: the message owns its bytes, as a structured clone does.
      const bytes = buffers.map((b) => vm.getArrayBuffer(b).consume((view) => view.value.slice()))
      const message = decodeFromVm(vm.getString(json), bytes)
      messages.push(message)
      for (const listener of listeners) queueMicrotask(() => listener(message))
      // Resolve waiters outside the VM call stack.
      queueMicrotask(notifyWaiters)
      return undefined
    },
  }
  for (const [name, impl] of Object.entries(hostFunctions)) {
    const fn = vm.newFunction(name, impl)
    vm.setProp(host, name, fn)
    fn.dispose()
  }
  vm.setProp(vm.global, '__lpHost', host)
  host.dispose()

  const dispose = (): void => {
    if (disposed) return
    disposed = true
    for (const cancel of timers.values()) cancel()
    timers.clear()
    notifyWaiters()
    waiters.clear()
    try {
      vm.dispose()
      runtime.dispose()
    } catch {
      // After some failures (a stack overflow, an interrupted job) QuickJS aborts on
      // its leak assertion when freeing the runtime. The WebAssembly instance is this
      // plugin's alone and is dropped with it, so there is nothing left to clean up.
    }
  }

  const evalOrThrow = (where: 'eval' | 'main.js' | 'setup', code: string, filename: string, timed: boolean): unknown => {
    const outcome = enter(where, () => vm.evalCode(code, filename), timed)
    if (outcome.error !== undefined) throw new Error(`${where} threw inside QuickJS: ${outcome.error}`)
    return outcome.value
  }

  try {
    evalOrThrow('eval', PRELUDE, 'harness-prelude.js', false)
    evalOrThrow('eval', fakeJs, 'figma-fake.js', false)
    const bootstrap = `
      if (typeof globalThis.FigmaFake !== 'object') throw new Error('the fake bundle did not define globalThis.FigmaFake');
      globalThis.__world = FigmaFake.createFigmaWorld(${encodeForVm(options.worldOptions ?? {})});
      globalThis.__session = __world.openSession(${encodeForVm(options.user ?? null) ?? 'undefined'} ?? undefined, { command: ${JSON.stringify(options.command ?? '')} });
      FigmaFake.installGlobals(__session, ${JSON.stringify(options.uiHtml ?? DEFAULT_UI_HTML)});
      __session.ui.onMessage(function (message) { __lp.post(message); });
    `
    evalOrThrow('eval', bootstrap, 'harness-bootstrap.js', false)
    if (options.setup) evalOrThrow('setup', options.setup, 'setup.js', false)
    evalOrThrow('main.js', options.mainJs, 'main.js', true)
  } catch (error) {
    const recent = logs.slice(-20).map((entry) => `  [${entry.level}] ${entry.text}`)
    dispose()
    if (error instanceof Error && recent.length > 0) error.message += `\nVM console (last ${recent.length}):\n${recent.join('\n')}`
    throw error
  }

  const plugin: QuickJsPlugin = {
    messages,
    slicesMs,
    slicesCpuMs,
    logs,
    errors,
    postToMain(message) {
      if (disposed) throw new Error('postToMain after dispose')
      const json = vm.newString(encodeForVm(message))
      enter(
        'message handler',
        () => {
          const session = vm.getProp(vm.global, '__session')
          const ui = vm.getProp(session, 'ui')
          const post = vm.getProp(ui, 'postToMain')
          const decode = vm.getProp(vm.global, '__lp')
          const decodeFn = vm.getProp(decode, 'decode')
          try {
            const decoded = vm.callFunction(decodeFn, decode, json)
            if (decoded.error) return decoded
            try {
              return vm.callFunction(post, ui, decoded.value)
            } finally {
              decoded.value.dispose()
            }
          } finally {
            for (const handle of [decodeFn, decode, post, ui, session, json]) handle.dispose()
          }
        },
        true,
      )
    },
    waitForMessage(predicate, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        let seen = 0
        const check = (): boolean => {
          for (; seen < messages.length; seen++) {
            if (predicate(messages[seen])) {
              resolve(messages[seen])
              return true
            }
          }
          if (disposed) {
            reject(new Error('the QuickJS plugin was disposed while waiting for a message'))
            return true
          }
          return false
        }
        if (check()) return
        const waiter = (): void => {
          if (check()) {
            clearTimeout(timer)
            waiters.delete(waiter)
          }
        }
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          const got = messages.map((m) => `  ${JSON.stringify(m)?.slice(0, 200)}`).join('\n') || '  (none)'
          const errs = errors.length ? `\nVM errors:\n${errors.map((e) => `  ${e}`).join('\n')}` : ''
          reject(new Error(`no matching message from main within ${timeoutMs} ms; received:\n${got}${errs}`))
        }, timeoutMs)
        waiters.add(waiter)
      })
    },
    onMessage(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    evalInVm(code) {
      if (disposed) throw new Error('evalInVm after dispose')
      return evalOrThrow('eval', code, 'eval.js', false)
    },
    totalMs() {
      return slicesMs.reduce((sum, ms) => sum + ms, 0)
    },
    dispose,
  }
  return plugin
}
