// The Content-Security-Policy of the console window. The renderer only ever talks to
// the main process over IPC, so it needs no network access at all beyond its own files.

const STRICT: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'manifest-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
  'frame-src': "'none'",
  'object-src': "'none'",
  'worker-src': "'none'",
}

/**
 * The policy string. With the electron-vite dev server (unpackaged only), Vite's inline
 * React-refresh preamble, injected <style> tags and its HMR WebSocket are also allowed.
 */
export function contentSecurityPolicy(devOrigin?: string): string {
  const directives = { ...STRICT }
  if (devOrigin) {
    const hmr = devOrigin.replace(/^http/, 'ws')
    directives['script-src'] = `'self' 'unsafe-inline'`
    directives['style-src'] = `'self' 'unsafe-inline'`
    directives['connect-src'] = `'self' ${hmr}`
  }
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ')
}
