// "No remote content": every request the window makes must go to the app's own origin
// (or the dev server). Pure functions, so the rules are tested without Electron.
import { originOf } from '../ipc/origins'

/** Schemes that never leave the machine and that Chromium uses for the page itself. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:'])

/** True when a window may load `url`: same-origin, a local scheme, or dev-server HMR. */
export function isAllowedRequest(url: string, origins: readonly string[]): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true
  const origin = originOf(url)
  if (!origin) return false
  if (origins.includes(origin)) return true
  // The dev server's HMR socket: ws://host:port of an http://host:port origin.
  const asHttp = origin.replace(/^ws(s?):/, 'http$1:')
  return asHttp !== origin && origins.includes(asHttp)
}
