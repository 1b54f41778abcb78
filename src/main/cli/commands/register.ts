// `register add|update|list|approve|import`: a sale's bidder register. `list --csv` prints
// the register as CSV (the columns `import` reads) instead of JSON.
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { fail, type Failure } from '../../../shared/errors'
import {
  REGISTER_KINDS,
  type RegisterAddInput,
  type RegisterUpdateInput,
} from '../../../shared/register'
import { parseRegisterCsv, registerToCsv } from '../../../shared/register-csv'
import type { AuctionEngine } from '../../engine'
import { actorFrom, actorOptions } from '../actor'
import { atMostOne, flagReader, parse, type Parsed } from '../args'
import { EXIT_OK, finish, UsageError } from '../output'

type Answer = Promise<({ ok: true } & object) | Failure>

/** The flags of an entry's fields, shared by add and update. */
const ENTRY_OPTIONS = {
  paddle: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  phone: { type: 'string' },
  kind: { type: 'string' },
  limit: { type: 'string' },
  notes: { type: 'string' },
  approved: { type: 'boolean' },
} as const

/** The fields the flags give; an empty value clears email, phone, limit and notes. */
function entryFields(values: Parsed['values']): Omit<RegisterUpdateInput, 'paddle'> {
  const { text, optional } = flagReader(values)
  const fields = {
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    kind: optional('kind', z.enum(REGISTER_KINDS)),
    limit: text('limit'),
    notes: text('notes'),
    approved: values['not-approved'] === true ? false : values.approved === true ? true : undefined,
  }
  // Only what was given: an update leaves every other field as it is.
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Omit<RegisterUpdateInput, 'paddle'>
}

function add(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(args, { ...ENTRY_OPTIONS, ...actorOptions }, 1)
  const { required } = flagReader(values)
  const input: RegisterAddInput = {
    ...entryFields(values),
    paddle: required('paddle'),
    name: required('name'),
  }
  if (input.limit === '') delete input.limit
  return engine.registerAdd(positionals[0] as string, input, actorFrom(values))
}

function update(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(
    args,
    { ...ENTRY_OPTIONS, 'not-approved': { type: 'boolean' }, ...actorOptions },
    1,
  )
  atMostOne(values, 'approved', 'not-approved')
  const { required } = flagReader(values)
  const changes = entryFields(values)
  if (Object.keys(changes).length === 0) {
    throw new UsageError('nothing to change: give at least one field flag, e.g. --name')
  }
  return engine.registerUpdate(
    positionals[0] as string,
    { ...changes, paddle: required('paddle') },
    actorFrom(values),
  )
}

function approve(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(
    args,
    { paddle: { type: 'string' }, revoke: { type: 'boolean' }, ...actorOptions },
    1,
  )
  const { required } = flagReader(values)
  return engine.registerApprove(
    positionals[0] as string,
    { paddle: required('paddle'), approved: values.revoke !== true },
    actorFrom(values),
  )
}

/** All or nothing: a file with any bad row imports no paddle. */
async function importCsv(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(args, { csv: { type: 'string' }, ...actorOptions }, 1)
  const path = flagReader(values).required('csv')
  const actor = actorFrom(values)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return fail('INVALID_INPUT', `--csv: cannot read ${path}: ${reason}`, { field: 'csv' })
  }
  const { rows, errors } = parseRegisterCsv(text)
  if (errors.length > 0) {
    return fail(
      'INVALID_CATALOGUE',
      `${errors.length} bad row(s) in ${path}; nothing was imported`,
      {
        rows: errors,
      },
    )
  }
  return engine.registerImport(positionals[0] as string, rows, actor)
}

/** `register list SALE [--csv]`: JSON, or the register as CSV on stdout. */
async function list(engine: AuctionEngine, args: string[]): Promise<number> {
  const { positionals, values } = parse(args, { csv: { type: 'boolean' } }, 1)
  const saleId = positionals[0] as string
  const listed = await engine.registerList(saleId)
  if (!listed.ok || values.csv !== true) return finish(listed)
  const found = await engine.getSale(saleId)
  if (!found.ok) return finish(found)
  process.stdout.write(registerToCsv(listed.entries, found.sale.currency))
  return EXIT_OK
}

const COMMANDS: Record<string, (engine: AuctionEngine, args: string[]) => Answer> = {
  add,
  update,
  approve,
  import: importCsv,
}

/** `register <command> SALE …`; the exit code. */
export async function register(engine: AuctionEngine, args: string[]): Promise<number> {
  const [command, ...rest] = args
  if (command === 'list') return list(engine, rest)
  const run =
    command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
  if (!run) throw new UsageError(`unknown register command ${command ?? ''}`.trim(), 'command')
  return finish(await run(engine, rest))
}
