// What every command handler gets: the session it runs for and the services it may use.
import type {
  CommandName,
  CommandResult,
  OperatorProfile,
  SessionEndReason,
} from '../../shared/contract'
import type { Failure } from '../../shared/errors'
import type { Operator, OperatorStore } from '../accounts'
import type { ConnectionManager } from '../connection'
import type { AuctionEngine } from '../engine'
import type { Presence } from '../presence'
import type { Relay } from '../relay'
import type { SettingsStore } from '../settings'
import type { ParsedInput } from './validate'

export interface SessionState {
  readonly id: string
  /** Who signed in on this session (null before sign-in): never what the caller declares. */
  profile: OperatorProfile | null
  /** The account's sessions generation at sign-in: a later one ends this sign-in. */
  epoch: number
  /** A room display's session: reads of its one sale, as nobody (display-session.ts). */
  readonly display: boolean
  signInFailures: number
  signInBlockedUntil: number
}

export interface CommandContext {
  engine(): AuctionEngine | Failure
  manager: ConnectionManager
  settings: SettingsStore
  relay: Relay
  presence: Presence
  /** The operator accounts of the connected Redis, or why there is none. */
  accounts(): OperatorStore | Failure
  /** Signs the session in as the account (at its epoch); answers the resume secret. */
  signIn(session: SessionState, operator: Operator, epoch: number): string
  /** Carries on a sign-in by its resume secret, if it still holds; else UNAUTHORIZED. */
  resume(session: SessionState, resume: string): Promise<Failure | null>
  /** Ends the account's sign-ins older than `epoch` on this console, at once. */
  endSignIns(operatorId: string, epoch: number, reason: SessionEndReason): void
  /**
   * The room display for a sale, as the transport offers it (ConsoleApiService.
   * offerDisplays): the web server mints a display-only link; the desktop opens a second
   * window. Absent: not offered here.
   */
  openDisplay?: DisplayOpener
  /**
   * The desktop's printing (ConsoleApiService.offerPrinting): prints the window of this
   * session to a PDF file. Absent in the web mode, where the page uses the browser's print.
   */
  printToPdf?: PdfPrinter
}

/**
 * Prints the page shown by the session's own window to a PDF named after `fileName` (made
 * safe by the printer); answers the file's path, or null when the session has no window.
 */
export type PdfPrinter = (sessionId: string, fileName: string) => Promise<string | null>

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
