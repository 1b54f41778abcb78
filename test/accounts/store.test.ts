// Operator accounts against real Redis: hashing, atomic creation, the first staff account,
// sign-in failures that say nothing about which part was wrong, and the slow-down.
import type { RedisClient } from '../../src/main/engine'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OperatorStore } from '../../src/main/accounts'
import { connectRedis } from '../../src/main/engine'
import { operatorKey } from '../../src/main/engine/keys'
import { redisUrl, uniqueId } from '../support/engine'

const PASSWORD = 'correct horse battery'

let redis: RedisClient
let store: OperatorStore

beforeAll(async () => {
  redis = await connectRedis({ url: redisUrl() })
  store = new OperatorStore(redis)
})
afterAll(async () => void (await redis.quit()))

const added = async (role = 'seller', password = PASSWORD) => {
  const id = uniqueId('op')
  const result = await store.add({ id, displayName: 'Ada', role, password }, 'test')
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.operator
}

describe('OperatorStore', () => {
  it('stores a salted scrypt hash that verifies the password and nothing else', async () => {
    const operator = await added()
    expect(operator).toMatchObject({ role: 'seller', disabled: false, createdBy: 'test' })
    const stored = await redis.hget(operatorKey(operator.id), 'hash')
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{86}==$/)
    expect(stored).not.toContain(PASSWORD)
    expect((await store.verify(operator.id, PASSWORD)).ok).toBe(true)
    expect(await store.verify(operator.id, `${PASSWORD}!`)).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_FAILED' },
    })
    // The same password under another account: another salt, another hash.
    const other = await added()
    expect(await redis.hget(operatorKey(other.id), 'hash')).not.toBe(stored)
  })

  it('refuses a second account under the same id and leaves the first unchanged', async () => {
    const first = await added('staff')
    const again = await store.add(
      { id: first.id, displayName: 'Mallory', role: 'bidder', password: 'another password' },
      'intruder',
    )
    expect(again).toMatchObject({ ok: false, error: { code: 'OPERATOR_EXISTS' } })
    expect(await store.get(first.id)).toEqual({ ok: true, operator: first })
    expect((await store.verify(first.id, PASSWORD)).ok).toBe(true)
  })

  it('checks the input: role, password length', async () => {
    const id = uniqueId('op')
    const base = { id, displayName: 'Ada', password: PASSWORD }
    expect(await store.add({ ...base, role: 'admin' }, 't')).toMatchObject({
      error: { code: 'INVALID_INPUT', field: 'role' },
    })
    for (const password of ['short', 'x'.repeat(201)]) {
      const refused = await store.add({ ...base, role: 'staff', password }, 't')
      expect(refused).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'password' } })
      expect(JSON.stringify(refused)).not.toContain(password)
    }
    expect(await store.get(id)).toMatchObject({ error: { code: 'OPERATOR_NOT_FOUND' } })
  })

  it('gives one answer for an unknown id, a disabled account and a wrong password', async () => {
    const disabled = await added()
    expect(await store.disable(disabled.id, 'test')).toMatchObject({
      ok: true,
      operator: { disabled: true, changedBy: 'test' },
    })
    const wrong = await added()
    const answers = await Promise.all([
      store.verify(uniqueId('nobody'), PASSWORD),
      store.verify(disabled.id, PASSWORD),
      store.verify(wrong.id, 'not the password'),
    ])
    for (const answer of answers) expect(answer.ok).toBe(false)
    const errors = answers.map((a) => (a.ok ? null : a.error))
    expect(new Set(errors.map((e) => JSON.stringify(e))).size).toBe(1)
    expect(errors[0]?.code).toBe('SIGN_IN_FAILED')
  })

  it('refuses the sixth attempt after five failures, even with the right password', async () => {
    const operator = await added()
    for (let i = 0; i < 5; i++) {
      const failed = await store.verify(operator.id, 'wrong password')
      expect(failed).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED' } })
    }
    const refused = await store.verify(operator.id, PASSWORD)
    expect(refused).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED' } })
    const retryAfterMs = refused.ok ? 0 : (refused.error.retryAfterMs ?? 0)
    expect(retryAfterMs).toBeGreaterThan(0)
    expect(retryAfterMs).toBeLessThanOrEqual(1000)
    await new Promise((resolve) => setTimeout(resolve, retryAfterMs + 50))
    expect((await store.verify(operator.id, PASSWORD)).ok).toBe(true)
    // The success forgot the failures: four more are free again.
    for (let i = 0; i < 4; i++) await store.verify(operator.id, 'wrong password')
    expect((await store.verify(operator.id, PASSWORD)).ok).toBe(true)
  })

  it('records the sign-in time from the Redis clock', async () => {
    const operator = await added()
    expect(operator.lastSignInAt).toBeNull()
    const [seconds] = await redis.time()
    const signedIn = await store.verify(operator.id, PASSWORD)
    const after = Number((await redis.time())[0]) * 1000 + 999
    if (!signedIn.ok) throw new Error('sign-in failed')
    expect(signedIn.operator.lastSignInAt).toBeGreaterThanOrEqual(Number(seconds) * 1000)
    expect(signedIn.operator.lastSignInAt).toBeLessThanOrEqual(after)
    expect(await store.get(operator.id)).toMatchObject({
      operator: { lastSignInAt: signedIn.operator.lastSignInAt },
    })
  })

  it('lists accounts by id without a hash or salt', async () => {
    const ids = [(await added()).id, (await added()).id]
    const listed = await store.list()
    if (!listed.ok) throw new Error('list failed')
    const mine = listed.operators.filter((o) => ids.includes(o.id))
    expect(mine.map((o) => o.id)).toEqual([...ids].sort())
    const text = JSON.stringify(listed)
    expect(text).not.toMatch(/scrypt|"hash"|"salt"/)
    expect(listed.operators.map((o) => o.id)).toEqual(listed.operators.map((o) => o.id).sort())
  })

  it('changes what verifies with setPassword', async () => {
    const operator = await added()
    expect(await store.setPassword(operator.id, 'short', 'test')).toMatchObject({
      error: { code: 'INVALID_INPUT', field: 'password' },
    })
    expect((await store.setPassword(operator.id, 'a new long password', 'test')).ok).toBe(true)
    expect((await store.verify(operator.id, PASSWORD)).ok).toBe(false)
    expect((await store.verify(operator.id, 'a new long password')).ok).toBe(true)
    expect(await store.setPassword(uniqueId('nobody'), PASSWORD, 'test')).toMatchObject({
      error: { code: 'OPERATOR_NOT_FOUND' },
    })
  })
})

