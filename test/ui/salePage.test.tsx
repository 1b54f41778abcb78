// @vitest-environment jsdom
// The sale page and the sales list: lots in catalogue order moving live, the draft's lot
// form and CSV import (nothing sent while a row is bad), and the list's tabs and search.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { OperatorProfile } from '../../src/shared/contract'
import type { Lot, Sale } from '../../src/shared/domain'
import { fail } from '../../src/shared/errors'
import { ConsoleProvider } from '../../src/renderer/src/context'
import { startFeed, type Feed } from '../../src/renderer/src/live/feed'
import { SalePage } from '../../src/renderer/src/screens/SalePage'
import { SalesList } from '../../src/renderer/src/screens/SalesList'
import { createConsoleStore } from '../../src/renderer/src/store'
import {
  bidEvent,
  createFakeApi,
  lotOf,
  manualFrames,
  saleAt,
  saleEvent,
  settle,
} from './support/fakeApi'

let feed: Feed | undefined
afterEach(() => {
  cleanup()
  feed?.stop()
})

const SELLER: OperatorProfile = { displayName: 'Ann', operatorId: 'seller-1', role: 'seller' }
const CLERK: OperatorProfile = { displayName: 'Bo', operatorId: 'clerk-1', role: 'staff' }

function setup(profile: OperatorProfile = CLERK) {
  const api = createFakeApi()
  api.handle('connection:status', () => ({
    ok: true,
    state: 'live',
    endpoint: '',
    embedded: false,
  }))
  api.handle('clock:now', () => ({ ok: true, now: Date.now() }))
  api.handle('sales:unwatch', () => ({ ok: true }))
  const store = createConsoleStore({ profile })
  const frames = manualFrames()
  feed = startFeed(api, store, { schedule: frames.schedule })
  const services = { api, store, feed }
  const show = (element: React.ReactElement) =>
    render(<ConsoleProvider services={services}>{element}</ConsoleProvider>)
  return { api, store, frames, show }
}

async function openSale(ctx: ReturnType<typeof setup>, sale: Sale, lots: Lot[]): Promise<void> {
  ctx.api.handle('sales:watch', () => ({ ok: true, sale, lots }))
  ctx.show(<SalePage saleId={sale.id} />)
  await act(settle)
}

const rows = () => screen.getAllByTestId('lot-row')
const cells = (row: HTMLElement) => within(row)

