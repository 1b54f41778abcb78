// The headless CLI: `npm run --silent cli -- <command>`. Redis from REDIS_URL.
import { fail } from '../../shared/errors'
import {
  AuctionEngine,
  connectRedis,
  durabilityFromEnv,
  RedisUrlError,
  scrubSecrets,
  type ConnectionOptions,
} from '../engine'
import { auctionCommands } from './commands/auction'
import { bid, history } from './commands/bid'
import { clerkLotCommands, clerkSaleCommands } from './commands/clerk'
import { demo } from './commands/demo'
import { scheduler, watch } from './commands/live'
import { lotCommands } from './commands/lot'
import { operatorCommands } from './commands/operator'
import { register } from './commands/register'
import { saleCommands } from './commands/sale'
import { EXIT_FAILURE, EXIT_REJECTED, finish, printJson, say, UsageError } from './output'

const USAGE = `usage: npm run --silent cli -- <command>
  auction create --title T --seller S --start-price 10.00 (--increment 1.00 | --increment-table JSON)
                 [--reserve 50.00] [--currency USD] [--description D] [--starts-at ISO]
                 (--duration 90s|15m|2h | --ends-at ISO) [--soft-close 30s] [--start] [--request-id R]
  auction start|end|cancel ID (--as SELLER | --staff)
  auction show ID
  auction list [--status S] [--seller S] [--limit N]
  sale create --title T --mode timed|live [--currency USD] [--description D] [--starts-at ISO]
              [--start] [--increment 1.00 | --increment-table JSON] [--soft-close 30s]
              [--close-interval 60s] [--first-close-at ISO | --duration 2h] [--request-id R]
              [TERMS] (--as SELLER | --staff)
              TERMS: [--premium '[{"upTo":"500000.00","rate":"25%"},{"rate":"20%"}]']
              [--premium-tax 20%] [--commission 15%] [--consignor-commission '{"ada":"12%"}']
              [--lot-fee 5.00] [--require-registration]
  sale update SALE [--title T] [--description D] [TERMS] (--as SELLER | --staff)
              a draft only; an empty value ('') clears a term
  sale results SALE [--csv] --staff              every lot with hammer, premium and tax; totals
  sale invoice SALE --paddle P [--csv] --staff   the paddle's invoice
  sale statement SALE --seller S [--csv] (--as S | --staff)   the consignor's statement
  sale report SALE [--csv] --staff               sell-through, estimates, top lots
  sale start|end|cancel SALE (--as SELLER | --staff)
  sale show SALE
  sale list [--status S] [--mode timed|live] [--seller S] [--limit N]
  sale lots SALE [--status S]
  sale reorder SALE --order 3,1,12A,2 (--as SELLER | --staff)   catalogue order by hand
  lot add SALE --number 12 --title T --start-price 10.00 [--reserve 50.00] [--estimate 200-300]
              [--increment 1.00 | --increment-table JSON] [--description D] [--soft-close 30s]
              [--consignor S] [--request-id R] (--as SELLER | --staff)
  lot edit LOT [--number N] [--title T] [--start-price P] [--reserve R] [--estimate E]
              [--increment I | --increment-table JSON] [--description D] [--soft-close 30s]
              [--consignor S] (--as SELLER | --staff)
              an empty value ('') clears reserve, estimate, increment, consignor
  lot remove LOT (--as SELLER | --staff)
  lot import SALE --csv FILE [--request-id R] (--as SELLER | --staff)
              columns: lot,title,start_price (required), description,estimate_low,estimate_high,
              reserve,increment,consignor; any bad row → INVALID_CATALOGUE with every bad row, nothing imported
  The bidder register (staff or the sale's seller; each write (--as SELLER | --staff)):
  register add SALE --paddle 142 --name N [--email E] [--phone P] [--kind floor|phone|online|absentee]
              [--limit 5000.00] [--approved] [--notes T]     PADDLE_TAKEN when the paddle is there
  register update SALE --paddle P [the same flags] [--approved | --not-approved]
              an empty value ('') clears email, phone, limit, notes; PADDLE_NOT_FOUND
  register approve SALE --paddle P [--revoke]
  register list SALE [--csv]         by paddle; --csv prints the columns import reads
  register import SALE --csv FILE    columns: paddle,name (required), email,phone,kind,
              approved (yes/no),limit,notes; any bad row → INVALID_CATALOGUE, nothing imported
  Live sales (the clerk; each (--as SELLER | --staff)):
  sale offer SALE [--lot LOT]        puts the next waiting lot (or LOT) on the block
  lot floor LOT [--paddle P] [--request-id R]   a floor bid at the asking price
  lot ask LOT --amount X             the asking price for the next bid only
  lot warn LOT | lot withdraw LOT
  lot pass LOT [--reason R]          bought in; the reason, when given, goes into the log
  lot hammer LOT [--paddle P] [--below-reserve]
  lot retract LOT --reason R | lot reopen LOT --reason R
  lot book LOT                       the absentee book
  sale log SALE [--limit N] | sale verify-log SALE
  sale rates SALE [--rate EUR=1.17 ...]   indicative rates for the room display (at most 4)
  bid ID --bidder B --amount 12.00|asking [--max 50.00] [--request-id R] [--source floor|phone|online|absentee]
  history ID [--limit N] [--before BIDID]
  watch ID          events of a lot, or of a whole sale, as JSON lines until Ctrl-C
  scheduler         starts and closes auctions on time until Ctrl-C
  demo              creates a few live demo auctions and an open timed sale
  Operator accounts (the CLI is the staff tool of whoever holds the Redis credentials):
  operator add --id ID --name NAME --role staff|seller|bidder [--password-stdin] [--as BY]
  operator list
  operator disable ID [--as BY]   (ends the account's sessions on every console)
  operator enable ID [--as BY]
  operator passwd ID [--password-stdin] [--as BY]
                    the password: one line on stdin with --password-stdin, else typed at the
                    terminal without echo; never a flag
Redis: REDIS_URL (default redis://127.0.0.1:6379), one of
  redis[s]://[user:pass@]host:port[/db]                     one server
  redis[s]+sentinel://[user:pass@]h1:p1,h2:p2/<masterName>  Sentinel: follows a failover
  redis[s]+cluster://[user:pass@]h1:p1,h2:p2                Redis Cluster
REDIS_DURABILITY=local|replicated (default local): replicated waits for a replica on every
  change (WAIT 1), NOT_REPLICATED when none confirms in REDIS_REPLICATION_TIMEOUT_MS (1000)`

