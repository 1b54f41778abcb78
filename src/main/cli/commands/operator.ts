// `operator add|list|disable|enable|passwd`: operator accounts. The CLI is the staff tool of whoever
// holds the Redis credentials; it records its changes as `cli` (or the --as value).
import type { Failure } from '../../../shared/errors'
import { OperatorStore } from '../../accounts'
import type { AuctionEngine } from '../../engine'
import { actorOptions } from '../actor'
import { flagReader, parse, type Parsed } from '../args'
import { readPassword } from '../password-input'

type Answer = Promise<{ ok: true } | Failure>

const passwordOptions = { 'password-stdin': { type: 'boolean' }, ...actorOptions } as const

const byOf = (values: Parsed['values']): string =>
  typeof values.as === 'string' ? values.as : 'cli'

/** The store, once the Redis is known to hold our layout (SCHEMA_MISMATCH otherwise). */
async function storeOf(engine: AuctionEngine): Promise<OperatorStore | Failure> {
  const refused = await engine.checkStore()
  return refused ?? new OperatorStore(engine.redis)
}

async function add(engine: AuctionEngine, args: string[]): Answer {
  const { values } = parse(
    args,
    {
      id: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      ...passwordOptions,
    },
    0,
  )
  const { required } = flagReader(values)
  const input = { id: required('id'), displayName: required('name'), role: required('role') }
  const password = await readPassword(values['password-stdin'] === true)
  const store = await storeOf(engine)
  if ('ok' in store) return store
  // The role's check is the store's schema: an unknown role is INVALID_INPUT on `role`.
  return store.add({ ...input, password }, byOf(values))
}

async function list(engine: AuctionEngine, args: string[]): Answer {
  parse(args, {}, 0)
  const store = await storeOf(engine)
  return 'ok' in store ? store : store.list()
}

async function disable(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(args, actorOptions, 1)
  const store = await storeOf(engine)
  return 'ok' in store ? store : store.disable(positionals[0] as string, byOf(values))
}

async function enable(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(args, actorOptions, 1)
  const store = await storeOf(engine)
  return 'ok' in store ? store : store.enable(positionals[0] as string, byOf(values))
}

async function passwd(engine: AuctionEngine, args: string[]): Answer {
  const { positionals, values } = parse(args, passwordOptions, 1)
  const id = positionals[0] as string
  const store = await storeOf(engine)
  if ('ok' in store) return store
  const found = await store.get(id)
  if (!found.ok) return found
  const password = await readPassword(values['password-stdin'] === true)
  return store.setPassword(id, password, byOf(values))
}

export const operatorCommands = { add, list, disable, enable, passwd }
