// Who a command acts as: `--as ACTOR` is the acting seller; `--staff` acts as staff.
import type { Actor } from '../../shared/domain'
import type { Failure } from '../../shared/errors'
import type { AuctionEngine } from '../engine'
import { parse, type Parsed } from './args'
import { UsageError } from './output'

const STAFF: Actor = { id: 'staff', staff: true }

/** The parseArgs options of the actor flags, for every command that acts on something. */
export const actorOptions = { as: { type: 'string' }, staff: { type: 'boolean' } } as const

export function actorFrom(values: Parsed['values']): Actor {
  if (values.staff === true)
    return { ...STAFF, id: typeof values.as === 'string' ? values.as : STAFF.id }
  if (typeof values.as !== 'string')
    throw new UsageError('--as ACTOR (the seller) or --staff is required', 'as')
  return { id: values.as, staff: false }
}

/** A command of the form `VERB ID (--as ACTOR | --staff)`: start, end, cancel, remove. */
export function transition(
  run: (engine: AuctionEngine, id: string, actor: Actor) => Promise<{ ok: true } | Failure>,
) {
  return (engine: AuctionEngine, args: string[]): Promise<{ ok: true } | Failure> => {
    const { positionals, values } = parse(args, actorOptions, 1)
    return run(engine, positionals[0] as string, actorFrom(values))
  }
}
