// The web mode: the built console over http on 127.0.0.1 and the same contract over a
// WebSocket at /ws. The page and its assets are served openly (they hold no data); the
// socket's first frame must be the random token's hello (hello.ts). Each tab is its own
// API session. A room display's hello carries a display-only token of its own: read-only,
// one sale, redacted.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { createApiService, type ApiServiceOptions, type ConsoleApiService } from '../api'
import { createFileSecretBox } from '../settings'
import { accessOf, allowedHost, allowedOrigin, newToken } from './auth'
import { displayUrl } from './display-links'
import { displayService } from '../api'
import { DisplayTokens } from './display-tokens'
import { securityHeaders, sendText } from './headers'
import { awaitHello } from './hello'
import { bindSocket } from './socket'
import { resolveFile, sendFile } from './static'

export const DEFAULT_PORT = 5719

/**
 * Event pushes leave as soon as this turn's events are in (one frame per turn, not per
 * event). A tab already coalesces pushes per animation frame (renderer live/frameBuffer.ts),
 * so the relay's default frame-long window only delayed each event by up to 16 ms.
 */
const PUSH_BATCH_MS = 0

export interface WebServerOptions {
  /** 0 picks a free port. Default 5719. */
  port?: number
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** Settings, the key file and the embedded Redis' data. */
  dataDir: string
  /** Overrides REDIS_URL and the saved settings. */
  redisUrl?: string
  /** Use this service (not closed by close()); otherwise one is created. */
  service?: ConsoleApiService
  /** Extra options for the service created here (tests). */
  serviceOptions?: Partial<ApiServiceOptions>
}

export interface WebServer {
  /** http://127.0.0.1:PORT/?token=… */
  url: string
  token: string
  port: number
  service: ConsoleApiService
  close(): Promise<void>
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = newToken()
  const ownService = !options.service
  // Created once the port is ours: a start that cannot listen leaves nothing running (no
  // embedded Redis started for nothing). Nothing reaches the handlers before that.
  let service: ConsoleApiService | undefined = options.service
  let port = options.port ?? DEFAULT_PORT
  // Room displays: a display-only token per link, bound to one sale (display-links.ts).
  const displays = new DisplayTokens()
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 })
  sockets.on('connection', (socket, request: IncomingMessage) => {
    awaitHello(socket, (given) => {
      const access = accessOf(given, token, (t) => displays.saleOf(t))
      if (!access || !service) return null
      const api = access.kind === 'console' ? service : displayService(service, access.saleId)
      return (ws) => bindSocket(ws, api, request.socket)
    })
  })

  const server = createServer((request, response) => handle(request, response))
  server.on('upgrade', (request, socket, head) => upgrade(request, socket, head))

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const host = allowedHost(request, port)
    if (!host) return sendText(response, 403, 'Forbidden host', null)
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, 'Method not allowed', host)
    }
    const url = new URL(request.url ?? '/', `http://${host}`)
    if (url.pathname === '/ws') return sendText(response, 426, 'Upgrade required', host)
    // No token here, and never a cookie: the page takes its token from its own URL.
    const file = resolveFile(options.rendererDir, url.pathname)
    if (!file) return sendText(response, 404, 'Not found', host)
    sendFile(response, file, securityHeaders(host), request.method === 'HEAD')
  }

  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refuse = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    }
    const host = allowedHost(request, port)
    if (!host) return refuse('403 Forbidden')
    const url = new URL(request.url ?? '/', `http://${host}`)
    if (url.pathname !== '/ws') return refuse('404 Not Found')
    if (!allowedOrigin(request, host)) return refuse('403 Forbidden')
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request))
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  let api: ConsoleApiService
  try {
    api =
      service ??
      createApiService({
        dataDir: options.dataDir,
        secrets: createFileSecretBox(options.dataDir),
        batchMs: PUSH_BATCH_MS,
        ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
        ...options.serviceOptions,
      })
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    throw error
  }
  service = api
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : port
  // `display:link` answers a display-only link of this server, bound to the sale.
  api.offerDisplays((saleId) => displayUrl(port, displays.mint(saleId), saleId))

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    service: api,
    async close() {
      for (const client of sockets.clients) client.terminate()
      sockets.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      if (ownService) await api.close()
    },
  }
}
