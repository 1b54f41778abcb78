// Long-running commands: `watch ID` (events as JSON lines) and `scheduler`.
import type { ConnectionOptions } from '../../engine'
import { type AuctionEngine, openEventFeed, Scheduler } from '../../engine'
import { parse } from '../args'
import { EXIT_FAILURE, EXIT_OK, finish, printJson, say } from '../output'

/** Resolves on Ctrl-C / SIGTERM. */
const interrupted = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })

export async function watch(
  engine: AuctionEngine,
  args: string[],
  connection: ConnectionOptions,
): Promise<number> {
  const { positionals } = parse(args, {}, 1)
  const auctionId = positionals[0] as string
  const found = await engine.getAuction(auctionId)
  if (!found.ok) return finish(found)
  const feed = await openEventFeed(connection, (event) => printJson(event))
  await feed.watch(auctionId)
  say(`watching auction ${auctionId} (seq ${found.auction.seq}); Ctrl-C to stop`)
  await interrupted()
  await feed.close()
  return EXIT_OK
}

export async function scheduler(engine: AuctionEngine, args: string[]): Promise<number> {
  parse(args, {}, 0)
  let failures = 0
  const runner = new Scheduler(engine, {
    onError: (error) => {
      failures++
      say(`scheduler: ${error instanceof Error ? error.message : String(error)}; retrying`)
    },
  })
  runner.start()
  say('scheduler running: starts and closes auctions on time; Ctrl-C to stop')
  await interrupted()
  await runner.stop()
  printJson({ ok: true, stopped: true, errors: failures })
  return failures > 0 ? EXIT_FAILURE : EXIT_OK
}
