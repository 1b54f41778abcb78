// The seller's create form is checked in full before anything is sent.
import { describe, expect, it } from 'vitest'
import { checkCreate, emptyDraft, type CreateDraft } from '../../src/renderer/src/lib/createForm'

const NOW = new Date('2030-01-01T10:00').getTime()
const draft = (overrides: Partial<CreateDraft>): CreateDraft => ({
  ...emptyDraft(),
  title: 'Oak desk',
  startingPrice: '100',
  increment: '5',
  ...overrides,
})

describe('create form', () => {
  it('builds the request with amounts normalised to the currency', () => {
    const result = checkCreate(draft({ reservePrice: '250.5', softCloseSeconds: '60' }), NOW)
    expect(result).toEqual({
      request: {
        title: 'Oak desk',
        description: '',
        currency: 'USD',
        startingPrice: '100.00',
        reservePrice: '250.50',
        increment: '5.00',
        durationMs: 3_600_000,
        softCloseSeconds: 60,
        start: true,
      },
    })
  })

  it('names every problem at once, per field', () => {
    const result = checkCreate(
      draft({
        title: ' ',
        startingPrice: '10.999',
        reservePrice: 'abc',
        increment: '0',
        durationMinutes: '0',
        softCloseSeconds: '-1',
      }),
      NOW,
    )
    expect('errors' in result && Object.keys(result.errors).sort()).toEqual(
      [
        'durationMinutes',
        'increment',
        'reservePrice',
        'softCloseSeconds',
        'startingPrice',
        'title',
      ].sort(),
    )
  })

  it('knows a currency without minor units', () => {
    const result = checkCreate(draft({ currency: 'JPY', startingPrice: '100.5' }), NOW)
    expect('errors' in result && result.errors.startingPrice).toMatch(/whole JPY only/)
  })

  it('checks an increment table: starts at 0, rises, increments above zero', () => {
    const bad = checkCreate(
      draft({
        incrementMode: 'table',
        bands: [
          { from: '0', increment: '1' },
          { from: '0', increment: '0' },
        ],
      }),
      NOW,
    )
    expect('errors' in bad && bad.errors).toMatchObject({
      'bands.1.from': 'Each band starts above the one before.',
      'bands.1.increment': 'The increment must be above zero.',
    })
    const good = checkCreate(
      draft({
        incrementMode: 'table',
        bands: [
          { from: '0', increment: '1' },
          { from: '100', increment: '10' },
        ],
      }),
      NOW,
    )
    expect('request' in good && good.request.incrementTable).toEqual([
      { from: '0.00', increment: '1.00' },
      { from: '100.00', increment: '10.00' },
    ])
  })

  it('wants a start in the future and an end after the start', () => {
    const result = checkCreate(
      draft({
        startMode: 'at',
        startsAt: '2029-12-31T10:00',
        endMode: 'at',
        endsAt: '2029-12-31T09:00',
      }),
      NOW,
    )
    expect('errors' in result && result.errors).toMatchObject({
      startsAt: 'The start must be in the future.',
      endsAt: 'The end must be in the future.',
    })
    const scheduled = checkCreate(
      draft({
        startMode: 'at',
        startsAt: '2030-01-02T10:00',
        endMode: 'at',
        endsAt: '2030-01-02T12:00',
      }),
      NOW,
    )
    expect('request' in scheduled && scheduled.request).toMatchObject({
      start: false,
      startsAt: new Date('2030-01-02T10:00').getTime(),
      endsAt: new Date('2030-01-02T12:00').getTime(),
    })
  })
})
