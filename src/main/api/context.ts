// What every command handler gets: the session it runs for and the services it may use.
import type { CommandName, CommandResult, OperatorProfile } from '../../shared/contract'
import type { Failure } from '../../shared/errors'
import type { ConnectionManager } from '../connection'
import type { AuctionEngine } from '../engine'
import type { Presence } from '../presence'
import type { Relay } from '../relay'
import type { SettingsStore } from '../settings'
import type { ParsedInput } from './validate'

export interface SessionState {
  readonly id: string
  profile: OperatorProfile | null
}

export interface CommandContext {
  engine(): AuctionEngine | Failure
  manager: ConnectionManager
  settings: SettingsStore
  relay: Relay
  presence: Presence
  /**
   * The room display for a sale, as the transport offers it (ConsoleApiService.
   * offerDisplays): the web server mints a display-only link; the desktop opens a second
   * window. Absent: not offered here.
   */
  openDisplay?: DisplayOpener
}

/** Opens (or links to) the room display of a sale the caller may show; answers its URL. */
export type DisplayOpener = (saleId: string) => Promise<string> | string

export type Handler<N extends CommandName> = (
  ctx: CommandContext,
  session: SessionState,
  input: ParsedInput<N>,
) => Promise<CommandResult<N>>

/** Runs `work` with the engine, or answers why there is none (Redis not configured/up). */
export async function withEngine<T>(
  ctx: CommandContext,
  work: (engine: AuctionEngine) => Promise<T>,
): Promise<T | Failure> {
  const engine = ctx.engine()
  return 'ok' in engine ? engine : work(engine)
}