// A database of its own: "no account yet" must not depend on what other tests add.
describe('the first staff account', () => {
  let own: RedisClient
  beforeAll(async () => {
    own = await connectRedis({ url: `${redisUrl()}/7` })
    await own.flushdb()
  })
  afterAll(async () => void (await own.quit()))

  it('is created once, even when two consoles race for it', async () => {
    const stores = [new OperatorStore(own), new OperatorStore(own)]
    const answers = await Promise.all(
      stores.map((s, i) =>
        s.addFirstStaff({ id: `first-${i}`, displayName: 'Boss', password: PASSWORD }, 'launch'),
      ),
    )
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'OPERATOR_EXISTS' } })
    const listed = await new OperatorStore(own).list()
    expect(listed).toMatchObject({ ok: true, operators: [{ role: 'staff' }] })
  })

  it('is never created once an account exists', async () => {
    await own.flushdb()
    const store = new OperatorStore(own)
    const seller = { id: 'seller-1', displayName: 'S', role: 'seller', password: PASSWORD }
    expect((await store.add(seller, 'cli')).ok).toBe(true)
    const first = await store.addFirstStaff(
      { id: 'boss', displayName: 'Boss', password: PASSWORD },
      'launch',
    )
    expect(first).toMatchObject({ ok: false, error: { code: 'OPERATOR_EXISTS' } })
    expect(await store.get('boss')).toMatchObject({ error: { code: 'OPERATOR_NOT_FOUND' } })
  })
})
