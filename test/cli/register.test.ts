// The bidder register from the CLI, as staff script it: a real process per command, JSON
// out (CSV for `register list --csv`), exit 0 / 2, and an import that is all or nothing.
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sale } from '../../src/shared/domain'
import type { RegisterEntry } from '../../src/shared/register'
import { redisUrl, uniqueId } from '../support/engine'
import { cli, errorCode, type Run } from './support'

let dir: string
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'auction-register-'))))
afterAll(async () => rm(dir, { recursive: true, force: true }))

async function ok(args: string[]): Promise<Run> {
  const run = await cli(args)
  expect(run.code, `${args.join(' ')} → ${run.stdout}`).toBe(0)
  return run
}

async function refused(args: string[], code: string): Promise<Run> {
  const run = await cli(args)
  expect(run.code, `${args.join(' ')} → ${run.stdout}`).toBe(2)
  expect(errorCode(run)).toBe(code)
  return run
}

/** A command whose stdout is not JSON (`register list --csv`). */
function raw(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', ...args], {
      env: { ...process.env, REDIS_URL: redisUrl() },
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout }))
  })
}

const entryOf = (run: Run): RegisterEntry => run.json.entry as RegisterEntry
const entriesOf = (run: Run): RegisterEntry[] => run.json.entries as RegisterEntry[]

