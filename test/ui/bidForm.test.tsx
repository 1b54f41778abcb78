// @vitest-environment jsdom
// The clerk's bid form: strict parsing with the reason shown, results in clerk words, and
// a double press that places one bid with one requestId.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { CommandInput, CommandOk, CommandResult } from '../../src/shared/contract'
import { AT_ASKING, type BidAccepted } from '../../src/shared/domain'
import { BidForm } from '../../src/renderer/src/components/BidForm'
import { ConsoleProvider } from '../../src/renderer/src/context'
import { startFeed, type Feed } from '../../src/renderer/src/live/feed'
import { createConsoleStore } from '../../src/renderer/src/store'
import { auctionAt, createFakeApi, manualFrames, settle, type FakeApi } from './support/fakeApi'

let feed: Feed | undefined
afterEach(() => {
  cleanup()
  feed?.stop()
})

type PlaceInput = CommandInput<'bids:place'>

function accepted(
  input: PlaceInput,
  overrides: Partial<Omit<BidAccepted, 'ok'>> = {},
): CommandOk<'bids:place'> {
  return {
    ok: true,
    bidId: 1,
    auctionId: input.auctionId,
    result: 'leading',
    price: 1250,
    leaderId: input.bidderId,
    bidCount: 1,
    endsAt: null,
    extended: false,
    duplicate: false,
    reserveMet: true,
    maxAmount: 1250,
    askingPrice: 1350,
    ...overrides,
  }
}

const LIVE = { state: 'live' as const, endpoint: 'redis://127.0.0.1:6390', embedded: false }

function renderForm(api: FakeApi, overrides = {}) {
  // A live console: while it is not live, nothing can be sent (see the offline tests).
  const store = createConsoleStore({ connection: LIVE })
  feed = startFeed(api, store, { schedule: manualFrames().schedule })
  api.handle('connection:status', () => ({
    ok: true,
    state: 'live',
    endpoint: '',
    embedded: false,
  }))
  return render(
    <ConsoleProvider services={{ api, store, feed }}>
      <BidForm auction={auctionAt(3, { askingPrice: 1250, ...overrides })} />
    </ConsoleProvider>,
  )
}

const paddle = () => screen.getByLabelText('Paddle')
const amount = () => screen.getByLabelText('Amount (USD)')
const maximum = () => screen.getByLabelText('Maximum (optional)')
const placeButton = () => screen.getByRole('button', { name: /place bid|placing|retry bid/i })

describe('bid form parsing', () => {
  it('pre-fills the asking price', () => {
    renderForm(createFakeApi())
    expect(amount()).toHaveProperty('value', '12.50')
  })

  it.each(['12.345', '1e3', '-5', '12,50', ' ', 'twelve', '0'])(
    'rejects the amount %j in the form with the reason, sending nothing',
    (text) => {
      const api = createFakeApi()
      renderForm(api)
      fireEvent.change(paddle(), { target: { value: '1042' } })
      fireEvent.change(amount(), { target: { value: text } })
      fireEvent.click(placeButton())
      const alert = screen.getByRole('alert')
      expect(alert.textContent).toMatch(/valid amount|above zero/)
      expect(amount().getAttribute('aria-invalid')).toBe('true')
      expect(api.callsOf('bids:place')).toHaveLength(0)
    },
  )

  it('asks for a paddle and checks the maximum against the amount', () => {
    const api = createFakeApi()
    renderForm(api)
    fireEvent.change(maximum(), { target: { value: '10.00' } })
    fireEvent.click(placeButton())
    expect(screen.getByText('Enter the paddle number.')).toBeTruthy()
    expect(screen.getByText('The maximum must be at least the amount.')).toBeTruthy()
    expect(api.callsOf('bids:place')).toHaveLength(0)
  })

  it('sends the parsed amount, the source and a requestId, and says who leads', async () => {
    const api = createFakeApi()
    api.handle('bids:place', (input) => accepted(input, { price: 1300, maxAmount: 2000 }))
    renderForm(api)
    fireEvent.change(paddle(), { target: { value: '1042' } })
    fireEvent.change(amount(), { target: { value: '13' } })
    fireEvent.change(maximum(), { target: { value: '20' } })
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'phone' } })
    await act(async () => {
      fireEvent.submit(screen.getByTestId('bid-form'))
      await settle()
    })
    const [sent] = api.callsOf('bids:place') as PlaceInput[]
    expect(sent).toMatchObject({
      auctionId: 'lot-1',
      bidderId: '1042',
      amount: '13.00',
      max: '20.00',
      source: 'phone',
    })
    expect(sent?.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(screen.getByTestId('bid-outcome').textContent).toBe(
      'Paddle 1042 is leading at $13.00 (max $20.00).',
    )
  })

  it('shows a rejection with the minimum bid', async () => {
    const api = createFakeApi()
    api.handle('bids:place', () => ({
      ok: false,
      error: {
        code: 'BID_TOO_LOW',
        message: 'the bid is below the asking price',
        minimumBid: 1350,
      },
    }))
    renderForm(api)
    fireEvent.change(paddle(), { target: { value: '7' } })
    await act(async () => {
      fireEvent.click(placeButton())
      await settle()
    })
    expect(screen.getByTestId('bid-outcome').textContent).toBe(
      'Rejected: too low. The minimum bid is $13.50.',
    )
  })

  it('tells an outbid-by-proxy result apart', async () => {
    const api = createFakeApi()
    api.handle('bids:place', (input) =>
      accepted(input, { result: 'outbid', leaderId: '2077', price: 1300, askingPrice: 1400 }),
    )
    renderForm(api)
    fireEvent.change(paddle(), { target: { value: '7' } })
    await act(async () => {
      fireEvent.click(placeButton())
      await settle()
    })
    expect(screen.getByTestId('bid-outcome').textContent).toBe(
      'Outbid by a proxy: Paddle ••77 leads at $13.00. Next bid $14.00.',
    )
  })
})

