// Security headers for every web-mode response: only our own scripts and styles, no
// framing, no sniffing, no referrer (the page URL carries the token).
import type { ServerResponse } from 'node:http'

export function securityHeaders(host: string | null): Record<string, string> {
  const socket = host ? ` ws://${host}` : ''
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self'${socket}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  }
}

export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  host: string | null,
): void {
  response.writeHead(status, {
    ...securityHeaders(host),
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  response.end(`${text}\n`)
}
