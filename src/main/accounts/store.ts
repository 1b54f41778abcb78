// Operator accounts in Redis: one hash per account (its own slot), created by one script so
// the id check and the fields are atomic, then listed in a registry set that is a hint.
// Every method answers a Result and never throws; no answer and no log holds a password or
// a hash.
import { join } from 'node:path'
import type { Cluster, Redis } from 'ioredis'
import { fail, type Failure, type Result } from '../../shared/errors'
import { isNoPermission, isUnavailable, scrubSecrets } from '../engine/connection'
import type { SessionEndReason } from '../../shared/contract'
import { OPERATOR_SESSIONS_CHANNEL, operatorKeys, operatorRegistryKeys } from '../engine/keys'
import { expandIncludes, resolveLuaDir } from '../engine/scripts'
import { invalidInput } from '../engine/validation'
import { serverTimeMs } from '../engine/server-time'
import { decodeOperator, newOperatorSchema, type NewOperator, type Operator } from './operator'
import { dummyHash, hashPassword, passwordRefusal, verifyPassword } from './password'
import { SlowDown } from './slow-down'

type Answer = Result<{ operator: Operator }>

/**
 * A sign-in as the store answers it: `epoch` is the account's sessions generation, which
 * moves on whenever its sessions must end (sign-out, disable, new password).
 */
export type SignedIn = Result<{ operator: Operator; epoch: number }>

/** What a console needs to know of a signed-in account: is the sign-in still good? */
export interface SessionCheck {
  disabled: boolean
  epoch: number
}

/** What the sessions channel carries. */
export interface SessionsEnded {
  operatorId: string
  epoch: number
  reason: SessionEndReason
}

const SIGN_IN_FAILED = 'The operator id or the password is not right, or the account is disabled'
const notFound = (id: string): Failure => fail('OPERATOR_NOT_FOUND', `no operator ${id}`)

type AddOperator = (key: string, ...args: string[]) => Promise<(string | number)[]>

export class OperatorStore {
  private readonly slowDown: SlowDown
  private readonly addScript: AddOperator

  constructor(private readonly redis: Redis | Cluster) {
    this.slowDown = new SlowDown(redis)
    // Registered by the store itself: the engine's script table is the sale engine's, loaded
    // by every engine; accounts are not sale data. The include expansion is the same.
    const lua = expandIncludes(join(resolveLuaDir(), 'addOperator-1.lua'))
    redis.defineCommand('addOperator', { lua, numberOfKeys: 1 })
    const command = (redis as unknown as Record<string, AddOperator | undefined>).addOperator
    if (!command) throw new Error('script addOperator is not registered')
    this.addScript = (key, ...args) => command.call(redis, key, ...args)
  }

  add(input: NewOperator, by: string): Promise<Answer> {
    return guard(() => this.create(input, by, false))
  }

  /**
   * The first staff account, only while the store has never had one: `SET operators:first
   * NX` decides between consoles launched together. Every add claims that key first, so an
   * account made any other way also rules this out (even one whose registry entry was lost).
   */
  addFirstStaff(input: Omit<NewOperator, 'role'>, by: string): Promise<Answer> {
    return guard(() => this.create({ ...input, role: 'staff' }, by, true))
  }

  list(): Promise<Result<{ operators: Operator[] }>> {
    return guard(async () => {
      const ids = (await this.redis.smembers(operatorRegistryKeys.all)).sort()
      const found = await Promise.all(ids.map((id) => this.read(id)))
      return { ok: true as const, operators: found.filter((o): o is Operator => o !== null) }
    })
  }

  get(id: string): Promise<Answer> {
    return guard(async () => {
      const operator = await this.read(id)
      return operator ? { ok: true as const, operator } : notFound(id)
    })
  }

  /** Disables the account and ends its sessions on every console. */
  disable(id: string, by: string): Promise<Answer> {
    return this.change(id, by, async () => ({ disabled: '1' }), 'disabled')
  }

  enable(id: string, by: string): Promise<Answer> {
    return this.change(id, by, async () => ({ disabled: '0' }))
  }

  /** A new password; the account's sessions end on every console. */
  setPassword(id: string, password: string, by: string): Promise<Answer> {
    return guard(async () => {
      const refused = passwordRefusal(password)
      return (
        refused ??
        this.change(
          id,
          by,
          async () => ({ hash: await hashPassword(password) }),
          'password-changed',
        )
      )
    })
  }

  /**
   * Ends every session of the account, on every console: its epoch moves on (a console
   * checks it on reconnect and on resume) and the consoles hear it at once on the channel.
   */
  endSessions(id: string, reason: SessionEndReason): Promise<Result<{ epoch: number }>> {
    return guard(async () => {
      const epoch = await this.redis.hincrby(operatorKeys(id).account, 'epoch', 1)
      const message: SessionsEnded = { operatorId: id, epoch, reason }
      await this.redis.publish(OPERATOR_SESSIONS_CHANNEL, JSON.stringify(message))
      return { ok: true as const, epoch }
    })
  }