describe('CLI: the bidder register', { timeout: 240_000 }, () => {
  it('adds, updates, approves and lists paddles; refusals exit 2 with their code', async () => {
    const seller = uniqueId('seller')
    const sale = (
      await ok([
        'sale',
        'create',
        '--title',
        'Evening',
        '--mode',
        'live',
        '--currency',
        'GBP',
        '--increment',
        '10.00',
        '--as',
        seller,
      ])
    ).json.sale as Sale
    const added = entryOf(
      await ok([
        'register',
        'add',
        sale.id,
        '--paddle',
        '142',
        '--name',
        'Ada Lovelace',
        '--email',
        'ada@example.com',
        '--phone',
        '+44 20 7946 0000',
        '--kind',
        'phone',
        '--limit',
        '5000.00',
        '--approved',
        '--notes',
        'by phone',
        '--as',
        seller,
      ]),
    )
    expect(added).toMatchObject({
      paddle: '142',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      kind: 'phone',
      approved: true,
      limit: 500000,
      notes: 'by phone',
    })
    await ok(['register', 'add', sale.id, '--paddle', '12', '--name', 'Twelve', '--staff'])
    await refused(
      ['register', 'add', sale.id, '--paddle', '12', '--name', 'Again', '--staff'],
      'PADDLE_TAKEN',
    )
    await refused(['register', 'add', sale.id, '--paddle', '13', '--name', 'X'], 'INVALID_INPUT')
    const kind = await refused(
      ['register', 'add', sale.id, '--paddle', '13', '--name', 'X', '--kind', 'mail', '--staff'],
      'INVALID_INPUT',
    )
    expect(kind.json.error).toMatchObject({ field: 'kind' })
    await refused(
      ['register', 'add', sale.id, '--paddle', '13', '--name', 'X', '--as', uniqueId('other')],
      'NOT_SELLER',
    )
    await refused(
      ['register', 'add', sale.id, '--paddle', '13', '--name', 'X', '--limit', '1.234', '--staff'],
      'INVALID_AMOUNT',
    )

    const updated = entryOf(
      await ok([
        'register',
        'update',
        sale.id,
        '--paddle',
        '142',
        '--limit',
        '',
        '--not-approved',
        '--staff',
      ]),
    )
    expect(updated).toMatchObject({ name: 'Ada Lovelace', limit: null, approved: false })
    await refused(
      ['register', 'update', sale.id, '--paddle', '99', '--name', 'N', '--staff'],
      'PADDLE_NOT_FOUND',
    )
    await refused(['register', 'update', sale.id, '--paddle', '142', '--staff'], 'INVALID_INPUT')
    expect(
      entryOf(await ok(['register', 'approve', sale.id, '--paddle', '12', '--as', seller]))
        .approved,
    ).toBe(true)
    expect(
      entryOf(await ok(['register', 'approve', sale.id, '--paddle', '12', '--revoke', '--staff']))
        .approved,
    ).toBe(false)

    const listed = await ok(['register', 'list', sale.id])
    expect(listed.json.ok).toBe(true)
    expect(entriesOf(listed).map((entry) => entry.paddle)).toEqual(['12', '142'])
    const csv = await raw(['register', 'list', sale.id, '--csv'])
    expect(csv.code).toBe(0)
    expect(csv.stdout.split('\r\n')).toEqual([
      'paddle,name,email,phone,kind,approved,limit,notes',
      '12,Twelve,,,floor,no,,',
      "142,Ada Lovelace,ada@example.com,'+44 20 7946 0000,phone,no,,by phone",
      '',
    ])
    await refused(['register', 'list', 'NO-SUCH-SALE'], 'SALE_NOT_FOUND')
    await refused(['register', 'frobnicate', sale.id], 'INVALID_INPUT')
  })

  it('imports a CSV all or nothing; an exported register imports again', async () => {
    const seller = uniqueId('seller')
    const sale = (
      await ok([
        'sale',
        'create',
        '--title',
        'S',
        '--mode',
        'live',
        '--increment',
        '1.00',
        '--as',
        seller,
      ])
    ).json.sale as Sale
    const bad = join(dir, 'bad.csv')
    await writeFile(
      bad,
      [
        'Paddle,Name,Email,Approved,Limit',
        '1,One,one@example.com,yes,100.00',
        '2,Two,not-an-email,no,',
        '3,Three,,maybe,',
        '1,Again,,no,',
        '',
      ].join('\n'),
    )
    const run = await refused(
      ['register', 'import', sale.id, '--csv', bad, '--staff'],
      'INVALID_CATALOGUE',
    )
    const rows = (run.json.error as { rows: { line: number; code: string }[] }).rows
    expect(rows.map((row) => [row.line, row.code])).toEqual([
      [3, 'INVALID_INPUT'],
      [4, 'INVALID_INPUT'],
      [5, 'PADDLE_TAKEN'],
    ])
    expect(entriesOf(await ok(['register', 'list', sale.id]))).toEqual([])

    const good = join(dir, 'good.csv')
    await writeFile(
      good,
      [
        'paddle,name,email,phone,kind,approved,limit,notes',
        '10,"King, Ada",ada@example.com,+44 1,online,yes,2500.50,"says ""hi"""',
        '9,Nine,,,,0,,',
        '',
      ].join('\r\n'),
    )
    const imported = entriesOf(
      await ok(['register', 'import', sale.id, '--csv', good, '--as', seller]),
    )
    expect(
      imported.map((entry) => [entry.paddle, entry.name, entry.approved, entry.limit]),
    ).toEqual([
      ['9', 'Nine', false, null],
      ['10', 'King, Ada', true, 250050],
    ])
    // The same file again: every paddle is taken now, nothing changes.
    await refused(['register', 'import', sale.id, '--csv', good, '--staff'], 'INVALID_CATALOGUE')

    // Export, then import into another sale: the same entries.
    const other = (
      await ok([
        'sale',
        'create',
        '--title',
        'T',
        '--mode',
        'live',
        '--increment',
        '1.00',
        '--as',
        seller,
      ])
    ).json.sale as Sale
    const exported = join(dir, 'exported.csv')
    await writeFile(exported, (await raw(['register', 'list', sale.id, '--csv'])).stdout)
    const again = entriesOf(
      await ok(['register', 'import', other.id, '--csv', exported, '--staff']),
    )
    const strip = ({ createdAt: _c, updatedAt: _u, ...rest }: RegisterEntry) => rest
    expect(again.map(strip)).toEqual(imported.map(strip))
  })
})
