// The Redis connection settings, kept as JSON in the user-data folder. The password is
// only ever written sealed by a SecretBox, and never handed back to the UI.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { redisSettingsSchema } from '../../shared/contract'
import { fail, type Failure } from '../../shared/errors'
import type { SecretBox } from '../api/types'
import { endpointOf, urlProblem, withoutUrlCredentials } from './url-credentials'

export const SETTINGS_FILE = 'settings.json'

export type ParsedRedisSettings = z.output<typeof redisSettingsSchema>

/** What the store holds, without the password. */
export interface PublicRedisSettings {
  url: string
  username: string
  caCertificate: string
  database: number
  durability: 'local' | 'replicated'
  hasPassword: boolean
}

const storedSchema = z.object({
  version: z.literal(1),
  redis: z.object({
    url: z.string().default(''),
    username: z.string().default(''),
    caCertificate: z.string().default(''),
    database: z.number().int().min(0).max(15).default(0),
    // A file written before durability was a setting reads as local, the default.
    durability: z.enum(['local', 'replicated']).default('local'),
    passwordSealed: z.string().optional(),
  }),
})
type Stored = z.output<typeof storedSchema>

const EMPTY: Stored = {
  version: 1,
  redis: { url: '', username: '', caCertificate: '', database: 0, durability: 'local' },
}

export class SettingsStore {
  private stored: Stored
  private readonly path: string

  constructor(
    dataDir: string,
    private readonly box: SecretBox,
    private readonly warn: (message: string) => void = () => undefined,
  ) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    this.path = join(dataDir, SETTINGS_FILE)
    this.stored = EMPTY
    this.stored = this.load()
  }

  read(): PublicRedisSettings {
    const { passwordSealed, ...rest } = this.stored.redis
    // Never credentials in the URL shown, even if they could not be moved out of the file.
    const { url, username } = withoutUrlCredentials(rest)
    return { ...rest, url, username, hasPassword: passwordSealed !== undefined }
  }

  /** The stored password, decrypted; undefined when there is none or it cannot be opened. */
  password(): string | undefined {
    const sealed = this.stored.redis.passwordSealed
    if (sealed === undefined) return undefined
    try {
      return this.box.decrypt(sealed)
    } catch {
      this.warn('the stored Redis password cannot be decrypted on this machine; enter it again')
      return undefined
    }
  }

  /**
   * The password a request means: a given one; '' for none; undefined keeps the stored one,
   * but only for the same endpoint, so a stored password never goes to a new host.
   */
  passwordFor(input: ParsedRedisSettings): string | undefined {
    if (input.password !== undefined) return input.password === '' ? undefined : input.password
    return endpointOf(input.url) === endpointOf(this.stored.redis.url) ? this.password() : undefined
  }

  save(raw: ParsedRedisSettings): { ok: true } | Failure {
    const input = withoutUrlCredentials(raw)
    // The shared schema checks the scheme only; the full parse says what else is wrong.
    const problem = urlProblem(input.url)
    if (problem !== null) return fail('INVALID_INPUT', problem, { field: 'url' })
    const password = this.passwordFor(input)
    let passwordSealed: string | undefined
    if (password !== undefined) {
      if (!this.box.available) {
        return fail(
          'INVALID_INPUT',
          'This machine offers no secure storage for the password (no OS keyring).',
          { field: 'password' },
        )
      }
      passwordSealed = this.box.encrypt(password)
    }
    const next: Stored = {
      version: 1,
      redis: {
        url: input.url,
        username: input.username,
        caCertificate: input.caCertificate,
        database: input.database,
        durability: input.durability,
        ...(passwordSealed !== undefined ? { passwordSealed } : {}),
      },
    }
    // Write-then-rename: a crash never leaves half a settings file.
    const temp = `${this.path}.tmp`
    writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 })
    renameSync(temp, this.path)
    this.stored = next
    return { ok: true }
  }

  private load(): Stored {
    if (!existsSync(this.path)) return EMPTY
    try {
      const parsed = storedSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')))
      if (parsed.success) return this.sealUrlPassword(parsed.data)
    } catch {
      // fall through
    }
    this.warn(`ignoring an unreadable settings file at ${this.path}`)
    return EMPTY
  }

  /** A file written before URL passwords were moved out: seal it now and rewrite the file. */
  private sealUrlPassword(stored: Stored): Stored {
    const { url, username, caCertificate, database, durability } = stored.redis
    const moved = withoutUrlCredentials({ url, username, caCertificate, database, durability })
    if (moved.url === url) return stored
    if (moved.password === undefined || !this.box.available) {
      this.warn(
        'the saved Redis URL holds credentials that cannot be sealed here; enter them again',
      )
      return stored
    }
    this.stored = stored
    const saved = this.save({ ...moved, password: moved.password })
    if (!saved.ok) return stored
    return this.stored
  }
}
