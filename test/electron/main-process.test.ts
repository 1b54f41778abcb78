// The real main entry (src/main/index.ts) run in Node with a stand-in 'electron' module and
// the real API service on the test Redis: the window's settings, the app:// protocol, the
// session rules, IPC from the window to Redis and back, and the orderly quit. Electron
// itself cannot run here (its binary cannot be downloaded); app.spec.ts covers it where
// it can.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { INVOKE_CHANNELS, PUSH_CHANNELS } from '../../src/main/ipc'
import { app, fireReady, recorded, type FakeBrowserWindow } from './support/electron-stub'

vi.mock('electron', () => import('./support/electron-stub'))

const userData = mkdtempSync(join(tmpdir(), 'auction-main-'))
let window: FakeBrowserWindow

const invoke = (name: keyof typeof INVOKE_CHANNELS, input: unknown, from = window) => {
  const handler = recorded.handlers.get(INVOKE_CHANNELS[name])
  if (!handler) throw new Error(`no handler for ${name}`)
  const event = {
    sender: from.webContents,
    senderFrame: { url: from.url, parent: null },
  }
  return handler(event, input) as Promise<Record<string, unknown>>
}

describe('main entry with a stand-in electron', () => {
  beforeAll(async () => {
    process.env.REDIS_URL = inject('redisUrl')
    process.env.AUCTION_USER_DATA = userData
    delete process.env.ELECTRON_RENDERER_URL
    await import('../../src/main/index')
    fireReady()
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1), { timeout: 10_000 })
    window = recorded.windows[0] as FakeBrowserWindow
  })

  afterAll(() => {
    delete process.env.AUCTION_USER_DATA
    rmSync(userData, { recursive: true, force: true })
  })

  it('registers app:// as a secure standard scheme before ready, and keeps data in userData', () => {
    expect(recorded.registeredSchemesAt).toBeGreaterThan(0)
    expect(recorded.registeredSchemesAt).toBeLessThan(recorded.readyAt)
    expect(recorded.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect(app.getPath('userData')).toBe(userData)
    expect(recorded.errors).toEqual([])
  })

  it('opens one hardened window on app://console', () => {
    expect(window.url).toBe('app://console/index.html')
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    })
    expect(String(window.options.webPreferences.preload)).toMatch(/[/\\]preload[/\\]index\.cjs$/)
  })

  it('binds every command and answers the window from the real service and Redis', async () => {
    expect([...recorded.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort())
    await vi.waitFor(
      async () => expect(await invoke('connection:status', {})).toMatchObject({ state: 'live' }),
      { timeout: 15_000, interval: 100 },
    )
    const invalid = await invoke('bids:place', { auctionId: 'x', amount: 'ten' })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    // The service pushes the connection state to the window on its push channel.
    expect(window.webContents.sent.map((message) => message.channel)).toContain(
      PUSH_CHANNELS['connection:state'],
    )
  })

  it('refuses a frame that is not the app page', async () => {
    const handler = recorded.handlers.get(INVOKE_CHANNELS['clock:now'])
    const result = await handler?.(
      { sender: window.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      {},
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
  })

  it('serves the renderer over app:// with the CSP header, and nothing outside it', async () => {
    const handler = recorded.protocolHandlers.get('app')
    expect(handler).toBeDefined()
    const page = await handler?.({ url: 'app://console/index.html' })
    expect(page?.status).toBe(200)
    expect(page?.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page?.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/)
    expect(await page?.text()).toContain('<div id="root">')
    for (const url of ['app://console/%2e%2e%2fpackage.json', 'app://elsewhere/index.html']) {
      expect((await handler?.({ url }))?.status, url).toBe(404)
    }
  })

  it('puts the CSP on app responses, blocks remote requests, grants only notifications', () => {
    const headers = (url: string): Record<string, string[]> => {
      let out: Record<string, string[]> = {}
      recorded.session.headersReceived?.(
        { url, responseHeaders: { 'content-security-policy': ['default-src *'] } },
        (answer: { responseHeaders?: Record<string, string[]> }) =>
          (out = answer.responseHeaders ?? {}),
      )
      return out
    }
    const appHeaders = headers('app://console/index.html')
    expect(Object.keys(appHeaders)).toEqual(['Content-Security-Policy'])
    expect(appHeaders['Content-Security-Policy']?.[0]).toMatch(/^default-src 'none'/)

    const cancelled = (url: string): boolean => {
      let cancel = false
      recorded.session.beforeRequest?.(
        { url },
        (answer: { cancel: boolean }) => (cancel = answer.cancel),
      )
      return cancel
    }
    expect(cancelled('app://console/assets/x.js')).toBe(false)
    expect(cancelled('https://example.com/')).toBe(true)

    const granted = (permission: string, requestingUrl: string): boolean => {
      let answer = true
      recorded.session.permissionRequest?.(
        window.webContents,
        permission,
        (ok: boolean) => (answer = ok),
        { requestingUrl },
      )
      return answer
    }
    expect(granted('notifications', 'app://console/index.html')).toBe(true)
    expect(granted('media', 'app://console/index.html')).toBe(false)
    expect(
      recorded.session.permissionCheck?.(window.webContents, 'geolocation', 'app://console'),
    ).toBe(false)
  })

  it('blocks navigation, window.open and webviews', () => {
    let prevented = 0
    const event = { preventDefault: () => prevented++ }
    window.webContents.emit('will-navigate', event, 'https://evil.example/')
    window.webContents.emit('will-navigate', event, 'app://console/other.html')
    window.webContents.emit('will-attach-webview', event)
    expect(prevented).toBe(3)
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({
      action: 'deny',
    })
  })

  it('quits only after the API service has stopped', async () => {
    app.quit()
    // The first quit is held back while the service closes; then the app quits for real.
    expect(recorded.quit).toBe(false)
    await vi.waitFor(() => expect(recorded.quit).toBe(true), { timeout: 15_000 })
    expect(recorded.quitRequests).toBe(2)
    expect(recorded.handlers.size).toBe(0)
    expect(recorded.exitCode).toBeUndefined()
  })
})
