// The web mode's WebSocket handshake, both sides: the first frame a tab sends is its token
// (the console's, or a room display's display-only one). Never in a cookie or in the socket's
// URL: cookies reach every port of 127.0.0.1, and URLs end up in the browser's console.

export interface WebHello {
  type: 'hello'
  token: string
}

/** The server's close codes (4000–4999: the application's own). */
export const WS_CLOSE = {
  /** No hello, a wrong token, or something else first. */
  unauthorized: 4401,
  /** No hello within the deadline. */
  helloTimeout: 4408,
} as const

export const helloFrame = (token: string): string =>
  JSON.stringify({ type: 'hello', token } satisfies WebHello)
