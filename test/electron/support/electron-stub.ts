// A stand-in for the 'electron' module, for running the real main entry (src/main/index.ts)
// in Node: it records what the entry asks of Electron (schemes, windows, handlers, session
// rules) and lets the test drive it (ready, IPC calls, navigation, quit). It is not
// Electron: it shows our wiring is right, not that Chromium honours it.
import { EventEmitter } from 'node:events'

type Listener = (...args: unknown[]) => unknown

export const recorded = {
  userData: '',
  schemes: [] as unknown[],
  readyAt: -1,
  registeredSchemesAt: -1,
  windows: [] as FakeBrowserWindow[],
  handlers: new Map<string, Listener>(),
  protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  session: {
    beforeRequest: undefined as Listener | undefined,
    headersReceived: undefined as Listener | undefined,
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    devicePermission: undefined as Listener | undefined,
  },
  errors: [] as string[],
  quitRequests: 0,
  quit: false,
  exitCode: undefined as number | undefined,
}

let step = 0
let resolveReady: () => void = () => undefined
const ready = new Promise<void>((resolve) => (resolveReady = resolve))

class FakeApp extends EventEmitter {
  isPackaged = false
  setPath(name: string, path: string): void {
    if (name === 'userData') recorded.userData = path
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`)
    return recorded.userData
  }
  requestSingleInstanceLock(): boolean {
    return true
  }
  setAppUserModelId(): void {}
  whenReady(): Promise<void> {
    return ready
  }
  /** Like Electron: 'before-quit' may be prevented; otherwise the app quits. */
  quit(): void {
    recorded.quitRequests++
    let prevented = false
    this.emit('before-quit', { preventDefault: () => (prevented = true) })
    if (!prevented) recorded.quit = true
  }
  exit(code: number): void {
    recorded.exitCode = code
  }
}
export const app = new FakeApp()

/** Test control: Electron finished starting. */
export function fireReady(): void {
  recorded.readyAt = ++step
  resolveReady()
}

let nextId = 100

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++
  readonly sent: { channel: string; payload: unknown }[] = []
  windowOpenHandler: Listener | undefined
  destroyed = false
  isDestroyed(): boolean {
    return this.destroyed
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload })
  }
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents()
  url = ''
  constructor(
    readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>,
  ) {
    super()
    recorded.windows.push(this)
    app.emit('web-contents-created', {}, this.webContents)
  }
  async loadURL(url: string): Promise<void> {
    this.url = url
    // The page commits: Electron's did-navigate.
    setImmediate(() => this.webContents.emit('did-navigate'))
  }
  isMinimized(): boolean {
    return false
  }
  restore(): void {}
  focus(): void {}
  show(): void {}
  static getAllWindows(): FakeBrowserWindow[] {
    return recorded.windows
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return null
  }
}
export const BrowserWindow = FakeBrowserWindow

export const ipcMain = {
  handle(channel: string, listener: Listener): void {
    if (recorded.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    recorded.handlers.set(channel, listener)
  },
  removeHandler(channel: string): void {
    recorded.handlers.delete(channel)
  },
}

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    if (recorded.readyAt >= 0) throw new Error('registerSchemesAsPrivileged after ready')
    recorded.registeredSchemesAt = ++step
    recorded.schemes.push(...schemes)
  },
  handle(scheme: string, handler: (request: { url: string }) => Promise<Response>): void {
    recorded.protocolHandlers.set(scheme, handler)
  },
}

export const session = {
  defaultSession: {
    webRequest: {
      onBeforeRequest: (listener: Listener) => (recorded.session.beforeRequest = listener),
      onHeadersReceived: (listener: Listener) => (recorded.session.headersReceived = listener),
    },
    setPermissionRequestHandler: (l: Listener) => (recorded.session.permissionRequest = l),
    setPermissionCheckHandler: (l: Listener) => (recorded.session.permissionCheck = l),
    setDevicePermissionHandler: (l: Listener) => (recorded.session.devicePermission = l),
  },
}

/** No OS keyring in the test: the settings store must then keep no password. */
export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: () => {
    throw new Error('no keyring')
  },
  decryptString: () => {
    throw new Error('no keyring')
  },
  getSelectedStorageBackend: () => 'basic_text',
}

export const dialog = {
  showErrorBox: (title: string, message: string) => recorded.errors.push(`${title}: ${message}`),
}
