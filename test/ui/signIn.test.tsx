// @vitest-environment jsdom
// Who operates the console is the main side's: the console asks auth:status on start and
// goes straight in when the tab is signed in; otherwise it shows the sign-in form (or, on a
// first launch, the form for the first staff account). A failed sign-in says one thing,
// whatever was wrong, and how long to wait while slowed down. A session ended anywhere
// (disabled, signed out elsewhere) brings the sign-in screen back with the reason, and
// nothing of what that operator saw stays in the store.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionStatus, OperatorProfile } from '../../src/shared/contract'
import { fail } from '../../src/shared/errors'
import { App } from '../../src/renderer/src/App'
import { loadPersisted, persist } from '../../src/renderer/src/live/persist'
import { createConsoleStore } from '../../src/renderer/src/store'
import { auctionAt, settle } from './support/fakeApi'
import { CLERK, OWNER, stopConsoles, testConsole, type TestConsole } from './support/console'

afterEach(stopConsoles)

/** The console's home screens read these once signed in. */
function homeReads(console: TestConsole): void {
  console.api.handle('sales:list', () => ({ ok: true, sales: [] }))
  console.api.handle('auctions:list', () => ({ ok: true, auctions: [] }))
}

/** A fresh page: nobody signed in (auth:status says so), the App rendered. */
async function signedOutApp(options: { setupNeeded?: boolean; state?: ConnectionStatus } = {}) {
  const console = testConsole({
    profile: null,
    authStatus: { ok: true, profile: null, setupNeeded: options.setupNeeded ?? false },
  })
  homeReads(console)
  console.show(<App />)
  await act(async () => settle())
  const connection = options.state
  if (connection) act(() => console.store.getState().setConnection(connection))
  return console
}

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })

async function submit(testId: string): Promise<void> {
  await act(async () => {
    fireEvent.submit(screen.getByTestId(testId))
    await settle()
  })
}

describe('sign-in', () => {
  it('says the one failure, clears the password and counts down while slowed down', async () => {
    const console = await signedOutApp()
    console.api.handle('auth:signIn', () =>
      fail('SIGN_IN_FAILED', 'The operator id or the password is not right', {
        retryAfterMs: 1500,
      }),
    )
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy()
    const password = screen.getByLabelText('Password') as HTMLInputElement
    expect(password.type).toBe('password')
    expect(password.autocomplete).toBe('current-password')
    expect((screen.getByLabelText('Operator id') as HTMLInputElement).autocomplete).toBe('username')

    type('Operator id', ' clerk-1 ')
    type('Password', 'wrong password here')
    await submit('sign-in-form')

    expect(console.api.callsOf('auth:signIn')).toEqual([
      { operatorId: 'clerk-1', password: 'wrong password here' },
    ])
    const error = screen.getByTestId('sign-in-error')
    expect(error.querySelector('p')?.textContent).toBe('The operator id or password is not right.')
    expect(screen.getByTestId('sign-in-retry').textContent).toBe(
      'Too many tries: try again in 2 s.',
    )
    expect(password.value).toBe('')
    expect(console.store.getState().profile).toBeNull()
    const button = screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    // Nothing is sent while slowed down, and the button comes back when the wait is over.
    type('Password', 'another try')
    await submit('sign-in-form')
    expect(console.api.callsOf('auth:signIn')).toHaveLength(1)
    await waitFor(() => expect(button.disabled).toBe(false), { timeout: 3000 })
    expect(screen.queryByTestId('sign-in-retry')).toBeNull()
    expect(screen.getByTestId('sign-in-error').textContent).toBe(
      'The operator id or password is not right.',
    )
  })

  it('signs in as the profile the main side answers, and its role picks the screen', async () => {
    const console = await signedOutApp()
    console.api.handle('auth:signIn', () => ({ ok: true, profile: OWNER, resume: 'r'.repeat(32) }))
    type('Operator id', 'seller-1')
    type('Password', 'correct horse battery')
    await submit('sign-in-form')
    expect(console.store.getState().profile).toEqual(OWNER)
    expect(console.store.getState().route).toEqual({ screen: 'seller' })
    expect(screen.queryByTestId('sign-in-form')).toBeNull()
    expect(screen.getByTestId('operator').textContent).toContain('Owner')
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy()
  })

  it('goes straight in when the tab is signed in already', async () => {
    const console = testConsole({
      profile: null,
      authStatus: { ok: true, profile: CLERK, setupNeeded: false },
    })
    homeReads(console)
    console.show(<App />)
    await act(async () => settle())
    expect(console.store.getState().profile).toEqual(CLERK)
    expect(screen.queryByTestId('sign-in-form')).toBeNull()
    expect(screen.getByTestId('operator').textContent).toContain('clerk-1')
  })

  it('asks again when the connection comes back, and says why signing in is not possible', async () => {
    const offline: ConnectionStatus = {
      state: 'offline',
      endpoint: 'redis://127.0.0.1:6391',
      embedded: false,
      problem: { code: 'CONNECTION_FAILED', message: 'connect ECONNREFUSED 127.0.0.1:6391' },
    }
    const console = await signedOutApp({ state: offline })
    let signedIn = false
    console.api.handle('auth:status', () =>
      signedIn
        ? { ok: true, profile: CLERK, setupNeeded: false }
        : fail('REDIS_UNAVAILABLE', 'Redis is not reachable'),
    )
    console.api.handle('settings:get', () =>
      fail('REDIS_UNAVAILABLE', 'not now (the form stays empty)'),
    )
    const note = screen.getByTestId('auth-connection')
    expect(note.textContent).toContain('No connection to the auction server')
    expect(note.textContent).toContain('connect ECONNREFUSED 127.0.0.1:6391')
    // The connection settings are open before anyone signs in.
    fireEvent.click(within(note).getByRole('button', { name: 'Connection settings' }))
    expect(screen.getByRole('heading', { name: 'Connection settings' })).toBeTruthy()
    expect(screen.getByTestId('settings-form')).toBeTruthy()
    await act(async () => settle())
    expect(console.api.callsOf('settings:get')).toHaveLength(1)
    fireEvent.click(screen.getByRole('button', { name: 'Back to sign-in' }))

    signedIn = true // a tab whose sign-in the server resumed once it could
    const asked = console.api.callsOf('auth:status').length
    await act(async () => {
      console.api.push('connection:state', { ...offline, state: 'live', problem: undefined })
      await settle()
    })
    expect(console.api.callsOf('auth:status').length).toBe(asked + 1)
    expect(console.store.getState().profile).toEqual(CLERK)
  })
})

