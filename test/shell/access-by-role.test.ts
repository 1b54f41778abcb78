// Sign-in and role enforcement for every command of the contract, over both transports
// (the web mode's WebSocket and Electron's IPC binding, on one real service and one real
// Redis): before sign-in, as a bidder and as another seller, every call the role may not
// make is refused; the session then tries to become someone else (a self-declared
// profile, a forged resume secret, a staff id without its password, a second first-launch
// setup) and fails; and the store holds exactly what it held before.
import { createHash, randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  attachWindow,
  bindContract,
  INVOKE_CHANNELS,
  SenderRegistry,
  trustedOrigins,
} from '../../src/main/ipc'
import { RULES } from '../../src/main/api/policy'
import {
  commands,
  type CommandInput,
  type CommandName,
  type CommandResult,
  type OperatorProfile,
} from '../../src/shared/contract'
import { FakeIpcMain, FakeWebContents, invokeEvent } from '../electron/support/fakes'
import { uniqueId } from '../support/engine'
import { ensureOperator, signInAs } from '../support/operators'
import { startRedis, type RedisProcess } from '../support/redis-server'
import { bidder, connectClient, seller, staff, startConsole, type TestConsole } from './support'

type Call = <N extends CommandName>(name: N, input: CommandInput<N>) => Promise<CommandResult<N>>
type AnyCall = (name: string, input: unknown) => Promise<CommandResult<CommandName>>

let redis: RedisProcess
let admin: Redis
let server: TestConsole
const closers: (() => void)[] = []

// Whose things the refused calls aim at: seller A's sales and lots, a staff account.
const owner = seller()
const clerk = staff()
const decoyStaff = staff() // never signed in: the id an impostor guesses at
const victim = bidder()
let live = { saleId: '', onBlock: '', waiting: '' }
let draft = { saleId: '', lotId: '' }
let auctionId = ''
let draftAuctionId = ''

// ---- the two transports -------------------------------------------------------------
const ipc = new FakeIpcMain()
let senders: SenderRegistry
let nextWindowId = 100

async function webSession(): Promise<Call> {
  const client = await connectClient(server)
  closers.push(() => client.close())
  return client.api.call.bind(client.api) as Call
}

function ipcSession(): Call {
  const window = new FakeWebContents(nextWindowId++)
  attachWindow(window, { service: server.service, senders })
  const event = invokeEvent(window.id, `${APP_ORIGIN}/index.html`)
  return ((name: CommandName, input: unknown) =>
    ipc.invoke(event, INVOKE_CHANNELS[name] ?? `auction:invoke:${name}`, input)) as Call
}

const TRANSPORTS: [string, () => Promise<Call> | Call][] = [
  ['WebSocket', webSession],
  ['IPC', ipcSession],
]

// ---- what the store holds -----------------------------------------------------------
/**
 * Every key and its content, except the sign-in bookkeeping: failure counters and the
 * slow-down block are written by a failed sign-in, by design.
 */
async function digest(): Promise<string> {
  const keys = (await admin.keys('*')).filter((key) => !/:(failures|blocked)$/.test(key)).sort()
  const hash = createHash('sha256')
  for (const key of keys) {
    const dumped = await admin.dumpBuffer(key)
    hash
      .update(key)
      .update('\0')
      .update(dumped ?? Buffer.alloc(0))
      .update('\0')
  }
  return hash.digest('hex')
}

