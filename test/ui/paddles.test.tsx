// @vitest-environment jsdom
// Paddles on the clerk's own screen: staff and the auction's seller read them in full
// everywhere (board, history, outcomes, end dialog), so 42, 142 and 1042 are never
// confused; any other operator (a bidder's view) sees them masked.
import { act, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { OperatorProfile } from '../../src/shared/contract'
import { auctionAt, settle } from './support/fakeApi'
import {
  CLERK,
  OTHER_SELLER,
  OWNER,
  entry,
  openRoom,
  stopConsoles,
  testConsole,
} from './support/console'

afterEach(stopConsoles)

const auction = auctionAt(5, {
  leaderId: '1042',
  bidCount: 2,
  currentPrice: 1200,
  askingPrice: 1300,
})
const history = [entry(2, { bidderId: '1042', amount: 1200 }), entry(1, { bidderId: '142' })]

async function room(profile: OperatorProfile) {
  const console = testConsole({ profile })
  await openRoom(console, auction, history)
  const paddles = within(screen.getByRole('table', { name: 'Bid history, newest first' }))
    .getAllByTestId('bid-row')
    .map((row) => within(row).getAllByRole('cell')[2]?.textContent)
  return { console, leader: screen.getByTestId('leader').textContent, paddles }
}

describe('paddle numbers', () => {
  it.each([
    ['staff', CLERK],
    ["the auction's seller", OWNER],
  ])('are shown in full to %s: board and history', async (_who, profile) => {
    const { leader, paddles } = await room(profile)
    expect(leader).toBe('Paddle 1042')
    expect(paddles).toEqual(['Paddle 1042', 'Paddle 142'])
  })

  it('are masked in a bidder view (another seller)', async () => {
    const { leader, paddles } = await room(OTHER_SELLER)
    expect(leader).toBe('Paddle ••42')
    expect(paddles).toEqual(['Paddle ••42', 'Paddle ••42'])
  })

  it('are in full in the clerk’s outcome when a proxy outbids the bid', async () => {
    const { console } = await room(CLERK)
    console.api.handle('bids:place', (input) => ({
      ok: true,
      bidId: 3,
      auctionId: input.auctionId,
      result: 'outbid',
      price: 1400,
      leaderId: '1042',
      bidCount: 4,
      endsAt: null,
      extended: false,
      duplicate: false,
      reserveMet: true,
      maxAmount: 1300,
      askingPrice: 1500,
    }))
    fireEvent.change(screen.getByLabelText('Paddle'), { target: { value: '301' } })
    await act(async () => {
      fireEvent.submit(screen.getByTestId('bid-form'))
      await settle()
    })
    expect(screen.getByTestId('bid-outcome').textContent).toBe(
      'Outbid by a proxy: Paddle 1042 leads at $14.00. Next bid $15.00.',
    )
  })

  it('match the end dialog: in full for staff, masked for a bidder view', async () => {
    const ended = {
      ...auction,
      seq: 6,
      status: 'ended' as const,
      lotStatus: 'sold' as const,
      result: { winnerId: '1042', finalPrice: 1200, reserveMet: true },
    }
    for (const [profile, name] of [
      [CLERK, 'Paddle 1042'],
      [OTHER_SELLER, 'Paddle ••42'],
    ] as const) {
      const { console } = await room(profile)
      act(() => {
        console.feed.applyAuction(ended)
      })
      expect(screen.getByTestId('end-winner').textContent).toBe(name)
      expect(screen.getByTestId('room-result').textContent).toBe(`Sold to ${name} for $12.00`)
      stopConsoles()
    }
  })

  it('sit next to each entry’s own source in the history, automatic bids included', async () => {
    const console = testConsole({ profile: CLERK })
    await openRoom(console, auction, [
      entry(3, { bidderId: '1042', kind: 'auto', source: 'online', amount: 1200 }),
      entry(2, { bidderId: '142', outcome: 'outbid', source: 'floor', amount: 1100 }),
      entry(1, { bidderId: '1042', source: 'online' }),
    ])
    const rows = within(screen.getByRole('table', { name: 'Bid history, newest first' }))
      .getAllByTestId('bid-row')
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(2)
          .map((cell) => cell.textContent),
      )
    expect(rows).toEqual([
      ['Paddle 1042', '$12.00', 'Proxy', 'Online'],
      ['Paddle 142', '$11.00', 'Bid', 'Floor'],
      ['Paddle 1042', '$11.00', 'Bid', 'Online'],
    ])
  })
})
