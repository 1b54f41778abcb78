// A scheduler in a process of its own (run by scheduler-process.ts), as `cli scheduler` runs
// in production, so that a test's own load cannot delay its passes. One stdout line per
// pass: `pass <epoch ms>` or `error <epoch ms>`; stops on SIGTERM.
import { AuctionEngine, Scheduler, connectRedis } from '../../src/main/engine'

class ReportingEngine extends AuctionEngine {
  override async tickDue(batch?: number) {
    const pass = await super.tickDue(batch)
    process.stdout.write(`pass ${Date.now()}\n`)
    return pass
  }
}

const redis = await connectRedis({ url: process.env.REDIS_URL, connectionName: 'test:scheduler' })
const scheduler = new Scheduler(new ReportingEngine(redis), {
  onError: () => process.stdout.write(`error ${Date.now()}\n`),
})
scheduler.start()
process.stdout.write('ready\n')
process.once('SIGTERM', () => {
  void scheduler.stop().finally(() => {
    redis.disconnect()
    process.exit(0)
  })
})
