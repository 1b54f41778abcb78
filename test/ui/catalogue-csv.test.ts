// The catalogue CSV reader: RFC 4180 records, then every row checked as the engine would.
import { describe, expect, it } from 'vitest'
import { parseCatalogue } from '../../src/shared/catalogue-csv'
import { parseCsv } from '../../src/shared/csv'

const lines = (...rows: string[]): string => rows.join('\n')

describe('CSV records', () => {
  it('reads quoted commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n1,,3'
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 4, fields: ['1', '', '3'] },
    ])
  })

  it('counts LF, CRLF and lone CR as one line each, and keeps a trailing empty field', () => {
    expect(parseCsv('a\rb\r\nc\nd,\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
      { line: 3, fields: ['c'] },
      { line: 4, fields: ['d', ''] },
    ])
  })

  it('flags what RFC 4180 does not allow, on the line the record starts', () => {
    const records = parseCsv('ok\nbad "quote"\n"closed"tail\n"never closed\nmore')
    expect(records.map((r) => [r.line, r.problem !== undefined])).toEqual([
      [1, false],
      [2, true],
      [3, true],
      [4, true],
    ])
  })
})

describe('catalogue', () => {
  it('reads a good file: columns in any order and case, optional ones empty', () => {
    const text = lines(
      'Title,LOT,start_price,Reserve,estimate_low,estimate_high,increment,description',
      'Teapot,12,100.00,250,200,300,5.00,Georgian silver',
      'Print,12a,50,,,,,',
      '',
      'Vase,007,10.5,,,,,"Blue, white"',
    )
    expect(parseCatalogue(text, 'GBP')).toEqual({
      errors: [],
      rows: [
        {
          line: 2,
          input: {
            number: '12',
            title: 'Teapot',
            description: 'Georgian silver',
            startingPrice: '100.00',
            reservePrice: '250',
            estimateLow: '200',
            estimateHigh: '300',
            increment: '5.00',
          },
        },
        { line: 3, input: { number: '12A', title: 'Print', description: '', startingPrice: '50' } },
        {
          line: 5,
          input: { number: '7', title: 'Vase', description: 'Blue, white', startingPrice: '10.5' },
        },
      ],
    })
  })

  it('keeps quoted fields whole and numbers rows by the line they start on', () => {
    const text = lines(
      'lot,title,start_price,description',
      '1,"Chair, oak",10,"Two lines:',
      'seat and back, ""as found"""',
      '2,Table,20,',
    )
    const { rows, errors } = parseCatalogue(text, 'USD')
    expect(errors).toEqual([])
    expect(rows.map((row) => [row.line, row.input.title, row.input.description])).toEqual([
      [2, 'Chair, oak', 'Two lines:\nseat and back, "as found"'],
      [4, 'Table', ''],
    ])
  })

  it('reports every bad row with its line and reason, and none of the good rows count', () => {
    const text = lines(
      'lot,title,start_price,reserve,estimate_low,estimate_high',
      '1,Good,10,,,',
      ',No number,10,,,',
      '2,,10,,,',
      '3,Bad price,ten,,,',
      '4,Estimates,10,,300,200',
      '5,Too many,10,,,,extra',
      'x1,Bad number,10,,,',
      '6,"unclosed,10,,,',
    )
    const { rows, errors } = parseCatalogue(text, 'USD')
    expect(rows.map((row) => row.line)).toEqual([2])
    expect(errors.map((error) => [error.line, error.code])).toEqual([
      [3, 'INVALID_INPUT'],
      [4, 'INVALID_INPUT'],
      [5, 'INVALID_AMOUNT'],
      [6, 'INVALID_INPUT'],
      [7, 'INVALID_INPUT'],
      [8, 'INVALID_INPUT'],
      [9, 'INVALID_INPUT'],
    ])
    expect(errors[0]?.message).toContain('lot')
    expect(errors[1]?.message).toContain('title')
    expect(errors[2]?.message).toContain('start_price')
    expect(errors[3]?.message).toContain('estimate_low')
    expect(errors[5]?.message).toContain('lot:')
    expect(errors[6]?.message).toContain('never closed')
  })

  it('answers LOT_NUMBER_TAKEN on each later row that repeats a number', () => {
    const text = lines(
      'lot,title,start_price',
      '12,First,10',
      '13,Other,10',
      '012,Same number written otherwise,10',
      '12,Again,bad',
      '13a,Suffix is another lot,10',
    )
    const { rows, errors } = parseCatalogue(text, 'USD')
    expect(rows.map((row) => row.input.number)).toEqual(['12', '13', '13A'])
    expect(errors).toEqual([
      { line: 4, code: 'LOT_NUMBER_TAKEN', message: 'lot: 12 is already on line 2' },
      // Its own bad price answers first; the number would still be taken once fixed.
      expect.objectContaining({ line: 5, code: 'INVALID_AMOUNT' }),
    ])
  })

  it('checks money strictly for the currency: JPY has no minor digits, GBP two', () => {
    const text = lines(
      'lot,title,start_price,reserve,increment',
      '1,A,500,,',
      '2,B,500.5,,',
      '3,C,10.99,,',
      '4,D,1e3,,',
      '5,E,-5,,',
      '6,F,100,,0',
      '7,G,"1,000",,',
    )
    const jpy = parseCatalogue(text, 'JPY')
    expect(jpy.rows.map((row) => row.line)).toEqual([2])
    expect(jpy.errors.map((error) => [error.line, error.code])).toEqual([
      [3, 'INVALID_AMOUNT'],
      [4, 'INVALID_AMOUNT'],
      [5, 'INVALID_AMOUNT'],
      [6, 'INVALID_AMOUNT'],
      [7, 'INVALID_AMOUNT'],
      [8, 'INVALID_AMOUNT'],
    ])
    expect(jpy.errors[0]?.message).toBe('start_price: "500.5" is not a valid JPY amount')

    const gbp = parseCatalogue(text.replace('10.99', '10.999'), 'GBP')
    expect(gbp.rows.map((row) => row.line)).toEqual([2, 3])
    expect(gbp.errors.map((error) => error.line)).toEqual([4, 5, 6, 7, 8])
  })

  it('refuses a header without a required column, or with an unknown one, as one error', () => {
    const missing = parseCatalogue(lines('lot,title,reserve', '1,A,10'), 'USD')
    expect(missing.rows).toEqual([])
    expect(missing.errors).toEqual([
      { line: 1, code: 'INVALID_INPUT', message: expect.stringContaining('start_price') },
    ])
    const unknown = parseCatalogue(lines('lot,title,start_price,reserve_price', '1,A,10,5'), 'USD')
    expect(unknown.errors).toEqual([
      { line: 1, code: 'INVALID_INPUT', message: expect.stringContaining('reserve_price') },
    ])
  })

  it('needs a header and at least one lot', () => {
    expect(parseCatalogue('\uFEFF\n\n', 'USD').errors).toEqual([
      { line: 1, code: 'INVALID_INPUT', message: expect.stringContaining('header') },
    ])
    expect(parseCatalogue('lot,title,start_price\n,,\n', 'USD').errors).toEqual([
      { line: 1, code: 'INVALID_INPUT', message: 'no lots below the header' },
    ])
  })
})
