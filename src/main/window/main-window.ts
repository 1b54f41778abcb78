// The console window. Every web preference that matters is spelled out, so a changed
// Electron default cannot quietly weaken it.
import { BrowserWindow } from 'electron'

export interface MainWindowOptions {
  preloadPath: string
  /** app://console/index.html, or the electron-vite dev server in development. */
  startUrl: string
  icon?: string
  devTools: boolean
}

/**
 * The web preferences of every window of the app (the console and the room display): the
 * sandboxed preload, context isolation, no Node, nothing remote.
 */
export function secureWebPreferences(
  preloadPath: string,
  devTools: boolean,
): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools,
  }
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Auction Console',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#111418',
    autoHideMenuBar: true,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.startUrl)
  return window
}
