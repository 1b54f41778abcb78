// The Electron entry: hardens the session, serves the renderer from app://console,
// binds the contract to IPC, opens the window, and stops the API service (and the
// embedded Redis) before the app quits.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  webContents,
} from 'electron'
import { createApiService, displayService, type ConsoleApiService } from './api'
import { resolveLuaDir, scriptSources } from './engine/scripts'
import { attachWindow, bindContract, SenderRegistry, trustedOrigins, APP_ORIGIN } from './ipc'
import { createSafeStorageBox } from './secrets'
import {
  contentSecurityPolicy,
  createMainWindow,
  createPdfPrinter,
  displayRoute,
  openDisplayWindow,
  guardWebContents,
  handleAppProtocol,
  hardenSession,
  quitGracefully,
  registerAppScheme,
} from './window'

const APP_ID = 'com.auctionconsole.app'
const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url))
const log = (message: string): void => console.log(`[auction-console] ${message}`)

// Tests and portable setups may keep settings and the embedded Redis elsewhere.
if (process.env.AUCTION_USER_DATA) app.setPath('userData', process.env.AUCTION_USER_DATA)
// app:// must be registered before `ready`.
registerAppScheme(protocol)

// Two instances would start two embedded Redis servers on one data folder.
if (!app.requestSingleInstanceLock()) {
  // The running one brings its window to the front ('second-instance' below): say so here.
  console.log('[auction-console] A console is already running: its window is brought to the front.')
  app.quit()
} else {
  app.setAppUserModelId(APP_ID)
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error))
}

async function start(): Promise<void> {
  const packaged = app.isPackaged
  // electron-vite dev sets this; a packaged app never loads from a server.
  const devUrl = packaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined
  const origins = trustedOrigins(devUrl, packaged)
  const csp = contentSecurityPolicy(devUrl ? origins[1] : undefined)
  hardenSession(session.defaultSession, origins, csp)
  guardWebContents(app, origins, log)
  handleAppProtocol(protocol, here('../renderer'), csp)

  let service: ConsoleApiService
  try {
    // The Lua is fixed here, once, by what Electron says: a packaged app runs only the
    // scripts it ships (AUCTION_LUA_DIR is ignored, with a warning), loaded before any client.
    scriptSources(resolveLuaDir({ packaged, warn: log }))
    // Settings and the embedded Redis' data live in the user-data folder; REDIS_URL, when
    // set, overrides the saved settings (read by the service).
    service = createApiService({
      dataDir: app.getPath('userData'),
      secrets: createSafeStorageBox(safeStorage),
    })
  } catch (error) {
    fail(error)
    return
  }
  const senders = new SenderRegistry(origins)
  const unbind = bindContract({ ipcMain, service, senders, warn: log })
  quitGracefully(app, async () => {
    unbind()
    await service.close()
  })

  const preloadPath = here('../preload/index.cjs')
  const pageUrl = devUrl ?? `${APP_ORIGIN}/index.html`
  // The window icon matters on Linux; installers carry their own. Packaged, it is an extra
  // resource (electron-builder.yml), in development the file in resources/.
  const icon = packaged ? join(process.resourcesPath, 'icon.png') : here('../../resources/icon.png')
  const openWindow = (): BrowserWindow => {
    const window = createMainWindow({ preloadPath, startUrl: pageUrl, icon, devTools: !packaged })
    attachWindow(window.webContents, { service, senders })
    return window
  }
  // `display:link` on the desktop opens the room display as a second window (movable to the
  // projector's screen). Its session gets what a display tab of the web mode gets: the
  // reads of its one sale, redacted, and nothing that changes state.
  service.offerDisplays((saleId) => {
    openDisplayWindow(saleId, {
      preloadPath,
      pageUrl,
      icon,
      devTools: !packaged,
      onCreated: (display) =>
        attachWindow(display.webContents, { service: displayService(service, saleId), senders }),
    })
    return displayRoute(pageUrl, saleId)
  })
  // `print:pdf`: the calling window's page (the print layout) to a PDF in Downloads.
  service.offerPrinting(
    createPdfPrinter({
      folder: () => app.getPath('downloads'),
      contentsOf: (sessionId) =>
        webContents
          .getAllWebContents()
          .find((contents) => senders.get(contents.id)?.id === sessionId) ?? null,
    }),
  )
  openWindow()

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (!window) return void openWindow()
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  // macOS keeps the app alive without windows; a click on the dock icon reopens one.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  dialog.showErrorBox('Auction Console could not start', message)
  app.exit(1)
}
