// Helpers for the shell tests: a web console on a temp data folder and a tiny renderer
// fixture, and clients that speak the contract over a real WebSocket (the renderer's own
// adapter, with the `ws` package as the socket).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import type { CommandInput, OperatorProfile, PushEvents, PushName } from '../../src/shared/contract'
import type { Auction } from '../../src/shared/domain'
import { startWebServer, type WebServer, type WebServerOptions } from '../../src/main/web'
import {
  createWebSocketApi,
  type SocketLike,
  type WebSocketApi,
} from '../../src/renderer/src/api/ws-client'
import { redisUrl, uniqueId } from '../support/engine'
import { signInAs, type Caller } from '../support/operators'

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `${prefix}-`))

/** A stand-in for out/renderer: an index.html and one asset. */
export function rendererFixture(): string {
  const dir = tempDir('renderer')
  mkdirSync(join(dir, 'assets'))
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body><div id="root"></div></body></html>',
  )
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("console")\n')
  return dir
}

export interface TestConsole extends WebServer {
  dataDir: string
  /** Stops the server and removes its temp folders. */
  stop(): Promise<void>
}

export async function startConsole(
  options: Partial<WebServerOptions> & { redisUrl?: string } = {},
): Promise<TestConsole> {
  const dataDir = options.dataDir ?? tempDir('console-data')
  const rendererDir = options.rendererDir ?? rendererFixture()
  const server = await startWebServer({
    port: 0,
    dataDir,
    rendererDir,
    ...options,
    serviceOptions: { log: () => undefined, ...options.serviceOptions },
  })
  // Tests start from a settled connection (live, or offline with a problem).
  await server.service.settled()
  return {
    ...server,
    dataDir,
    async stop() {
      await server.close()
      rmSync(rendererDir, { recursive: true, force: true })
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

type Pushed = { [P in PushName]: { name: P; payload: PushEvents[P] } }[PushName]

export interface TestClient {
  api: WebSocketApi
  pushes: Pushed[]
  /** Resolves with the first push from index `since` on (received or coming) that matches. */
  waitFor<P extends PushName>(
    name: P,
    match?: (payload: PushEvents[P]) => boolean,
    since?: number,
  ): Promise<PushEvents[P]>
  /** All auction events received so far, flattened. */
  events(): PushEvents['auction:events']
  /** All sale events received so far, flattened. */
  saleEvents(): PushEvents['sale:events']
  close(): void
}

/** The socket's address: no token in it (the token goes in the first frame, the hello). */
export function wsUrl(server: WebServer): string {
  return `ws://127.0.0.1:${server.port}/ws`
}

/** A client of the console (its token), or of whatever `token` opens (a room display's). */
export async function connectClient(
  server: WebServer,
  token: string = server.token,
): Promise<TestClient> {
  const api = createWebSocketApi({
    url: wsUrl(server),
    token,
    createSocket: (target) => new WebSocket(target) as unknown as SocketLike,
    reconnectMinMs: 50,
    reconnectMaxMs: 200,
    offlineAfterMs: 1000,
  })
  const pushes: Pushed[] = []
  const waiters = new Set<() => void>()
  const names: PushName[] = [
    'auction:events',
    'auction:snapshot',
    'auction:viewers',
    'sale:events',
    'sale:snapshot',
    'connection:state',
    'session:ended',
  ]
  for (const name of names) {
    api.on(name, (payload) => {
      pushes.push({ name, payload } as Pushed)
      for (const wake of waiters) wake()
    })
  }
  const client: TestClient = {
    api,
    pushes,
    waitFor(name, match = () => true, since = 0) {
      const timeoutMs = 20_000
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = pushes.find(
            (p, index) =>
              index >= since && p.name === name && match(p.payload as PushEvents[typeof name]),
          )
          if (!found) return false
          waiters.delete(wake)
          clearTimeout(timer)
          resolve(found.payload as PushEvents[typeof name])
          return true
        }
        const wake = (): void => void check()
        const timer = setTimeout(() => {
          waiters.delete(wake)
          reject(new Error(`no ${name} push matched within ${timeoutMs} ms`))
        }, timeoutMs)
        if (!check()) waiters.add(wake)
      })
    },
    events: () => pushes.flatMap((p) => (p.name === 'auction:events' ? p.payload : [])),
    saleEvents: () => pushes.flatMap((p) => (p.name === 'sale:events' ? p.payload : [])),
    close: () => api.close(),
  }
  await client.waitFor('connection:state')
  return client
}

export const staff = (operatorId = uniqueId('clerk')): OperatorProfile => ({
  displayName: 'Clerk',
  operatorId,
  role: 'staff',
})

export const seller = (operatorId = uniqueId('seller')): OperatorProfile => ({
  displayName: 'Seller',
  operatorId,
  role: 'seller',
})

export const bidder = (operatorId = uniqueId('paddle')): OperatorProfile => ({
  displayName: 'Bidder',
  operatorId,
  role: 'bidder',
})

/** Makes the account (on the tests' Redis unless told) and signs the session in as it. */
export const signIn = (
  caller: Caller,
  profile: OperatorProfile,
  url: string = redisUrl(),
): Promise<OperatorProfile> => signInAs(caller, profile, url)

/** Creates and starts an auction as the client's current profile. */
export async function createLive(
  client: TestClient,
  overrides: Partial<CommandInput<'auctions:create'>> = {},
): Promise<Auction> {
  const created = await client.api.call('auctions:create', {
    title: 'Shell test lot',
    startingPrice: '10.00',
    increment: '1.00',
    durationMs: 3_600_000,
    start: true,
    ...overrides,
  })
  if (!created.ok) throw new Error(`create failed: ${JSON.stringify(created.error)}`)
  return created.auction
}

export const requestId = (): string => uniqueId('request')

export interface RawSocket {
  socket: WebSocket
  /** Every frame received, parsed. */
  received: unknown[]
  /** The close code and reason. */
  closed: Promise<{ code: number; reason: string }>
  /** Resolves with the first frame received from index `since` on that matches. */
  next(match?: (frame: unknown) => boolean, since?: number): Promise<unknown>
}

/**
 * A bare `ws` socket to the server (no adapter): opened, with `hello` (a token, or a raw
 * first frame) sent when given. For the door's own tests and the per-socket limits.
 */
export async function openRaw(
  port: number,
  options: { hello?: string | { raw: string }; origin?: string; path?: string } = {},
): Promise<RawSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}${options.path ?? '/ws'}`, {
    headers: options.origin ? { origin: options.origin } : {},
  })
  const received: unknown[] = []
  const waiters = new Set<() => void>()
  socket.on('message', (data) => {
    received.push(JSON.parse(String(data)))
    for (const wake of waiters) wake()
  })
  socket.on('error', () => undefined)
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
  })
  const { hello } = options
  if (hello !== undefined) {
    socket.send(
      typeof hello === 'string' ? JSON.stringify({ type: 'hello', token: hello }) : hello.raw,
    )
  }
  const next = (match: (frame: unknown) => boolean = () => true, since = 0): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = received.find((frame, index) => index >= since && match(frame))
        if (found === undefined) return false
        waiters.delete(wake)
        clearTimeout(timer)
        resolve(found)
        return true
      }
      const wake = (): void => void check()
      const timer = setTimeout(() => {
        waiters.delete(wake)
        reject(new Error('no matching frame within 10 s'))
      }, 10_000)
      if (!check()) waiters.add(wake)
    })
  return { socket, received, closed, next }
}
