// The sale's bidder register: add, list, update, approve and import (all or nothing), the
// refusals that change nothing, the compact paddles hash the bid script reads, and a limit
// turning on the paddle checks of the sale and its lots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RedisClient } from '../../src/main/engine'
import { AuctionEngine, connectRedis, saleKeys } from '../../src/main/engine'
import type { RegisterAddInput, RegisterEntry } from '../../src/shared/register'
import {
  keysMatching,
  openEngine,
  person,
  privateRedis,
  redisUrl,
  rejected,
  uniqueId,
} from './fixtures'
import { clerk, contentOf, everything, liveSale, logOf } from './live-fixtures'
import { ok, saleLog, saleOf } from './sale-fixtures'

let engine: AuctionEngine
let redis: RedisClient
let close: () => Promise<void>
beforeAll(async () => ({ engine, redis, close } = await openEngine()))
afterAll(() => close())

/** A draft live sale with these lots; its seq as it is now. */
async function draft(numbers: string[] = ['1', '2'], currency = 'USD') {
  const amount = currency === 'JPY' ? '10' : '10.00'
  const made = await liveSale(
    engine,
    numbers.map((number) => ({ number, startingPrice: amount })),
    { open: false, sale: { currency, increment: amount } },
  )
  return { ...made, sale: await saleOf(engine, made.sale.id) }
}

/** Every key of the sale on that server, with its content. */
async function everythingOn(client: RedisClient, saleId: string): Promise<Record<string, unknown>> {
  return contentOf(client, await keysMatching(client, `*{${saleId}}*`))
}

const paddlesOf = (saleId: string) => redis.hgetall(saleKeys(saleId).paddles)
const entryOf = (answer: Awaited<ReturnType<AuctionEngine['registerAdd']>>): RegisterEntry =>
  ok(answer, 'register').entry

