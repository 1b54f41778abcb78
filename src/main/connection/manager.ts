// Owns the connection to Redis: which server (REDIS_URL, else the saved settings, else the
// embedded local server), the link to it, and the one connection state the UI sees.
import { spawnSync } from 'node:child_process'
import type { ConnectionStatus } from '../../shared/contract'
import { fail, type Result } from '../../shared/errors'
import {
  durabilityFromEnv,
  endpointText,
  parseRedisUrl,
  RedisUrlError,
  type ConnectionOptions,
} from '../engine'
import { withoutUrlCredentials, type ParsedRedisSettings, type SettingsStore } from '../settings'
import { startEmbeddedRedis, type EmbeddedProblem, type EmbeddedServer } from './embedded'
import { openLink, type Link } from './link'
import { probeRedis, type ProbeResult } from './probe'
import { findRedisServer, installHint } from './redis-binary'

export interface ConnectionManagerOptions {
  dataDir: string
  settings: SettingsStore
  /** REDIS_URL: when set, it wins over the saved settings. */
  overrideUrl?: string
  /** redis-server for the embedded default; null = not installed; undefined = search. */
  redisServerBinary?: string | null
  /** How long a reconnect may last before the state says offline. */
  offlineAfterMs?: number
  scheduler?: boolean
  log: (line: string) => void
}

type Target = { embedded: false; connection: ConnectionOptions } | { embedded: true }

/** The URL without credentials (database as given), for the status; never a secret. */
export function endpointLabel(url: string, database = 0): string {
  try {
    const endpoint = parseRedisUrl(url)
    return endpointText({ ...endpoint, database: database || endpoint.database })
  } catch {
    return 'redis://(invalid URL)'
  }
}

export class ConnectionManager {
  private link: Link | null = null
  private embedded: EmbeddedServer | null = null
  private problem: EmbeddedProblem | undefined
  private target: Target = { embedded: true }
  private last: ConnectionStatus = { state: 'connecting', endpoint: '', embedded: true }
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>()
  private readonly liveListeners = new Set<(link: Link) => void>()
  private queue: Promise<unknown> = Promise.resolve()
  private closed = false
  /** Restarts of the embedded server since it last ran a while (the backoff's exponent). */
  private restarts = 0
  private restartTimer: NodeJS.Timeout | undefined

  constructor(private readonly options: ConnectionManagerOptions) {}

  /** (Re)connects according to REDIS_URL and the saved settings; serialized. */
  reconfigure(): Promise<ConnectionStatus> {
    const run = this.queue.then(() => this.apply())
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Resolves once the state is live or offline, or after timeoutMs, with the status then. */
  settle(timeoutMs: number): Promise<ConnectionStatus> {
    return new Promise((resolve) => {
      const settled = (status: ConnectionStatus): boolean =>
        status.state === 'live' || status.state === 'offline'
      if (settled(this.last)) return resolve(this.last)
      const timer = setTimeout(() => {
        off()
        resolve(this.last)
      }, timeoutMs)
      const off = this.onStatus((status) => {
        if (!settled(status)) return
        clearTimeout(timer)
        off()
        resolve(status)
      })
    })
  }

  status(): ConnectionStatus {
    return this.last
  }

  current(): Link | null {
    return this.link
  }

  get overridden(): boolean {
    return Boolean(this.options.overrideUrl)
  }

  /** Every password this console may use right now, for scrubbing log lines and errors. */
  secrets(): string[] {
    const fromOverride = withoutUrlCredentials({
      url: this.options.overrideUrl ?? '',
      username: '',
    }).password
    return [this.options.settings.password(), this.embedded?.password, fromOverride].filter(
      (secret): secret is string => Boolean(secret),
    )
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener)
    return () => void this.statusListeners.delete(listener)
  }

  /** Called each time the link becomes live (first time, after a reconnect, new settings). */
  onLive(listener: (link: Link) => void): () => void {
    this.liveListeners.add(listener)
    return () => void this.liveListeners.delete(listener)
  }

