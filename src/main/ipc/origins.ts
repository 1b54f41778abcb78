// Which URLs belong to the app. Compared by parsed origin (scheme + host + port), never by
// substring: `app://console.evil.com` or `http://localhost:5173.evil.com` must not pass.

/** The scheme and host the packaged renderer is served from (see window/protocol.ts). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'console'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/**
 * scheme://host[:port] of a URL, or undefined if it does not parse. Node's URL gives the
 * origin "null" for schemes it does not know (app:), so it is rebuilt from its parts;
 * for http(s) this equals URL.origin (default ports are dropped by both).
 */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    if (!parsed.host) return undefined
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return undefined
  }
}

/** True when `url` is served from one of `origins` (the app's own, plus a dev server). */
export function isAppUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url)
  return origin !== undefined && origins.includes(origin)
}

/**
 * The origins the app trusts: its own protocol, plus the electron-vite dev server when
 * running unpackaged with ELECTRON_RENDERER_URL set (http(s) on loopback only).
 */
export function trustedOrigins(devServerUrl: string | undefined, packaged: boolean): string[] {
  const origins = [APP_ORIGIN]
  if (!packaged && devServerUrl) {
    try {
      const dev = new URL(devServerUrl)
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(dev.hostname)
      if ((dev.protocol === 'http:' || dev.protocol === 'https:') && loopback) {
        origins.push(dev.origin)
      }
    } catch {
      // A malformed dev URL is ignored: the app then only trusts its own protocol.
    }
  }
  return origins
}
