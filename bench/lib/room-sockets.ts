// The web mode's sockets for the bench's consoles process: the renderer's own WebSocket
// client over the `ws` package (the token in its hello, as a tab sends it), and the room
// display's session (the display-only link's token when the server gives one).
import { WebSocket } from 'ws'
import {
  createWebSocketApi,
  type SocketLike,
  type WebSocketApi,
} from '../../src/renderer/src/api/ws-client'

/**
 * The client's options for a bench socket address: ws://host/ws?token=… as the bench hands
 * it to its consoles (bench/lib/web-server.ts); the token goes in the hello, never in the
 * URL the socket opens.
 */
export function socketOptions(address: string): { url: string; token: string | null } {
  const url = new URL(address)
  const token = url.searchParams.get('token')
  url.search = ''
  return { url: url.toString(), token }
}

/** The renderer's client on `address`; resolves at the server's first push, or null on timeout. */
export async function connect(address: string, timeoutMs = 10_000): Promise<WebSocketApi | null> {
  const api = createWebSocketApi({
    ...socketOptions(address),
    createSocket: (target) => new WebSocket(target) as unknown as SocketLike,
  })
  const live = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs)
    const off = api.on('connection:state', () => {
      off()
      clearTimeout(timer)
      resolve(true)
    })
  })
  if (live) return api
  api.close()
  return null
}

/**
 * The room display: the display-only link's socket when `display:link` answers one (its
 * token reaches the socket as a page's does, in the hello), else a plain session without a
 * profile (what a bidder sees).
 */
export async function openDisplay(
  clerk: WebSocketApi,
  config: { socketUrl: string; saleId: string },
): Promise<{ api: WebSocketApi; display: string; note: string }> {
  const link = await clerk.call('display:link', { saleId: config.saleId })
  let note: string
  if (link.ok) {
    const page = new URL(link.url)
    const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:'
    const api = await connect(`${scheme}//${page.host}/ws${page.search}`, 3000)
    if (api) return { api, display: 'display link', note: `${page.origin}${page.pathname}` }
    note = 'display:link answered, but its socket did not open'
  } else {
    note = `display:link: ${link.error.code} (${link.error.message})`
  }
  const api = await connect(config.socketUrl)
  if (!api) throw new Error('the room display could not connect')
  return { api, display: 'plain session', note }
}
