// `npm run bench [-- --quick] [-- --only throughput,contention,events,relay,live,closing,memory,scaling,topology]`
// Starts a private redis-server on loopback, runs the sections, prints tables, writes
// bench/results/latest.json, and stops the server (also on failure or Ctrl-C).
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startRedis, type RedisProcess } from '../test/support/redis-server'
import { FULL, QUICK, openContext } from './lib/context'
import { describeMachine, loadNow } from './lib/machine'
import { checkTargets, renderTables, toJson, type BenchReport } from './report'
import { SECTIONS, runSuite, type Section } from './suite'

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json')

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
  })
  const sections = (values.only?.split(',') ?? SECTIONS) as Section[]
  const unknown = sections.filter((s) => !SECTIONS.includes(s))
  if (unknown.length) {
    console.error(`unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`)
    return 2
  }

  let server: RedisProcess | undefined
  const stop = (): void => {
    if (server) void server.stop()
  }
  process.once('SIGINT', () => {
    stop()
    process.exit(130)
  })
  try {
    // The tests' server settings (append-only file on, fsync every second), but no automatic
    // AOF rewrite: at 20,000+ bids/s the file passes the 64 MB trigger every few seconds, and
    // each rewrite forks a child that takes one of a small machine's cores mid-measurement.
    server = await startRedis({ extraArgs: ['--auto-aof-rewrite-percentage', '0'] })
    const log = (line: string): void => console.error(`[bench] ${line}`)
    const ctx = await openContext(server.url, values.quick ? QUICK : FULL, {
      exclusive: true,
      log,
    })
    try {
      const machine = await describeMachine(ctx.redis)
      log(`redis ${machine.redis} on ${server.url}, load ${machine.loadStart}`)
      const started = performance.now()
      const startedAt = new Date().toISOString()
      const results = await runSuite(ctx, sections)
      machine.loadEnd = loadNow()
      const report: BenchReport = {
        startedAt,
        quick: values.quick ?? false,
        seconds: Math.round((performance.now() - started) / 1000),
        machine,
        ...results,
        targets: checkTargets(results),
      }
      console.log(renderTables(report))
      writeFileSync(RESULTS, `${toJson(report)}\n`)
      log(`wrote ${RESULTS} (${report.seconds} s)`)
    } finally {
      await ctx.close()
    }
    return 0
  } finally {
    await server?.stop()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
