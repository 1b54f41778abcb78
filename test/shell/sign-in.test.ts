// Sign-in against real Redis through real consoles: first launch, failures that never say
// which part was wrong, the slow-down per session and per account, and sign-out, disable
// and a new password ending an account's sessions at once on every console (two consoles
// on one Redis). The audit log holds who really did each thing.
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OperatorStore } from '../../src/main/accounts'
import type { OperatorProfile } from '../../src/shared/contract'
import { uniqueId } from '../support/engine'
import { ensureOperator, signInAs, TEST_PASSWORD } from '../support/operators'
import { startRedis, type RedisProcess } from '../support/redis-server'
import {
  bidder,
  connectClient,
  requestId,
  seller,
  staff,
  startConsole,
  type TestClient,
  type TestConsole,
} from './support'

let redis: RedisProcess
let admin: Redis
let consoleA: TestConsole
let consoleB: TestConsole
const clients: TestClient[] = []

const FAILED = {
  ok: false,
  error: {
    code: 'SIGN_IN_FAILED',
    message: 'The operator id or the password is not right, or the account is disabled.',
  },
}

async function tab(on: TestConsole): Promise<TestClient> {
  const client = await connectClient(on)
  clients.push(client)
  return client
}

async function signedIn(on: TestConsole, profile: OperatorProfile): Promise<TestClient> {
  const client = await tab(on)
  await signInAs(client.api, profile, redis.url)
  return client
}

const refused = async (client: TestClient): Promise<string | false> => {
  const answer = await client.api.call('sales:list', {})
  return !answer.ok && answer.error.code
}

beforeAll(async () => {
  redis = await startRedis()
  admin = new Redis(redis.url)
  ;[consoleA, consoleB] = await Promise.all([
    startConsole({ redisUrl: redis.url }),
    startConsole({ redisUrl: redis.url }),
  ])
})

afterAll(async () => {
  for (const client of clients) client.close()
  await Promise.all([consoleA?.stop(), consoleB?.stop()])
  admin?.disconnect()
  await redis?.stop()
})

describe('first launch', () => {
  it('offers setup on an empty store, makes the first staff account once, then shuts settings', async () => {
    const first = await tab(consoleA)
    expect(await first.api.call('auth:status', {})).toEqual({
      ok: true,
      profile: null,
      setupNeeded: true,
    })
    // Nobody can sign in yet: the connection settings are open to fix the Redis first.
    expect((await first.api.call('settings:get', {})).ok).toBe(true)
    const boss = { operatorId: uniqueId('boss'), displayName: 'Head clerk' }
    const setUp = await first.api.call('auth:setup', { ...boss, password: TEST_PASSWORD })
    expect(setUp).toMatchObject({ ok: true, profile: { ...boss, role: 'staff' } })
    expect(await first.api.call('profile:get', {})).toEqual({
      ok: true,
      profile: { ...boss, role: 'staff' },
    })

    const late = await tab(consoleB)
    const again = await late.api.call('auth:setup', {
      operatorId: uniqueId('mallory'),
      displayName: 'Mallory',
      password: TEST_PASSWORD,
    })
    expect(!again.ok && again.error.code).toBe('OPERATOR_EXISTS')
    expect(await late.api.call('auth:status', {})).toEqual({
      ok: true,
      profile: null,
      setupNeeded: false,
    })
    expect(await refused(late)).toBe('UNAUTHORIZED')
    const settings = await late.api.call('settings:get', {})
    expect(!settings.ok && settings.error.code).toBe('UNAUTHORIZED')
    const listed = await first.api.call('operators:list', {})
    expect(listed.ok && listed.operators.map((o) => o.id)).toEqual([boss.operatorId])
  })
})

