// @vitest-environment jsdom
// Every action of the room (and of the sale page) has a key, shown on its button, and the
// `?` overlay lists them; End now by key goes through its confirmation, and the console
// that ended the auction gets the end dialog as every other console does.
import { act, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/App'
import { auctionAt, lotOf, saleAt, settle } from './support/fakeApi'
import { stopConsoles, testConsole } from './support/console'

afterEach(stopConsoles)

async function app(auction = auctionAt(3)) {
  const console = testConsole({ initial: { route: { screen: 'room', auctionId: auction.id } } })
  console.api.handle('auctions:watch', () => ({ ok: true, auction, viewers: 1 }))
  console.api.handle('bids:history', () => ({ ok: true, bids: [], total: 0 }))
  console.show(<App />)
  await act(async () => {
    await settle()
    console.frames.runFrame()
    await settle()
  })
  return console
}

const alt = (code: string) =>
  fireEvent.keyDown(window, { key: code.at(-1)?.toLowerCase(), code, altKey: true })

describe('room keys', () => {
  it('shows a key on every action of the room', async () => {
    await app()
    fireEvent.change(screen.getByLabelText('Amount (USD)'), { target: { value: '99' } })
    const buttons = within(screen.getByTestId('room')).getAllByRole('button')
    const keys = buttons.map((button) => [
      button.getAttribute('aria-label') ?? button.textContent?.replace(/\s+\S+$/, ''),
      button.getAttribute('aria-keyshortcuts'),
      button.querySelector('kbd')?.textContent,
    ])
    expect(keys).toEqual([
      ['← Auctions', 'Alt+B', 'Alt+B'],
      ['Watch Clock, walnut case', 'Alt+W', 'Alt+W'],
      ['End now', 'Alt+E', 'Alt+E'],
      ['Cancel auction', 'Alt+C', 'Alt+C'],
      ['Export CSV', 'Alt+X', 'Alt+X'],
      ['Place bid', 'Enter', 'Enter'],
      ['Bid asking $10.00', 'F2', 'F2'],
      ['Reset to asking', 'Escape', 'Esc'],
    ])
  })

  it('lists them in the ? overlay, this screen first', async () => {
    await app()
    fireEvent.keyDown(document.body, { key: '?' })
    const overlay = within(screen.getByRole('dialog', { name: 'Keyboard shortcuts' }))
    const first = overlay.getAllByRole('heading', { level: 3 })[0]
    expect(first?.textContent).toBe('Auction room · this screen')
    const room = within(first?.closest('section') as HTMLElement)
    const rows = room
      .getAllByRole('definition')
      .map((dd) => [dd.previousSibling?.textContent, dd.textContent])
    expect(rows).toContainEqual(['Alt+E', 'End now (confirmed)'])
    expect(rows).toContainEqual(['F2', 'Bid the asking price'])
    expect(rows).toContainEqual(['Alt+B', 'Back to the sale or the list'])
    fireEvent.keyDown(overlay.getByRole('button', { name: 'Close' }), { key: 'Escape' })
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull()
  })

  it('a ? typed in a field is text, not the overlay', async () => {
    await app()
    fireEvent.keyDown(screen.getByLabelText('Paddle'), { key: '?' })
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull()
  })

  it('Alt+E asks to confirm; the console that ended it gets the end dialog', async () => {
    const auction = auctionAt(3, { leaderId: '42', bidCount: 1, currentPrice: 1000 })
    const console = await app(auction)
    console.api.handle('auctions:end', () => ({
      ok: true,
      auction: {
        ...auction,
        seq: 4,
        status: 'ended',
        lotStatus: 'sold',
        result: { winnerId: '42', finalPrice: 1000, reserveMet: true },
      },
    }))
    alt('KeyE')
    const confirm = within(screen.getByRole('dialog', { name: 'End auction now?' }))
    expect(console.api.callsOf('auctions:end')).toHaveLength(0)
    await act(async () => {
      fireEvent.click(confirm.getByRole('button', { name: 'End auction' }))
      await settle()
    })
    expect(console.api.callsOf('auctions:end')).toEqual([{ auctionId: 'lot-1' }])
    const dialog = within(screen.getByRole('dialog', { name: 'Auction ended' }))
    expect(dialog.getByTestId('end-winner').textContent).toBe('Paddle 42')
    expect(dialog.getByTestId('end-price').textContent).toBe('$10.00')
  })

  it('Alt+B goes back to the lot’s sale', async () => {
    const lot = lotOf(2, 5)
    const console = await app(lot)
    console.api.handle('sales:watch', () => ({ ok: true, sale: saleAt(5), lots: [lot] }))
    await act(async () => {
      alt('KeyB')
      await settle()
    })
    expect(console.store.getState().route).toEqual({ screen: 'sale', saleId: 'S1' })
  })
})

describe('sale page keys', () => {
  it('shows and runs the sale actions by key', async () => {
    const sale = saleAt(5, { lotCount: 1 })
    const console = testConsole({ initial: { route: { screen: 'sale', saleId: 'S1' } } })
    console.api.handle('sales:watch', () => ({ ok: true, sale, lots: [lotOf(1, 5)] }))
    console.show(<App />)
    await act(async () => {
      await settle()
      console.frames.runFrame()
      await settle()
    })
    const endNow = screen.getByRole('button', { name: 'End now' })
    expect(endNow.getAttribute('aria-keyshortcuts')).toBe('Alt+E')
    expect(endNow.querySelector('kbd')?.textContent).toBe('Alt+E')
    expect(screen.getByRole('button', { name: /← Sales/ }).getAttribute('aria-keyshortcuts')).toBe(
      'Alt+B',
    )
    alt('KeyE')
    expect(screen.getByRole('dialog', { name: 'End sale now?' })).toBeTruthy()
  })
})
