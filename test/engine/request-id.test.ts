// A request id is bound to its bid: reused by another bidder, or by the same bidder for another
// amount, maximum or source, it is REQUEST_ID_REUSED, with nothing of the first answer (no
// maximum, no leader) and no change; the exact retry still answers the first result, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuctionEngine } from '../../src/main/engine'
import { accepted, bidderId, liveAuction, openEngine, person, rejected, snapshot } from './fixtures'
import { absentee, booked, clerk, everything, liveSale, offer } from './live-fixtures'
import { createSale, lotInput, ok } from './sale-fixtures'

let engine: AuctionEngine
let close: () => Promise<void>
beforeAll(async () => ({ engine, close } = await openEngine()))
afterAll(() => close())

describe('a request id is bound to its bid', () => {
  it('another bidder, amount, maximum or source gets REQUEST_ID_REUSED and nothing else', async () => {
    const lot = await liveAuction(engine)
    const [alice, bob] = [bidderId('alice'), bidderId('bob')]
    const first = accepted(
      await engine.placeBid({
        auctionId: lot.id,
        bidderId: alice,
        amount: '10.00',
        max: '87.00',
        requestId: 'shared-1',
      }),
    )
    expect(first.maxAmount).toBe(8700)
    const before = await snapshot(engine, lot.id)
    for (const reuse of [
      { bidderId: bob, amount: '10.00', max: '87.00' },
      { bidderId: bob, amount: '11.00' },
      { bidderId: alice, amount: '12.00', max: '87.00' },
      { bidderId: alice, amount: '10.00', max: '99.00' },
      { bidderId: alice, amount: '10.00' },
      { bidderId: alice, amount: '10.00', max: '87.00', source: 'phone' as const },
    ]) {
      const answer = await engine.placeBid({ auctionId: lot.id, requestId: 'shared-1', ...reuse })
      const error = rejected(answer)
      expect(error.code, JSON.stringify(reuse)).toBe('REQUEST_ID_REUSED')
      // Nothing of the first answer: not its maximum, its leader or its bid id.
      expect(JSON.stringify(answer)).not.toMatch(/8700|maxAmount|leaderId|bidId/)
      expect(JSON.stringify(answer)).not.toContain(alice)
    }
    expect(await snapshot(engine, lot.id)).toEqual(before)
    const retry = accepted(
      await engine.placeBid({
        auctionId: lot.id,
        bidderId: alice,
        amount: '10.00',
        max: '87.00',
        requestId: 'shared-1',
      }),
    )
    expect(retry).toEqual({ ...first, duplicate: true })
    expect(await snapshot(engine, lot.id)).toEqual(before)
  })

  it('the same for a floor bid and an absentee bid in the book', async () => {
    const { sale, lots } = await liveSale(engine, ['1', '2'])
    const [one, two] = lots.map((l) => l.id) as [string, string]
    const book = booked(await absentee(engine, two, 'p-5', '60.00', { requestId: 'abs-1' }))
    let before = await everything(engine, sale.id)
    const stolen = rejected(await absentee(engine, two, 'p-6', '60.00', { requestId: 'abs-1' }))
    expect(stolen.code).toBe('REQUEST_ID_REUSED')
    expect(JSON.stringify(stolen)).not.toContain('6000')
    expect(await everything(engine, sale.id)).toEqual(before)
    expect(accepted(await absentee(engine, two, 'p-5', '60.00', { requestId: 'abs-1' }))).toEqual({
      ...book,
      duplicate: true,
    })

    await offer(engine, sale.id, one)
    const floor = accepted(await engine.floorBid(one, { paddle: 'p-7', requestId: 'f-1' }, clerk))
    before = await everything(engine, sale.id)
    const other = rejected(await engine.floorBid(one, { paddle: 'p-8', requestId: 'f-1' }, clerk))
    expect(other.code).toBe('REQUEST_ID_REUSED')
    expect(await everything(engine, sale.id)).toEqual(before)
    expect(
      accepted(await engine.floorBid(one, { paddle: 'p-7', requestId: 'f-1' }, clerk)),
    ).toEqual({ ...floor, duplicate: true })
  })

  it('a lot added under a request id: bound to its actor', async () => {
    const seller = person(bidderId('seller'))
    const sale = await createSale(engine, seller)
    const input = { ...lotInput('1'), requestId: 'add-1' }
    const added = ok(await engine.addLot(sale.id, input, seller), 'addLot')
    const before = await everything(engine, sale.id)
    const other = rejected(await engine.addLot(sale.id, input, clerk))
    expect(other.code).toBe('REQUEST_ID_REUSED')
    expect(JSON.stringify(other)).not.toContain(added.lot.id)
    expect(await everything(engine, sale.id)).toEqual(before)
    const again = ok(await engine.addLot(sale.id, input, seller), 'addLot')
    expect(again).toMatchObject({ duplicate: true, lot: { id: added.lot.id } })
  })
})
