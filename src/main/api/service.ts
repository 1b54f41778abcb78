// The API service both transports use: sessions (one per window or tab) with their own
// operator profile and watches, every input validated against the contract, every answer
// a Result. It owns the connection manager, the relay, presence and the scheduler.
import { randomUUID } from 'node:crypto'
import type { CommandName, CommandResult, ConnectionStatus } from '../../shared/contract'
import { fail, type Failure } from '../../shared/errors'
import { ConnectionManager } from '../connection'
import { isUnavailable, scrubSecrets } from '../engine'
import { Presence } from '../presence'
import { Relay } from '../relay'
import { SettingsStore } from '../settings'
import { actorOf, redact } from './access'
import { handlers, type CommandContext, type SessionState } from './commands'
import type { DisplayOpener } from './context'
import type { ApiService, ApiSession, PushSink, SecretBox } from './types'
import { isCommandName, parseInput } from './validate'

export interface ApiServiceOptions {
  /** The user-data folder: settings.json and the embedded Redis' data. */
  dataDir: string
  secrets: SecretBox
  /** Overrides the saved settings; defaults to process.env.REDIS_URL. */
  redisUrl?: string
  /** redis-server for the embedded default; null = treat as not installed. */
  redisServerBinary?: string | null
  /** Run the scheduler in this process (default true; many at once are safe). */
  scheduler?: boolean
  offlineAfterMs?: number
  batchMs?: number
  presence?: { ttlMs?: number; heartbeatMs?: number }
  /** Receives log lines, already scrubbed of secrets. Default: stderr. */
  log?: (line: string) => void
}

export interface ConsoleApiService extends ApiService {
  /** The connection state right now. */
  status(): ConnectionStatus
  /** Resolves with the first status that is live or has a problem. */
  settled(): Promise<ConnectionStatus>
  /** Channels the relay holds (diagnostics and tests). */
  relayChannels(): string[]
  /** Lets `display:link` open the room display the transport offers (see DisplayOpener). */
  offerDisplays(open: DisplayOpener): void
}

export function createApiService(options: ApiServiceOptions): ConsoleApiService {
  const sessions = new Map<string, SessionState & { push: PushSink }>()
  const rawLog = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const settings = new SettingsStore(options.dataDir, options.secrets, (m) => log(m))
  const scrub = (text: string): string => {
    let clean = scrubSecrets(text)
    // The saved password, the embedded server's and REDIS_URL's, even outside a URL.
    for (const secret of manager.secrets()) clean = clean.split(secret).join('***')
    return clean
  }
  const log = (line: string): void => rawLog(`[auction-console] ${scrub(line)}`)
  const manager = new ConnectionManager({
    dataDir: options.dataDir,
    settings,
    overrideUrl: options.redisUrl ?? process.env.REDIS_URL,
    redisServerBinary: options.redisServerBinary,
    offlineAfterMs: options.offlineAfterMs,
    scheduler: options.scheduler,
    log,
  })
  const relay = new Relay({
    batchMs: options.batchMs,
    fetchAuction: async (auctionId) => {
      const found = await manager.current()?.engine.getAuction(auctionId)
      return found?.ok ? found.auction : null
    },
    fetchSale: async (saleId) => {
      const engine = manager.current()?.engine
      // The sale first, then its lots: a lot is never older than the sale's seq says.
      const sale = await engine?.getSale(saleId)
      const lots = sale?.ok ? await engine?.listLots(saleId) : undefined
      return sale?.ok && lots?.ok ? { sale: sale.sale, lots: lots.lots } : null
    },
    redact: (auction, sessionId) =>
      redact(auction, actorOf(sessions.get(sessionId)?.profile ?? null)),
  })
  const presence = new Presence({
    client: () => manager.current()?.command ?? null,
    instanceId: randomUUID(),
    ...options.presence,
  })
  const ctx: CommandContext = {
    engine: () => {
      const link = manager.current()
      if (link) return link.engine
      const problem = manager.status().problem
      return fail('REDIS_UNAVAILABLE', problem?.message ?? 'Redis is not connected yet.')
    },
    manager,
    settings,
    relay,
    presence,
  }

  manager.onStatus((status) => {
    for (const session of sessions.values()) pushSafely(session.push, status)
  })
  manager.onLive((link) => {
    relay.attach(link.subscriber)
    void relay.resync().catch((error: unknown) => log(`relay resync failed: ${String(error)}`))
    void presence.beatAll()
  })
  void manager.reconfigure().catch((error: unknown) => log(`connection: ${String(error)}`))

  async function run(session: SessionState, name: unknown, input: unknown): Promise<unknown> {
    if (!isCommandName(name)) {
      return fail('INVALID_INPUT', `Unknown command: ${String(name).slice(0, 64)}`, {
        field: 'name',
      })
    }
    const parsed = parseInput(name, input)
    if (!parsed.ok) return parsed
    const handler = handlers[name] as (
      c: CommandContext,
      s: SessionState,
      i: unknown,
    ) => Promise<unknown>
    return handler(ctx, session, parsed.data)
  }

  return {
    openSession(push: PushSink): ApiSession {
      const session = { id: randomUUID(), profile: null, push }
      sessions.set(session.id, session)
      relay.addSession(session.id, push)
      // The state at once: the UI shows Live / Reconnecting / Offline from the start.
      pushSafely(push, manager.status())
      return { id: session.id }
    },

    closeSession,

    async call<N extends CommandName>(
      apiSession: ApiSession,
      name: N | string,
      input: unknown,
    ): Promise<CommandResult<N>> {
      const session = sessions.get(apiSession?.id)
      if (!session) return fail('UNAUTHORIZED', 'This session is closed.') as CommandResult<N>
      try {
        return (await run(session, name, input)) as CommandResult<N>
      } catch (error) {
        return toFailure(error) as CommandResult<N>
      }
    },

    async close(): Promise<void> {
      for (const id of [...sessions.keys()]) closeSession({ id })
      relay.close()
      await presence.close()
      await manager.close()
    },

    status: () => manager.status(),

    settled: () => manager.settle(2_147_483_647),

    relayChannels: () => relay.channels(),

    offerDisplays(open: DisplayOpener): void {
      ctx.openDisplay = open
    },
  }

  function closeSession(session: ApiSession): void {
    const state = sessions.get(session.id)
    if (!state) return
    sessions.delete(session.id)
    void relay.removeSession(state.id)
    void presence.leaveSession(state.id)
  }

  function toFailure(error: unknown): Failure {
    if (isUnavailable(error)) return fail('REDIS_UNAVAILABLE', 'Redis is not reachable; retry.')
    const message = error instanceof Error ? error.message : String(error)
    log(`command failed: ${message}`)
    return fail('INTERNAL', `The command failed: ${scrub(message)}`)
  }
}

function pushSafely(push: PushSink, status: ConnectionStatus): void {
  try {
    push('connection:state', status)
  } catch {
    // a window that is going away
  }
}
