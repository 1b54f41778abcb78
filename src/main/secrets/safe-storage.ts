// The desktop SecretBox: Electron safeStorage (Keychain on macOS, DPAPI on Windows,
// the Secret Service / KWallet on Linux). Sealed values are base64 text for a JSON file.
import type { SafeStorage } from 'electron'
import type { SecretBox } from '../api/types'

/**
 * On Linux without a keyring, safeStorage falls back to 'basic_text': a key that is the
 * same on every machine, which is obfuscation, not encryption. The box then reports
 * itself unavailable so the settings store refuses to keep a password on disk.
 */
export function createSafeStorageBox(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
    getSelectedStorageBackend?: SafeStorage['getSelectedStorageBackend']
  },
  platform: NodeJS.Platform = process.platform,
): SecretBox {
  const weakBackend =
    platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text'
  const available = safeStorage.isEncryptionAvailable() && !weakBackend
  return {
    available,
    encrypt(plain: string): string {
      if (!available) throw new Error('No OS keyring is available to encrypt the password.')
      return safeStorage.encryptString(plain).toString('base64')
    },
    decrypt(sealed: string): string {
      if (!available) throw new Error('No OS keyring is available to decrypt the password.')
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'))
    },
  }
}
