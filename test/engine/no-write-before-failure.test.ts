// Redis does not roll a script back. A Redis user that may not publish on the sale's channels
// (an ACL user with `resetchannels`) must be refused before any script writes: every command
// fails with REDIS_NO_PERMISSION and the store is exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RedisClient } from '../../src/main/engine'
import { AuctionEngine, connectRedis } from '../../src/main/engine'
import type { ErrorCode } from '../../src/shared/errors'
import { accepted, privateRedis, rejected, staff, uniqueId } from './fixtures'
import { absentee, booked, clerk, contentOf, liveSale, offer } from './live-fixtures'
import { createSale, lotInput, ok, saleWithLots } from './sale-fixtures'

// Every key and command, but no channel: each PUBLISH of a script is refused.
const NO_CHANNELS = uniqueId('no-channels')
// Every channel, but no XADD: the audit log, written after a script's other writes.
const NO_LOG = uniqueId('no-log')
let admin: Awaited<ReturnType<typeof privateRedis>>
let restricted: AuctionEngine
let noLog: AuctionEngine
const clients: RedisClient[] = []

async function engineAs(user: string, rules: string[]): Promise<AuctionEngine> {
  await admin.redis.call('ACL', 'SETUSER', user, 'on', '>pw', '~*', ...rules)
  const redis = await connectRedis({ url: admin.url, username: user, password: 'pw' })
  clients.push(redis)
  return new AuctionEngine(redis)
}

beforeAll(async () => {
  admin = await privateRedis()
  expect(await admin.engine.checkStore()).toBeNull()
  restricted = await engineAs(NO_CHANNELS, ['resetchannels', '+@all'])
  noLog = await engineAs(NO_LOG, ['allchannels', '+@all', '-xadd'])
})

afterAll(async () => {
  for (const redis of clients) redis.disconnect()
  await admin.redis.call('ACL', 'DELUSER', NO_CHANNELS, NO_LOG)
  await admin.close()
})

/**
 * Every key on this private server with its full content, but the two registries a start or
 * create announces the sale in before its script (hints by design: never later than the
 * truth, and the scheduler's tick or the sweep settles them).
 */
async function wholeStore(): Promise<Record<string, unknown>> {
  const redis = admin.redis
  const hints = new Set(['sales:live', 'sales:due'])
  return contentOf(
    redis,
    (await redis.keys('*')).filter((key) => !hints.has(key)),
  )
}

/** The attempt fails with `code` and no key changes. */
async function refusedUnchanged(
  what: string,
  attempt: () => Promise<{ ok: boolean }>,
  code: ErrorCode = 'REDIS_NO_PERMISSION',
): Promise<void> {
  const before = await wholeStore()
  expect(rejected(await attempt()).code, what).toBe(code)
  expect(await wholeStore(), what).toEqual(before)
}

