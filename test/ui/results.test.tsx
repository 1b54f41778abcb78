// @vitest-environment jsdom
// The console's side of the register and the sale's results: the register's add form
// checked before anything is sent (and the main side's refusal on its field), the CSV
// import preview with every bad row by line (nothing sent), the report's totals and chart,
// and the print layout with one invoice section per invoice (one per page in print).
import { act, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fail } from '../../src/shared/errors'
import type { RegisterEntry } from '../../src/shared/register'
import type { Invoice, SaleReport } from '../../src/shared/results'
import { PrintScreen } from '../../src/renderer/src/screens/PrintScreen'
import { RegisterForm } from '../../src/renderer/src/screens/register/RegisterForm'
import { RegisterImport } from '../../src/renderer/src/screens/register/RegisterImport'
import { ReportView } from '../../src/renderer/src/screens/results/ReportView'
import { rejectionWords } from '../../src/renderer/src/lib/bidWords'
import { parsePath, pathOf } from '../../src/renderer/src/lib/routes'
import type { Route } from '../../src/renderer/src/store'
import { liveErrorWords } from '../../src/renderer/src/lib/liveWords'
import { checkTerms, emptyTermsDraft } from '../../src/renderer/src/lib/termsForm'
import { moneyCheck } from '../../src/renderer/src/lib/formChecks'
import { auctionAt, saleAt, settle } from './support/fakeApi'
import { OTHER_SELLER, openRoom, stopConsoles, testConsole } from './support/console'

afterEach(() => stopConsoles())

const SALE = saleAt(1, { currency: 'GBP', status: 'draft' })

const entry = (paddle: string, overrides: Partial<RegisterEntry> = {}): RegisterEntry => ({
  paddle,
  name: `Bidder ${paddle}`,
  email: null,
  phone: null,
  kind: 'floor',
  approved: true,
  limit: null,
  notes: '',
  createdAt: 1,
  updatedAt: 1,
  ...overrides,
})

function fill(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

const submit = async (): Promise<void> => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Add bidder' }))
    await settle()
  })
}

describe('register form', () => {
  it('checks every field before sending, and sends nothing while one is wrong', async () => {
    const add = vi.fn()
    const c = testConsole()
    c.show(<RegisterForm sale={SALE} taken={['142']} add={add} />)
    await submit()
    expect(screen.getByText('A paddle number: letters, digits and . _ : - only.')).toBeTruthy()
    expect(screen.getByText('The bidder’s name is required.')).toBeTruthy()

    fill('Paddle', '142')
    fill('Name', 'Ann Smith')
    fill('Email (optional)', 'ann@')
    fill('Credit limit (GBP, optional)', '5000.001')
    await submit()
    expect(screen.getByText('Paddle 142 is already in this sale’s register.')).toBeTruthy()
    expect(screen.getByText('Not an email address (name@example.com).')).toBeTruthy()
    expect(screen.getByText(/Not a valid limit/)).toBeTruthy()
    expect(add).not.toHaveBeenCalled()

    // A field's error goes as soon as it is changed.
    fill('Email (optional)', 'ann@example.com')
    expect(screen.queryByText('Not an email address (name@example.com).')).toBeNull()
  })

  it('sends a checked entry, and shows the main side’s refusal on its field', async () => {
    const add = vi
      .fn()
      .mockResolvedValueOnce(fail('PADDLE_TAKEN', 'Paddle 7 is in the register already.'))
      .mockResolvedValueOnce({ ok: true, entry: entry('8', { name: 'Bo Lee' }) })
    const c = testConsole()
    c.show(<RegisterForm sale={SALE} taken={[]} add={add} />)
    fill('Paddle', '7')
    fill('Name', 'Bo Lee')
    fill('Credit limit (GBP, optional)', '5000')
    await submit()
    expect(add).toHaveBeenCalledWith({
      paddle: '7',
      name: 'Bo Lee',
      email: '',
      phone: '',
      kind: 'floor',
      approved: true,
      limit: '5000.00',
      notes: '',
    })
    expect(screen.getByText('This paddle is already in the register.')).toBeTruthy()
    fill('Paddle', '8')
    await submit()
    expect(screen.getByTestId('register-note').textContent).toBe('Paddle 8 added: Bo Lee.')
    expect((screen.getByLabelText('Paddle') as HTMLInputElement).value).toBe('')
  })
})

