// Serves the built renderer from app://console/ instead of file://, so the page has a
// real origin (for the CSP, the IPC sender check and navigation rules) and can read
// nothing outside out/renderer.
import { readFile } from 'node:fs/promises'
import { join, normalize, relative, sep } from 'node:path'
import type { Protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from '../ipc/origins'
import { contentTypeOf } from '../static/content-type'

/** Must run before app `ready`: makes app:// a standard, secure origin. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/**
 * The file under `rendererDir` that an app:// URL names, or undefined when the URL is
 * for another host or would leave the folder ("..", encoded separators, absolute paths).
 */
export function resolveRendererFile(rendererDir: string, url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return undefined
  }
  if (path.includes('\0') || path.includes('\\')) return undefined
  const file = normalize(join(rendererDir, path === '/' ? 'index.html' : path))
  const inside = relative(rendererDir, file)
  if (inside === '' || inside.startsWith('..') || inside.split(sep).includes('..')) return undefined
  return file
}

/** Answers app:// requests from `rendererDir`, with the CSP header on every response. */
export function handleAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rendererDir: string,
  csp: string,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererFile(rendererDir, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, {
        headers: {
          'Content-Type': contentTypeOf(file),
          'Content-Security-Policy': csp,
          'X-Content-Type-Options': 'nosniff',
        },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
