// @vitest-environment jsdom
// Settings → Operators (staff): the accounts with role and state, a new account, Disable
// (confirmed first) and Enable, Reset password in a prompt that types hidden. The main
// side's refusals show where they happened, in its words. Not staff: no Operators tab.
import { act, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { OperatorAccount } from '../../src/shared/contract'
import { fail } from '../../src/shared/errors'
import { SettingsScreen } from '../../src/renderer/src/screens/SettingsScreen'
import { settle } from './support/fakeApi'
import { CLERK, OWNER, stopConsoles, testConsole } from './support/console'

afterEach(stopConsoles)

const account = (id: string, overrides: Partial<OperatorAccount> = {}): OperatorAccount => ({
  id,
  displayName: `Name of ${id}`,
  role: 'seller',
  disabled: false,
  createdAt: Date.UTC(2026, 11, 1, 9, 0),
  createdBy: 'clerk-1',
  lastSignInAt: null,
  changedAt: null,
  changedBy: null,
  ...overrides,
})

async function operatorsScreen() {
  const console = testConsole({ profile: CLERK })
  const accounts = new Map<string, OperatorAccount>([
    ['clerk-1', account('clerk-1', { role: 'staff', lastSignInAt: Date.UTC(2026, 11, 5) })],
    ['seller-9', account('seller-9')],
  ])
  console.api.handle('settings:get', () => fail('INTERNAL', 'not in this test'))
  console.api.handle('operators:list', () => ({ ok: true, operators: [...accounts.values()] }))
  console.api.handle('operators:add', (input) => {
    if (accounts.has(input.operatorId)) return fail('OPERATOR_EXISTS', 'exists')
    if (input.password.length < 10)
      return fail('INVALID_INPUT', 'password: from 10 to 200 characters', { field: 'password' })
    const added = account(input.operatorId, { displayName: input.displayName, role: input.role })
    accounts.set(added.id, added)
    return { ok: true, operator: added }
  })
  const change = (id: string, disabled: boolean) => {
    const found = accounts.get(id)
    if (!found) return fail('OPERATOR_NOT_FOUND', `no operator ${id}`)
    const changed = { ...found, disabled }
    accounts.set(id, changed)
    return { ok: true as const, operator: changed }
  }
  console.api.handle('operators:disable', ({ operatorId }) => change(operatorId, true))
  console.api.handle('operators:enable', ({ operatorId }) => change(operatorId, false))
  console.api.handle('operators:passwd', ({ operatorId, password }) =>
    password.length < 10
      ? fail('INVALID_INPUT', 'password: from 10 to 200 characters', { field: 'password' })
      : change(operatorId, accounts.get(operatorId)?.disabled ?? false),
  )
  console.store.getState().go({ screen: 'settings', section: 'operators' })
  console.show(<SettingsScreen section="operators" />)
  await act(async () => settle())
  return console
}

const row = (id: string) => screen.getByTestId(`operator-${id}`)
const cells = (id: string) => [...row(id).querySelectorAll('td')].map((td) => td.textContent)

async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element)
    await settle()
  })
}

