// The room display's link in the web mode: the page with a display-only token (display-
// tokens.ts), which opens a display session (display-session.ts) bound to that one sale.
// `display:link` (api/live-commands.ts) checks who may have it, then asks for this URL.

export function displayUrl(port: number, token: string, saleId: string): string {
  return `http://127.0.0.1:${port}/?token=${token}#/display/${encodeURIComponent(saleId)}`
}