describe('a failed sign-in', () => {
  it('says the same for an unknown id, a wrong password and a disabled account', async () => {
    const ada = seller()
    const gone = seller()
    await ensureOperator(redis.url, ada)
    await ensureOperator(redis.url, gone)
    await new OperatorStore(admin).disable(gone.operatorId, 'test')
    const answers = await Promise.all(
      [
        { operatorId: uniqueId('nobody'), password: TEST_PASSWORD },
        { operatorId: ada.operatorId, password: `${TEST_PASSWORD}!` },
        { operatorId: gone.operatorId, password: TEST_PASSWORD },
        { operatorId: 'not an id at all', password: TEST_PASSWORD },
      ].map(async (input) => (await tab(consoleA)).api.call('auth:signIn', input)),
    )
    for (const answer of answers) expect(answer).toEqual(FAILED)
  })

  it('is slowed down per session: past three failures even the right password waits', async () => {
    const ada = seller()
    await ensureOperator(redis.url, ada)
    const guesser = await tab(consoleA)
    for (let i = 0; i < 2; i++) {
      const wrong = { operatorId: uniqueId('guess'), password: 'guess' }
      expect(await guesser.api.call('auth:signIn', wrong)).toEqual(FAILED)
    }
    const third = await guesser.api.call('auth:signIn', { operatorId: 'x', password: 'y' })
    expect(!third.ok && third.error.retryAfterMs).toBeGreaterThan(0)
    const right = await guesser.api.call('auth:signIn', {
      operatorId: ada.operatorId,
      password: TEST_PASSWORD,
    })
    expect(!right.ok && right.error.code).toBe('SIGN_IN_FAILED')
    expect(!right.ok && right.error.retryAfterMs).toBeGreaterThan(0)
    // Another session is not held back by this one.
    const other = await tab(consoleA)
    expect(
      (
        await other.api.call('auth:signIn', {
          ...right,
          operatorId: ada.operatorId,
          password: TEST_PASSWORD,
        })
      ).ok,
    ).toBe(true)
  })

  it('is slowed down per account, whichever session or console tries', async () => {
    const target = staff()
    await ensureOperator(redis.url, target)
    const attempt = async (on: TestConsole) =>
      (await tab(on)).api.call('auth:signIn', {
        operatorId: target.operatorId,
        password: 'not the password',
      })
    for (let i = 0; i < 4; i++) expect(await attempt(i % 2 ? consoleB : consoleA)).toEqual(FAILED)
    const fifth = await attempt(consoleB)
    expect(!fifth.ok && fifth.error.retryAfterMs).toBeGreaterThan(0)
    const right = await (
      await tab(consoleA)
    ).api.call('auth:signIn', {
      operatorId: target.operatorId,
      password: TEST_PASSWORD,
    })
    expect(!right.ok && right.error.code).toBe('SIGN_IN_FAILED')
  })
})

describe("ending an account's sessions", () => {
  it('a sign-out ends that account on every console at once; others carry on', async () => {
    const clerk = staff()
    const here = await signedIn(consoleA, clerk)
    const there = await signedIn(consoleB, clerk)
    const bystander = await signedIn(consoleB, staff())
    const fresh = await tab(consoleB)
    const kept = await fresh.api.call('auth:signIn', {
      operatorId: clerk.operatorId,
      password: TEST_PASSWORD,
    })
    if (!kept.ok) throw new Error(JSON.stringify(kept.error))
    expect((await there.api.call('sales:list', {})).ok).toBe(true)

    expect(await here.api.call('auth:signOut', {})).toEqual({ ok: true })
    const ended = await there.waitFor('session:ended')
    expect(ended.reason).toBe('signed-out')
    expect(await refused(there)).toBe('UNAUTHORIZED')
    expect(await refused(here)).toBe('UNAUTHORIZED')
    expect((await bystander.api.call('sales:list', {})).ok).toBe(true)
    // The sign-in's resume secret died with it.
    const late = await tab(consoleB)
    const resumed = await late.api.call('auth:resume', { resume: kept.resume })
    expect(!resumed.ok && resumed.error.code).toBe('UNAUTHORIZED')
    // Signing in again works.
    expect(
      (
        await there.api.call('auth:signIn', {
          operatorId: clerk.operatorId,
          password: TEST_PASSWORD,
        })
      ).ok,
    ).toBe(true)
  })

  it('disabling an account ends its sessions everywhere; enabling lets it sign in again', async () => {
    const boss = await signedIn(consoleA, staff())
    const clerk = seller()
    const session = await signedIn(consoleB, clerk)
    await session.api.call('sales:watch', { saleId: 'NO-SUCH-SALE' })
    const disabled = await boss.api.call('operators:disable', { operatorId: clerk.operatorId })
    expect(disabled.ok && disabled.operator).toMatchObject({ disabled: true })
    expect((await session.waitFor('session:ended')).reason).toBe('disabled')
    expect(await refused(session)).toBe('UNAUTHORIZED')
    const back = { operatorId: clerk.operatorId, password: TEST_PASSWORD }
    expect(await (await tab(consoleB)).api.call('auth:signIn', back)).toEqual(FAILED)
    expect((await boss.api.call('operators:enable', { operatorId: clerk.operatorId })).ok).toBe(
      true,
    )
    expect((await session.api.call('auth:signIn', back)).ok).toBe(true)
    // Staff cannot lock themselves out by a slip.
    const self = await boss.api.call('profile:get', {})
    const own = self.ok ? (self.profile?.operatorId ?? '') : ''
    const refusedSelf = await boss.api.call('operators:disable', { operatorId: own })
    expect(!refusedSelf.ok && refusedSelf.error.code).toBe('INVALID_INPUT')
  })

  it('the CLI disabling an account (the store, straight in Redis) ends its sessions too', async () => {
    const clerk = staff()
    const session = await signedIn(consoleA, clerk)
    await new OperatorStore(admin).disable(clerk.operatorId, 'cli')
    expect((await session.waitFor('session:ended')).reason).toBe('disabled')
    expect(await refused(session)).toBe('UNAUTHORIZED')
  })

  it('a new password ends the sessions; the old one no longer signs in', async () => {
    const boss = await signedIn(consoleB, staff())
    const clerk = seller()
    const session = await signedIn(consoleA, clerk)
    const changed = await boss.api.call('operators:passwd', {
      operatorId: clerk.operatorId,
      password: 'a brand new password',
    })
    expect(changed.ok).toBe(true)
    expect((await session.waitFor('session:ended')).reason).toBe('password-changed')
    const old = { operatorId: clerk.operatorId, password: TEST_PASSWORD }
    expect(await session.api.call('auth:signIn', old)).toEqual(FAILED)
    const fresh = await session.api.call('auth:signIn', {
      operatorId: clerk.operatorId,
      password: 'a brand new password',
    })
    expect(fresh.ok).toBe(true)
  })
})

