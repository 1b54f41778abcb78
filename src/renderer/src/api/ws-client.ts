// The web mode's transport: the contract over one WebSocket to the page's own server.
// The first frame is the hello with the token (shared/web-hello.ts); the server's first
// push (its connection state) says it was accepted. Requests carry an id and get one
// reply; pushes arrive unasked. While the socket is down,
// calls fail at once with REDIS_UNAVAILABLE and the UI sees connection:state go to
// reconnecting/offline. A new socket is a new session on the server: after a sign-in the
// client replays its resume secret (auth:resume) before anything else, then the server's
// own connection:state (live) tells the UI to re-watch.
import type {
  AuctionApi,
  CommandInput,
  CommandName,
  CommandResult,
  ConnectionStatus,
  PushEvents,
  PushName,
  WireMessage,
} from '../../../shared/contract'
import { fail } from '../../../shared/errors'
import { helloFrame, WS_CLOSE } from '../../../shared/web-hello'
import { MAX_IN_FLIGHT } from '../../../shared/web-limits'

/** What we use of a WebSocket: the browser's, or the `ws` package's in tests. */
export interface SocketLike {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  onclose: ((event: unknown) => void) | null
  onerror: ((event: unknown) => void) | null
}
export type SocketFactory = (url: string) => SocketLike

export interface WebSocketApiOptions {
  /** ws://host/ws, without the token. */
  url: string
  /** Sent in each connection's hello; none: the server refuses the socket. */
  token?: string | null
  createSocket?: SocketFactory
  reconnectMinMs?: number
  reconnectMaxMs?: number
  /** How long the socket may be down before the state says offline. */
  offlineAfterMs?: number
  /**
   * Where the sign-in's resume secret is kept across page loads (the tab's sessionStorage in
   * the browser); none: only for this page's life.
   */
  resumeStore?: ResumeStore
}

/** Holds one tab's resume secret; never a cookie (cookies reach every local port). */
export interface ResumeStore {
  get(): string | null
  set(resume: string | null): void
}

export interface WebSocketApi extends AuctionApi {
  /** Stops for good (tests, page unload). */
  close(): void
}

const OPEN = 1
type Handler = (payload: never) => void
type Reply = (result: unknown) => void

const down = () => fail('REDIS_UNAVAILABLE', 'The console server cannot be reached; reconnecting.')

/** The technical detail of a lost socket: which server, and the likely cause. */
function serverGone(url: string): string {
  let where = 'the console server'
  try {
    where = `the console server at ${new URL(url).host}`
  } catch {
    // keep the plain words
  }
  return `The connection to ${where} was lost (was npm run web stopped?). Reconnecting on its own.`
}

const refused = {
  code: 'UNAUTHORIZED',
  message:
    'The console server refused this page’s access token (was it restarted?): open the Console URL that npm run web printed.',
}