  /** Whether a sign-in of this account, at `epoch`, still holds (null: no such account). */
  async check(id: string): Promise<SessionCheck | null> {
    const key = operatorKeys(id).account
    const [found, disabled, epoch] = await this.redis.hmget(key, 'id', 'disabled', 'epoch')
    return found ? { disabled: disabled === '1', epoch: Number(epoch ?? 0) } : null
  }

  /** First launch: no account was ever made on this store. */
  setupNeeded(): Promise<Result<{ setupNeeded: boolean }>> {
    return guard(async () => ({
      ok: true as const,
      setupNeeded: (await this.redis.exists(operatorRegistryKeys.first)) === 0,
    }))
  }

  /**
   * A sign-in: the operator, or SIGN_IN_FAILED with one message whether the id is unknown,
   * the account disabled or the password wrong (an unknown id spends the same scrypt). While
   * the account is slowed down the password is not even checked.
   */
  verify(id: string, password: string): Promise<SignedIn> {
    return guard(async () => {
      if (!newOperatorSchema.shape.id.safeParse(id).success) {
        await verifyPassword(password, await dummyHash())
        return fail('SIGN_IN_FAILED', SIGN_IN_FAILED)
      }
      const waitMs = await this.slowDown.waitMs(id)
      if (waitMs > 0) return fail('SIGN_IN_FAILED', SIGN_IN_FAILED, { retryAfterMs: waitMs })
      const hash = await this.redis.hgetall(operatorKeys(id).account)
      const operator = decodeOperator(hash)
      const matches = await verifyPassword(password, hash.hash ?? (await dummyHash()))
      if (!operator || operator.disabled || !matches) {
        const wait = await this.slowDown.failed(id)
        return fail('SIGN_IN_FAILED', SIGN_IN_FAILED, wait > 0 ? { retryAfterMs: wait } : {})
      }
      await this.slowDown.succeeded(id)
      const now = await this.serverMs()
      await this.redis.hset(operatorKeys(id).account, 'lastSignInAt', now)
      const epoch = Number(hash.epoch ?? 0)
      return { ok: true as const, operator: { ...operator, lastSignInAt: now }, epoch }
    })
  }

  private async create(input: NewOperator, by: string, first: boolean): Promise<Answer> {
    const parsed = newOperatorSchema.safeParse(input)
    if (!parsed.success) return invalidInput(parsed.error)
    const refused = passwordRefusal(parsed.data.password)
    if (refused) return refused
    const { id, displayName, role, password } = parsed.data
    const hash = await hashPassword(password)
    const claimed = await this.redis.set(operatorRegistryKeys.first, id, 'NX')
    if (first && claimed !== 'OK') {
      return fail('OPERATOR_EXISTS', 'an operator account exists already')
    }
    const reply = await this.addScript(operatorKeys(id).account, id, displayName, role, hash, by)
    if (reply[0] !== 'ok') return fail('OPERATOR_EXISTS', `operator ${id} exists already`)
    await this.redis.sadd(operatorRegistryKeys.all, id)
    const operator = await this.read(id)
    return operator ? { ok: true as const, operator } : notFound(id)
  }

  /** Sets fields of an existing account (accounts are never deleted, so exists-then-set holds). */
  private change(
    id: string,
    by: string,
    fields: () => Promise<Record<string, string>>,
    ends?: SessionEndReason,
  ): Promise<Answer> {
    return guard(async () => {
      if (!newOperatorSchema.shape.id.safeParse(id).success) return notFound(id)
      const key = operatorKeys(id).account
      if (!(await this.redis.exists(key))) return notFound(id)
      const values = await fields()
      await this.redis.hset(key, { ...values, changedAt: await this.serverMs(), changedBy: by })
      if (ends) {
        const ended = await this.endSessions(id, ends)
        if (!ended.ok) return ended
      }
      const operator = await this.read(id)
      return operator ? { ok: true as const, operator } : notFound(id)
    })
  }

  private async read(id: string): Promise<Operator | null> {
    return decodeOperator(await this.redis.hgetall(operatorKeys(id).account))
  }

  /** Redis TIME in ms: the one clock, as the scripts use. */
  private serverMs(): Promise<number> {
    return serverTimeMs(this.redis)
  }
}

/** A thrown error as the answer: Redis out of reach, or an internal fault (secrets scrubbed). */
async function guard<T extends object>(work: () => Promise<T | Failure>): Promise<T | Failure> {
  try {
    return await work()
  } catch (error) {
    if (isUnavailable(error)) return fail('REDIS_UNAVAILABLE', 'Redis is not reachable')
    const message = scrubSecrets(error instanceof Error ? error.message : String(error))
    return fail(isNoPermission(error) ? 'REDIS_NO_PERMISSION' : 'INTERNAL', message)
  }
}