describe('sale page', () => {
  it('lists the lots in catalogue order and moves them as events arrive', async () => {
    const ctx = setup()
    await openSale(ctx, saleAt(10, { lotCount: 3 }), [
      lotOf(10, 8, { title: 'Bracket clock' }),
      lotOf(2, 9, {
        title: 'Carriage clock',
        estimateLow: 20000,
        estimateHigh: 30000,
        hasReserve: true,
        reserveMet: false,
      }),
      lotOf(1, 10, {
        title: 'Longcase clock',
        lotStatus: 'sold',
        status: 'ended',
        result: { winnerId: '42', finalPrice: 150000, reserveMet: true },
      }),
    ])
    expect(screen.getByTestId('sale-title').textContent).toBe('Autumn sale of clocks')
    expect(rows().map((row) => cells(row).getByTestId('lot-number').textContent)).toEqual([
      '1',
      '2',
      '10',
    ])
    const [first, second] = rows() as [HTMLElement, HTMLElement]
    expect(cells(first).getByTestId('lot-outcome').textContent).toBe(
      'Sold to Paddle 42 at $1,500.00',
    )
    expect(cells(second).getByText('$200.00–$300.00')).toBeTruthy()
    expect(cells(second).getByTestId('reserve').textContent).toBe('Reserve not met')

    act(() => {
      ctx.api.push('sale:events', [bidEvent(11, 25000, 1, 'S1.2', 9)])
      ctx.frames.runFrame()
    })
    expect(cells(second).getByTestId('lot-price').textContent).toBe('$250.00')
    expect(cells(second).getByTestId('lot-bids').textContent).toBe('1')
    expect(cells(second).getByTestId('lot-leader').textContent).toBe('p11') // staff: in full
    expect(screen.getByTestId('sale-hammer').textContent).toBe('$1,500.00')
  })

  it('masks leaders for a console that is neither staff nor the seller', async () => {
    const ctx = setup({ displayName: 'Cy', operatorId: 'seller-2', role: 'seller' })
    await openSale(ctx, saleAt(10), [lotOf(1, 10, { leaderId: 'paddle-1042' })])
    expect(screen.getByTestId('lot-leader').textContent).toBe('Paddle ••42')
    expect(screen.queryByRole('button', { name: 'End now' })).toBeNull()
  })

  it('adds a lot to a draft sale from the form, with a request id', async () => {
    const ctx = setup(SELLER)
    await openSale(ctx, saleAt(2, { status: 'draft', lotCount: 1 }), [
      lotOf(1, 2, { lotStatus: 'waiting', status: 'draft' }),
    ])
    ctx.api.handle('lots:add', (input) => ({
      ok: true,
      lot: lotOf(2, 3, { title: input.title, lotStatus: 'waiting', status: 'draft' }),
    }))
    const form = within(screen.getByTestId('lot-form'))
    expect((form.getByLabelText('Lot number') as HTMLInputElement).value).toBe('2')
    fireEvent.change(form.getByLabelText('Lot title'), { target: { value: 'Carriage clock' } })
    fireEvent.change(form.getByLabelText('Start price (USD)'), { target: { value: '80' } })
    fireEvent.change(form.getByLabelText('Lot reserve (optional)'), { target: { value: '50' } })
    await act(async () => {
      fireEvent.click(form.getByRole('button', { name: 'Add lot' }))
      await settle()
    })
    // Checked before anything is sent.
    expect(form.getByText('The reserve cannot be below the starting price.')).toBeTruthy()
    expect(ctx.api.callsOf('lots:add')).toHaveLength(0)
    fireEvent.change(form.getByLabelText('Lot reserve (optional)'), { target: { value: '' } })
    await act(async () => {
      fireEvent.click(form.getByRole('button', { name: 'Add lot' }))
      await settle()
    })
    expect(ctx.api.callsOf('lots:add')).toEqual([
      expect.objectContaining({
        saleId: 'S1',
        number: '2',
        title: 'Carriage clock',
        startingPrice: '80.00',
        reservePrice: null,
        requestId: expect.any(String),
      }),
    ])
    expect(rows()).toHaveLength(2)
    expect((form.getByLabelText('Lot number') as HTMLInputElement).value).toBe('3')
  })

  it('edits and removes a draft lot (the removal confirmed)', async () => {
    const ctx = setup(SELLER)
    const waiting = { lotStatus: 'waiting', status: 'draft' } as const
    await openSale(ctx, saleAt(3, { status: 'draft', lotCount: 2 }), [
      lotOf(1, 2, { ...waiting, title: 'Bracket clock', estimateLow: 20000, estimateHigh: 30000 }),
      lotOf(2, 3, waiting),
    ])
    ctx.api.handle('lots:update', (input) => ({
      ok: true,
      lot: lotOf(1, 4, { ...waiting, title: input.changes.title as string }),
    }))
    ctx.api.handle('lots:remove', () => ({ ok: true }))
    fireEvent.click(within(rows()[0] as HTMLElement).getByRole('button', { name: 'Edit' }))
    const form = within(screen.getByRole('form', { name: 'Edit lot 1' }))
    expect((form.getByLabelText('Low estimate') as HTMLInputElement).value).toBe('200.00')
    fireEvent.change(form.getByLabelText('Lot title'), { target: { value: 'Regency clock' } })
    await act(async () => {
      fireEvent.click(form.getByRole('button', { name: 'Save lot' }))
      await settle()
    })
    expect(ctx.api.callsOf('lots:update')).toEqual([
      {
        lotId: 'S1.1',
        changes: expect.objectContaining({ number: '1', title: 'Regency clock' }),
      },
    ])
    expect(screen.getByRole('button', { name: 'Regency clock' })).toBeTruthy()
    expect(screen.getByRole('form', { name: 'Add a lot' })).toBeTruthy()

    fireEvent.click(within(rows()[1] as HTMLElement).getByRole('button', { name: 'Remove' }))
    const dialog = within(screen.getByRole('dialog', { name: 'Remove lot 2?' }))
    await act(async () => {
      fireEvent.click(dialog.getByRole('button', { name: 'Remove lot' }))
      await settle()
    })
    expect(ctx.api.callsOf('lots:remove')).toEqual([{ lotId: 'S1.2' }])
    expect(rows()).toHaveLength(1)
  })

  it('previews a CSV import, sends nothing while a row is bad, then imports', async () => {
    const ctx = setup(SELLER)
    await openSale(ctx, saleAt(2, { status: 'draft' }), [])
    ctx.api.handle('lots:import', (input) => ({
      ok: true,
      lots: input.lots.map((lot, i) => lotOf(i + 1, 3 + i, { title: lot.title })),
    }))
    const input = screen.getByLabelText('CSV file') as HTMLInputElement
    const choose = async (text: string) => {
      const file = new File([text], 'catalogue.csv', { type: 'text/csv' })
      Object.defineProperty(input, 'files', { value: [file], configurable: true })
      await act(async () => {
        fireEvent.change(input)
        await settle()
      })
    }
    const header = 'lot,title,start_price,reserve'
    await choose(`${header}\n1,Carriage clock,80,\n2,Mantel clock,ten,\n`)
    const errors = screen.getAllByTestId('import-error')
    expect(errors.map((row) => row.textContent)).toEqual([
      '3start_price: "ten" is not a valid USD amount',
    ])
    expect(screen.getAllByTestId('import-row')).toHaveLength(1)
    const button = screen.getByRole('button', { name: /^Import/ }) as HTMLButtonElement
    expect(button.disabled).toBe(true)

    await choose(`${header}\n1,Carriage clock,80,\n2,Mantel clock,10,20\n`)
    expect(screen.queryAllByTestId('import-error')).toHaveLength(0)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import 2 lots' }))
      await settle()
    })
    const sent = ctx.api.callsOf('lots:import') as { lots: { number: string }[] }[]
    expect(sent.map((call) => call.lots.map((lot) => lot.number))).toEqual([['1', '2']])
    expect(rows()).toHaveLength(2)
  })

  it('shows the rows the main side refused at their lines', async () => {
    const ctx = setup(SELLER)
    await openSale(ctx, saleAt(2, { status: 'draft' }), [])
    ctx.api.handle('lots:import', () =>
      fail('INVALID_CATALOGUE', 'Some rows are bad.', {
        rows: [{ line: 2, code: 'LOT_NUMBER_TAKEN', message: 'lot: 7 is already in the sale' }],
      }),
    )
    const input = screen.getByLabelText('CSV file') as HTMLInputElement
    const file = new File(['lot,title,start_price\n\n1,A,1\n7,B,2\n'], 'c.csv')
    Object.defineProperty(input, 'files', { value: [file] })
    await act(async () => {
      fireEvent.change(input)
      await settle()
    })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import 2 lots' }))
      await settle()
    })
    expect(screen.getByTestId('import-error').textContent).toBe('4lot: 7 is already in the sale')
  })
})