export function createWebSocketApi(options: WebSocketApiOptions): WebSocketApi {
  const createSocket: SocketFactory =
    options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike)
  const minMs = options.reconnectMinMs ?? 250
  const maxMs = options.reconnectMaxMs ?? 5000
  const listeners = new Map<PushName, Set<Handler>>()
  const pending = new Map<number, Reply>()
  /** Calls made before the first open, or while the sign-in is being resumed. */
  let held: (() => void)[] = []
  let socket: SocketLike | null = null
  let ready = false
  let everOpened = false
  let closed = false
  let attempt = 0
  let nextId = 1
  let resume: string | null = options.resumeStore?.get() ?? null
  const remember = (next: string | null): void => {
    resume = next
    options.resumeStore?.set(next)
  }
  let lastStatus: ConnectionStatus = { state: 'connecting', endpoint: '', embedded: false }
  let offlineTimer: ReturnType<typeof setTimeout> | undefined

  const emit = <P extends PushName>(name: P, payload: PushEvents[P]): void => {
    if (name === 'connection:state') lastStatus = payload as ConnectionStatus
    if (name === 'session:ended') remember(null)
    for (const handler of listeners.get(name) ?? []) {
      try {
        ;(handler as (p: PushEvents[P]) => void)(payload)
      } catch (error) {
        console.error('auction console: a push handler failed', error)
      }
    }
  }

  /** Requests sent and not answered, and those waiting for a slot (the server's cap). */
  let inFlight = 0
  const queued: { name: CommandName; input: unknown; resolve: Reply }[] = []

  const dispatch = (name: CommandName, input: unknown, resolve: Reply): void => {
    const id = nextId++
    pending.set(id, resolve)
    inFlight++
    try {
      socket?.send(JSON.stringify({ id, name, input: input ?? {} }))
    } catch {
      pending.delete(id)
      inFlight--
      resolve(down())
    }
  }

  const send = (name: CommandName, input: unknown): Promise<unknown> =>
    new Promise((resolve) => {
      if (inFlight < MAX_IN_FLIGHT) dispatch(name, input, resolve)
      else queued.push({ name, input, resolve })
    })

  function connect(): void {
    if (closed) return
    const current = createSocket(options.url)
    socket = current
    let accepted = false
    current.onopen = () => current.send(helloFrame(options.token ?? ''))
    current.onmessage = (event) => {
      // The server speaks only once the hello is accepted: its first push opens the session.
      if (!accepted) {
        accepted = true
        void opened(current)
      }
      receive(event.data)
    }
    current.onerror = () => undefined
    current.onclose = (event) => {
      const code = (event as { code?: unknown } | null)?.code
      if (!accepted && code === WS_CLOSE.unauthorized && socket === current) {
        emit('connection:state', { ...lastStatus, state: 'offline', problem: refused })
      }
      lost(current)
    }
  }

  async function opened(current: SocketLike): Promise<void> {
    attempt = 0
    everOpened = true
    if (offlineTimer) clearTimeout(offlineTimer)
    // The new connection is a new session: it carries on the sign-in before any other call.
    if (resume) {
      const resumed = (await send('auth:resume', { resume })) as CommandResult<'auth:resume'>
      // Refused (signed out elsewhere, or the server restarted): the UI asks to sign in.
      if (!resumed.ok && resumed.error.code === 'UNAUTHORIZED') remember(null)
    }
    if (socket !== current || current.readyState !== OPEN) return
    ready = true
    const waiting = held
    held = []
    for (const run of waiting) run()
  }

  function receive(data: unknown): void {
    let message: WireMessage
    try {
      message = JSON.parse(String(data)) as WireMessage
    } catch {
      return
    }
    if ('push' in message) return emit(message.push, message.payload)
    const reply = pending.get(message.id)
    if (!reply) return
    pending.delete(message.id)
    inFlight--
    reply(message.result)
    const next = queued.shift()
    if (next) dispatch(next.name, next.input, next.resolve)
  }

  function lost(current: SocketLike): void {
    if (socket !== current) return
    socket = null
    ready = false
    const waiting = [...pending.values(), ...queued.splice(0).map((item) => item.resolve)]
    pending.clear()
    inFlight = 0
    for (const reply of waiting) reply(down())
    // Held calls wait for one attempt only: if it fails, they fail (the server is gone).
    for (const run of held.splice(0)) run()
    if (closed) return
    if (everOpened && lastStatus.state !== 'reconnecting' && lastStatus.state !== 'offline') {
      // Redis may be fine: it is this page's own server that is gone, and the UI says so.
      const problem = { code: 'SERVER_UNREACHABLE', message: serverGone(options.url) }
      emit('connection:state', { ...lastStatus, state: 'reconnecting', problem })
      offlineTimer ??= setTimeout(() => {
        offlineTimer = undefined
        if (!ready) emit('connection:state', { ...lastStatus, state: 'offline' })
      }, options.offlineAfterMs ?? 5000)
    }
    const delay = Math.min(maxMs, minMs * 2 ** Math.min(attempt++, 8))
    setTimeout(connect, delay)
  }

  connect()

  return {
    call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandResult<N>> {
      const run = async (): Promise<CommandResult<N>> => {
        if (!ready || closed) return down() as CommandResult<N>
        const result = (await send(name, input)) as CommandResult<N>
        if ((name === 'auth:signIn' || name === 'auth:setup') && result.ok) {
          remember((result as CommandResult<'auth:signIn'> & { ok: true }).resume)
        }
        if (name === 'auth:signOut' && result.ok) remember(null)
        return result
      }
      // Before the first open (and during the resume replay) calls wait for the attempt
      // under way; once the socket has been up, a lost socket answers at once.
      if (!ready && !closed && (!everOpened || socket?.readyState === OPEN)) {
        return new Promise((resolve) => held.push(() => void run().then(resolve)))
      }
      return run()
    },

    on<P extends PushName>(name: P, handler: (payload: PushEvents[P]) => void): () => void {
      const set = listeners.get(name) ?? new Set<Handler>()
      set.add(handler as Handler)
      listeners.set(name, set)
      return () => void set.delete(handler as Handler)
    },

    close(): void {
      closed = true
      if (offlineTimer) clearTimeout(offlineTimer)
      const current = socket
      current?.close()
      if (current) lost(current)
      for (const run of held.splice(0)) run()
    },
  }
}