describe('first launch', () => {
  it('asks for the first staff account and signs in as it', async () => {
    const console = await signedOutApp({ setupNeeded: true })
    const staff: OperatorProfile = { displayName: 'Ann Head', operatorId: 'ann', role: 'staff' }
    console.api.handle('auth:setup', (input) =>
      input.password.length < 10
        ? fail('INVALID_INPUT', 'password: from 10 to 200 characters', { field: 'password' })
        : { ok: true, profile: staff, resume: 'r'.repeat(32) },
    )
    expect(screen.getByRole('heading', { name: 'Create the first staff account' })).toBeTruthy()
    expect(screen.queryByTestId('sign-in-form')).toBeNull()

    type('Display name', 'Ann Head')
    type('Operator id', 'ann')
    type('Password', 'short')
    type('Confirm password', 'shirt')
    await submit('setup-form')
    expect(screen.getByText('The two passwords are not the same.')).toBeTruthy()
    expect(console.api.callsOf('auth:setup')).toHaveLength(0)

    type('Confirm password', 'short')
    await submit('setup-form')
    // The main side's password rule, under the password field.
    expect(screen.getByText('From 10 to 200 characters.')).toBeTruthy()
    expect(console.store.getState().profile).toBeNull()

    type('Password', 'correct horse battery')
    type('Confirm password', 'correct horse battery')
    await submit('setup-form')
    expect(console.api.callsOf('auth:setup').at(-1)).toEqual({
      displayName: 'Ann Head',
      operatorId: 'ann',
      password: 'correct horse battery',
    })
    expect(console.store.getState().profile).toEqual(staff)
    expect(screen.queryByTestId('setup-form')).toBeNull()
  })

  it('turns to sign-in when another console made the first account meanwhile', async () => {
    const console = await signedOutApp({ setupNeeded: true })
    console.api.handle('auth:setup', () => fail('OPERATOR_EXISTS', 'an operator exists'))
    type('Display name', 'Ann')
    type('Operator id', 'ann')
    type('Password', 'correct horse battery')
    type('Confirm password', 'correct horse battery')
    await submit('setup-form')
    expect(screen.getByTestId('sign-in-form')).toBeTruthy()
    expect(screen.getByTestId('session-notice').textContent).toBe(
      'An operator account exists already: sign in with it.',
    )
  })
})