describe('sales list', () => {
  it('shows sales by tab and search, and moves a sale when it opens', async () => {
    const ctx = setup()
    const sales = [
      saleAt(3, { id: 'S1', title: 'Autumn clocks', status: 'scheduled', lotCount: 12 }),
      saleAt(5, { id: 'S2', title: 'Silver and plate', status: 'open', mode: 'live' }),
      saleAt(5, { id: 'S3', title: 'Winter clocks', status: 'draft' }),
      saleAt(1, { id: 'A9', title: 'A single auction', status: 'open', standalone: true }),
    ]
    ctx.api.handle('sales:list', (input) => ({
      ok: true,
      sales: sales.filter((sale) => sale.status === input.status),
    }))
    ctx.show(<SalesList />)
    await act(settle)
    const titles = () => screen.queryAllByTestId('sale-row').map((row) => row.dataset.saleId)
    expect(titles()).toEqual(['S2'])
    expect(within(screen.getByTestId('sale-row')).getByTestId('sale-mode').textContent).toBe('Live')

    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: 'Upcoming' }))
      await settle()
    })
    expect(titles()?.sort()).toEqual(['S1', 'S3'])
    fireEvent.change(screen.getByLabelText('Search sales by title'), {
      target: { value: 'autumn' },
    })
    expect(titles()).toEqual(['S1'])
    expect(screen.getByTestId('sale-lots').textContent).toBe('12')

    act(() => {
      ctx.api.push('sale:events', [saleEvent(4, 'sale_started', { lotCount: 12 })])
      ctx.frames.runFrame()
    })
    expect(titles()).toEqual([])
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: 'Live' }))
      await settle()
    })
    expect(titles()).toEqual(['S1'])
    expect(screen.getByTestId('sale-status').textContent).toBe('Open')
  })
})