describe('register import', () => {
  const choose = async (text: string): Promise<void> => {
    const file = new File([text], 'bidders.csv', { type: 'text/csv' })
    await act(async () => {
      fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [file] } })
      await settle()
    })
  }

  it('previews the rows and lists every bad row by line; nothing is sent', async () => {
    const importEntries = vi.fn()
    const c = testConsole()
    c.show(
      <RegisterImport existing={['100']} importEntries={importEntries} onImported={() => {}} />,
    )
    await choose(
      [
        'paddle,name,email,kind,approved,limit',
        '101,Ann Smith,ann@example.com,phone,yes,5000.00',
        '100,Taken Already,,floor,yes,',
        '102,,,floor,yes,',
        '101,Twice,,floor,no,',
        '103,Cy Dunn,not-an-email,floor,yes,',
      ].join('\n'),
    )
    const errors = screen.getAllByTestId('register-import-error')
    const lines = errors.map((row) => within(row).getAllByRole('cell')[0]?.textContent)
    expect(lines).toEqual(['3', '4', '5', '6'])
    expect(screen.getAllByTestId('register-import-row')).toHaveLength(1)
    const button = screen.getByRole('button', { name: 'Import' })
    expect((button as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(button)
    expect(importEntries).not.toHaveBeenCalled()
  })

  it('imports a clean file at once, and maps the main side’s row errors to file lines', async () => {
    const importEntries = vi.fn().mockResolvedValueOnce(
      fail('INVALID_CATALOGUE', 'Some rows are wrong', {
        rows: [{ line: 2, code: 'PADDLE_TAKEN', message: 'paddle: 202 is taken' }],
      }),
    )
    const c = testConsole()
    c.show(<RegisterImport existing={[]} importEntries={importEntries} onImported={() => {}} />)
    await choose('paddle,name\n201,Ann\n\n202,Bo\n')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Import 2 bidders' }))
      await settle()
    })
    expect(importEntries).toHaveBeenCalledTimes(1)
    const [row] = screen.getAllByTestId('register-import-error')
    expect(row?.textContent).toContain('4')
    expect(row?.textContent).toContain('paddle: 202 is taken')
  })
})

const REPORT: SaleReport = {
  saleId: 'S1',
  title: 'Autumn sale of clocks',
  currency: 'GBP',
  status: 'closed',
  lots: { total: 4, offered: 3, sold: 2, passed: 1, withdrawn: 1, open: 0 },
  sellThroughByLots: 0.6667,
  sellThroughByValue: 1.25,
  hammerTotal: 75000,
  premiumTotal: 18750,
  taxTotal: 3750,
  estimateLowTotal: 60000,
  estimateHighTotal: 90000,
  aboveEstimate: 1,
  belowEstimate: 0,
  topLots: [
    { lotId: 'S1.1', number: '1', title: 'Bracket clock', hammer: 50000, winnerId: '142' },
    { lotId: 'S1.2', number: '2', title: 'Carriage clock', hammer: 25000, winnerId: '7' },
  ],
  perLot: [
    {
      lotId: 'S1.1',
      number: '1',
      status: 'sold',
      hammer: 50000,
      estimateLow: 20000,
      estimateHigh: 30000,
    },
    {
      lotId: 'S1.2',
      number: '2',
      status: 'sold',
      hammer: 25000,
      estimateLow: 20000,
      estimateHigh: 30000,
    },
    {
      lotId: 'S1.3',
      number: '3',
      status: 'passed',
      hammer: 0,
      estimateLow: 20000,
      estimateHigh: 30000,
    },
    {
      lotId: 'S1.4',
      number: '4',
      status: 'withdrawn',
      hammer: 0,
      estimateLow: null,
      estimateHigh: null,
    },
  ],
}

