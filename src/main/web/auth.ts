// Access to the web console: a random token printed once, then carried by the page URL,
// a per-port HttpOnly cookie (so the page's own assets load) or the WebSocket URL. Plus
// Host and Origin checks, compared as parsed origins, never as substrings.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const newToken = (): string => randomBytes(24).toString('base64url')

export const cookieName = (port: number): string => `auction_console_${port}`

export function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookie(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return null
}

export interface Credentials {
  /** The token came in the URL (the page sets the cookie then). */
  fromQuery: boolean
  ok: boolean
}

export function checkToken(
  request: IncomingMessage,
  url: URL,
  token: string,
  port: number,
): Credentials {
  const fromQuery = url.searchParams.get('token')
  if (fromQuery !== null) return { fromQuery: true, ok: sameToken(fromQuery, token) }
  return { fromQuery: false, ok: sameToken(cookie(request, cookieName(port)), token) }
}

/** The Host header must name this server (defeats DNS rebinding). */
export function allowedHost(request: IncomingMessage, port: number): string | null {
  const host = request.headers.host ?? ''
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` ? host : null
}

/** A browser's WebSocket must come from this server's own page. */
export function allowedOrigin(request: IncomingMessage, host: string): boolean {
  const origin = request.headers.origin
  // Browsers always send Origin on a WebSocket; other clients still need the token.
  if (origin === undefined) return true
  try {
    return new URL(origin).origin === new URL(`http://${host}`).origin
  } catch {
    return false
  }
}
