// The web mode's SecretBox: AES-256-GCM with a random key kept in a 0600 file next to the
// settings. It keeps the password out of the settings file (copied into bug reports,
// backups, screenshots); the desktop uses Electron safeStorage instead.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SecretBox } from '../api/types'

export const KEY_FILE = 'secret.key'
const PREFIX = 'v1:'

/** Reads the key file, creating it (32 random bytes, mode 0600) when missing. */
function loadKey(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const path = join(dataDir, KEY_FILE)
  try {
    writeFileSync(path, randomBytes(32), { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  // A key readable by others is no key: tighten it (no-op on Windows).
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600)
  const key = readFileSync(path)
  if (key.length !== 32) throw new Error(`the key file ${path} is damaged (not 32 bytes)`)
  return key
}

export function createFileSecretBox(dataDir: string): SecretBox {
  const key = loadKey(dataDir)
  return {
    available: true,
    encrypt(plain: string): string {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
    },
    decrypt(sealed: string): string {
      if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed value of this console')
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64')
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}
