// The desktop app end to end: Electron opens the built app against a private Redis, the
// page gets window.auctionApi (and nothing of Node), connects, and a bid placed through the
// bridge comes back accepted and as a live event. Skipped, with the reason, where the
// Electron binary is not available (it cannot be downloaded on an offline machine).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test'
import { findElectronBinary } from '../../scripts/electron-binary.mjs'
import type { AuctionApi } from '../../src/shared/contract'
import { startRedis, type RedisProcess } from '../support/redis-server'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const binary = findElectronBinary()
const skipReason = binary.ok
  ? undefined
  : `Electron binary not available (${binary.reason}); run "node node_modules/electron/install.js" where GitHub downloads work`
if (skipReason) console.log(`[electron e2e] SKIPPED: ${skipReason}`)

/** Runs a command from the page through the preload bridge. */
async function call(page: Page, name: string, input: unknown): Promise<Record<string, unknown>> {
  const result: unknown = await page.evaluate(
    ([n, i]) =>
      (window as unknown as { auctionApi: AuctionApi }).auctionApi.call(n as never, i as never),
    [name, input] as const,
  )
  return result as Record<string, unknown>
}

/** The app's environment: ours plus `extra`, without a dev-server URL (test the build). */
function appEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RENDERER_URL') env[key] = value
  }
  return { ...env, ...extra }
}

test.describe('desktop app', () => {
  test.skip(skipReason !== undefined, skipReason)

  let redis: RedisProcess | undefined
  let app: ElectronApplication | undefined
  let userData: string | undefined
  const logs: string[] = []

  test.beforeAll(async () => {
    const require = createRequire(join(root, 'package.json'))
    const cli = join(
      dirname(require.resolve('electron-vite/package.json')),
      'bin',
      'electron-vite.js',
    )
    const build = spawnSync(process.execPath, [cli, 'build'], { cwd: root, encoding: 'utf8' })
    expect(build.status, `electron-vite build failed:\n${build.stdout}\n${build.stderr}`).toBe(0)
    redis = await startRedis()
    userData = mkdtempSync(join(tmpdir(), 'auction-desktop-'))
  })

  test.afterAll(async () => {
    // Closing the app runs its quit path (API service and connections stopped).
    await app?.close().catch(() => undefined)
    await redis?.stop()
    if (userData) rmSync(userData, { recursive: true, force: true })
    if (logs.length > 0) console.log(`[electron e2e] app output:\n${logs.join('\n')}`)
  })

  test('opens, connects to Redis and places a bid through window.auctionApi', async () => {
    app = await electron.launch({
      executablePath: binary.ok ? binary.path : '',
      args: [root],
      cwd: root,
      env: appEnv({ REDIS_URL: redis?.url ?? '', AUCTION_USER_DATA: userData ?? '' }),
    })
    app.process().stdout?.on('data', (chunk: Buffer) => logs.push(chunk.toString().trimEnd()))
    app.process().stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString().trimEnd()))
    const page = await app.firstWindow()
    page.on('console', (message) => {
      if (message.type() === 'error') logs.push(`[renderer] ${message.text()}`)
    })
    await page.waitForLoadState('domcontentloaded')
    // Served from the app's own protocol, not file:// and not a dev server.
    expect(page.url()).toMatch(/^app:\/\/console\//)

    // The page sees the bridge and nothing of Node or Electron.
    const surface = await page.evaluate(() => ({
      api: Object.keys((window as unknown as { auctionApi: object }).auctionApi).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      opened: window.open('https://example.com/') === null,
    }))
    expect(surface).toEqual({
      api: ['call', 'on'],
      require: 'undefined',
      process: 'undefined',
      opened: true,
    })
    // Remote content is refused (request filter and CSP).
    const remote = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'loaded',
        () => 'blocked',
      ),
    )
    expect(remote).toBe('blocked')

    await expect
      .poll(async () => ((await call(page, 'connection:status', {})) as { state?: string }).state)
      .toBe('live')

    // A fresh user-data folder: its embedded Redis has no account yet (first launch).
    const signedIn = await call(page, 'auth:setup', {
      displayName: 'E2E Clerk',
      operatorId: 'clerk-e2e',
      password: 'correct horse battery',
    })
    expect(signedIn).toMatchObject({ ok: true, profile: { role: 'staff' } })
    const created = (await call(page, 'auctions:create', {
      title: 'Electron e2e lot',
      currency: 'USD',
      startingPrice: '10.00',
      durationMs: 600_000,
      start: true,
    })) as { ok: boolean; auction: { id: string; status: string } }
    expect(created).toMatchObject({ ok: true, auction: { status: 'active' } })
    const auctionId = created.auction.id

    // Live events for the lot reach the page through the preload's on().
    await page.evaluate((id) => {
      const w = window as unknown as { auctionApi: AuctionApi; seen: unknown[] }
      w.seen = []
      w.auctionApi.on('auction:events', (events) => w.seen.push(...events))
      return w.auctionApi.call('auctions:watch', { auctionId: id })
    }, auctionId)

    const bid = await call(page, 'bids:place', {
      auctionId,
      bidderId: 'paddle-17',
      amount: '10.00',
      requestId: `e2e-${Date.now()}`,
      source: 'floor',
    })
    expect(bid).toMatchObject({ ok: true, auctionId, price: 1000, leaderId: 'paddle-17' })
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { seen: { type: string; price: number }[] }).seen.some(
            (event) => event.type === 'bid_placed' && event.price === 1000,
          ),
        ),
      )
      .toBe(true)

    const after = (await call(page, 'auctions:get', { auctionId })) as {
      auction: { currentPrice: number; leaderId: string; bidCount: number }
    }
    expect(after.auction).toMatchObject({ currentPrice: 1000, leaderId: 'paddle-17', bidCount: 1 })

    // A refused payload is a value, not an exception.
    const invalid = await call(page, 'bids:place', { auctionId, amount: 'ten' })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