  /** "Test connection" for settings not saved yet. */
  async test(raw: ParsedRedisSettings): Promise<Result<ProbeResult>> {
    // As save does: a password in the URL is the password (and never goes to a log line).
    const input = withoutUrlCredentials(raw)
    if (input.url !== '') {
      return probeRedis({
        url: input.url,
        username: input.username,
        password: this.options.settings.passwordFor(input),
        caCertificate: input.caCertificate,
        database: input.database,
        durability: input.durability,
      })
    }
    if (this.embedded) {
      return probeRedis({ url: this.embedded.url, password: this.embedded.password })
    }
    const binary =
      this.options.redisServerBinary === undefined
        ? findRedisServer()
        : this.options.redisServerBinary
    if (!binary) {
      const hint = installHint()
      return fail('REDIS_UNAVAILABLE', `${hint.message} (${hint.installCommand ?? ''})`)
    }
    // Not started yet: what it will be, from the binary.
    const output = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout ?? ''
    const version = /v=(\S+)/.exec(output)?.[1] ?? 'unknown'
    // Its own server, its default user: Functions wherever the version has them.
    const from7 = Number(/^(\d+)/.exec(version)?.[1] ?? 0) >= 7
    return {
      ok: true,
      latencyMs: 0,
      serverVersion: version,
      topology: 'single',
      nodes: [{ address: 'built-in local Redis', role: 'primary', version, reachable: false }],
      shardedPubSub: from7,
      scripts: from7 ? 'functions' : 'evalsha',
    }
  }

  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.restartTimer)
    await this.queue
    await this.link?.close()
    this.link = null
    await this.embedded?.stop()
    this.embedded = null
  }

  private resolveTarget(): Target {
    const override = this.options.overrideUrl
    if (override) {
      // REDIS_URL comes with REDIS_DURABILITY, as for the CLI; a bad value is said, local used.
      return { embedded: false, connection: { url: override, ...this.envDurability() } }
    }
    const saved = this.options.settings.read()
    if (saved.url === '') return { embedded: true }
    return {
      embedded: false,
      connection: {
        url: saved.url,
        username: saved.username || undefined,
        password: this.options.settings.password(),
        caCertificate: saved.caCertificate || undefined,
        database: saved.database,
        durability: saved.durability,
      },
    }
  }

  private envDurability(): Pick<ConnectionOptions, 'durability' | 'replicationTimeoutMs'> {
    try {
      return durabilityFromEnv(process.env)
    } catch (error) {
      if (!(error instanceof RedisUrlError)) throw error
      this.options.log(`${error.message}; using local`)
      return { durability: 'local' }
    }
  }

  private async apply(): Promise<ConnectionStatus> {
    if (this.closed) return this.last
    const target = this.resolveTarget()
    // Same server as now (e.g. REDIS_URL still wins): keep the live link.
    if (this.link && JSON.stringify(target) === JSON.stringify(this.target)) return this.last
    this.target = target
    await this.link?.close()
    this.link = null
    this.problem = undefined
    if (this.target.embedded) {
      if (!this.embedded) {
        this.emit()
        if (!(await this.startEmbedded({}))) return this.last
      }
    } else {
      clearTimeout(this.restartTimer)
      await this.embedded?.stop()
      this.embedded = null
    }
    this.connect()
    return this.last
  }

  /** Starts the embedded server and supervises it; false (with the problem set) on failure. */
  private async startEmbedded(where: { port?: number; takeOver?: boolean }): Promise<boolean> {
    const started = await startEmbeddedRedis({
      dataDir: this.options.dataDir,
      binary: this.options.redisServerBinary,
      ...where,
    })
    if (!started.ok) {
      this.problem = started.problem
      this.options.log(`embedded Redis: ${started.problem.message}`)
      this.emit()
      return false
    }
    const server = started.server
    this.embedded = server
    this.problem = undefined
    this.options.log(`embedded Redis on port ${server.port} in ${server.dir}`)
    const startedAt = Date.now()
    server.onExit((how) => {
      if (this.closed || this.embedded !== server) return
      // At once, before any reconnect: the link's clients must not redial a port that is
      // no longer ours (with its password).
      const link = this.link
      link?.abandon()
      this.link = null
      this.embedded = null
      // A server that ran a while starts the backoff again from its first step.
      if (Date.now() - startedAt > 30_000) this.restarts = 0
      this.options.log(`embedded Redis stopped (${how}); restarting it`)
      this.problem = {
        code: 'EMBEDDED_RESTARTING',
        message: `The local Redis stopped (${how}); restarting it.`,
      }
      this.emit()
      void link?.close()
      this.scheduleRestart(server.port)
    })
    return true
  }

  /** 0.5 s, 1 s, 2 s, … 8 s between attempts; the old port first, a fresh one if taken. */
  private scheduleRestart(port: number): void {
    const delay = Math.min(500 * 2 ** this.restarts, 8000)
    this.restarts += 1
    clearTimeout(this.restartTimer)
    this.restartTimer = setTimeout(() => {
      const run = this.queue.then(async () => {
        if (this.closed || !this.target.embedded || this.embedded) return
        // Our child died: embedded.json names nothing to take over, only a port to try.
        if (await this.startEmbedded({ port, takeOver: false })) this.connect()
        else if (this.problem) {
          this.problem = { ...this.problem, message: `${this.problem.message} Retrying.` }
          this.emit()
          this.scheduleRestart(port)
        }
      })
      this.queue = run.catch(() => undefined)
    }, delay)
  }

  /** Opens the link to the current target (the embedded server when that is the target). */
  private connect(): void {
    let connection: ConnectionOptions
    if (this.target.embedded) {
      if (!this.embedded) return
      connection = { url: this.embedded.url, password: this.embedded.password }
    } else {
      connection = this.target.connection
    }
    this.link = openLink({
      connection,
      endpoint: endpointLabel(connection.url ?? '', connection.database),
      embedded: this.target.embedded ? this.embedded : null,
      onChange: () => this.emit(),
      offlineAfterMs: this.options.offlineAfterMs ?? 5000,
      scheduler: this.options.scheduler ?? true,
      log: this.options.log,
    })
    this.emit()
  }

  private compute(): ConnectionStatus {
    const embedded = this.target.embedded
    const link = this.link
    if (!link) {
      const endpoint = this.target.embedded
        ? ''
        : endpointLabel(this.target.connection.url ?? '', this.target.connection.database)
      return this.problem
        ? { state: 'offline', endpoint, embedded, problem: this.problem }
        : { state: 'connecting', endpoint, embedded }
    }
    const states = link.trackers.map((tracker) => tracker.value)
    const state = states.every((s) => s.state === 'live')
      ? 'live'
      : ((['offline', 'reconnecting', 'connecting'] as const).find((candidate) =>
          states.some((s) => s.state === candidate),
        ) ?? 'connecting')
    const lastError = states.find((s) => s.lastError)?.lastError
    const missing = link.missingPermission
    return {
      state,
      endpoint: link.endpoint,
      embedded,
      ...(state !== 'live' && lastError
        ? { problem: { code: 'CONNECTION_FAILED', message: lastError } }
        : // Connected, but the user cannot do all the console's work: said while live.
          missing
          ? { problem: { code: 'REDIS_NO_PERMISSION', message: missing } }
          : {}),
    }
  }

  private emit(): void {
    const next = this.compute()
    if (JSON.stringify(next) === JSON.stringify(this.last)) return
    const wasLive = this.last.state === 'live'
    this.last = next
    for (const listener of this.statusListeners) listener(next)
    if (next.state === 'live' && !wasLive && this.link) {
      for (const listener of this.liveListeners) listener(this.link)
    }
  }
}
