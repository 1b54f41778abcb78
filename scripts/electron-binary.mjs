// Is the Electron binary here, and can we fetch it? Mirrors node_modules/electron/index.js
// without its side effect: requiring 'electron' from Node starts a download when the
// binary is missing (Electron ≥ 42 has no install step of its own).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** The electron package folder, or undefined when it is not installed (production install). */
export function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'))
  } catch {
    return undefined
  }
}

/**
 * { ok: true, path } when the Electron executable exists, else { ok: false, reason } with
 * a reason a person can act on.
 */
export function findElectronBinary() {
  const dir = electronPackageDir()
  if (!dir) return { ok: false, reason: 'the electron package is not installed' }
  const pathFile = join(dir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const path = join(override, relative || 'electron')
    return existsSync(path)
      ? { ok: true, path }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no executable (${path})` }
  }
  if (!relative) return { ok: false, reason: 'the Electron binary has not been downloaded' }
  const path = join(dir, 'dist', relative)
  return existsSync(path)
    ? { ok: true, path }
    : { ok: false, reason: `the Electron binary is missing (${path})` }
}

/** True when the user asked not to download Electron (offline machines, CI without it). */
export const downloadDisabled = () =>
  process.env.AUCTION_SKIP_ELECTRON_DOWNLOAD === '1' ||
  process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1'

/**
 * Runs electron's own install.js (which uses @electron/get: cache, mirrors, checksums),
 * killed after `timeoutMs`. Resolves { ok, reason }; never rejects.
 */
export function downloadElectron({ timeoutMs = 120_000 } = {}) {
  const dir = electronPackageDir()
  if (!dir) return Promise.resolve({ ok: false, reason: 'the electron package is not installed' })
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, 'install.js')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    })
    let output = ''
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-4000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ ok: false, reason: error.message })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      const found = findElectronBinary()
      if (code === 0 && found.ok) return resolve({ ok: true, path: found.path })
      if (timedOut) return resolve({ ok: false, reason: `no answer within ${timeoutMs / 1000} s` })
      resolve({ ok: false, reason: summarize(output) })
    })
  })
}

/** The first line of a download failure that says what went wrong. */
function summarize(output) {
  const lines = output.split('\n').map((line) => line.trim())
  const telling = lines.find((line) => /^(\w*Error|HTTPError|RequestError):/.test(line))
  return (telling ?? lines.find((line) => line) ?? 'unknown error').slice(0, 160)
}