describe('the audit log and who did what', () => {
  it('records the signed-in operator for every action; staff see it on the sale and lot', async () => {
    const owner = seller()
    const clerk = staff()
    const paddle = bidder()
    const [ownerTab, clerkTab, paddleTab] = await Promise.all([
      signedIn(consoleA, owner),
      signedIn(consoleB, clerk),
      signedIn(consoleA, paddle),
    ])
    const created = await ownerTab.api.call('sales:create', {
      title: 'Logged sale',
      mode: 'live',
      increment: '10.00',
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const saleId = created.sale.id
    const lot = { saleId, number: '1', title: 'Clock', startingPrice: '100.00' }
    expect((await ownerTab.api.call('lots:add', lot)).ok).toBe(true)
    expect((await clerkTab.api.call('sales:start', { saleId })).ok).toBe(true)
    expect((await clerkTab.api.call('lots:offer', { saleId })).ok).toBe(true)
    const lotId = `${saleId}.1`
    const online = await paddleTab.api.call('bids:place', {
      auctionId: lotId,
      bidderId: paddle.operatorId,
      amount: '100.00',
      requestId: requestId(),
    })
    expect(online.ok).toBe(true)
    const phone = await clerkTab.api.call('bids:place', {
      auctionId: lotId,
      bidderId: 'paddle-42',
      amount: 'asking',
      requestId: requestId(),
      source: 'phone',
    })
    expect(phone.ok).toBe(true)
    expect((await ownerTab.api.call('lots:hammer', { lotId })).ok).toBe(true)

    const log = await clerkTab.api.call('sales:log', { saleId })
    if (!log.ok) throw new Error(JSON.stringify(log.error))
    const who = log.entries.map((entry) => [entry.action, entry.operator])
    expect(who).toEqual([
      ['create', owner.operatorId],
      ['lot_add', owner.operatorId],
      ['start', clerk.operatorId],
      ['offer', clerk.operatorId],
      ['bid', paddle.operatorId],
      ['bid', clerk.operatorId],
      ['hammer', owner.operatorId],
    ])
    expect((await clerkTab.api.call('sales:verifyLog', { saleId })).ok).toBe(true)

    // The sale and lot JSON for staff say who did what, and when; nobody else's do.
    expect((await clerkTab.api.call('sales:end', { saleId })).ok).toBe(true)
    const read = await clerkTab.api.call('sales:get', { saleId })
    if (!read.ok) throw new Error(JSON.stringify(read.error))
    expect(read.sale.activity).toMatchObject({
      createdBy: owner.operatorId,
      startedBy: clerk.operatorId,
      closedBy: clerk.operatorId,
      cancelledBy: null,
      lastAction: { action: 'end', operator: clerk.operatorId },
    })
    expect(read.sale.activity?.startedAt).toBe(read.sale.startsAt)
    expect(read.sale.activity?.closedAt).toBe(read.sale.closedAt)
    const lotRead = await clerkTab.api.call('auctions:get', { auctionId: lotId })
    if (!lotRead.ok) throw new Error(JSON.stringify(lotRead.error))
    expect(lotRead.auction.activity).toMatchObject({
      closedBy: owner.operatorId,
      closedAt: lotRead.auction.hammerAt,
      withdrawnBy: null,
    })
    for (const other of [ownerTab, paddleTab]) {
      const sale = await other.api.call('sales:get', { saleId })
      expect(sale.ok && 'activity' in sale.sale).toBe(false)
      const lot = await other.api.call('auctions:get', { auctionId: lotId })
      expect(lot.ok && 'activity' in lot.auction).toBe(false)
    }
  })
})
