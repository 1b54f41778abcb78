// @vitest-environment jsdom
// The screen lives in the URL (a hash, so it works under app:// and the web mode alike):
// list tab, sale and lot. Reload opens the same screen, Back and Forward move between
// screens inside the console, and Back never leaves it. The web mode's token is gone from
// the address bar after the first load, whatever the route. A seller lands on their panel.
import { act, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { takeToken } from '../../src/renderer/src/api/token'
import { parsePath, pathOf } from '../../src/renderer/src/lib/routes'
import { startUrlSync } from '../../src/renderer/src/live/urlSync'
import { SalesList } from '../../src/renderer/src/screens/SalesList'
import { createConsoleStore, type ConsoleStore, type View } from '../../src/renderer/src/store'
import { settle } from './support/fakeApi'
import { CLERK, OWNER, stopConsoles, testConsole } from './support/console'

const stops: (() => void)[] = []
afterEach(() => {
  stopConsoles()
  for (const stop of stops.splice(0)) stop()
})

/** A fresh page load at `url`: a new tab's history entry, no state of ours. */
function load(url: string, store: ConsoleStore = createConsoleStore({ profile: CLERK })) {
  window.history.replaceState(null, '', url)
  stops.push(startUrlSync(store))
  return store
}

const popped = (move: () => void) =>
  new Promise<void>((resolve) => {
    window.addEventListener('popstate', () => resolve(), { once: true })
    move()
  })

describe('paths', () => {
  const views: [View, string][] = [
    [{ route: { screen: 'list' }, saleTab: 'past' }, '/sales/past'],
    [{ route: { screen: 'auctions' }, listTab: 'upcoming' }, '/auctions/upcoming'],
    [{ route: { screen: 'sale', saleId: 'S 1' } }, '/sale/S%201'],
    [{ route: { screen: 'room', auctionId: 'S1.2' } }, '/lot/S1.2'],
    [{ route: { screen: 'room', auctionId: 'A1' } }, '/auction/A1'],
    [{ route: { screen: 'seller' }, sellerTab: 'auctions' }, '/seller/auctions'],
    [{ route: { screen: 'settings' } }, '/settings'],
    [{ route: { screen: 'settings', section: 'operators' } }, '/settings/operators'],
  ]
  it.each(views)('%j ⇄ %s', (view, path) => {
    const state = { listTab: 'live', saleTab: 'live', sellerTab: 'sales', ...view } as const
    expect(pathOf(state)).toBe(path)
    expect(parsePath(path)).toEqual(view)
  })

  it('answers null for what it does not know (the console goes home)', () => {
    for (const path of [
      '',
      '/',
      '/nope',
      '/sales/soon',
      '/sale/',
      '/lot/a/b',
      '/sale/%E0%A4%A',
      '/profile', // the self-declared profile is gone: signing in is not a screen
      '/settings/nope',
    ])
      expect(parsePath(path)).toBeNull()
  })
})

describe('history', () => {
  it('Back and Forward move between list tab, sale and lot, and reload keeps the screen', async () => {
    const store = load('/')
    expect(window.location.hash).toBe('#/sales/live')
    act(() => store.getState().setSaleTab('past'))
    expect(window.location.hash).toBe('#/sales/past')
    act(() => store.getState().go({ screen: 'sale', saleId: 'S1' }))
    expect(window.location.hash).toBe('#/sale/S1')
    act(() => store.getState().go({ screen: 'room', auctionId: 'S1.2' }))
    expect(window.location.hash).toBe('#/lot/S1.2')

    await popped(() => window.history.back())
    expect(store.getState().route).toEqual({ screen: 'sale', saleId: 'S1' })
    await popped(() => window.history.back())
    expect(store.getState().route).toEqual({ screen: 'list' })
    expect(store.getState().saleTab).toBe('past')
    await popped(() => window.history.forward())
    await popped(() => window.history.forward())
    expect(store.getState().route).toEqual({ screen: 'room', auctionId: 'S1.2' })

    // A reload: a new console on the same entry opens the same screen, adding no entry.
    const length = window.history.length
    stops.splice(0).forEach((stop) => stop())
    const reloaded = createConsoleStore({ profile: CLERK })
    stops.push(startUrlSync(reloaded))
    expect(reloaded.getState().route).toEqual({ screen: 'room', auctionId: 'S1.2' })
    expect(window.history.length).toBe(length)
  })

  it('Back on the first screen stays in the console', async () => {
    const store = load('/#/sale/S9')
    expect(store.getState().route).toEqual({ screen: 'sale', saleId: 'S9' })
    await popped(() => window.history.back())
    expect(store.getState().route).toEqual({ screen: 'list' }) // the base entry: home
    expect(window.location.hash).toBe('#/sales/live')
    // The base stepped in again: one more Back still lands in the console.
    expect((window.history.state as { console: number }).console).toBe(1)
    await popped(() => window.history.back())
    expect(window.location.pathname).toBe('/')
    expect(store.getState().route).toEqual({ screen: 'list' })
  })

  it('takes the web token out of the address bar and keeps the route', () => {
    window.history.replaceState(null, '', '/?token=s3cret#/lot/S1.2')
    expect(takeToken()).toBe('s3cret')
    const store = createConsoleStore({ profile: CLERK })
    stops.push(startUrlSync(store))
    expect(window.location.href).not.toContain('s3cret')
    expect(window.location.search).toBe('')
    expect(store.getState().route).toEqual({ screen: 'room', auctionId: 'S1.2' })
    expect(sessionStorage.getItem('auction-console:token')).toBe('s3cret')
  })
})

describe('where the console opens', () => {
  it('a seller lands on their own panel, staff on the sales', () => {
    expect(load('/', createConsoleStore({ profile: OWNER })).getState().route).toEqual({
      screen: 'seller',
    })
    expect(load('/', createConsoleStore({ profile: CLERK })).getState().route).toEqual({
      screen: 'list',
    })
    // Signed in after the page loaded: a seller goes to their panel; a reload keeps its page.
    const store = load('/', createConsoleStore())
    act(() => store.getState().signedIn(OWNER))
    expect(store.getState().route).toEqual({ screen: 'seller' })
    expect(window.location.hash).toBe('#/seller/sales')
    const reloaded = load('/#/sale/S1', createConsoleStore())
    act(() => reloaded.getState().signedIn(OWNER, true))
    expect(reloaded.getState().route).toEqual({ screen: 'sale', saleId: 'S1' })
  })
})

describe('a search typed earlier', () => {
  it('is named when it empties the list, with a way to clear it', async () => {
    const console = testConsole({ initial: { saleSearch: 'vase' } })
    console.api.handle('sales:list', () => ({ ok: true, sales: [] }))
    console.show(<SalesList />)
    await act(async () => settle())
    expect(screen.getByTestId('search-empty').textContent).toBe(
      'No live sales match “vase”. Clear the search',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }))
    expect(console.store.getState().saleSearch).toBe('')
    expect(screen.getByText('No live sales.')).toBeTruthy()
  })
})