describe('a session that ends', () => {
  it('returns to the sign-in screen with the reason, whatever screen was open', async () => {
    const console = testConsole({ profile: CLERK })
    homeReads(console)
    console.store.getState().upsertAuctions([auctionAt(3, { reservePrice: 5000 })])
    console.store.getState().go({ screen: 'settings' })
    console.show(<App />)
    await act(async () => settle())
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy()

    await act(async () => {
      console.api.push('session:ended', {
        reason: 'disabled',
        message: 'This account was disabled by a staff operator.',
      })
      await settle()
    })
    expect(screen.getByTestId('sign-in-form')).toBeTruthy()
    expect(screen.getByTestId('session-notice').textContent).toBe(
      'This account was disabled by a staff operator.',
    )
    expect(screen.queryByTestId('operator')).toBeNull()
    const state = console.store.getState()
    expect(state.profile).toBeNull()
    // What the staff operator saw (a reserve) is not kept for whoever signs in next.
    expect(state.auctions).toEqual({})
  })

  it('returns to sign-in when, back online, the main side no longer knows the sign-in', async () => {
    const console = testConsole({ profile: CLERK })
    homeReads(console)
    console.show(<App />)
    await act(async () => settle())
    expect(screen.getByTestId('operator')).toBeTruthy()
    // The console server restarted meanwhile: the tab's sign-in could not be resumed.
    console.api.handle('auth:status', () => ({ ok: true, profile: null, setupNeeded: false }))
    const live = { state: 'live' as const, endpoint: 'redis://127.0.0.1:6390', embedded: false }
    await act(async () => {
      console.api.push('connection:state', { ...live, state: 'reconnecting' })
      console.api.push('connection:state', live)
      await settle()
    })
    expect(console.store.getState().profile).toBeNull()
    expect(screen.getByTestId('sign-in-form')).toBeTruthy()
    expect(screen.getByTestId('session-notice').textContent).toBe(
      'Your sign-in has ended. Sign in again.',
    )
  })

  it('Sign out ends the sign-in and shows the sign-in screen', async () => {
    const console = testConsole({ profile: CLERK })
    homeReads(console)
    console.api.handle('auth:signOut', () => ({ ok: true }))
    console.show(<App />)
    await act(async () => settle())
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
      await settle()
    })
    expect(console.api.callsOf('auth:signOut')).toEqual([{}])
    expect(screen.getByTestId('sign-in-form')).toBeTruthy()
    expect(screen.getByTestId('session-notice').textContent).toBe('You have signed out.')
    // The push that follows for this same sign-out changes nothing.
    await act(async () => {
      console.api.push('session:ended', { reason: 'signed-out', message: 'Signed out.' })
      await settle()
    })
    expect(screen.getByTestId('session-notice').textContent).toBe('You have signed out.')
  })

  it('stays signed in, and says so, when the sign-out cannot be sent', async () => {
    const console = testConsole({ profile: CLERK })
    homeReads(console)
    console.api.handle('auth:signOut', () => fail('REDIS_UNAVAILABLE', 'no connection'))
    console.show(<App />)
    await act(async () => settle())
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
      await settle()
    })
    expect(console.store.getState().profile).toEqual(CLERK)
    expect(screen.getByText('Not signed out: no connection')).toBeTruthy()
  })
})

describe('this machine', () => {
  it('never keeps who was signed in, and ignores a profile an older version saved', () => {
    localStorage.setItem(
      'auction-console:v1',
      JSON.stringify({ profile: CLERK, starred: ['lot-1'], theme: 'dark', sound: false }),
    )
    const loaded = loadPersisted()
    expect(loaded).toEqual({ starred: ['lot-1'], theme: 'dark', sound: false })
    const store = createConsoleStore(loaded)
    const stop = persist(store)
    store.getState().signedIn(CLERK)
    store.getState().toggleStar('lot-2')
    stop()
    expect(JSON.parse(localStorage.getItem('auction-console:v1') ?? '{}')).toEqual({
      starred: ['lot-1', 'lot-2'],
      theme: 'dark',
      sound: false,
    })
    localStorage.clear()
  })
})
