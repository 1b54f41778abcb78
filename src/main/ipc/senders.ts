// Which IPC senders may use the API: only the main frame of a window this app created,
// showing a page of the app's own origin. Everything else (a frame that navigated away,
// a webview, a window we did not register) is refused.
import type { ApiSession } from '../api/types'
import { isAppUrl } from './origins'

/** The parts of Electron's IpcMainInvokeEvent the check needs. */
export interface InvokeEventLike {
  sender: { id: number }
  senderFrame: { url: string; parent: unknown } | null
}

export type SenderVerdict =
  | { ok: true; session: ApiSession }
  | { ok: false; reason: 'unknown-window' | 'no-frame' | 'subframe' | 'foreign-origin' }

export class SenderRegistry {
  private readonly sessions = new Map<number, ApiSession>()

  constructor(private readonly origins: readonly string[]) {}

  /** A window we created: its webContents id and its API session. */
  set(webContentsId: number, session: ApiSession): void {
    this.sessions.set(webContentsId, session)
  }

  get(webContentsId: number): ApiSession | undefined {
    return this.sessions.get(webContentsId)
  }

  delete(webContentsId: number): void {
    this.sessions.delete(webContentsId)
  }

  get size(): number {
    return this.sessions.size
  }

  /** Decides whether this IPC event comes from one of our windows, and whose session it is. */
  check(event: InvokeEventLike): SenderVerdict {
    const session = this.sessions.get(event.sender.id)
    if (!session) return { ok: false, reason: 'unknown-window' }
    const frame = event.senderFrame
    // senderFrame is null once the frame navigated or was destroyed.
    if (!frame) return { ok: false, reason: 'no-frame' }
    if (frame.parent !== null) return { ok: false, reason: 'subframe' }
    if (!isAppUrl(frame.url, this.origins)) return { ok: false, reason: 'foreign-origin' }
    return { ok: true, session }
  }
}
