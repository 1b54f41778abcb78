// What a transport (Electron IPC or the web mode's WebSocket) needs from the main side.
// The service validates every input against the contract and never throws across it.
import type { CommandName, CommandResult, PushEvents, PushName } from '../../shared/contract'

/** Sends one push to one window or tab. */
export type PushSink = <P extends PushName>(name: P, payload: PushEvents[P]) => void

/** One window (Electron) or one tab (web): its own profile and its own watches. */
export interface ApiSession {
  readonly id: string
}

export interface ApiService {
  /**
   * A new window/tab connected; pushes for it go to `push`. It signs in before it may do
   * anything; a room display's session (`display`) reads as nobody, through its wrapper.
   */
  openSession(push: PushSink, options?: { display?: boolean }): ApiSession
  /** The window/tab went away: drops its watches (reference-counted) and presence. */
  closeSession(session: ApiSession): void
  /**
   * Runs one command for a session. `input` is untrusted: it is validated against the
   * contract's schema (INVALID_INPUT with the field at fault), and any exception is
   * turned into {ok:false,error}.
   */
  call<N extends CommandName>(
    session: ApiSession,
    name: N | string,
    input: unknown,
  ): Promise<CommandResult<N>>
  /** Stops the relay, presence, scheduler and connections (and an embedded Redis). */
  close(): Promise<void>
}

/** Encrypts secrets at rest: Electron safeStorage on the desktop, a local key file in web mode. */
export interface SecretBox {
  readonly available: boolean
  encrypt(plain: string): string
  decrypt(sealed: string): string
}