describe('the bidder register', () => {
  it('adds, lists by paddle, updates only what is given, approves and revokes', async () => {
    const { sale, seller } = await draft()
    const before = await engine.serverTime()
    const first = entryOf(
      await engine.registerAdd(
        sale.id,
        {
          paddle: '142',
          name: ' Ada Lovelace ',
          email: 'ada@example.com',
          phone: '+44 20 7946 0000',
          kind: 'phone',
          limit: '5000.00',
          notes: 'prefers the phone',
        },
        seller,
      ),
    )
    expect(first).toEqual({
      paddle: '142',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      kind: 'phone',
      approved: false,
      limit: 500000,
      notes: 'prefers the phone',
      createdAt: first.createdAt,
      updatedAt: first.createdAt,
    })
    expect(first.createdAt).toBeGreaterThanOrEqual(before)
    expect(first.createdAt).toBeLessThanOrEqual(await engine.serverTime())
    for (const paddle of ['12A', '2', '12', '100']) {
      entryOf(await engine.registerAdd(sale.id, { paddle, name: `P ${paddle}` }, clerk))
    }
    const listed = ok(await engine.registerList(sale.id)).entries
    expect(listed.map((entry) => entry.paddle)).toEqual(['2', '12', '12A', '100', '142'])
    expect(listed.find((entry) => entry.paddle === '2')).toMatchObject({
      email: null,
      phone: null,
      kind: 'floor',
      approved: false,
      limit: null,
      notes: '',
    })
    expect(await paddlesOf(sale.id)).toEqual({
      '142': '0|500000',
      '12A': '0|',
      '2': '0|',
      '12': '0|',
      '100': '0|',
    })

    // A name change keeps the rest; an empty limit clears it; null clears the email.
    const renamed = entryOf(
      await engine.registerUpdate(sale.id, { paddle: '142', name: 'Ada King' }, seller),
    )
    expect(renamed).toMatchObject({ name: 'Ada King', limit: 500000, kind: 'phone' })
    expect(renamed.createdAt).toBe(first.createdAt)
    expect(renamed.updatedAt).toBeGreaterThanOrEqual(first.updatedAt)
    const cleared = entryOf(
      await engine.registerUpdate(sale.id, { paddle: '142', limit: '', email: null }, clerk),
    )
    expect(cleared).toMatchObject({ name: 'Ada King', limit: null, email: null })
    expect((await paddlesOf(sale.id))['142']).toBe('0|')

    expect(entryOf(await engine.registerApprove(sale.id, { paddle: '142' }, clerk)).approved).toBe(
      true,
    )
    entryOf(await engine.registerUpdate(sale.id, { paddle: '142', limit: 1234 }, clerk))
    expect((await paddlesOf(sale.id))['142']).toBe('1|1234')
    expect(
      entryOf(await engine.registerApprove(sale.id, { paddle: '142', approved: false }, seller))
        .approved,
    ).toBe(false)
    expect((await paddlesOf(sale.id))['142']).toBe('0|1234')

    const logged = (await logOf(engine, sale.id)).filter((entry) => entry.action === 'register')
    expect(logged).toHaveLength(10)
    expect(logged[0]).toMatchObject({
      operator: seller.id,
      detail: { mode: 'add', paddles: ['142'] },
    })
  })

  it('refuses a taken paddle, an unknown one, strangers and bad fields, and changes nothing', async () => {
    const { sale, seller } = await draft()
    entryOf(await engine.registerAdd(sale.id, { paddle: '7', name: 'Seven', limit: 100 }, clerk))
    const state = await everything(engine, sale.id)
    const cases: [Promise<{ ok: boolean }>, Record<string, unknown>][] = [
      [
        engine.registerAdd(sale.id, { paddle: '7', name: 'Again' }, clerk),
        { code: 'PADDLE_TAKEN' },
      ],
      [
        engine.registerUpdate(sale.id, { paddle: '8', name: 'Nobody' }, clerk),
        { code: 'PADDLE_NOT_FOUND' },
      ],
      [engine.registerApprove(sale.id, { paddle: '8' }, clerk), { code: 'PADDLE_NOT_FOUND' }],
      [
        engine.registerAdd(sale.id, { paddle: '9', name: 'Nine' }, person('stranger')),
        { code: 'NOT_SELLER' },
      ],
      [
        engine.registerApprove(sale.id, { paddle: '7' }, person('stranger')),
        { code: 'NOT_SELLER' },
      ],
      [
        engine.registerAdd(sale.id, { paddle: seller.id, name: 'Me' }, clerk),
        { code: 'SELLER_CANNOT_BID' },
      ],
      [
        engine.registerAdd(sale.id, { paddle: 'floor', name: 'Room' }, clerk),
        { code: 'INVALID_INPUT', field: 'paddle' },
      ],
      [
        engine.registerAdd(sale.id, { paddle: 'bad id!', name: 'X' }, clerk),
        { code: 'INVALID_INPUT', field: 'paddle' },
      ],
      [
        engine.registerAdd(sale.id, { paddle: '9', name: '' }, clerk),
        { code: 'INVALID_INPUT', field: 'name' },
      ],
      [
        engine.registerAdd(sale.id, { paddle: '9', name: 'N', email: 'nope' }, clerk),
        { code: 'INVALID_INPUT', field: 'email' },
      ],
      ...['12.345', '-1', '1e3', ' 5'].map(
        (limit) =>
          [
            engine.registerAdd(sale.id, { paddle: '9', name: 'N', limit }, clerk),
            { code: 'INVALID_AMOUNT', field: 'limit' },
          ] as [Promise<{ ok: boolean }>, Record<string, unknown>],
      ),
      [
        engine.registerUpdate(sale.id, { paddle: '7', limit: 1.5 }, clerk),
        { code: 'INVALID_AMOUNT', field: 'limit' },
      ],
      [
        engine.registerUpdate(sale.id, { paddle: '7' }, clerk),
        { code: 'INVALID_INPUT', field: 'paddle' },
      ],
      [
        engine.registerAdd('NO-SUCH-SALE', { paddle: '9', name: 'N' }, clerk),
        { code: 'SALE_NOT_FOUND' },
      ],
    ]
    for (const [answer, error] of cases) expect(rejected(await answer)).toMatchObject(error)
    expect(rejected(await engine.registerList('NO-SUCH-SALE')).code).toBe('SALE_NOT_FOUND')
    expect(await everything(engine, sale.id)).toEqual(state)

    ok(await engine.cancelSale(sale.id, seller))
    const cancelled = await everything(engine, sale.id)
    expect(
      rejected(await engine.registerAdd(sale.id, { paddle: '9', name: 'N' }, clerk)),
    ).toMatchObject({ code: 'INVALID_STATUS', status: 'cancelled' })
    expect(await everything(engine, sale.id)).toEqual(cancelled)
  })

  it('imports all or nothing, every bad row by its line', async () => {
    const { sale } = await draft(['1'], 'JPY')
    entryOf(await engine.registerAdd(sale.id, { paddle: '5', name: 'Five' }, clerk))
    const state = await everything(engine, sale.id)
    const rows = (inputs: RegisterAddInput[]) => inputs.map((input, i) => ({ line: i + 2, input }))

    // The file is good but for paddles taken: the script finds them, atomically.
    const taken = rejected(
      await engine.registerImport(
        sale.id,
        rows([
          { paddle: '1', name: 'One' },
          { paddle: '5', name: 'Again' },
          { paddle: '1', name: 'Twice' },
        ]),
        clerk,
      ),
    )
    expect(taken).toMatchObject({ code: 'INVALID_CATALOGUE' })
    expect(taken.rows).toEqual([
      { line: 3, code: 'PADDLE_TAKEN', message: expect.stringContaining('5') },
      { line: 4, code: 'PADDLE_TAKEN', message: expect.stringContaining('1') },
    ])

    // Bad fields: every bad row at once, the taken ones too.
    const bad = rejected(
      await engine.registerImport(
        sale.id,
        rows([
          { paddle: '1', name: 'One', limit: '10.5' },
          { paddle: '2', name: 'Two', email: 'x' },
          { paddle: '5', name: 'Again' },
          { paddle: 'floor', name: 'Room' },
          { paddle: '3', name: 'Three', limit: '1000' },
        ]),
        clerk,
      ),
    )
    expect(bad.rows?.map((row) => [row.line, row.code])).toEqual([
      [2, 'INVALID_AMOUNT'],
      [3, 'INVALID_INPUT'],
      [4, 'PADDLE_TAKEN'],
      [5, 'INVALID_INPUT'],
    ])
    expect(await everything(engine, sale.id)).toEqual(state)

    const imported = ok(
      await engine.registerImport(
        sale.id,
        rows([
          { paddle: '30', name: 'Thirty', approved: true, limit: '1000' },
          { paddle: '4', name: 'Four', kind: 'online' },
        ]),
        clerk,
      ),
    ).entries
    expect(imported.map((entry) => [entry.paddle, entry.approved, entry.limit])).toEqual([
      ['4', false, null],
      ['30', true, 1000],
    ])
    expect(await paddlesOf(sale.id)).toEqual({ '5': '0|', '4': '0|', '30': '1|1000' })
    const last = (await logOf(engine, sale.id)).at(-1)
    expect(last).toMatchObject({ action: 'register', detail: { mode: 'import' } })
  })

  it('a limit turns on the paddle checks of the sale and every lot; an event tells the consoles', async () => {
    const { sale, lots } = await draft(['1', '2', '3'])
    const checks = async () =>
      Promise.all([
        redis.hget(saleKeys(sale.id).sale, 'paddleChecks'),
        ...lots.map((lot) => redis.hget(`${saleKeys(sale.id).lotPrefix}${lot.id}`, 'paddleChecks')),
      ]).then((flags) => flags.map((flag) => flag === '1'))
    const log = await saleLog(redisUrl(), [sale.id])
    try {
      entryOf(await engine.registerAdd(sale.id, { paddle: '1', name: 'No limit' }, clerk))
      expect(await checks()).toEqual([false, false, false, false])
      const event = await log.waitFor((e) => e.type === 'register_changed')
      expect(event).toMatchObject({ saleId: sale.id, seq: sale.seq + 1, paddles: ['1'] })
      expect(JSON.stringify(event)).not.toContain('limit')

      entryOf(await engine.registerAdd(sale.id, { paddle: '2', name: 'Limited', limit: 1 }, clerk))
      expect(await checks()).toEqual([true, true, true, true])
      await log.waitFor((e) => e.type === 'register_changed' && e.seq === sale.seq + 2)
    } finally {
      await log.close()
    }
  })

  it('keeps a seller to their own sale and names no one else', async () => {
    const seller = person(uniqueId('seller'))
    const { sale } = await liveSale(engine, ['1'], { seller, open: false })
    const other = await liveSale(engine, ['1'], { open: false })
    expect(
      rejected(await engine.registerAdd(other.sale.id, { paddle: '1', name: 'N' }, seller)).code,
    ).toBe('NOT_SELLER')
    entryOf(await engine.registerAdd(sale.id, { paddle: '1', name: 'N' }, seller))
    expect(ok(await engine.registerList(other.sale.id)).entries).toEqual([])
  })

  it('asks Redis before the first write: a user refused the paddles hash changes nothing', async () => {
    const own = await privateRedis()
    const user = uniqueId('no-paddles')
    // Every key of the app but the paddles hash (ACL key patterns cannot subtract one).
    const keys = ['sale:{*}', 'sale:{*}:lots*', 'sale:{*}:closing', 'sale:{*}:requests']
      .concat(['sale:{*}:numbers', 'sale:{*}:log', 'sale:{*}:register', 'sale:{*}:leads:*'])
      .concat(['lot:*', 'sales:*', 'seller:*', 'bidder:*', 'auction*'])
    await own.redis.call('ACL', 'SETUSER', user, 'on', '>pw', ...keys.map((k) => `~${k}`))
    await own.redis.call('ACL', 'SETUSER', user, 'allchannels', '+@all')
    const redis = await connectRedis({ url: own.url, username: user, password: 'pw' })
    try {
      const { sale } = await liveSale(own.engine, ['1'], { open: false })
      const restricted = new AuctionEngine(redis)
      const before = await everythingOn(own.redis, sale.id)
      const error = rejected(
        await restricted.registerAdd(sale.id, { paddle: '1', name: 'N', limit: 5 }, clerk),
      )
      expect(error.code).toBe('REDIS_NO_PERMISSION')
      expect(error.message).toContain(saleKeys(sale.id).paddles)
      expect(await everythingOn(own.redis, sale.id)).toEqual(before)
    } finally {
      redis.disconnect()
      await own.close()
    }
  })
})