describe('Settings → Operators', () => {
  it('lists the accounts with role, state, creation and last sign-in', async () => {
    await operatorsScreen()
    const table = screen.getByTestId('operators-table')
    expect(
      [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim()).slice(0, 6),
    ).toEqual(['Operator id', 'Name', 'Role', 'Status', 'Created', 'Last sign-in'])
    expect(cells('seller-9').slice(0, 4)).toEqual([
      'seller-9',
      'Name of seller-9',
      'seller',
      'Active',
    ])
    expect(cells('seller-9')[5]).toBe('Never')
    expect(cells('clerk-1')[0]).toBe('clerk-1 (you)')
    expect(cells('clerk-1')[5]).not.toBe('Never')
    // One's own account is not disabled from here (the last staff could lock everyone out).
    expect(within(row('clerk-1')).queryByRole('button', { name: 'Disable' })).toBeNull()
  })

  it('adds an operator with operators:add, the password rule shown under its field', async () => {
    const console = await operatorsScreen()
    const form = screen.getByTestId('add-operator-form')
    const type = (label: string, value: string) =>
      fireEvent.change(within(form).getByLabelText(label), { target: { value } })
    type('Operator id', 'bidder-4')
    type('Display name', 'Dee Bidder')
    fireEvent.click(within(form).getByRole('radio', { name: /^Bidder/ }))
    type('Password', 'short')
    await act(async () => {
      fireEvent.submit(form)
      await settle()
    })
    expect(within(form).getByText('From 10 to 200 characters.')).toBeTruthy()
    expect(screen.queryByTestId('operator-bidder-4')).toBeNull()

    type('Password', 'correct horse battery')
    await act(async () => {
      fireEvent.submit(form)
      await settle()
    })
    expect(console.api.callsOf('operators:add').at(-1)).toEqual({
      operatorId: 'bidder-4',
      displayName: 'Dee Bidder',
      role: 'bidder',
      password: 'correct horse battery',
    })
    expect(cells('bidder-4').slice(0, 4)).toEqual(['bidder-4', 'Dee Bidder', 'bidder', 'Active'])
    expect(screen.getByTestId('add-operator-note').textContent).toBe('Added bidder-4 (bidder).')
    expect((within(form).getByLabelText('Operator id') as HTMLInputElement).value).toBe('')

    // The same id again: the main side refuses, the form says so at the id.
    type('Operator id', 'bidder-4')
    type('Display name', 'Again')
    type('Password', 'correct horse battery')
    await act(async () => {
      fireEvent.submit(form)
      await settle()
    })
    expect(within(form).getByText('An account with this id exists already.')).toBeTruthy()
  })

  it('disables after a confirmation and enables again, each with its own command', async () => {
    const console = await operatorsScreen()
    await click(within(row('seller-9')).getByRole('button', { name: 'Disable' }))
    const confirm = screen.getByTestId('confirm')
    expect(confirm.textContent).toContain('their sign-in ends at once on every console')
    expect(console.api.callsOf('operators:disable')).toHaveLength(0)
    await click(within(confirm).getByRole('button', { name: 'Disable' }))
    expect(console.api.callsOf('operators:disable')).toEqual([{ operatorId: 'seller-9' }])
    expect(within(row('seller-9')).getByTestId('operator-status').textContent).toBe('Disabled')
    expect(screen.queryByTestId('confirm')).toBeNull()

    await click(within(row('seller-9')).getByRole('button', { name: 'Enable' }))
    expect(console.api.callsOf('operators:enable')).toEqual([{ operatorId: 'seller-9' }])
    expect(within(row('seller-9')).getByTestId('operator-status').textContent).toBe('Active')
  })

  it('shows a refused change inline with the main side’s message', async () => {
    const console = await operatorsScreen()
    console.api.handle('operators:disable', () =>
      fail('UNAUTHORIZED', 'Only staff may manage operator accounts'),
    )
    await click(within(row('seller-9')).getByRole('button', { name: 'Disable' }))
    await click(within(screen.getByTestId('confirm')).getByRole('button', { name: 'Disable' }))
    expect(screen.getByTestId('operators-error').textContent).toBe(
      'Could not disable seller-9: Only staff may manage operator accounts',
    )
    expect(within(row('seller-9')).getByTestId('operator-status').textContent).toBe('Active')
  })

  it('resets a password in a hidden prompt with operators:passwd', async () => {
    const console = await operatorsScreen()
    await click(within(row('seller-9')).getByRole('button', { name: 'Reset password' }))
    const prompt = screen.getByTestId('password-prompt')
    const input = within(prompt).getByLabelText('New password') as HTMLInputElement
    expect(input.type).toBe('password')
    fireEvent.change(input, { target: { value: 'short' } })
    await act(async () => {
      fireEvent.submit(prompt.querySelector('form') as HTMLFormElement)
      await settle()
    })
    expect(within(prompt).getByRole('alert').textContent).toBe('From 10 to 200 characters.')
    fireEvent.change(input, { target: { value: ' new secret words ' } })
    await act(async () => {
      fireEvent.submit(prompt.querySelector('form') as HTMLFormElement)
      await settle()
    })
    // Typed exactly: a password is never trimmed.
    expect(console.api.callsOf('operators:passwd').at(-1)).toEqual({
      operatorId: 'seller-9',
      password: ' new secret words ',
    })
    expect(screen.queryByTestId('password-prompt')).toBeNull()
    expect(screen.getByTestId('operators-done').textContent).toContain(
      'seller-9 has a new password',
    )
  })

  it('is not offered to a seller', async () => {
    const console = testConsole({ profile: OWNER })
    console.show(<SettingsScreen section="operators" />)
    await act(async () => settle())
    expect(screen.queryByRole('tab', { name: 'Operators' })).toBeNull()
    expect(screen.queryByTestId('operators-table')).toBeNull()
    expect(console.api.callsOf('operators:list')).toHaveLength(0)
    // Live: the connection is staff's to change.
    expect(screen.getByTestId('settings-staff-only')).toBeTruthy()
  })
})
