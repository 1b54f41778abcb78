// Follows one ioredis client and names its state the way the UI shows it. ioredis retries
// forever (retryStrategy); "offline" is a reconnect that has lasted too long to be a blip.
import type { ConnectionState } from '../../shared/contract'
import { scrubSecrets, type RedisClient } from '../engine'

export interface TrackedState {
  state: ConnectionState
  /** The last connection error, scrubbed; cleared when live. */
  lastError?: string
}

export class ClientTracker {
  private current: TrackedState = { state: 'connecting' }
  private everLive = false
  private offlineTimer: NodeJS.Timeout | undefined
  private readonly detach: () => void

  constructor(
    client: RedisClient,
    private readonly onChange: () => void,
    private readonly offlineAfterMs: number,
  ) {
    const ready = (): void => this.live()
    const down = (): void => this.down()
    const error = (err: Error): void => {
      const lastError = scrubSecrets(err.message)
      if (lastError === this.current.lastError) return
      this.current = { ...this.current, lastError }
      this.onChange()
    }
    client.on('ready', ready)
    client.on('close', down)
    client.on('end', down)
    client.on('error', error)
    this.detach = () => {
      client.off('ready', ready)
      client.off('close', down)
      client.off('end', down)
      client.off('error', error)
    }
    if (client.status === 'ready') this.live()
    else this.armOffline()
  }

  get value(): TrackedState {
    return this.current
  }

  close(): void {
    this.detach()
    if (this.offlineTimer) clearTimeout(this.offlineTimer)
  }

  private live(): void {
    if (this.offlineTimer) clearTimeout(this.offlineTimer)
    this.offlineTimer = undefined
    this.everLive = true
    this.set({ state: 'live' })
  }

  private down(): void {
    if (this.current.state === 'live') {
      this.set({ state: this.everLive ? 'reconnecting' : 'connecting' })
      this.armOffline()
    }
  }

  private armOffline(): void {
    if (this.offlineTimer) return
    this.offlineTimer = setTimeout(() => {
      this.offlineTimer = undefined
      if (this.current.state !== 'live') this.set({ ...this.current, state: 'offline' })
    }, this.offlineAfterMs)
  }

  private set(next: TrackedState): void {
    const changed = next.state !== this.current.state || next.lastError !== this.current.lastError
    this.current = next
    if (changed) this.onChange()
  }
}
