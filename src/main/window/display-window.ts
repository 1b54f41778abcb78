// The room display on the desktop: a second window with the console window's security
// settings (same preload, sandbox, context isolation, no Node; the session's CSP and request
// rules apply to it as to every page), showing the display route of one sale. It opens on
// the last screen (a projector is usually the second one) and goes full screen there; the
// operator may move it. One window per sale: opening it again brings it to the front.
import { BrowserWindow, screen } from 'electron'
import { secureWebPreferences } from './main-window'

export interface DisplayWindowOptions {
  preloadPath: string
  /** app://console/index.html (or the dev server's page), without a hash. */
  pageUrl: string
  icon?: string
  devTools: boolean
  /** A new window, before its page loads (bind it to the contract here). */
  onCreated?: (window: BrowserWindow) => void
}

/** The display route of a sale on the console page. */
export const displayRoute = (pageUrl: string, saleId: string): string =>
  `${pageUrl}#/display/${encodeURIComponent(saleId)}`

const open = new Map<string, BrowserWindow>()

export function openDisplayWindow(saleId: string, options: DisplayWindowOptions): BrowserWindow {
  const existing = open.get(saleId)
  if (existing && !existing.isDestroyed()) {
    existing.show()
    existing.focus()
    return existing
  }
  const displays = screen.getAllDisplays()
  const target = displays[displays.length - 1] ?? screen.getPrimaryDisplay()
  const window = new BrowserWindow({
    title: 'Room display',
    ...target.bounds,
    show: false,
    fullscreen: displays.length > 1,
    backgroundColor: '#0b0d10',
    autoHideMenuBar: true,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  })
  open.set(saleId, window)
  window.on('closed', () => open.delete(saleId))
  window.once('ready-to-show', () => window.show())
  options.onCreated?.(window)
  void window.loadURL(displayRoute(options.pageUrl, saleId))
  return window
}