describe('a Redis user refused PUBLISH changes nothing', () => {
  it('creating a sale, an auction, adding and importing lots', async () => {
    const seller = staff('clerk-acl')
    await refusedUnchanged('create sale', () =>
      restricted.createSale(
        { title: 'Ghost', mode: 'live', increment: '1.00', requestId: 'g-1' },
        seller,
      ),
    )
    await refusedUnchanged('create auction', () =>
      restricted.createAuction({
        title: 'Ghost lot',
        sellerId: 'seller-acl',
        startingPrice: '10.00',
        increment: '1.00',
        durationMs: 3_600_000,
        start: true,
      }),
    )
    const sale = await createSale(admin.engine, seller)
    await refusedUnchanged('add lot', () => restricted.addLot(sale.id, lotInput('1'), seller))
    await refusedUnchanged('import lots', () =>
      restricted.importLots(
        sale.id,
        [
          { line: 2, input: lotInput('2') },
          { line: 3, input: lotInput('3') },
        ],
        seller,
      ),
    )
  })

  it('starting, ending and cancelling sales and auctions', async () => {
    const seller = staff('clerk-acl')
    const { sale: draft, lots } = await saleWithLots(admin.engine, seller, ['1', '2'])
    const [first] = lots.map((lot) => lot.id) as [string]
    await refusedUnchanged('start', () => restricted.startSale(draft.id, seller))
    await refusedUnchanged('edit lot', () =>
      restricted.updateLot(first, { title: 'Other' }, seller),
    )
    await refusedUnchanged('remove lot', () => restricted.removeLot(first, seller))
    await refusedUnchanged('reorder', () => restricted.reorderLots(draft.id, ['2', '1'], seller))
    await refusedUnchanged('cancel draft', () => restricted.cancelSale(draft.id, seller))
    ok(await admin.engine.startSale(draft.id, seller), 'start')
    accepted(await admin.engine.placeBid({ auctionId: first, bidderId: 'p-1', amount: '10.00' }))
    await refusedUnchanged('end lot', () => restricted.endAuction(first, seller))
    await refusedUnchanged('withdraw lot', () => restricted.cancelAuction(first, seller))
    await refusedUnchanged('end sale', () => restricted.endSale(draft.id, seller))
    await refusedUnchanged('cancel sale', () => restricted.cancelSale(draft.id, seller))
  })

  it('bids, the absentee book and every clerk action of a live sale', async () => {
    const { sale, lots } = await liveSale(admin.engine, ['1', '2', '3'])
    const [one, two, three] = lots.map((lot) => lot.id) as [string, string, string]
    // A book entry publishes nothing, so the channel rules do not refuse it; the log does.
    booked(await absentee(restricted, two, 'p-4', '30.00'))
    await refusedUnchanged('absentee bid', () => absentee(noLog, two, 'p-5', '40.00'))
    booked(await absentee(admin.engine, two, 'p-5', '40.00'))
    await refusedUnchanged('offer', () => restricted.offerLot(sale.id, one, clerk))
    await offer(admin.engine, sale.id, one)
    await refusedUnchanged('bid', () =>
      restricted.placeBid({ auctionId: one, bidderId: 'p-1', amount: '10.00', requestId: 'r-1' }),
    )
    await refusedUnchanged('bid, no log', () =>
      noLog.placeBid({ auctionId: one, bidderId: 'p-1', amount: '10.00', requestId: 'r-1' }),
    )
    await refusedUnchanged('floor bid', () => restricted.floorBid(one, {}, clerk))
    accepted(await admin.engine.placeBid({ auctionId: one, bidderId: 'p-1', amount: '10.00' }))
    await refusedUnchanged('outbidding proxy', () =>
      restricted.placeBid({ auctionId: one, bidderId: 'p-2', amount: '12.00', max: '20.00' }),
    )
    await refusedUnchanged('ask', () => restricted.askLot(one, '15.00', clerk))
    await refusedUnchanged('warn', () => restricted.warnLot(one, clerk))
    await refusedUnchanged('warn, no log', () => noLog.warnLot(one, clerk))
    ok(await admin.engine.warnLot(one, clerk), 'warn')
    await refusedUnchanged('bid clearing a warning', () =>
      restricted.placeBid({ auctionId: one, bidderId: 'p-2', amount: '11.00' }),
    )
    await refusedUnchanged('retract', () => restricted.retractBid(one, 'in error', clerk))
    await refusedUnchanged('hammer', () => restricted.hammerLot(one, {}, clerk))
    await refusedUnchanged('pass', () => restricted.passLot(one, clerk, 'bought in'))
    ok(await admin.engine.hammerLot(one, {}, clerk), 'hammer')
    await refusedUnchanged('reopen', () => restricted.reopenLot(one, 'missed a bid', clerk))
    await refusedUnchanged('offer with a book', () => restricted.offerLot(sale.id, two, clerk))
    await refusedUnchanged('withdraw', () => restricted.withdrawLot(three, clerk))
    await refusedUnchanged('rates', () =>
      restricted.setDisplayRates(sale.id, [{ currency: 'EUR', rate: '1.17' }], clerk),
    )
    await refusedUnchanged('end live sale', () => restricted.endSale(sale.id, clerk))
    await refusedUnchanged('cancel live sale', () => restricted.cancelSale(sale.id, clerk))
  })

  it('the scheduler closing a lot whose time has come', async () => {
    const auction = await admin.engine.createAuction({
      title: 'Closes soon',
      sellerId: 'seller-acl',
      startingPrice: '10.00',
      increment: '1.00',
      durationMs: 300,
      start: true,
    })
    expect(auction.ok).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 500))
    const before = await wholeStore()
    await expect(restricted.tickDue()).rejects.toThrow(/REDIS_NO_PERMISSION/)
    expect(await wholeStore()).toEqual(before)
  })
})