describe('double submit', () => {
  it('places one bid with one requestId however often it is pressed', async () => {
    const api = createFakeApi()
    let release: () => void = () => undefined
    api.handle(
      'bids:place',
      (input) => new Promise((resolve) => (release = () => resolve(accepted(input)))),
    )
    renderForm(api)
    fireEvent.change(paddle(), { target: { value: '1042' } })
    fireEvent.click(placeButton())
    fireEvent.click(placeButton())
    fireEvent.submit(screen.getByTestId('bid-form'))
    fireEvent.keyDown(window, { key: 'F2' })
    expect(api.callsOf('bids:place')).toHaveLength(1)
    expect(placeButton()).toHaveProperty('disabled', true)
    await act(async () => {
      release()
      await settle()
    })
    expect(api.callsOf('bids:place')).toHaveLength(1)
    expect(placeButton()).toHaveProperty('disabled', false)
  })

  it('retries an unconfirmed bid with the same requestId, and a new bid gets a new one', async () => {
    const api = createFakeApi()
    const answers: CommandResult<'bids:place'>[] = [
      { ok: false, error: { code: 'REDIS_UNAVAILABLE', message: 'down' } },
    ]
    api.handle('bids:place', (input) => answers.shift() ?? accepted(input))
    renderForm(api)
    fireEvent.change(paddle(), { target: { value: '1042' } })
    for (let i = 0; i < 3; i++) {
      await act(async () => {
        fireEvent.click(placeButton())
        await settle()
      })
    }
    const ids = (api.callsOf('bids:place') as PlaceInput[]).map((input) => input.requestId)
    expect(ids).toHaveLength(3)
    expect(ids[1]).toBe(ids[0]) // the retry of the unconfirmed bid
    expect(ids[2]).not.toBe(ids[1]) // a new bid after a confirmed one
  })

  it('bids the asking price with one key: the price when it lands, not the typed amount', async () => {
    const api = createFakeApi()
    api.handle('bids:place', (input) => accepted(input))
    renderForm(api)
    fireEvent.change(paddle(), { target: { value: '1042' } })
    fireEvent.change(amount(), { target: { value: '99' } })
    await act(async () => {
      fireEvent.keyDown(window, { key: 'F2' })
      await settle()
    })
    // The engine places "asking" at the lot's asking price then: never stale, never the 99.
    expect((api.callsOf('bids:place') as PlaceInput[])[0]?.amount).toBe(AT_ASKING)
    expect(screen.getByTestId('bid-outcome').textContent).toContain('12.50')
  })
})
