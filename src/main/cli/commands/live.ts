// Long-running commands: `watch ID` (events as JSON lines) and `scheduler`.
import type { ConnectionOptions, EventFeed } from '../../engine'
import { type AuctionEngine, openEventFeed, Scheduler } from '../../engine'
import { parse } from '../args'
import { EXIT_FAILURE, EXIT_OK, finish, printJson, say } from '../output'

/** Resolves on Ctrl-C / SIGTERM. */
const interrupted = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })

/**
 * `watch ID`: a lot's events, or every event of a sale. A standalone auction's id names both
 * its lot and its sale; it keeps the lot view it always had.
 */
export async function watch(
  engine: AuctionEngine,
  args: string[],
  connection: ConnectionOptions,
): Promise<number> {
  const { positionals } = parse(args, {}, 1)
  const id = positionals[0] as string
  const lot = await engine.getAuction(id)
  if (lot.ok) {
    // The feed leaves out the other lots' events that share the sale's channel.
    const feed = await openEventFeed(connection, (event) => printJson(event))
    await feed.watch(id)
    say(`watching auction ${id} (seq ${lot.auction.seq}); Ctrl-C to stop`)
    return watchUntilInterrupted(feed)
  }
  if (lot.error.code !== 'AUCTION_NOT_FOUND') return finish(lot)
  const sale = await engine.getSale(id)
  // Neither a lot nor a sale: the answer an unknown id always got.
  if (!sale.ok) return finish(sale.error.code === 'SALE_NOT_FOUND' ? lot : sale)
  // Sale-level events (sale_started, lot_added…) come only through the sale handler.
  const print = (event: unknown): void => printJson(event)
  const feed = await openEventFeed(connection, print, print)
  await feed.watchSale(id)
  say(`watching sale ${id} (seq ${sale.sale.seq}); Ctrl-C to stop`)
  return watchUntilInterrupted(feed)
}

async function watchUntilInterrupted(feed: EventFeed): Promise<number> {
  await interrupted()
  await feed.close()
  return EXIT_OK
}

export async function scheduler(engine: AuctionEngine, args: string[]): Promise<number> {
  parse(args, {}, 0)
  // A store of another layout is no passing failure: retrying would never help.
  const refused = await engine.checkStore()
  if (refused) return finish(refused)
  let failures = 0
  const runner = new Scheduler(engine, {
    onError: (error) => {
      failures++
      say(`scheduler: ${error instanceof Error ? error.message : String(error)}; retrying`)
    },
  })
  runner.start()
  say('scheduler running: opens sales and closes lots on time; Ctrl-C to stop')
  await interrupted()
  await runner.stop()
  printJson({ ok: true, stopped: true, errors: failures })
  return failures > 0 ? EXIT_FAILURE : EXIT_OK
}
