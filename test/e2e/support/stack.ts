// One private redis-server and one web-mode server (Shell A's startWebServer) for a test,
// plus an engine on the same Redis to seed auctions and the account store to create the
// operators who sign in. Always stopped, also on failure.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { RedisClient } from '../../../src/main/engine'
import { OperatorStore } from '../../../src/main/accounts'
import { AuctionEngine, connectRedis } from '../../../src/main/engine'
import type { CreateAuctionInput } from '../../../src/main/engine'
import { startWebServer, type WebServer } from '../../../src/main/web'
import type { OperatorProfile } from '../../../src/shared/contract'
import type { Auction } from '../../../src/shared/domain'
import { startRedis, type RedisProcess } from '../../support/redis-server'

export interface Stack {
  /** The console URL with its token. */
  url: string
  /** The console's token (what must never leak). */
  token: string
  engine: AuctionEngine
  /** Creates an auction straight in Redis (a seller elsewhere), started unless told. */
  seed(input: Partial<CreateAuctionInput>): Promise<Auction>
  /** Creates this operator's account (as staff elsewhere would); one that exists is kept. */
  addOperator(profile: OperatorProfile, password: string): Promise<void>
  stopRedis(): Promise<void>
  /** Starts redis-server again on the same port with the same data folder. */
  restartRedis(): Promise<void>
  /** Stops the web server (the page's own server goes away); close() is then a no-op for it. */
  stopServer(): Promise<void>
  close(): Promise<void>
}

export async function startStack(): Promise<Stack> {
  let redis: RedisProcess | null = await startRedis()
  const { port, dir } = redis
  const dataDir = mkdtempSync(join(tmpdir(), 'console-e2e-'))
  let server: WebServer | null = null
  let client: RedisClient | null = null
  const close = async (): Promise<void> => {
    await server?.close().catch((error: unknown) => console.error('web server close:', error))
    client?.disconnect()
    await redis?.stop()
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    server = await startWebServer({
      port: 0,
      rendererDir: resolve('out/renderer'),
      dataDir,
      redisUrl: redis.url,
      serviceOptions: { log: () => undefined },
    })
    await server.service.settled()
    client = await connectRedis({ url: redis.url })
    const engine = new AuctionEngine(client)
    const operators = new OperatorStore(client)
    return {
      url: server.url,
      token: server.token,
      engine,
      async seed(input) {
        const created = await engine.createAuction({
          title: 'Seeded lot',
          sellerId: 'seller-seed',
          startingPrice: '100.00',
          increment: '10.00',
          durationMs: 3_600_000,
          start: true,
          ...input,
        })
        if (!created.ok) throw new Error(`seed failed: ${JSON.stringify(created.error)}`)
        return created.auction
      },
      async addOperator(profile, password) {
        const added = await operators.add(
          {
            id: profile.operatorId,
            displayName: profile.displayName,
            role: profile.role,
            password,
          },
          'e2e',
        )
        if (!added.ok && added.error.code !== 'OPERATOR_EXISTS')
          throw new Error(`operator ${profile.operatorId}: ${JSON.stringify(added.error)}`)
      },
      async stopRedis() {
        await redis?.stop({ keepData: true })
        redis = null
      },
      async restartRedis() {
        redis = await startRedis({ port, dir })
      },
      async stopServer() {
        const running = server
        server = null
        await running?.close()
      },
      close,
    }
  } catch (error) {
    await close()
    throw error
  }
}
