// The CLI as a user runs it, on a real 3-master Redis Cluster (REDIS_URL=redis+cluster://…):
// auctions and timed sales whose slots live on three different nodes, bids, `watch` printing
// each one's events in seq order while bids go on, and two `scheduler` processes at once
// closing every lot exactly once. Nothing any process prints may show a redirection
// (MOVED/ASK), a CROSSSLOT or an INTERNAL error.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Lot, Sale } from '../../src/shared/domain'
import { cli, watchCli, type Run, type Watching } from '../cli/support'
import { redisUrl, uniqueId } from '../support/engine'
import { expectNoRedirection, expectSeqOrder, requestIdsOnEveryNode } from './support'

const LOTS = 3
/** Every CLI command is a process of its own: seconds each on a machine busy with other tests. */
const SLOW = 240_000

let dir: string
const runs: Run[] = []
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auction-cluster-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** One CLI command that must succeed; its output is kept for the redirection check. */
async function run(args: string[]): Promise<Run> {
  const done = await cli(args)
  runs.push(done)
  expect(done.code, `${args.join(' ')}: ${done.stdout}${done.stderr}`).toBe(0)
  return done
}

/** The seq a watch started from, as its banner says: "watching … (seq N); Ctrl-C to stop". */
const seqOf = (watching: Watching): number => {
  const seq = /\(seq (\d+)\)/.exec(watching.banner)?.[1]
  if (seq === undefined) throw new Error(`no seq in the banner: ${watching.banner}`)
  return Number(seq)
}

interface LongRun {
  output: () => string
  stop: () => Promise<number | null>
}

/** `scheduler` as a user runs it, until Ctrl-C; resolves once it says it is running. */
function schedulerCli(): Promise<LongRun> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main/cli/index.ts', 'scheduler'],
      { env: { ...process.env, REDIS_URL: redisUrl() } },
    )
    let stdout = ''
    let stderr = ''
    const exited = new Promise<number | null>((done) => child.on('close', done))
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      if (stderr.includes('scheduler running')) {
        resolve({
          output: () => stdout + stderr,
          stop: () => {
            child.kill('SIGINT')
            return exited
          },
        })
      }
    })
    child.on('error', reject)
    void exited.then((code) => reject(new Error(`scheduler exited ${code}: ${stdout}${stderr}`)))
  })
}

