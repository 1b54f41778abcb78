// @vitest-environment jsdom
// The create forms as a seller (or a clerk for a consignor) uses them lot after lot: a
// fixed field's error goes at once, the next lot keeps the increment table, soft close and
// duration, and staff name the consignor, who is recorded as the seller. And the single
// auctions list: drafts among the upcoming ones (staff too), ended ones most recent first
// with their result.
import { act, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { CommandInput } from '../../src/shared/contract'
import { AuctionList } from '../../src/renderer/src/screens/AuctionList'
import { CreateAuctionForm } from '../../src/renderer/src/screens/create/CreateAuctionForm'
import { CreateSaleForm } from '../../src/renderer/src/screens/create/CreateSaleForm'
import { auctionAt, saleAt, settle } from './support/fakeApi'
import { CLERK, OWNER, stopConsoles, testConsole } from './support/console'

afterEach(stopConsoles)

type CreateInput = CommandInput<'auctions:create'>

function auctionForm(profile = CLERK) {
  const console = testConsole({ profile })
  console.api.handle('auctions:create', (input) => ({
    ok: true,
    auction: auctionAt(1, {
      id: `a-${console.api.callsOf('auctions:create').length}`,
      title: input.title,
    }),
  }))
  console.show(<CreateAuctionForm onCreated={() => undefined} />)
  const form = within(screen.getByTestId('create-form'))
  const type = (label: string, value: string) =>
    fireEvent.change(form.getByLabelText(label), { target: { value } })
  const submit = () =>
    act(async () => {
      fireEvent.submit(screen.getByTestId('create-form'))
      await settle()
    })
  return { console, form, type, submit }
}

describe('create auction form', () => {
  it('drops a field’s error as soon as the field is changed', async () => {
    const { form, type, submit } = auctionForm()
    await submit()
    expect(form.getByText('Enter a title.')).toBeTruthy()
    expect(form.getByText(/^Starting price: not a valid amount/)).toBeTruthy()
    type('Title', 'Oak desk')
    expect(form.queryByText('Enter a title.')).toBeNull()
    expect(form.getByText(/^Starting price: not a valid amount/)).toBeTruthy()
    expect(form.getByLabelText('Title').getAttribute('aria-invalid')).toBeNull()
  })

  it('staff name the consignor, sent as the seller; the next lot keeps table, soft close and duration', async () => {
    const { console, form, type, submit } = auctionForm()
    type('Consignor (seller id)', 'estate-7')
    type('Title', 'Oak desk')
    type('Starting price', '100')
    fireEvent.click(form.getByLabelText('Table by price'))
    type('Band 1: from price', '0')
    fireEvent.change(form.getAllByLabelText('increment')[0] as HTMLElement, {
      target: { value: '5' },
    })
    type('Band 2: from price', '500')
    fireEvent.change(form.getAllByLabelText('increment')[1] as HTMLElement, {
      target: { value: '25' },
    })
    type('Duration (minutes)', '45')
    type('Soft close (seconds)', '30')
    await submit()
    const [sent] = console.api.callsOf('auctions:create') as CreateInput[]
    expect(sent).toMatchObject({
      sellerId: 'estate-7',
      title: 'Oak desk',
      incrementTable: [
        { from: '0.00', increment: '5.00' },
        { from: '500.00', increment: '25.00' },
      ],
      durationMs: 45 * 60_000,
      softCloseSeconds: 30,
    })
    // Ready for the next lot: what describes the lot is cleared, the rest kept.
    expect(form.getByLabelText('Title')).toHaveProperty('value', '')
    expect(form.getByLabelText('Starting price')).toHaveProperty('value', '')
    expect(form.getByLabelText('Band 2: from price')).toHaveProperty('value', '500')
    expect(form.getByLabelText('Duration (minutes)')).toHaveProperty('value', '45')
    expect(form.getByLabelText('Soft close (seconds)')).toHaveProperty('value', '30')
    expect(form.getByLabelText('Consignor (seller id)')).toHaveProperty('value', 'estate-7')
  })

  it('asks staff for the consignor', async () => {
    const { form, type, submit, console } = auctionForm()
    type('Title', 'Oak desk')
    type('Starting price', '100')
    type('Increment', '5')
    await submit()
    expect(form.getByText('Enter the consignor (seller id) this is for.')).toBeTruthy()
    expect(console.api.callsOf('auctions:create')).toHaveLength(0)
  })

  it('a seller creates for themselves: no consignor field, no seller id sent', async () => {
    const { form, type, submit, console } = auctionForm(OWNER)
    expect(form.queryByLabelText('Consignor (seller id)')).toBeNull()
    type('Title', 'Oak desk')
    type('Starting price', '100')
    type('Increment', '5')
    await submit()
    const [sent] = console.api.callsOf('auctions:create') as CreateInput[]
    expect(sent && 'sellerId' in sent).toBe(false)
  })
})

describe('create sale form', () => {
  it('staff name the consignor; a fixed field’s error goes at once', async () => {
    const console = testConsole()
    console.api.handle('sales:create', () => ({
      ok: true,
      sale: saleAt(1, { status: 'draft', title: 'Winter sale' }),
    }))
    console.show(<CreateSaleForm onCreated={() => undefined} />)
    const form = within(screen.getByTestId('create-sale-form'))
    await act(async () => {
      fireEvent.submit(screen.getByTestId('create-sale-form'))
      await settle()
    })
    expect(form.getByText('Enter the consignor (seller id) this is for.')).toBeTruthy()
    fireEvent.change(form.getByLabelText('Consignor (seller id)'), {
      target: { value: 'estate-7' },
    })
    expect(form.queryByText('Enter the consignor (seller id) this is for.')).toBeNull()
    fireEvent.change(form.getByLabelText('Sale title'), { target: { value: 'Winter sale' } })
    fireEvent.change(form.getByLabelText('Increment'), { target: { value: '10' } })
    await act(async () => {
      fireEvent.submit(screen.getByTestId('create-sale-form'))
      await settle()
    })
    expect(console.api.callsOf('sales:create')).toEqual([
      expect.objectContaining({ sellerId: 'estate-7', title: 'Winter sale' }),
    ])
  })
})

describe('single auctions list', () => {
  it('shows drafts among the upcoming auctions, to staff too', async () => {
    const console = testConsole({ initial: { listTab: 'upcoming' } })
    console.api.handle('auctions:list', (input) => ({
      ok: true,
      auctions:
        input.status === 'draft'
          ? [auctionAt(1, { id: 'd1', title: 'Draft desk', status: 'draft', startsAt: null })]
          : input.status === 'scheduled'
            ? [auctionAt(1, { id: 's1', title: 'Scheduled clock', status: 'scheduled' })]
            : [],
    }))
    console.show(<AuctionList />)
    await act(async () => settle())
    expect(console.api.callsOf('auctions:list')).toEqual([
      expect.objectContaining({ status: 'scheduled' }),
      expect.objectContaining({ status: 'draft' }),
    ])
    const titles = screen.getAllByTestId('auction-row').map((row) => row.textContent)
    expect(titles.some((text) => text?.includes('Scheduled clock'))).toBe(true)
    expect(titles.some((text) => text?.includes('Draft desk'))).toBe(true)
    expect(screen.getByRole('tab', { name: 'Upcoming' }).getAttribute('aria-selected')).toBe('true')
  })

  it('lists ended auctions most recent first, with sold or not sold', async () => {
    const console = testConsole({ initial: { listTab: 'ended' } })
    const ended = (id: string, endsAt: number, winnerId: string | null) =>
      auctionAt(9, {
        id,
        title: `Lot ${id}`,
        status: 'ended',
        endsAt,
        bidCount: 1,
        result: { winnerId, finalPrice: 1000, reserveMet: winnerId !== null },
      })
    console.api.handle('auctions:list', () => ({
      ok: true,
      auctions: [
        ended('old', 1_000_000, '42'),
        ended('new', 3_000_000, null),
        ended('mid', 2_000_000, '7'),
      ],
    }))
    console.show(<AuctionList />)
    await act(async () => settle())
    const rows = screen.getAllByTestId('auction-row')
    expect(rows.map((row) => row.getAttribute('data-auction-id'))).toEqual(['new', 'mid', 'old'])
    expect(screen.getByRole('columnheader', { name: 'Result' })).toBeTruthy()
    expect(rows.map((row) => within(row).getByTestId('row-result').textContent)).toEqual([
      'Not sold',
      'Sold to Paddle 7',
      'Sold to Paddle 42',
    ])
  })
})
