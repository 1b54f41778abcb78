// Hardening of every web page the app creates: the CSP header, no remote requests, no
// permissions but notifications, no navigation away from the app, no new windows, no <webview>.
import type { App, Session } from 'electron'
import { isAppUrl, originOf } from '../ipc/origins'
import { allowPermission } from './permissions'
import { isAllowedRequest } from './requests'

/** Applies the request, header and permission rules to a session (the default one). */
export function hardenSession(session: Session, origins: readonly string[], csp: string): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, origins) })
  })
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, origins)) return callback({})
    // Replace whatever the server sent (the dev server sends none) with our policy.
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    )
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } })
  })
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowPermission(permission, details.requestingUrl, origins)),
  )
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowPermission(permission, requestingOrigin, origins),
  )
  session.setDevicePermissionHandler(() => false)
}

/** Guards every webContents as it is created, including any we did not expect. */
export function guardWebContents(
  app: App,
  origins: readonly string[],
  warn: (m: string) => void,
): void {
  app.on('web-contents-created', (_event, contents) => {
    // The console is one page: a link or script that tries to load another document is
    // stopped (loadURL from main, reloads and in-page hash changes do not pass here).
    contents.on('will-navigate', (event, url) => {
      event.preventDefault()
      warn(`blocked navigation to ${safeOrigin(url)}`)
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, origins)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      warn(`denied window.open of ${safeOrigin(url)}`)
      return { action: 'deny' }
    })
  })
}

/** For log lines: where a blocked page wanted to go, without its path or query. */
const safeOrigin = (url: string): string => originOf(url) ?? 'an unparsable URL'
