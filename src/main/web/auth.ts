// Access to the web console: a random token printed once, then carried by the page URL,
// a per-port HttpOnly cookie (so the page's own assets load) or the WebSocket URL; a room
// display's token (display-tokens.ts) the same way, with a cookie of its own. Plus
// Host and Origin checks, compared as parsed origins, never as substrings.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const newToken = (): string => randomBytes(24).toString('base64url')

export const cookieName = (port: number): string => `auction_console_${port}`

/** A room display's cookie: its own name, so it never replaces the console's. */
export const displayCookieName = (port: number): string => `auction_display_${port}`

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

/** Who a request is: the console (its token), a room display of one sale, or nobody. */
export type Access =
  | { ok: false }
  | { ok: true; kind: 'console'; fromQuery: boolean }
  | { ok: true; kind: 'display'; fromQuery: boolean; saleId: string; token: string }

/**
 * The console token or a display-only token, from the URL (the first load, the WebSocket)
 * or from its cookie. A token in the URL decides alone: a wrong one is refused even with a
 * good cookie.
 */
export function accessOf(
  request: IncomingMessage,
  url: URL,
  token: string,
  displaySale: (token: string | null) => string | null,
  port: number,
): Access {
  const given = url.searchParams.get('token')
  if (given !== null) return accessFor(given, true, token, displaySale)
  const asConsole = accessFor(cookie(request, cookieName(port)), false, token, () => null)
  if (asConsole.ok) return asConsole
  return accessFor(cookie(request, displayCookieName(port)), false, '', displaySale)
}

function accessFor(
  given: string | null,
  fromQuery: boolean,
  token: string,
  displaySale: (token: string | null) => string | null,
): Access {
  if (token && sameToken(given, token)) return { ok: true, kind: 'console', fromQuery }
  const saleId = displaySale(given)
  return saleId !== null && given !== null
    ? { ok: true, kind: 'display', fromQuery, saleId, token: given }
    : { ok: false }
}
