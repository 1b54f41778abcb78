// Access to the web console: a random token printed once in the console URL. The page and
// its assets hold no data and load without it; the WebSocket's first frame (hello.ts) must
// carry it, or a room display's token (display-tokens.ts). Never a cookie: browsers send
// cookies for 127.0.0.1 to every port, so any other local server would get the token.
// Plus Host and Origin checks, compared as parsed origins, never as substrings.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const newToken = (): string => randomBytes(24).toString('base64url')

export function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
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

/** Who a hello's token is: the console, a room display of one sale, or nobody. */
export type Access = { kind: 'console' } | { kind: 'display'; saleId: string } | null

export function accessOf(
  given: string,
  token: string,
  displaySale: (token: string) => string | null,
): Access {
  if (sameToken(given, token)) return { kind: 'console' }
  const saleId = displaySale(given)
  return saleId === null ? null : { kind: 'display', saleId }
}
