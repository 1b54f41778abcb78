// The web mode's door: the page and its assets open (they hold no data), never a cookie
// (browsers send cookies for 127.0.0.1 to every port, so another local server would get
// the token); the WebSocket's first frame must be the token's hello, or it is closed
// having said nothing; Host and Origin checks; security headers; no file outside the
// renderer folder.
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WS_CLOSE } from '../../src/shared/web-hello'
import { redisUrl } from '../support/engine'
import { openRaw, startConsole, wsUrl, type TestConsole } from './support'

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
  it('serves the page and its assets without a token, and never sets a cookie', async () => {
    const paths = ['/', '/index.html', '/assets/app.js', `/?token=${server.token}`, '/?token=x']
    for (const path of paths) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      expect(res.headers['set-cookie'], path).toBeUndefined()
      expect(JSON.stringify(res.headers)).not.toContain(server.token)
    }
    expect((await get('/')).body).toContain('<div id="root">')
    const asset = await get('/assets/app.js')
    expect(asset.headers['content-type']).toMatch(/javascript/)
    expect(asset.body).toContain('console.log')
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
    const missing = await get('/assets/none.js')
    expect(missing.headers['content-security-policy']).toBeDefined()
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await get(`/?token=${server.token}`, { host: `evil.example:${server.port}` })
    expect(res.status).toBe(403)
  })

  it('never serves a file outside the renderer folder', async () => {
    const paths = ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fpackage.json']
    for (const path of paths) {
      const res = await get(path)
      // Either refused, or the app shell for an unknown route: never the file itself.
      expect(res.body, path).not.toMatch(/root:x:|"name": "auction-console"/)
      if (res.status === 200) expect(res.body).toContain('<div id="root">')
    }
    const missing = await get('/assets/none.js')
    expect(missing.status).toBe(404)
  })

  it('allows only GET and HEAD', async () => {
    const res = await fetch(`${base}/?token=${server.token}`, { method: 'POST' })
    expect(res.status).toBe(405)
  })
})

describe('websocket access', () => {
  const own = (): string => `http://127.0.0.1:${server.port}`
  const isState = (frame: unknown): boolean =>
    (frame as { push?: string }).push === 'connection:state'

  it('opens a session after the hello with the token, then answers calls', async () => {
    const raw = await openRaw(server.port, { hello: server.token, origin: own() })
    await raw.next(isState)
    raw.socket.send(JSON.stringify({ id: 1, name: 'connection:status', input: {} }))
    expect(await raw.next((frame) => (frame as { id?: number }).id === 1)).toMatchObject({
      id: 1,
      result: { ok: true },
    })
    raw.socket.close()
  })

  it('closes a socket whose first frame is anything but a good hello, having sent nothing', async () => {
    const firsts: (string | { raw: string })[] = [
      'wrong',
      '',
      `${server.token}x`,
      { raw: JSON.stringify({ type: 'hello' }) },
      { raw: JSON.stringify({ id: 1, name: 'connection:status', input: {} }) },
      { raw: JSON.stringify({ type: 'hello', token: 42 }) },
      { raw: 'not json' },
    ]
    for (const hello of firsts) {
      const raw = await openRaw(server.port, { hello, origin: own() })
      expect(await raw.closed, JSON.stringify(hello)).toEqual({
        code: WS_CLOSE.unauthorized,
        reason: 'unauthorized',
      })
      expect(raw.received).toEqual([])
    }
  })

  it('a token in the socket URL counts for nothing', async () => {
    const raw = await openRaw(server.port, {
      path: `/ws?token=${server.token}`,
      hello: { raw: JSON.stringify({ id: 1, name: 'profile:get', input: {} }) },
    })
    expect((await raw.closed).code).toBe(WS_CLOSE.unauthorized)
    expect(raw.received).toEqual([])
  })

  it('a page of this origin without the token can call nothing (a foreign local page neither)', async () => {
    // Right Origin, no token: whatever it sends first, it is closed unanswered.
    const raw = await openRaw(server.port, {
      origin: own(),
      hello: {
        raw: JSON.stringify({ id: 7, name: 'auctions:cancel', input: { auctionId: 'A-1' } }),
      },
    })
    raw.socket.send(JSON.stringify({ id: 8, name: 'auctions:list', input: {} }))
    expect((await raw.closed).code).toBe(WS_CLOSE.unauthorized)
    expect(raw.received).toEqual([])
    // Another loopback port's page is refused at the handshake.
    const foreign = `http://127.0.0.1:${server.port + 1}`
    expect(await handshake(wsUrl(server), { origin: foreign })).toBe(403)
  })

  it('closes a socket that sends no hello within the deadline', async () => {
    const raw = await openRaw(server.port, { origin: own() })
    expect(await raw.closed).toEqual({
      code: WS_CLOSE.helloTimeout,
      reason: 'hello expected first',
    })
    expect(raw.received).toEqual([])
  })

  it('checks the Origin against its own origin', async () => {
    expect(await handshake(wsUrl(server), { origin: own() })).toBe(101)
    expect(await handshake(wsUrl(server), { origin: 'http://evil.example' })).toBe(403)
    expect(await handshake(wsUrl(server), { origin: `${own()}.evil.example` })).toBe(403)
    expect(await handshake(wsUrl(server), { origin: 'null' })).toBe(403)
  })
})
