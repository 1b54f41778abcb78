// Serves the built renderer (out/renderer) read-only: no directory listings, nothing
// outside the folder, index.html for client-side routes.
import { createReadStream, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, relative, resolve, sep } from 'node:path'
import { contentTypeOf } from '../static/content-type'

/** The file for a URL path inside root, or null (missing, outside, not a file). */
export function resolveFile(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const base = resolve(root)
  const wanted = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`)
  const rel = relative(base, wanted)
  if (rel.startsWith('..') || rel.startsWith(sep) || resolve(base, rel) !== wanted) return null
  const candidates = decoded.endsWith('/') || rel === '' ? [join(wanted, 'index.html')] : [wanted]
  // A path without an extension is a client-side route: the app shell answers it.
  if (extname(decoded) === '') candidates.push(join(base, 'index.html'))
  for (const candidate of candidates) {
    try {
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // try the next one
    }
  }
  return null
}

export function sendFile(
  response: ServerResponse,
  file: string,
  headers: Record<string, string>,
  head: boolean,
): void {
  const type = contentTypeOf(file)
  const immutable = file.includes(`${sep}assets${sep}`)
  response.writeHead(200, {
    ...headers,
    'Content-Type': type,
    'Content-Length': String(statSync(file).size),
    'Cache-Control': immutable ? 'private, max-age=31536000, immutable' : 'no-store',
  })
  if (head) return void response.end()
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response)
}
