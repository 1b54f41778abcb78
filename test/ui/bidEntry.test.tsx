// @vitest-environment jsdom
// The clerk's bid entry as used in a sale: an outcome told apart at a glance (tone class,
// icon, and a sound cue on a rejection that Settings can switch off), the cursor in Paddle
// when the room opens, the source back to Floor after each bid, a word before the leading
// paddle's bid only raises its maximum, Esc to clear, and no stale message left standing.
import { act, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CommandInput, CommandResult } from '../../src/shared/contract'
import { auctionAt, settle } from './support/fakeApi'
import { openRoom, stopConsoles, testConsole, type TestConsole } from './support/console'

type PlaceInput = CommandInput<'bids:place'>

/** A stand-in for the browser's AudioContext: counts the tones started. */
class FakeAudioContext {
  static tones = 0
  state = 'running'
  currentTime = 0
  destination = {}
  resume = () => Promise.resolve()
  createOscillator() {
    return {
      type: 'sine',
      frequency: { value: 0 },
      connect: () => undefined,
      start: () => void FakeAudioContext.tones++,
      stop: () => undefined,
    }
  }
  createGain() {
    return {
      gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined },
      connect: () => undefined,
    }
  }
}

beforeEach(() => {
  FakeAudioContext.tones = 0
  vi.stubGlobal('AudioContext', FakeAudioContext)
})
afterEach(() => {
  stopConsoles()
  vi.unstubAllGlobals()
})

function accepted(input: PlaceInput, result: 'leading' | 'outbid' | 'max_raised' = 'leading') {
  return {
    ok: true as const,
    bidId: 1,
    auctionId: input.auctionId,
    result,
    price: 1000,
    leaderId: result === 'outbid' ? '77' : input.bidderId,
    bidCount: 1,
    endsAt: null,
    extended: false,
    duplicate: false,
    reserveMet: true,
    maxAmount: 1000,
    askingPrice: 1100,
  }
}

const tooLow: CommandResult<'bids:place'> = {
  ok: false,
  error: { code: 'BID_TOO_LOW', message: 'too low', minimumBid: 1100 },
}

async function room(answer: (input: PlaceInput) => CommandResult<'bids:place'>, leaderId?: string) {
  const console = testConsole()
  console.api.handle('bids:place', answer)
  await openRoom(console, auctionAt(3, { askingPrice: 1000, leaderId: leaderId ?? null }))
  return console
}

const paddle = () => screen.getByLabelText('Paddle') as HTMLInputElement
const source = () => screen.getByLabelText('Source') as HTMLSelectElement
const amount = () => screen.getByLabelText('Amount (USD)') as HTMLInputElement
const outcomeLine = () => screen.getByTestId('bid-outcome').parentElement as HTMLElement

async function bid(console: TestConsole, paddleText: string, how: 'Enter' | 'F2' = 'Enter') {
  fireEvent.change(paddle(), { target: { value: paddleText } })
  await act(async () => {
    if (how === 'F2') fireEvent.keyDown(window, { key: 'F2' })
    else fireEvent.submit(screen.getByTestId('bid-form'))
    await settle()
  })
  return console.api.callsOf('bids:place') as PlaceInput[]
}

describe('outcomes told apart', () => {
  it.each([
    ['leading', 'outcome--good', '✓'],
    ['outbid', 'outcome--warn', '!'],
  ] as const)(
    'an accepted bid (%s) has its colour class and icon, and no sound',
    async (result, tone, icon) => {
      const console = await room((input) => accepted(input, result))
      await bid(console, '42')
      expect(outcomeLine().className).toContain(tone)
      expect(outcomeLine().querySelector('.outcome__icon')?.textContent).toBe(icon)
      expect(FakeAudioContext.tones).toBe(0)
    },
  )

  it('a rejection is red with ✕ and beeps', async () => {
    const console = await room(() => tooLow)
    await bid(console, '42')
    expect(screen.getByTestId('bid-outcome').textContent).toBe(
      'Rejected: too low. The minimum bid is $11.00.',
    )
    expect(outcomeLine().className).toContain('outcome--bad')
    expect(outcomeLine().querySelector('.outcome__icon')?.textContent).toBe('✕')
    expect(FakeAudioContext.tones).toBeGreaterThan(0)
  })

  it('stays silent when the sound is switched off in Settings', async () => {
    const console = await room(() => tooLow)
    act(() => console.store.getState().setSound(false))
    await bid(console, '42')
    expect(outcomeLine().className).toContain('outcome--bad')
    expect(FakeAudioContext.tones).toBe(0)
  })
})

describe('keyboard flow', () => {
  it('puts the cursor in Paddle when the room opens', async () => {
    await room((input) => accepted(input))
    expect(document.activeElement).toBe(paddle())
  })

  it('returns the source to Floor after an accepted bid, and keeps it after a rejection', async () => {
    const answers = [tooLow]
    const console = await room((input) => answers.shift() ?? accepted(input))
    fireEvent.change(source(), { target: { value: 'phone' } })
    let sent = await bid(console, '42')
    expect(sent[0]?.source).toBe('phone')
    expect(source().value).toBe('phone') // rejected: the clerk corrects and sends again
    sent = await bid(console, '42')
    expect(sent[1]?.source).toBe('phone')
    expect(source().value).toBe('floor')
    expect(document.activeElement).toBe(paddle())
  })

  it('says so before F2 for the leading paddle, and sends on the second press', async () => {
    const console = await room((input) => accepted(input, 'max_raised'), '42')
    let sent = await bid(console, '42', 'F2')
    expect(sent).toHaveLength(0)
    expect(screen.getByTestId('bid-outcome').textContent).toBe(
      'Paddle 42 already leads: this bid would only raise their maximum to $10.00. Press F2 again to send it, or change the paddle.',
    )
    expect(outcomeLine().className).toContain('outcome--warn')
    sent = await bid(console, '42', 'F2')
    expect(sent).toHaveLength(1)
    expect(screen.getByTestId('bid-outcome').textContent).toMatch(/^Max raised to/)
  })

  it('Esc clears a typed amount back to the asking price', async () => {
    await room((input) => accepted(input))
    fireEvent.change(amount(), { target: { value: '99' } })
    fireEvent.keyDown(amount(), { key: 'Escape' })
    expect(amount().value).toBe('10.00')
    expect(document.activeElement).toBe(paddle())
  })
})

describe('stale messages', () => {
  it('a new field error replaces the last rejection, and goes once the field is fixed', async () => {
    const console = await room(() => tooLow)
    await bid(console, '42')
    expect(screen.getByTestId('bid-outcome').textContent).toMatch(/^Rejected: too low/)
    fireEvent.change(amount(), { target: { value: '12.345' } })
    await act(async () => {
      fireEvent.submit(screen.getByTestId('bid-form'))
      await settle()
    })
    expect(screen.getByRole('alert').textContent).toMatch(/^Not a valid amount/)
    expect(screen.getByTestId('bid-outcome').textContent).not.toMatch(/Rejected/)
    fireEvent.change(amount(), { target: { value: '12.34' } })
    expect(screen.queryByRole('alert')).toBeNull()
    expect(amount().getAttribute('aria-invalid')).toBeNull()
  })
})
