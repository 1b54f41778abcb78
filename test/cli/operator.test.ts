// `operator add|list|disable|enable|passwd` as a user runs them: the password only on stdin, never
// echoed back, JSON on stdout, exit codes 0 / 2.
import { describe, expect, it } from 'vitest'
import { uniqueId } from '../support/engine'
import { cli, errorCode, type Run } from './support'

const PASSWORD = 'a long enough password'

const secretFree = (run: Run, ...secrets: string[]): void => {
  for (const secret of secrets) {
    expect(run.stdout).not.toContain(secret)
    expect(run.stderr).not.toContain(secret)
  }
  expect(run.stdout).not.toMatch(/scrypt|"hash"|"salt"/)
}

const add = (id: string, role: string, password = PASSWORD, extra: string[] = []) =>
  cli(
    [
      'operator',
      'add',
      '--id',
      id,
      '--name',
      'Ada Clerk',
      '--role',
      role,
      '--password-stdin',
      ...extra,
    ],
    {},
    `${password}\n`,
  )

describe('CLI operator', { timeout: 120_000 }, () => {
  it('adds, lists, changes the password of and disables an account', async () => {
    const id = uniqueId('clerk')
    const added = await add(id, 'staff')
    expect(added.code).toBe(0)
    expect(added.json).toMatchObject({
      ok: true,
      operator: { id, displayName: 'Ada Clerk', role: 'staff', disabled: false, createdBy: 'cli' },
    })
    secretFree(added, PASSWORD)

    const again = await add(id, 'seller')
    expect([again.code, errorCode(again)]).toEqual([2, 'OPERATOR_EXISTS'])

    const other = uniqueId('seller')
    expect((await add(other, 'seller', PASSWORD, ['--as', 'boss'])).json).toMatchObject({
      operator: { createdBy: 'boss' },
    })

    const listed = await cli(['operator', 'list'])
    expect(listed.code).toBe(0)
    const operators = listed.json.operators as { id: string }[]
    const ids = operators.map((o) => o.id)
    expect(ids).toEqual([...ids].sort())
    expect(operators.find((o) => o.id === id)).toMatchObject({ role: 'staff', disabled: false })
    secretFree(listed, PASSWORD)

    const changed = await cli(
      ['operator', 'passwd', id, '--password-stdin'],
      {},
      'new password 123\n',
    )
    expect(changed.code).toBe(0)
    expect(changed.json).toMatchObject({ ok: true, operator: { id, changedBy: 'cli' } })
    secretFree(changed, 'new password 123')

    const disabled = await cli(['operator', 'disable', id])
    expect(disabled.code).toBe(0)
    expect(disabled.json).toMatchObject({ ok: true, operator: { id, disabled: true } })
    const enabled = await cli(['operator', 'enable', id, '--as', 'head-clerk'])
    expect(enabled.code).toBe(0)
    expect(enabled.json).toMatchObject({
      ok: true,
      operator: { id, disabled: false, changedBy: 'head-clerk' },
    })
  })

  it('refuses a bad role, a short password and an unknown id with exit 2', async () => {
    const badRole = await add(uniqueId('op'), 'admin')
    expect(badRole.code).toBe(2)
    expect(badRole.json.error).toMatchObject({ code: 'INVALID_INPUT', field: 'role' })

    const short = await add(uniqueId('op'), 'seller', 'tiny-pw')
    expect(short.code).toBe(2)
    expect(short.json.error).toMatchObject({ code: 'INVALID_INPUT', field: 'password' })
    secretFree(short, 'tiny-pw')

    for (const args of [
      ['operator', 'disable', uniqueId('nobody')],
      ['operator', 'passwd', uniqueId('nobody'), '--password-stdin'],
    ]) {
      const run = await cli(args, {}, `${PASSWORD}\n`)
      expect([run.code, errorCode(run)]).toEqual([2, 'OPERATOR_NOT_FOUND'])
    }

    const passwordFlag = await cli([
      'operator',
      'add',
      '--id',
      'x1',
      '--name',
      'X',
      '--role',
      'staff',
      '--password',
      PASSWORD,
    ])
    expect([passwordFlag.code, errorCode(passwordFlag)]).toEqual([2, 'INVALID_INPUT'])
    secretFree(passwordFlag)

    const noStdinFlag = await cli(
      ['operator', 'add', '--id', 'x1', '--name', 'X', '--role', 'staff'],
      {},
      '',
    )
    expect(noStdinFlag.json.error).toMatchObject({ code: 'INVALID_INPUT', field: 'password-stdin' })
  })
})