describe('sale report', () => {
  it('shows the totals, the chart per lot in catalogue order and the sell-through', () => {
    const c = testConsole()
    c.show(<ReportView report={REPORT} />)
    const text = (id: string) => screen.getByTestId(id).textContent
    expect(text('total-hammer')).toBe('£750.00')
    expect(text('total-premium')).toBe('£187.50')
    expect(text('total-tax')).toBe('£37.50')
    expect(text('total-buyers')).toBe('£975.00')
    expect(text('total-sold')).toBe('2')
    expect(text('total-passed')).toBe('1')
    expect(text('total-withdrawn')).toBe('1')
    const lots = screen.getAllByTestId('chart-lot')
    expect(lots.map((lot) => lot.getAttribute('data-verdict'))).toEqual([
      'above',
      'within',
      'unsold',
      'unsold',
    ])
    expect(screen.getByTestId('hammer-chart').querySelectorAll('.report-chart__bar')).toHaveLength(
      2,
    )
    expect(screen.getByTestId('sell-through-lots').textContent).toContain('67%')
    expect(screen.getByTestId('sell-through-value').textContent).toContain('125%')
    expect(within(screen.getByTestId('top-lots')).getAllByRole('row')).toHaveLength(3)
  })
})

const invoice = (paddle: string, hammers: number[]): Invoice => {
  const lines = hammers.map((hammer, i) => ({
    lotId: `S1.${i + 1}`,
    number: String(i + 1),
    title: `Lot ${i + 1}`,
    hammer,
    premium: hammer / 4,
    tax: hammer / 20,
    total: hammer + hammer / 4 + hammer / 20,
  }))
  const sum = (key: 'hammer' | 'premium' | 'tax' | 'total') =>
    lines.reduce((total, line) => total + line[key], 0)
  return {
    saleId: 'S1',
    saleTitle: 'Autumn sale of clocks',
    currency: 'GBP',
    paddle,
    bidder: paddle === '9' ? null : entry(paddle, { email: `${paddle}@example.com` }),
    lines,
    hammer: sum('hammer'),
    premium: sum('premium'),
    tax: sum('tax'),
    total: sum('total'),
  }
}

describe('print layout', () => {
  it('renders one invoice section per invoice, and prints with the browser in the web mode', async () => {
    const c = testConsole()
    c.api.handle('sales:watch', () => ({
      ok: true,
      sale: saleAt(3, { status: 'closed' }),
      lots: [],
    }))
    c.api.handle('sales:invoices', () => ({
      ok: true,
      invoices: [invoice('7', [10000, 20000]), invoice('142', [50000]), invoice('9', [4000])],
    }))
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    const { container } = c.show(<PrintScreen saleId="S1" doc="invoices" />)
    await act(settle)
    const sections = container.querySelectorAll('section.invoice')
    expect(sections).toHaveLength(3)
    expect(screen.getByTestId('print-count').textContent).toBe('3 invoices, one per page')
    expect(within(sections[0] as HTMLElement).getByTestId('invoice-total').textContent).toBe(
      '£390.00',
    )
    expect(sections[2]?.textContent).toContain('Not in the register')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Print / Save as PDF' }))
      await settle()
    })
    // No desktop bridge here: the browser's print, never print:pdf.
    expect(print).toHaveBeenCalledTimes(1)
    expect(c.api.callsOf('print:pdf')).toHaveLength(0)
    print.mockRestore()
  })
})

