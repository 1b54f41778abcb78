// The sale and lot forms and the catalogue preview are checked in full before anything is
// sent; a submit without an answer keeps its request id for the retry.
import { describe, expect, it } from 'vitest'
import { previewCatalogue } from '../../src/renderer/src/lib/cataloguePreview'
import { rowErrorsAtLines } from '../../src/renderer/src/lib/csvImport'
import {
  checkLot,
  emptyLotDraft,
  lotToDraft,
  nextLotNumber,
} from '../../src/renderer/src/lib/lotForm'
import { createRetryId } from '../../src/renderer/src/lib/retryId'
import { checkSale, emptySaleDraft, type SaleDraft } from '../../src/renderer/src/lib/saleForm'
import { formatEstimate, saleWhen } from '../../src/renderer/src/lib/saleFormat'
import { lotOf, saleAt } from './support/fakeApi'

const NOW = new Date('2030-01-01T10:00').getTime()
const sale = (overrides: Partial<SaleDraft>): SaleDraft => ({
  ...emptySaleDraft(),
  title: 'Autumn clocks',
  increment: '5',
  ...overrides,
})

describe('sale form', () => {
  it('builds a timed draft with its default increment and first close after a duration', () => {
    expect(checkSale(sale({ durationMinutes: '90', closeIntervalSeconds: '30' }), NOW)).toEqual({
      request: {
        title: 'Autumn clocks',
        description: '',
        mode: 'timed',
        currency: 'USD',
        increment: '5.00',
        start: false,
        softCloseSeconds: 60,
        closeIntervalSeconds: 30,
        durationMs: 90 * 60_000,
      },
    })
  })

  it('schedules a live sale with a table and leaves out what only timed sales have', () => {
    const result = checkSale(
      sale({
        mode: 'live',
        currency: 'JPY',
        incrementMode: 'table',
        bands: [
          { from: '0', increment: '100' },
          { from: '10000', increment: '500' },
        ],
        startMode: 'at',
        startsAt: '2030-01-02T18:00',
      }),
      NOW,
    )
    expect(result).toEqual({
      request: {
        title: 'Autumn clocks',
        description: '',
        mode: 'live',
        currency: 'JPY',
        incrementTable: [
          { from: '0', increment: '100' },
          { from: '10000', increment: '500' },
        ],
        startsAt: new Date('2030-01-02T18:00').getTime(),
        start: false,
      },
    })
  })

  it('names every problem at once', () => {
    const result = checkSale(
      sale({
        title: '',
        increment: '0',
        startMode: 'at',
        startsAt: '2029-12-31T10:00',
        firstCloseMode: 'at',
        firstCloseAt: '',
        closeIntervalSeconds: 'x',
        softCloseSeconds: '4000',
      }),
      NOW,
    )
    expect('errors' in result && Object.keys(result.errors).sort()).toEqual([
      'closeIntervalSeconds',
      'firstCloseAt',
      'increment',
      'softCloseSeconds',
      'startsAt',
      'title',
    ])
  })

  it('wants the first close after the start', () => {
    const result = checkSale(
      sale({
        startMode: 'at',
        startsAt: '2030-01-02T18:00',
        firstCloseMode: 'at',
        firstCloseAt: '2030-01-02T17:00',
      }),
      NOW,
    )
    expect('errors' in result && result.errors.firstCloseAt).toBe(
      'The first close must be after the start.',
    )
  })
})