describe('the CLI on a Redis Cluster', () => {
  afterAll(() => {
    for (const done of runs) expectNoRedirection(done.stdout + done.stderr, 'a CLI command')
  })

  it(
    'auctions on three nodes: create, bid, and watch prints the events in seq order',
    async () => {
      const seller = uniqueId('seller')
      // An auction's id derives from (seller, request id): three of them on three masters.
      const placed = await requestIdsOnEveryNode(seller, uniqueId('create'), 'auction')
      expect(new Set(placed.map((auction) => auction.port)).size).toBe(3)
      const auctions = await Promise.all(
        placed.map(async ({ requestId, saleId: id }) => {
          const created = await run([
            'auction',
            'create',
            '--title',
            `Teapot ${requestId}`,
            '--seller',
            seller,
            '--start-price',
            '10.00',
            '--increment',
            '1.00',
            '--duration',
            '1h',
            '--start',
            '--request-id',
            requestId,
          ])
          expect((created.json.auction as Lot).id).toBe(id)
          return { id, watching: await watchCli(id) }
        }),
      )
      try {
        // Bids on the three nodes at once, while the watches print; then each lot again.
        await Promise.all(
          auctions.map(({ id }) => run(['bid', id, '--bidder', 'p-1', '--amount', '10.00'])),
        )
        await Promise.all(
          auctions.map(({ id }) =>
            run(['bid', id, '--bidder', 'p-2', '--amount', '11.00', '--max', '20.00']),
          ),
        )
        await Promise.all(
          auctions.map(({ watching }) => watching.waitFor((events) => events.length >= 2)),
        )
      } finally {
        for (const { watching } of auctions) expect(await watching.stop()).toBe(0)
      }
      for (const { id, watching } of auctions) {
        expectSeqOrder(watching.events, seqOf(watching))
        expect(watching.events.map((event) => [event.type, event.auctionId])).toEqual([
          ['bid_placed', id],
          ['bid_placed', id],
        ])
        const shown = await run(['auction', 'show', id])
        expect(shown.json.auction).toMatchObject({ id, leaderId: 'p-2', bidCount: 2 })
      }
    },
    SLOW,
  )

  it(
    'timed sales on three nodes: two schedulers at once close each lot exactly once',
    async () => {
      const seller = uniqueId('seller')
      const placed = await requestIdsOnEveryNode(seller, uniqueId('create'))
      expect(new Set(placed.map((sale) => sale.port)).size).toBe(3)
      const csv = join(dir, `${seller}.csv`)
      await writeFile(
        csv,
        'lot,title,start_price\n' +
          Array.from({ length: LOTS }, (_, i) => `${i + 1},Lot ${i + 1},10.00`).join('\n') +
          '\n',
      )
      const schedulers = await Promise.all([schedulerCli(), schedulerCli()])
      const watchers: Watching[] = []
      try {
        const sales = await Promise.all(
          placed.map(async ({ requestId, saleId }) => {
            const created = await run([
              'sale',
              'create',
              '--title',
              `Cluster sale ${requestId}`,
              '--mode',
              'timed',
              '--increment',
              '1.00',
              // Lots close 2 s after the start, then one every 500 ms, on each sale's node.
              '--duration',
              '2s',
              '--close-interval',
              '500ms',
              '--request-id',
              requestId,
              '--as',
              seller,
            ])
            expect((created.json.sale as Sale).id).toBe(saleId)
            await run(['lot', 'import', saleId, '--csv', csv, '--as', seller])
            const watching = await watchCli(saleId)
            watchers.push(watching)
            return { saleId, watching, from: seqOf(watching) }
          }),
        )
        await Promise.all(sales.map(({ saleId }) => run(['sale', 'start', saleId, '--as', seller])))
        await Promise.all(
          sales.map(({ watching }) =>
            watching.waitFor((events) => events.some((event) => event.type === 'sale_closed')),
          ),
        )
        // Room for a second close of any lot, had the two schedulers both made one.
        await new Promise((resolve) => setTimeout(resolve, 2000))
        for (const { saleId, watching, from } of sales) {
          expectSeqOrder(watching.events, from)
          const ended = watching.events.filter((event) => event.type === 'auction_ended')
          expect(ended.map((event) => event.lotId).sort(), `lots closed in ${saleId}`).toEqual(
            Array.from({ length: LOTS }, (_, i) => `${saleId}.${i + 1}`),
          )
          expect(watching.events.filter((event) => event.type === 'sale_closed')).toHaveLength(1)
          const shown = await run(['sale', 'show', saleId])
          expect((shown.json.sale as Sale).status).toBe('closed')
          const lots = (await run(['sale', 'lots', saleId])).json.lots as Lot[]
          // No bids: each lot passed, once.
          expect(lots.map((lot) => [lot.id, lot.lotStatus])).toEqual(
            Array.from({ length: LOTS }, (_, i) => [`${saleId}.${i + 1}`, 'passed']),
          )
        }
      } finally {
        for (const watching of watchers) expect(await watching.stop()).toBe(0)
        const codes = await Promise.all(schedulers.map((scheduler) => scheduler.stop()))
        for (const [i, scheduler] of schedulers.entries()) {
          expectNoRedirection(scheduler.output(), `scheduler ${i + 1}`)
          // The scheduler's closing line: no failed pass, and exit 0.
          expect(scheduler.output()).toContain('"errors":0')
          expect(codes[i]).toBe(0)
        }
      }
    },
    SLOW,
  )
})
