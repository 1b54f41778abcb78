// The API service both transports use: sessions (one per window or tab) with their own
// signed-in operator and watches, every input validated against the contract and every
// call checked against the access policy, every answer a Result. It owns the connection
// manager, the relay, presence and the scheduler, and ends sign-ins when any console says so.
import { randomUUID } from 'node:crypto'
import type {
  CommandName,
  CommandResult,
  ConnectionStatus,
  SessionEndReason,
} from '../../shared/contract'
import { fail, type Failure } from '../../shared/errors'
import { OperatorStore, type SessionsEnded } from '../accounts'
import { ConnectionManager } from '../connection'
import { isUnavailable, scrubSecrets } from '../engine'
import { OPERATOR_SESSIONS_CHANNEL } from '../engine/keys'
import { Presence } from '../presence'
import { Relay } from '../relay'
import { SettingsStore } from '../settings'
import { actorOf, redact, redactSaleTerms } from './access'
import { handlers, type CommandContext, type SessionState } from './commands'
import type { DisplayOpener, PdfPrinter } from './context'
import { refusal } from './policy'
import { SignIns } from './sign-ins'
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
  /** Lets `print:pdf` print a session's window to PDF (the desktop app; see PdfPrinter). */
  offerPrinting(print: PdfPrinter): void
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
    redactSale: (sale, sessionId) =>
      redactSaleTerms(sale, actorOf(sessions.get(sessionId)?.profile ?? null)),
  })
  const presence = new Presence({
    client: () => manager.current()?.command ?? null,
    instanceId: randomUUID(),
    ...options.presence,
  })
  const signIns = new SignIns()
  /** One account store per connection (it registers its script on that client). */
  const stores = new WeakMap<object, OperatorStore>()
  const notConnected = (): Failure =>
    fail('REDIS_UNAVAILABLE', manager.status().problem?.message ?? 'Redis is not connected yet.')
  const ctx: CommandContext = {
    engine: () => manager.current()?.engine ?? notConnected(),
    manager,
    settings,
    relay,
    presence,
    accounts: () => {
      const link = manager.current()
      if (!link) return notConnected()
      let store = stores.get(link.command)
      if (!store) stores.set(link.command, (store = new OperatorStore(link.command)))
      return store
    },
    signIn(session, operator, epoch) {
      const state = sessions.get(session.id)
      session.profile = {
        operatorId: operator.id,
        displayName: operator.displayName,
        role: operator.role,
      }
      session.epoch = epoch
      if (state && !relay.hasSession(session.id)) relay.addSession(session.id, state.push)
      return signIns.issue({ profile: session.profile, epoch })
    },
    async resume(session, resume) {
      const signIn = signIns.find(resume)
      const accounts = ctx.accounts()
      if (signIn && 'ok' in accounts) return accounts
      const check =
        signIn && !('ok' in accounts) ? await accounts.check(signIn.profile.operatorId) : null
      if (!signIn || !check || check.disabled || check.epoch !== signIn.epoch) {
        signIns.forget(resume)
        return fail('UNAUTHORIZED', 'This sign-in has ended: sign in again.')
      }
      const state = sessions.get(session.id)
      session.profile = signIn.profile
      session.epoch = signIn.epoch
      if (state && !relay.hasSession(session.id)) relay.addSession(session.id, state.push)
      return null
    },
    endSignIns,
  }

  void relay.listen(OPERATOR_SESSIONS_CHANNEL, (payload) => {
    const ended = parseSessionsEnded(payload)
    if (ended) endSignIns(ended.operatorId, ended.epoch, ended.reason)
  })

  manager.onStatus((status) => {
    for (const session of sessions.values()) pushSafely(session.push, status)
  })
  manager.onLive((link) => {
    relay.attach(link.subscriber)
    void relay.resync().catch((error: unknown) => log(`relay resync failed: ${String(error)}`))
    void presence.beatAll()
    // While the link was down a sign-out, disable or new password may have gone unheard.
    void recheckSignIns().catch((error: unknown) => log(`sign-in check failed: ${String(error)}`))
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
    const refused = await refusal(name, session, nobodyToSignInAs)
    if (refused) return refused
    const handler = handlers[name] as (
      c: CommandContext,
      s: SessionState,
      i: unknown,
    ) => Promise<unknown>
    return handler(ctx, session, parsed.data)
  }

  return {
    openSession(push: PushSink, options: { display?: boolean } = {}): ApiSession {
      const session = {
        id: randomUUID(),
        profile: null,
        epoch: 0,
        display: options.display === true,
        signInFailures: 0,
        signInBlockedUntil: 0,
        push,
      }
      sessions.set(session.id, session)
      // Events reach a session once it may read them: a display at once, others at sign-in.
      if (session.display) relay.addSession(session.id, push)
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

    offerPrinting(print: PdfPrinter): void {
      ctx.printToPdf = print
    },
  }

  function closeSession(session: ApiSession): void {
    const state = sessions.get(session.id)
    if (!state) return
    sessions.delete(session.id)
    void relay.removeSession(state.id)
    void presence.leaveSession(state.id)
  }

  /** Settings before sign-in: only while nobody could sign in (no Redis, or no account). */
  async function nobodyToSignInAs(): Promise<boolean> {
    if (manager.status().state !== 'live') return true
    const accounts = ctx.accounts()
    if ('ok' in accounts) return true
    const setup = await accounts.setupNeeded()
    return !setup.ok || setup.setupNeeded
  }

  /** Ends, on this console, the account's sign-ins made before `epoch`. */
  function endSignIns(operatorId: string, epoch: number, reason: SessionEndReason): void {
    signIns.endBefore(operatorId, epoch)
    for (const session of sessions.values()) {
      if (session.profile?.operatorId !== operatorId || session.epoch >= epoch) continue
      session.profile = null
      session.epoch = 0
      // Its watches and presence go with it; it reads nothing more until it signs in again.
      void relay.removeSession(session.id)
      void presence.leaveSession(session.id)
      try {
        session.push('session:ended', { reason, message: ENDED_MESSAGES[reason] })
      } catch {
        // a window that is going away
      }
    }
  }

  async function recheckSignIns(): Promise<void> {
    const accounts = ctx.accounts()
    if ('ok' in accounts) return
    const operatorIds = new Set<string>()
    for (const session of sessions.values()) {
      if (session.profile) operatorIds.add(session.profile.operatorId)
    }
    for (const operatorId of operatorIds) {
      const check = await accounts.check(operatorId)
      const reason = !check || check.disabled ? 'disabled' : 'signed-out'
      // A missing or disabled account ends every sign-in; otherwise those of an older epoch.
      const epoch = !check || check.disabled ? Number.MAX_SAFE_INTEGER : check.epoch
      endSignIns(operatorId, epoch, reason)
    }
  }

  function toFailure(error: unknown): Failure {
    if (isUnavailable(error)) return fail('REDIS_UNAVAILABLE', 'Redis is not reachable; retry.')
    const message = error instanceof Error ? error.message : String(error)
    log(`command failed: ${message}`)
    return fail('INTERNAL', `The command failed: ${scrub(message)}`)
  }
}

const ENDED_MESSAGES: Record<SessionEndReason, string> = {
  'signed-out': 'This operator signed out: sign in again.',
  disabled: 'This account has been disabled.',
  'password-changed': "This account's password was changed: sign in with the new one.",
}

function parseSessionsEnded(payload: string): SessionsEnded | null {
  try {
    const message = JSON.parse(payload) as Partial<SessionsEnded> | null
    return typeof message?.operatorId === 'string' &&
      typeof message.epoch === 'number' &&
      (message.reason === 'signed-out' ||
        message.reason === 'disabled' ||
        message.reason === 'password-changed')
      ? (message as SessionsEnded)
      : null
  } catch {
    return null
  }
}

function pushSafely(push: PushSink, status: ConnectionStatus): void {
  try {
    push('connection:state', status)
  } catch {
    // a window that is going away
  }
}
