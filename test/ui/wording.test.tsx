// @vitest-environment jsdom
// Words and numbers on the clerk's screen: an unsold lot says "Highest bid … — not sold",
// the countdown rounds down as clocks do, counts are plural and grouped, and the chart
// neither doubles a one-price axis nor says "No bids yet" next to bids.
import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Countdown } from '../../src/renderer/src/components/Countdown'
import { PriceChart } from '../../src/renderer/src/components/PriceChart'
import { ConsoleProvider } from '../../src/renderer/src/context'
import { formatCountdown, plural } from '../../src/renderer/src/lib/format'
import { auctionAt, settle } from './support/fakeApi'
import { entry, openRoom, stopConsoles, testConsole } from './support/console'

afterEach(stopConsoles)

describe('countdown', () => {
  it.each([
    [20_300, '00:00:20'], // right after a 20 s extension, a little already gone
    [120_000, '00:02:00'], // a 2-minute lot
    [120_900, '00:02:00'],
    [999, '00:00:00'],
    [3_600_000 * 26 + 61_500, '26:01:01'],
  ])('%i ms left reads %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text)
  })

  it('shows a 2-minute lot as 00:02:00, even with the server clock a little ahead', () => {
    const console = testConsole()
    const lot = auctionAt(1, { endsAt: Date.now() + 120_400 })
    render(
      <ConsoleProvider services={console}>
        <Countdown auction={lot} />
      </ConsoleProvider>,
    )
    expect(screen.getByRole('timer').textContent).toBe('00:02:00')
  })
})

describe('counts', () => {
  it('are plural and grouped', () => {
    expect(plural(1, 'bid')).toBe('1 bid')
    expect(plural(0, 'bid')).toBe('0 bids')
    expect(plural(2000, 'bid')).toBe('2,000 bids')
  })

  it('read the same on the board and the history', async () => {
    const console = testConsole()
    await openRoom(console, auctionAt(2000, { bidCount: 2000 }))
    expect(screen.getByTestId('bid-count').textContent).toBe('2,000')
    expect(screen.getByText('2,000 bids')).toBeTruthy()
    stopConsoles()
    await openRoom(testConsole(), auctionAt(1, { bidCount: 1 }), [entry(1)])
    expect(screen.getByText('1 bid')).toBeTruthy()
  })
})

describe('an unsold lot', () => {
  it('shows its highest bid as not sold, never as a final price', async () => {
    const console = testConsole()
    await openRoom(
      console,
      auctionAt(4, {
        status: 'ended',
        lotStatus: 'passed',
        bidCount: 2,
        currentPrice: 9000,
        hasReserve: true,
        reserveMet: false,
        result: { winnerId: null, finalPrice: 9000, reserveMet: false },
      }),
    )
    expect(screen.getByTestId('board-price').textContent).toBe('Highest bid$90.00— not sold')
    expect(screen.queryByText(/final price/i)).toBeNull()
    expect(screen.getByTestId('room-result').textContent).toBe(
      'Highest bid $90.00 — not sold (reserve not met)',
    )
  })
})

describe('price chart', () => {
  it('has one axis label for one price', async () => {
    const console = testConsole()
    await openRoom(console, auctionAt(1, { bidCount: 1, currentPrice: 20000 }), [
      entry(1, { amount: 20000 }),
    ])
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 600))
      await settle()
    })
    const axis = document.querySelector('.chart__axis') as HTMLElement
    expect([...axis.children].map((label) => label.textContent)).toEqual(['$200.00'])
  })

  it('does not say "No bids yet." while its sample trails the bids', () => {
    const console = testConsole()
    console.store.getState().upsertAuctions([auctionAt(2, { bidCount: 2 })])
    render(
      <ConsoleProvider services={console}>
        <PriceChart auctionId="lot-1" currency="USD" />
      </ConsoleProvider>,
    )
    expect(screen.queryByText('No bids yet.')).toBeNull()
  })
})
