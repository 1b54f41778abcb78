// Password hashing: scrypt with a random 16-byte salt per account, its parameters stored
// with the hash (`scrypt$N$r$p$<salt b64>$<key b64>`) so they can be raised later without
// breaking the accounts that exist.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { fail, type Failure } from '../../shared/errors'

const N = 16384
const R = 8
const P = 1
const KEY_BYTES = 64
const SALT_BYTES = 16
const PASSWORD_MIN = 10
const PASSWORD_MAX = 200

const derive = (password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )

/** A new password's policy; the failure never echoes the password. */
export function passwordRefusal(password: string): Failure | null {
  const length = [...password].length
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    return fail('INVALID_INPUT', `password: from ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`, {
      field: 'password',
    })
  }
  return null
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, { N, r: R, p: P })
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$')
}

/** Whether the password matches; a malformed stored hash matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 }
  if (![options.N, options.r, options.p].every(Number.isSafeInteger)) return false
  const actual = await derive(password, Buffer.from(salt, 'base64'), options)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

let dummy: Promise<string> | undefined
/** A hash of no one's password: an unknown id costs the same scrypt as a known one. */
export const dummyHash = (): Promise<string> =>
  (dummy ??= hashPassword(randomBytes(SALT_BYTES).toString('base64')))