// ---- a valid input for every command (each would change something if let through) ----
const request = (): string => uniqueId('request')
function inputs(): { [N in CommandName]: CommandInput<N> } {
  const sale = live.saleId
  return {
    'connection:status': {},
    'clock:now': {},
    'auth:status': {},
    'auth:setup': {
      operatorId: uniqueId('boss'),
      displayName: 'Boss',
      password: 'a long password',
    },
    'auth:signIn': { operatorId: decoyStaff.operatorId, password: 'a wrong password' },
    'auth:resume': { resume: randomBytes(32).toString('base64url') },
    'auth:signOut': {},
    'profile:get': {},
    'settings:get': {},
    'settings:save': { url: 'redis://127.0.0.1:1' },
    'settings:test': { url: redis.url },
    'operators:list': {},
    'operators:add': {
      operatorId: uniqueId('new'),
      displayName: 'New',
      role: 'staff',
      password: 'a long password',
    },
    'operators:disable': { operatorId: clerk.operatorId },
    'operators:enable': { operatorId: clerk.operatorId },
    'operators:passwd': { operatorId: clerk.operatorId, password: 'a new long password' },
    'auctions:list': {},
    'auctions:get': { auctionId },
    'auctions:watch': { auctionId },
    'auctions:unwatch': { auctionId },
    'bids:history': { auctionId },
    'bids:place': {
      auctionId,
      bidderId: victim.operatorId,
      amount: '500.00',
      requestId: request(),
    },
    'sales:list': {},
    'sales:get': { saleId: sale },
    'sales:lots': { saleId: sale },
    'sales:watch': { saleId: sale },
    'sales:unwatch': { saleId: sale },
    'auctions:create': {
      title: 'Impostor lot',
      startingPrice: '1.00',
      increment: '1.00',
      durationMs: 60_000,
      start: true,
    },
    'auctions:start': { auctionId: draftAuctionId },
    'auctions:end': { auctionId },
    'auctions:cancel': { auctionId },
    'sales:create': { title: 'Impostor sale', mode: 'live' },
    'sales:start': { saleId: draft.saleId },
    'sales:end': { saleId: sale },
    'sales:cancel': { saleId: sale },
    'lots:add': { saleId: draft.saleId, number: '9', title: 'Added', startingPrice: '1.00' },
    'lots:update': { lotId: draft.lotId, changes: { title: 'Changed' } },
    'lots:remove': { lotId: draft.lotId },
    'lots:reorder': { saleId: draft.saleId, order: ['1'] },
    'lots:import': {
      saleId: draft.saleId,
      lots: [{ number: '8', title: 'Imported', startingPrice: '1.00' }],
    },
    'lots:offer': { saleId: sale, lotId: live.waiting },
    'lots:floor': { lotId: live.onBlock, requestId: request() },
    'lots:ask': { lotId: live.onBlock, amount: '900.00' },
    'lots:warn': { lotId: live.onBlock },
    'lots:hammer': { lotId: live.onBlock, paddle: victim.operatorId, belowReserve: true },
    'lots:pass': { lotId: live.onBlock, reason: 'impostor' },
    'lots:retract': { lotId: live.onBlock, reason: 'impostor' },
    'lots:reopen': { lotId: live.onBlock, reason: 'impostor' },
    'lots:withdraw': { lotId: live.waiting },
    'lots:book': { lotId: live.waiting },
    'sales:log': { saleId: sale },
    'sales:verifyLog': { saleId: sale },
    'sales:rates': { saleId: sale, rates: [{ currency: 'EUR', rate: '1.17' }] },
    'display:link': { saleId: sale },
    'sales:update': { saleId: draft.saleId, title: 'Impostor title', commission: '90%' },
    'register:list': { saleId: sale },
    'register:add': { saleId: sale, paddle: uniqueId('paddle'), name: 'Impostor', approved: true },
    'register:update': { saleId: sale, paddle: victim.operatorId, limit: '1.00' },
    'register:approve': { saleId: sale, paddle: victim.operatorId, approved: false },
    'register:import': {
      saleId: sale,
      entries: [{ paddle: uniqueId('paddle'), name: 'Imported', approved: true }],
    },
    'sales:results': { saleId: sale },
    'sales:invoice': { saleId: sale, paddle: victim.operatorId },
    'sales:invoices': { saleId: sale },
    // Seller A's own statement: another seller (NOT_SELLER) and a bidder may not read it.
    'sales:statement': { saleId: sale, sellerId: owner.operatorId },
    'sales:statements': { saleId: sale },
    'sales:report': { saleId: sale },
    'print:pdf': { fileName: 'impostor.pdf' },
  }
}

/** The commands a role is refused, and how (the policy's word, or the engine's). */
function refusedFor(role: OperatorProfile['role'] | 'nobody'): [CommandName, string[]][] {
  const names = Object.keys(commands) as CommandName[]
  return names.flatMap((name): [CommandName, string[]][] => {
    const rule = RULES[name]
    if (rule === 'open') return []
    if (role === 'nobody') return [[name, ['UNAUTHORIZED']]]
    if (rule === 'staff' || rule === 'settings') return [[name, ['UNAUTHORIZED']]]
    if (role === 'bidder' && rule === 'clerk') return [[name, ['UNAUTHORIZED']]]
    // Another seller: the clerk's commands on seller A's things. Creating their own is theirs.
    if (role === 'seller' && rule === 'clerk' && !name.endsWith(':create')) {
      return [[name, ['NOT_SELLER']]]
    }
    if (role === 'bidder' && name === 'bids:place') return [[name, ['UNAUTHORIZED']]]
    return []
  })
}

/** Every way the session might try to become someone else; each must fail. */
async function impersonate(call: Call): Promise<void> {
  const anyCall = call as unknown as AnyCall
  // Gone from the contract: the web answers INVALID_INPUT, IPC has no such channel at all.
  const declared = await anyCall('profile:set', { ...decoyStaff }).catch((error: Error) => ({
    ok: false as const,
    error: { code: 'INVALID_INPUT', field: 'name', message: error.message },
  }))
  expect(declared).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'name' } })
  const forged = await call('auth:resume', { resume: randomBytes(32).toString('base64url') })
  expect(forged).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
  const guessed = await call('auth:signIn', {
    operatorId: decoyStaff.operatorId,
    password: 'staff password?',
  })
  expect(guessed).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED' } })
  const setUp = await call('auth:setup', {
    operatorId: uniqueId('boss'),
    displayName: 'Boss',
    password: 'a long password',
  })
  expect(setUp).toMatchObject({ ok: false, error: { code: 'OPERATOR_EXISTS' } })
}

