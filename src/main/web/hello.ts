// The first frame of a web-mode socket must be its hello ({"type":"hello","token":…}) within
// a few seconds; anything else, a wrong token or silence closes it before a session exists.
import type { WebSocket } from 'ws'
import { WS_CLOSE } from '../../shared/web-hello'

/** Long enough for a loaded machine, short enough that idle unauthenticated sockets go. */
export const HELLO_DEADLINE_MS = 5000

/** What a token opens: `admit` answers the binding, or null for a token it does not know. */
export type Admit = (token: string) => ((socket: WebSocket) => void) | null

export function awaitHello(socket: WebSocket, admit: Admit, deadlineMs = HELLO_DEADLINE_MS): void {
  const timer = setTimeout(
    () => socket.close(WS_CLOSE.helloTimeout, 'hello expected first'),
    deadlineMs,
  )
  timer.unref()
  socket.once('message', (data, isBinary) => {
    clearTimeout(timer)
    const token = isBinary ? null : tokenOf(data.toString())
    const bind = token === null ? null : admit(token)
    if (!bind) return void socket.close(WS_CLOSE.unauthorized, 'unauthorized')
    // Synchronously, so a request sent right behind the hello reaches the session.
    bind(socket)
  })
  socket.once('close', () => clearTimeout(timer))
}

function tokenOf(text: string): string | null {
  try {
    const hello = JSON.parse(text) as { type?: unknown; token?: unknown } | null
    return hello?.type === 'hello' && typeof hello.token === 'string' ? hello.token : null
  } catch {
    return null
  }
}
