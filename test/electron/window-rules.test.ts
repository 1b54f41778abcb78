// The window's hardening rules as plain functions: what the app:// protocol serves, which
// requests and permissions pass, the CSP, and the safeStorage secret box.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { APP_ORIGIN, originOf, trustedOrigins } from '../../src/main/ipc'
import { createSafeStorageBox } from '../../src/main/secrets'
// Straight to the pure modules: the window/ barrel also holds BrowserWindow code.
import { contentSecurityPolicy } from '../../src/main/window/csp'
import { allowPermission } from '../../src/main/window/permissions'
import { resolveRendererFile } from '../../src/main/window/protocol'
import { isAllowedRequest } from '../../src/main/window/requests'

const packaged = trustedOrigins(undefined, true)
const dev = trustedOrigins('http://localhost:5173', false)

describe('originOf', () => {
  it('compares scheme, host and port, not text', () => {
    expect(originOf('app://console/index.html')).toBe(APP_ORIGIN)
    expect(originOf('http://localhost:5173/x?y#z')).toBe('http://localhost:5173')
    expect(originOf('https://example.com:443/')).toBe('https://example.com')
    expect(originOf('app://console.evil.example/')).not.toBe(APP_ORIGIN)
    expect(originOf('app://console@evil.example/')).toBe('app://evil.example')
    expect(originOf('file:///index.html')).toBeUndefined()
    expect(originOf('garbage')).toBeUndefined()
  })
})

describe('requests', () => {
  it('allows the app’s own files and local schemes only', () => {
    expect(isAllowedRequest('app://console/assets/index.js', packaged)).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,AAAA', packaged)).toBe(true)
    expect(isAllowedRequest('blob:app://console/1234', packaged)).toBe(true)
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', packaged)).toBe(true)
    for (const url of [
      'https://cdn.example.com/react.js',
      'http://127.0.0.1:6379/',
      'ws://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://other/index.js',
      'http://localhost:5173/src/main.tsx',
    ]) {
      expect(isAllowedRequest(url, packaged), url).toBe(false)
    }
  })

  it('allows the dev server and its HMR socket in development', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/?token=x', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5174/', dev)).toBe(false)
    expect(isAllowedRequest('https://example.com/', dev)).toBe(false)
  })
})

describe('permissions', () => {
  it('grants notifications to the app and nothing else to anyone', () => {
    expect(allowPermission('notifications', 'app://console', packaged)).toBe(true)
    expect(allowPermission('notifications', 'app://console/index.html', packaged)).toBe(true)
    expect(allowPermission('notifications', 'https://evil.example', packaged)).toBe(false)
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'hid']) {
      expect(allowPermission(permission, 'app://console', packaged), permission).toBe(false)
    }
  })
})

describe('content security policy', () => {
  const directives = (policy: string): Map<string, string> =>
    new Map(
      policy.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/)
        return [name as string, values.join(' ')]
      }),
    )

  it('is strict when packaged: own scripts only, no inline, no eval, no remote', () => {
    const policy = directives(contentSecurityPolicy())
    expect(policy.get('default-src')).toBe("'none'")
    expect(policy.get('script-src')).toBe("'self'")
    expect(policy.get('connect-src')).toBe("'self'")
    expect(policy.get('object-src')).toBe("'none'")
    expect(policy.get('frame-ancestors')).toBe("'none'")
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-(inline|eval)|https?:|\*/)
  })

  it('admits the dev server’s inline preamble and HMR socket in development only', () => {
    const policy = directives(contentSecurityPolicy('http://localhost:5173'))
    expect(policy.get('script-src')).toBe("'self' 'unsafe-inline'")
    expect(policy.get('connect-src')).toBe("'self' ws://localhost:5173")
    expect(contentSecurityPolicy('http://localhost:5173')).not.toMatch(/unsafe-eval/)
  })
})

describe('app:// protocol files', () => {
  const root = mkdtempSync(join(tmpdir(), 'renderer-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html>')
  writeFileSync(join(root, 'assets', 'index.js'), '')
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('maps app://console paths into the renderer folder', () => {
    expect(resolveRendererFile(root, 'app://console/')).toBe(join(root, 'index.html'))
    expect(resolveRendererFile(root, 'app://console/index.html?x=1#y')).toBe(
      join(root, 'index.html'),
    )
    expect(resolveRendererFile(root, 'app://console/assets/index.js')).toBe(
      join(root, 'assets', 'index.js'),
    )
  })

  it('refuses other hosts and every way out of the folder', () => {
    for (const url of [
      'app://other/index.html',
      'http://console/index.html',
      'app://console/../secret.txt',
      'app://console/%2e%2e/secret.txt',
      'app://console/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://console/..%5c..%5csecret.txt',
      'app://console/%00.html',
      'app://console/%E0%A4%A',
    ]) {
      // Plain ".." segments are already folded by the URL parser (they land inside the
      // folder); encoded separators are caught after decoding.
      const file = resolveRendererFile(root, url)
      expect(file === undefined || file.startsWith(join(root, '/')), url).toBe(true)
    }
    expect(
      resolveRendererFile(root, 'app://console/assets/%2e%2e%2f%2e%2e%2fsecret.txt'),
    ).toBeUndefined()
    expect(resolveRendererFile(root, 'app://other/index.html')).toBeUndefined()
  })
})

describe('safeStorage secret box', () => {
  /** safeStorage's shape; "encryption" is a reversible byte flip, enough to see the box use it. */
  const fakeSafeStorage = (available: boolean, backend = 'gnome_libsecret') => ({
    isEncryptionAvailable: () => available,
    encryptString: (plain: string) => Buffer.from(Buffer.from(plain).map((b) => b ^ 0x5a)),
    decryptString: (sealed: Buffer) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString(),
    getSelectedStorageBackend: () => backend as 'gnome_libsecret',
  })

  it('seals to text that does not contain the password and opens it again', () => {
    const box = createSafeStorageBox(fakeSafeStorage(true), 'linux')
    expect(box.available).toBe(true)
    const sealed = box.encrypt('s3cret-pässword')
    expect(sealed).not.toContain('s3cret')
    expect(box.decrypt(sealed)).toBe('s3cret-pässword')
  })

  it('is unavailable without OS encryption, or with the Linux basic_text fallback', () => {
    expect(createSafeStorageBox(fakeSafeStorage(false), 'win32').available).toBe(false)
    const weak = createSafeStorageBox(fakeSafeStorage(true, 'basic_text'), 'linux')
    expect(weak.available).toBe(false)
    expect(() => weak.encrypt('x')).toThrow(/keyring/)
    expect(createSafeStorageBox(fakeSafeStorage(true, 'basic_text'), 'darwin').available).toBe(true)
  })
})
