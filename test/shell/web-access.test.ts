// The web mode's door: the token for the page, its assets and the WebSocket; Host and
// Origin checks; security headers; no file outside the renderer folder.
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { redisUrl } from '../support/engine'
import { startConsole, wsUrl, type TestConsole } from './support'

let server: TestConsole
let base: string

beforeAll(async () => {
  server = await startConsole({ redisUrl: redisUrl() })
  base = `http://127.0.0.1:${server.port}`
})
afterAll(() => server.stop())

/** Raw GET (fetch cannot set Host), answering status, headers and body. */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Opens a WebSocket and answers the HTTP status of a refused handshake, or 101. */
function handshake(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers })
    socket.on('open', () => {
      socket.close()
      resolve(101)
    })
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      socket.terminate()
    })
    socket.on('error', () => undefined)
  })
}

describe('http access', () => {
  it('serves the page with the token and sets the per-port cookie', async () => {
    const res = await get(`/?token=${server.token}`)
    expect(res.status).toBe(200)
    expect(res.body).toContain('<div id="root">')
    const cookie = String(res.headers['set-cookie'])
    expect(cookie).toContain(`auction_console_${server.port}=${server.token}`)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
  })

  it('answers 401 and no data without a token or with a wrong one', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/?token=wrong', '/?token=']) {
      const res = await get(path)
      expect(res.status, path).toBe(401)
      expect(res.body).not.toContain('root')
      expect(res.body).not.toContain('console.log')
    }
    const wrongCookie = await get('/assets/app.js', {
      cookie: `auction_console_${server.port}=nope`,
    })
    expect(wrongCookie.status).toBe(401)
  })

  it('lets assets in with the cookie the page set', async () => {
    const cookie = `auction_console_${server.port}=${server.token}`
    const res = await get('/assets/app.js', { cookie })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/javascript/)
    expect(res.body).toContain('console.log')
  })

  it('sends strict security headers', async () => {
    const res = await get(`/?token=${server.token}`)
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['x-frame-options']).toBe('DENY')
    const denied = await get('/')
    expect(denied.headers['content-security-policy']).toBeDefined()
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await get(`/?token=${server.token}`, { host: `evil.example:${server.port}` })
    expect(res.status).toBe(403)
  })

  it('never serves a file outside the renderer folder', async () => {
    const cookie = `auction_console_${server.port}=${server.token}`
    const paths = ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fpackage.json']
    for (const path of paths) {
      const res = await get(path, { cookie })
      // Either refused, or the app shell for an unknown route: never the file itself.
      expect(res.body, path).not.toMatch(/root:x:|"name": "auction-console"/)
      if (res.status === 200) expect(res.body).toContain('<div id="root">')
    }
    const missing = await get('/assets/none.js', { cookie })
    expect(missing.status).toBe(404)
  })

  it('allows only GET and HEAD', async () => {
    const res = await fetch(`${base}/?token=${server.token}`, { method: 'POST' })
    expect(res.status).toBe(405)
  })
})

describe('websocket access', () => {
  it('opens with the token', async () => {
    expect(await handshake(wsUrl(server))).toBe(101)
  })

  it('answers 401 without a token or with a wrong one', async () => {
    expect(await handshake(`ws://127.0.0.1:${server.port}/ws`)).toBe(401)
    expect(await handshake(`ws://127.0.0.1:${server.port}/ws?token=wrong`)).toBe(401)
    expect(await handshake(`ws://127.0.0.1:${server.port}/ws?token=${server.token}x`)).toBe(401)
  })

  it('checks the Origin against its own origin', async () => {
    const own = `http://127.0.0.1:${server.port}`
    expect(await handshake(wsUrl(server), { origin: own })).toBe(101)
    expect(await handshake(wsUrl(server), { origin: 'http://evil.example' })).toBe(403)
    expect(await handshake(wsUrl(server), { origin: `${own}.evil.example` })).toBe(403)
    expect(await handshake(wsUrl(server), { origin: 'null' })).toBe(403)
  })

  it('sends no data before the token check', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=wrong`)
    const received: unknown[] = []
    socket.on('message', (data) => received.push(data))
    socket.on('error', () => undefined)
    await new Promise((resolve) => socket.on('close', resolve))
    expect(received).toEqual([])
  })
})