describe('lot form', () => {
  const lot = { ...emptyLotDraft('12a'), title: 'Bracket clock', startingPrice: '200' }

  it('normalises the number and the amounts; empty optional fields are null', () => {
    expect(checkLot({ ...lot, estimateLow: '300', estimateHigh: '500.5' }, 'GBP', [])).toEqual({
      input: {
        number: '12A',
        title: 'Bracket clock',
        description: '',
        startingPrice: '200.00',
        reservePrice: null,
        estimateLow: '300.00',
        estimateHigh: '500.50',
        increment: null,
      },
    })
  })

  it('refuses a taken number, a reserve below the start, estimates the wrong way round', () => {
    const result = checkLot(
      { ...lot, reservePrice: '100', estimateLow: '500', estimateHigh: '300', increment: '0' },
      'USD',
      ['12A'],
    )
    expect('errors' in result && result.errors).toEqual({
      number: 'Lot 12A is already in this sale.',
      reservePrice: 'The reserve cannot be below the starting price.',
      estimateHigh: 'The high estimate cannot be below the low one.',
      increment: 'The increment must be above zero.',
    })
    const bad = checkLot({ ...lot, number: 'A12', startingPrice: '1.001' }, 'USD', [])
    expect('errors' in bad && Object.keys(bad.errors)).toEqual(['number', 'startingPrice'])
  })

  it('edits a lot from what it holds, and numbers the next lot after the highest', () => {
    const draft = lotToDraft(
      lotOf(3, 1, { estimateLow: 20000, estimateHigh: null, reservePrice: 25000 }),
    )
    expect(draft).toMatchObject({
      number: '3',
      estimateLow: '200.00',
      estimateHigh: '',
      startingPrice: '10.00',
      reservePrice: '250.00',
      increment: '1.00',
    })
    expect(nextLotNumber(['1', '12A', '7'])).toBe('13')
    expect(nextLotNumber([])).toBe('1')
  })
})

describe('catalogue preview', () => {
  const csv = [
    'lot,title,description,estimate_low,estimate_high,start_price,reserve,increment',
    '1,Carriage clock,,100,200,50,,',
    '2,Longcase clock,"Oak, 1790",800,1200,400,600,20',
    '3,Mantel clock,,,,12.345,,',
    '2,Repeat,,,,10,,',
  ].join('\n')

  it('lists what will be imported and every bad row by its line', () => {
    const preview = previewCatalogue(csv, 'USD', [])
    expect(preview.rows.map((row) => [row.line, row.input.number])).toEqual([
      [2, '1'],
      [3, '2'],
    ])
    expect(preview.errors.map((error) => [error.line, error.code])).toEqual([
      [4, 'INVALID_AMOUNT'],
      [5, 'LOT_NUMBER_TAKEN'],
    ])
  })

  it('reports numbers the sale already has', () => {
    const preview = previewCatalogue(csv.split('\n').slice(0, 3).join('\n'), 'USD', ['2'])
    expect(preview.rows.map((row) => row.input.number)).toEqual(['1'])
    expect(preview.errors).toEqual([
      { line: 3, code: 'LOT_NUMBER_TAKEN', message: 'lot: 2 is already in this sale' },
    ])
  })

  it('maps the main side row errors (by position sent) to file lines', () => {
    const { rows } = previewCatalogue(csv.split('\n').slice(0, 3).join('\n'), 'USD', [])
    const error = {
      code: 'INVALID_CATALOGUE' as const,
      message: 'bad rows',
      rows: [{ line: 2, code: 'LOT_NUMBER_TAKEN', message: 'lot: 2 is taken' }],
    }
    expect(rowErrorsAtLines(error, rows)).toEqual([
      { line: 3, code: 'LOT_NUMBER_TAKEN', message: 'lot: 2 is taken' },
    ])
  })
})

describe('display and retries', () => {
  it('shows the first close of a timed sale, else its start', () => {
    expect(saleWhen(saleAt(1, { firstCloseAt: 5 }))).toEqual({ label: 'First close', at: 5 })
    expect(saleWhen(saleAt(1, { firstCloseAt: null, durationMs: 5_400_000 }))).toEqual({
      label: 'First close',
      at: null,
      words: '1 h 30 min after the start',
    })
    expect(saleWhen(saleAt(1, { mode: 'live', startsAt: 9 }))).toEqual({ label: 'Opened', at: 9 })
    expect(formatEstimate(20000, 30000, 'USD')).toBe('$200.00–$300.00')
    expect(formatEstimate(null, null, 'USD')).toBe('—')
  })

  it('keeps a request id until the command is answered', () => {
    let n = 0
    const retry = createRetryId(() => `id-${++n}`)
    expect(retry.idFor('a')).toBe('id-1')
    retry.settle({ ok: false, error: { code: 'REDIS_UNAVAILABLE' } })
    expect(retry.idFor('a')).toBe('id-1')
    expect(retry.idFor('b')).toBe('id-2')
    retry.settle({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(retry.idFor('b')).toBe('id-3')
    retry.settle({ ok: true })
    expect(retry.idFor('b')).toBe('id-4')
  })
})