beforeAll(async () => {
  redis = await startRedis()
  admin = new Redis(redis.url)
  server = await startConsole({ redisUrl: redis.url, serviceOptions: { scheduler: false } })
  senders = new SenderRegistry(trustedOrigins(undefined, true))
  closers.push(bindContract({ ipcMain: ipc, service: server.service, senders }))
  await ensureOperator(redis.url, decoyStaff)
  await ensureOperator(redis.url, victim)

  const ownerCall = await webSession()
  await signInAs(ownerCall, owner, redis.url)
  const must = <T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> => {
    if (!result.ok) throw new Error(JSON.stringify(result))
    return result as Extract<T, { ok: true }>
  }
  const sale = must(
    await ownerCall('sales:create', { title: 'Target sale', mode: 'live', increment: '10.00' }),
  ).sale
  for (const number of ['1', '2']) {
    must(
      await ownerCall('lots:add', {
        saleId: sale.id,
        number,
        title: `Lot ${number}`,
        startingPrice: '100.00',
        reservePrice: '300.00',
      }),
    )
  }
  // The victim's paddle is in the register (approved), so an edit of it reaches the rules.
  must(
    await ownerCall('register:add', {
      saleId: sale.id,
      paddle: victim.operatorId,
      name: 'Victim',
      approved: true,
    }),
  )
  must(await ownerCall('sales:start', { saleId: sale.id }))
  const offered = must(await ownerCall('lots:offer', { saleId: sale.id })).lot
  must(await ownerCall('lots:floor', { lotId: offered.id, requestId: request() }))
  live = { saleId: sale.id, onBlock: offered.id, waiting: `${sale.id}.2` }
  const drafted = must(
    await ownerCall('sales:create', {
      title: 'Draft sale',
      mode: 'timed',
      increment: '1.00',
      durationMs: 3_600_000,
    }),
  )
  must(
    await ownerCall('lots:add', {
      saleId: drafted.sale.id,
      number: '1',
      title: 'Draft lot',
      startingPrice: '5.00',
    }),
  )
  draft = { saleId: drafted.sale.id, lotId: `${drafted.sale.id}.1` }
  const auction = {
    title: 'Target lot',
    startingPrice: '10.00',
    increment: '1.00',
    durationMs: 3_600_000,
  }
  auctionId = must(await ownerCall('auctions:create', { ...auction, start: true })).auction.id
  draftAuctionId = must(await ownerCall('auctions:create', auction)).auction.id
  // Staff exists (so no first-launch setup is open) and is signed in somewhere.
  await signInAs(await webSession(), clerk, redis.url)
})

afterAll(async () => {
  for (const close of closers) close()
  await server?.stop()
  admin?.disconnect()
  await redis?.stop()
})

describe.each(TRANSPORTS)('over %s', (_transport, open) => {
  const cases: [string, OperatorProfile | null][] = [
    ['a session that has not signed in', null],
    ['a bidder', bidder()],
    ['another seller', seller()],
  ]

  it.each(cases)('%s is refused every call its role may not make', async (_who, profile) => {
    const call = await open()
    if (profile) await signInAs(call, profile, redis.url)
    const before = await digest()
    const all = inputs()
    const refused = refusedFor(profile?.role ?? 'nobody')
    expect(refused.length).toBeGreaterThan(profile ? 15 : 40)
    for (const [name, codes] of refused) {
      const input = all[name]
      const first = await (call as unknown as AnyCall)(name, input)
      expect(first.ok, `${name} was let through`).toBe(false)
      expect(codes, `${name}: ${JSON.stringify(first)}`).toContain(!first.ok && first.error.code)
      await impersonate(call)
      // Still the same operator (or nobody), and still refused.
      const again = await (call as unknown as AnyCall)(name, input)
      expect(codes, `${name} again: ${JSON.stringify(again)}`).toContain(
        !again.ok && again.error.code,
      )
    }
    const me = await call('profile:get', {})
    if (profile) expect(me).toEqual({ ok: true, profile })
    else expect(me).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    expect(await digest()).toBe(before)
  })

  it('a bidder bids only as its own paddle', async () => {
    const call = await open()
    const me = bidder()
    await signInAs(call, me, redis.url)
    const before = await digest()
    const asVictim = await call('bids:place', inputs()['bids:place'])
    expect(asVictim).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    expect(await digest()).toBe(before)
    const own = await call('bids:place', {
      auctionId,
      bidderId: me.operatorId,
      amount: 'asking',
      requestId: request(),
    })
    expect(own).toMatchObject({ ok: true })
    const read = await call('auctions:get', { auctionId })
    expect(read.ok && read.auction.leaderId).toBe(me.operatorId)
  })
})