type Runner = (
  engine: AuctionEngine,
  args: string[],
  connection: ConnectionOptions,
) => Promise<number>

type Command = (engine: AuctionEngine, args: string[]) => Promise<Parameters<typeof finish>[0]>

const answer =
  (command: Command): Runner =>
  async (engine, args) =>
    finish(await command(engine, args))

/** A table's own entry: `toString` or `constructor` typed as a command is not one. */
const entry = <T>(table: Record<string, T>, key: string | undefined): T | undefined =>
  key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined

/** Commands with a subject: `auction create`, `sale lots`, `lot add`… */
const GROUPS: Record<string, Record<string, Command>> = {
  auction: auctionCommands,
  sale: { ...saleCommands, ...clerkSaleCommands },
  lot: { ...lotCommands, ...clerkLotCommands },
  operator: operatorCommands,
}

function route(argv: string[]): { runner: Runner; args: string[] } {
  const [first, second, ...rest] = argv
  const group = entry(GROUPS, first)
  if (group) {
    const command = entry(group, second)
    if (!command) throw new UsageError(`unknown ${first} command ${second ?? ''}`.trim(), 'command')
    return { runner: answer(command), args: rest }
  }
  const args = second === undefined ? rest : [second, ...rest]
  const runners: Record<string, Runner> = {
    bid: answer(bid),
    history: answer(history),
    watch,
    scheduler,
    demo,
    register,
  }
  const runner = entry(runners, first)
  if (!runner)
    throw new UsageError(first ? `unknown command ${first}` : 'no command given', 'command')
  return { runner, args }
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    say(USAGE)
    return argv.length === 0 ? EXIT_REJECTED : 0
  }
  let routed
  try {
    routed = route(argv)
  } catch (error) {
    if (error instanceof UsageError) {
      say(USAGE)
      return finish(error.toFailure())
    }
    throw error
  }
  let connection: ConnectionOptions = {
    url: process.env.REDIS_URL,
    connectionName: 'auction-console:cli',
  }
  let redis
  try {
    connection = { ...connection, ...durabilityFromEnv(process.env) }
    redis = await connectRedis(connection)
  } catch (error) {
    if (error instanceof RedisUrlError) {
      const field = /^REDIS_[A-Z_]+/.exec(error.message)?.[0] ?? 'REDIS_URL'
      const message = error.message.startsWith(field) ? error.message : `${field}: ${error.message}`
      return finish(fail('INVALID_INPUT', message, { field }))
    }
    say(
      `cannot reach Redis: ${scrubSecrets(error instanceof Error ? error.message : String(error))}`,
    )
    return finish(fail('REDIS_UNAVAILABLE', 'Redis is not reachable (set REDIS_URL)'))
  }
  try {
    const engine = new AuctionEngine(redis, {
      durability: connection.durability,
      replicationTimeoutMs: connection.replicationTimeoutMs,
    })
    return await routed.runner(engine, routed.args, connection)
  } catch (error) {
    if (error instanceof UsageError) return finish(error.toFailure())
    throw error
  } finally {
    redis.disconnect()
  }
}

/** Exits once stdout is flushed: a retry timer of a dead connection must not hold the shell. */
const exit = (code: number): void => void process.stdout.write('', () => process.exit(code))

main(process.argv.slice(2)).then(exit, (error: unknown) => {
  printJson(fail('INTERNAL', scrubSecrets(error instanceof Error ? error.message : String(error))))
  exit(EXIT_FAILURE)
})
