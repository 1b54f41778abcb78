// The register's CSV, both ways (pure, no Redis): headings as spreadsheets write them, every
// bad row by its line, and an export that reads back as the same entries.
import { describe, expect, it } from 'vitest'
import type { RegisterEntry } from '../../src/shared/register'
import { parseRegisterCsv, registerToCsv } from '../../src/shared/register-csv'

const entry = (over: Partial<RegisterEntry>): RegisterEntry => ({
  paddle: '1',
  name: 'One',
  email: null,
  phone: null,
  kind: 'floor',
  approved: false,
  limit: null,
  notes: '',
  createdAt: 1,
  updatedAt: 1,
  ...over,
})

describe('register CSV', () => {
  it('reads headings in any order and case, yes/no words, quoted cells, and skips blank lines', () => {
    const text = [
      'Name,Paddle Number,E-mail,APPROVED,Limit,Kind',
      '"King, Ada",142,ada@example.com,Yes,5000.00,Phone',
      '',
      'Bob,7,,0,,',
      ',,,,,',
      'Cy,8,,true,12,',
    ].join('\n')
    const { rows, errors } = parseRegisterCsv(text)
    expect(errors).toEqual([])
    expect(rows).toEqual([
      {
        line: 2,
        input: {
          paddle: '142',
          name: 'King, Ada',
          email: 'ada@example.com',
          kind: 'phone',
          approved: true,
          limit: '5000.00',
        },
      },
      { line: 4, input: { paddle: '7', name: 'Bob', kind: 'floor', approved: false } },
      { line: 6, input: { paddle: '8', name: 'Cy', kind: 'floor', approved: true, limit: '12' } },
    ])
  })

  it('names every bad row by its line, and a bad header in one line', () => {
    const { rows, errors } = parseRegisterCsv(
      [
        'paddle,name,approved,limit,kind,email',
        '1,One,maybe,,,',
        '2,,no,,,',
        '3,Three,no,-5,,',
        '4,Four,no,,auctioneer,',
        '5,Five,no,,,a@b',
        '6,Six,no,,,',
        '6,Again,no,,,',
        'bad id!,X,no,,,',
        '7,Seven',
      ].join('\n'),
    )
    expect(rows.map((row) => row.line)).toEqual([7])
    expect(errors.map((error) => [error.line, error.code])).toEqual([
      [2, 'INVALID_INPUT'],
      [3, 'INVALID_INPUT'],
      [4, 'INVALID_AMOUNT'],
      [5, 'INVALID_INPUT'],
      [6, 'INVALID_INPUT'],
      [8, 'PADDLE_TAKEN'],
      [9, 'INVALID_INPUT'],
      [10, 'INVALID_INPUT'],
    ])
    expect(errors[0]?.message).toContain('approved')
    expect(errors[4]?.message).toContain('email')

    const header = parseRegisterCsv('paddle,credit,paddle\n1,2,3\n').errors
    expect(header).toHaveLength(1)
    expect(header[0]?.message).toMatch(
      /unknown column\(s\): credit.*repeated column\(s\): paddle.*missing column\(s\): name/,
    )
    expect(parseRegisterCsv('').errors[0]?.message).toContain('empty')
    expect(parseRegisterCsv('paddle,name\n').errors[0]?.message).toContain('no paddles')
  })

  it('writes what it reads back: decimal limits, yes/no, formulas neutralised', () => {
    const entries = [
      entry({
        paddle: '12',
        name: '=HYPERLINK("x")',
        phone: '+44 1',
        approved: true,
        limit: 250050,
      }),
      entry({ paddle: '9', name: 'Nine', notes: 'line one\nline two', kind: 'absentee' }),
    ]
    const text = registerToCsv(entries, 'GBP')
    expect(text.split('\r\n')[0]).toBe('paddle,name,email,phone,kind,approved,limit,notes')
    expect(text).toContain(`'=HYPERLINK`)
    expect(text).toContain(',yes,2500.50,')
    const back = parseRegisterCsv(text)
    expect(back.errors).toEqual([])
    expect(back.rows.map((row) => row.input)).toEqual([
      {
        paddle: '12',
        name: '=HYPERLINK("x")',
        phone: '+44 1',
        kind: 'floor',
        approved: true,
        limit: '2500.50',
      },
      { paddle: '9', name: 'Nine', kind: 'absentee', approved: false, notes: 'line one\nline two' },
    ])
    expect(registerToCsv([entry({ limit: 5000 })], 'JPY')).toContain(',no,5000,')
  })
})