describe('bid wording', () => {
  it('says why the register refused a bid, and the credit left as money', () => {
    expect(rejectionWords(fail('UNKNOWN_PADDLE', 'x').error, 'GBP').text).toBe(
      'Rejected: this paddle is not in the sale’s register. Register the bidder first.',
    )
    expect(rejectionWords(fail('PADDLE_NOT_APPROVED', 'x').error, 'GBP').text).toContain(
      'not approved to bid',
    )
    expect(rejectionWords(fail('CREDIT_LIMIT', 'x', { headroom: 120050 }).error, 'GBP').text).toBe(
      'Rejected: over this paddle’s credit limit. They may take on £1,200.50 more (hammer plus premium).',
    )
    expect(liveErrorWords(fail('CREDIT_LIMIT', 'x', { headroom: 0 }).error, 'GBP')).toBe(
      'Over that paddle’s credit limit. They have no credit left in this sale.',
    )
    expect(liveErrorWords(fail('PADDLE_NOT_APPROVED', 'x').error, 'GBP')).toBe(
      'That paddle is not approved to bid: approve it in the register first.',
    )
  })
})

describe('terms', () => {
  it('turns premium bands, tax, commission and fee into the contract’s terms', () => {
    const errors = {}
    const terms = checkTerms(
      {
        ...emptyTermsDraft(),
        premiumBands: [
          { upTo: '500000', rate: '25' },
          { upTo: '', rate: '20%' },
        ],
        premiumTax: '20%',
        commission: '12.5',
        lotFee: '10',
        requireRegistration: true,
      },
      moneyCheck('GBP', errors),
      errors,
    )
    expect(errors).toEqual({})
    expect(terms).toEqual({
      premium: [{ upTo: '500000.00', rate: '25%' }, { rate: '20%' }],
      premiumTax: '20%',
      commission: '12.5%',
      lotFee: '10.00',
      requireRegistration: true,
    })
    const bad = {}
    checkTerms(
      {
        ...emptyTermsDraft(),
        premiumBands: [
          { upTo: '0', rate: '101%' },
          { upTo: '', rate: '' },
        ],
      },
      moneyCheck('GBP', bad),
      bad,
    )
    expect(Object.keys(bad).sort()).toEqual([
      'terms.premiumBands.0.rate',
      'terms.premiumBands.0.upTo',
      'terms.premiumBands.1.rate',
    ])
  })
})

describe('names from the register', () => {
  const lot = auctionAt(4, { leaderId: '142', bidCount: 1, currentPrice: 11000 })

  it('reads the bidder’s name beside the paddle for staff', async () => {
    const c = testConsole()
    c.api.handle('register:list', () => ({
      ok: true,
      entries: [entry('142', { name: 'Ann Smith' })],
    }))
    await openRoom(c, lot)
    await act(settle)
    expect(screen.getByTestId('leader').textContent).toBe('Paddle 142 (Ann Smith)')
    expect(c.api.callsOf('register:list')).toEqual([{ saleId: lot.saleId }])
  })

  it('never reads the register for anyone else', async () => {
    const c = testConsole({ profile: OTHER_SELLER })
    c.api.handle('register:list', () => ({
      ok: true,
      entries: [entry('142', { name: 'Ann Smith' })],
    }))
    await openRoom(c, lot)
    await act(settle)
    expect(screen.getByTestId('leader').textContent).toBe('Paddle ••42')
    expect(c.api.callsOf('register:list')).toHaveLength(0)
  })
})

describe('routes', () => {
  it('names the register, the results tabs and the print layouts in the URL', () => {
    const cases: [Route, string][] = [
      [{ screen: 'register', saleId: 'S 1' }, '/sale/S%201/register'],
      [{ screen: 'results', saleId: 'S1', tab: 'report' }, '/sale/S1/results'],
      [{ screen: 'results', saleId: 'S1', tab: 'invoices' }, '/sale/S1/results/invoices'],
      [{ screen: 'print', saleId: 'S1', doc: 'statements' }, '/sale/S1/print/statements'],
    ]
    for (const [route, path] of cases) {
      expect(pathOf({ route, listTab: 'live', saleTab: 'live', sellerTab: 'sales' })).toBe(path)
      expect(parsePath(path)).toEqual({ route })
    }
    for (const bad of [
      '/sale/S1/print',
      '/sale/S1/results/x',
      '/sale/S1/register/2',
      '/sale//register',
    ]) {
      expect(parsePath(bad)).toBeNull()
    }
  })
})
