// The IPC binding without Electron: which senders may call, what reaches the service,
// how sessions follow windows, and what the preload lets the renderer do.
import { beforeEach, describe, expect, it } from 'vitest'
import { commands } from '../../src/shared/contract'
import {
  APP_ORIGIN,
  attachWindow,
  bindContract,
  INVOKE_CHANNELS,
  PUSH_CHANNELS,
  pushTo,
  SenderRegistry,
  trustedOrigins,
} from '../../src/main/ipc'
import { createAuctionApi, type IpcRendererLike } from '../../src/preload/api'
import { FakeIpcMain, FakeWebContents, invokeEvent, RecordingService } from './support/fakes'

const PAGE = `${APP_ORIGIN}/index.html`
const LIST = INVOKE_CHANNELS['auctions:list']
const BID = INVOKE_CHANNELS['bids:place']

describe('channel map', () => {
  it('has one namespaced invoke channel per contract command, and nothing else', () => {
    expect(Object.keys(INVOKE_CHANNELS).sort()).toEqual(Object.keys(commands).sort())
    for (const [name, channel] of Object.entries(INVOKE_CHANNELS)) {
      expect(channel).toBe(`auction:invoke:${name}`)
    }
    expect(new Set(Object.values(INVOKE_CHANNELS)).size).toBe(Object.keys(commands).length)
  })

  it('has one namespaced push channel per push event', () => {
    expect(Object.keys(PUSH_CHANNELS).sort()).toEqual(
      [
        'auction:events',
        'auction:snapshot',
        'auction:viewers',
        'connection:state',
        'sale:events',
        'sale:snapshot',
        'session:ended',
      ].sort(),
    )
    for (const channel of Object.values(PUSH_CHANNELS)) expect(channel).toMatch(/^auction:push:/)
  })
})

describe('bindContract', () => {
  let ipc: FakeIpcMain
  let service: RecordingService
  let senders: SenderRegistry
  let warnings: string[]
  let window: FakeWebContents
  let unbind: () => void

  beforeEach(() => {
    ipc = new FakeIpcMain()
    service = new RecordingService()
    senders = new SenderRegistry(trustedOrigins(undefined, true))
    warnings = []
    unbind = bindContract({ ipcMain: ipc, service, senders, warn: (m) => warnings.push(m) })
    window = new FakeWebContents(7)
    attachWindow(window, { service, senders })
  })

  it('registers a handler for every command and removes them all on unbind', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort())
    unbind()
    expect(ipc.handlers.size).toBe(0)
  })

  it("runs a call from our window's main frame in that window's session", async () => {
    const input = { status: 'active', limit: 5 }
    const result = await ipc.invoke(invokeEvent(7, PAGE), LIST, input)
    expect(result).toEqual({
      ok: true,
      echo: { session: senders.get(7)?.id, name: 'auctions:list', input },
    })
    expect(service.calls).toHaveLength(1)
  })

  it.each([
    ['a window we did not create', invokeEvent(99, PAGE)],
    ['a frame that is gone (senderFrame null)', invokeEvent(7, null)],
    ['a subframe', invokeEvent(7, PAGE, { subframe: true })],
    ['a remote page', invokeEvent(7, 'https://evil.example/index.html')],
    ['a look-alike host', invokeEvent(7, 'app://console.evil.example/index.html')],
    ['another app:// host', invokeEvent(7, 'app://other/index.html')],
    ['a file:// page', invokeEvent(7, 'file:///tmp/index.html')],
    ['the dev server in a packaged app', invokeEvent(7, 'http://localhost:5173/')],
    ['an unparsable URL', invokeEvent(7, 'not a url')],
  ])('refuses %s with UNAUTHORIZED and never reaches the service', async (_label, event) => {
    const result = await ipc.invoke(event, BID, { auctionId: 'a1' })
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    expect(service.calls).toHaveLength(0)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('bids:place')
  })

  it('refuses a call with no argument or extra arguments as INVALID_INPUT', async () => {
    for (const args of [[], [{}, {}], [{}, 'extra', 3]]) {
      const result = await ipc.invoke(invokeEvent(7, PAGE), LIST, ...args)
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'input' } })
    }
    expect(service.calls).toHaveLength(0)
  })

  it('passes the untrusted input as it came: validation is the service’s job', async () => {
    const input = { auctionId: '../../etc', amount: -1, extra: { nested: true } }
    await ipc.invoke(invokeEvent(7, PAGE), BID, input)
    expect(service.calls[0]?.input).toEqual(input)
  })

  it('turns an exception inside the service into an INTERNAL failure, not a rejection', async () => {
    service.throwOn = 'auctions:list'
    const result = await ipc.invoke(invokeEvent(7, PAGE), LIST, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('gives each window its own session and sends its pushes only to it', async () => {
    const other = new FakeWebContents(8)
    attachWindow(other, { service, senders })
    await ipc.invoke(invokeEvent(7, PAGE), LIST, {})
    await ipc.invoke(invokeEvent(8, PAGE), LIST, {})
    const [first, second] = service.calls.map((call) => call.session)
    expect(first).toBeDefined()
    expect(first).not.toBe(second)

    const pushOf7 = service.open.get(first as string)
    pushOf7?.('auction:viewers', { auctionId: 'a1', viewers: 3 })
    expect(window.sent).toEqual([
      { channel: PUSH_CHANNELS['auction:viewers'], args: [{ auctionId: 'a1', viewers: 3 }] },
    ])
    expect(other.sent).toEqual([])
  })

  it('starts a fresh session when the page reloads, dropping the old one', async () => {
    const before = senders.get(7)?.id
    window.emit('did-navigate')
    const after = senders.get(7)?.id
    expect(after).toBeDefined()
    expect(after).not.toBe(before)
    expect(service.closed).toEqual([before])
    await ipc.invoke(invokeEvent(7, PAGE), LIST, {})
    expect(service.calls[0]?.session).toBe(after)
  })

  it('closes the session when the window goes away, and refuses it afterwards', async () => {
    const session = senders.get(7)?.id as string
    const push = service.open.get(session)
    window.emit('destroyed')
    expect(service.closed).toEqual([session])
    expect(senders.size).toBe(0)
    const result = await ipc.invoke(invokeEvent(7, PAGE), LIST, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    push?.('auction:viewers', { auctionId: 'a1', viewers: 1 })
    expect(window.sent).toEqual([])
  })
})

describe('trusted origins', () => {
  it('trusts a loopback dev server only when the app is not packaged', () => {
    expect(trustedOrigins('http://localhost:5173', false)).toEqual([
      APP_ORIGIN,
      'http://localhost:5173',
    ])
    expect(trustedOrigins('http://localhost:5173', true)).toEqual([APP_ORIGIN])
    expect(trustedOrigins('http://10.0.0.8:5173', false)).toEqual([APP_ORIGIN])
    expect(trustedOrigins('file:///tmp/x', false)).toEqual([APP_ORIGIN])
    expect(trustedOrigins('::nonsense', false)).toEqual([APP_ORIGIN])
  })

  it('lets the dev server page call in development', async () => {
    const ipc = new FakeIpcMain()
    const service = new RecordingService()
    const senders = new SenderRegistry(trustedOrigins('http://localhost:5173', false))
    bindContract({ ipcMain: ipc, service, senders })
    attachWindow(new FakeWebContents(3), { service, senders })
    const ok = await ipc.invoke(invokeEvent(3, 'http://localhost:5173/#/lots'), LIST, {})
    expect(ok).toMatchObject({ ok: true })
    const refused = await ipc.invoke(invokeEvent(3, 'http://localhost:5174/'), LIST, {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
  })
})

describe('pushTo', () => {
  it('sends only the contract’s push events', () => {
    const contents = new FakeWebContents(1)
    const push = pushTo(contents) as (name: string, payload: unknown) => void
    push('connection:state', { state: 'live' })
    push('auction:secret', { anything: true })
    push('__proto__', {})
    expect(contents.sent.map((message) => message.channel)).toEqual([
      PUSH_CHANNELS['connection:state'],
    ])
  })
})

/** An ipcRenderer that answers invokes from a table and records listeners. */
class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: { channel: string; args: unknown[] }[] = []
  readonly listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>()
  reject = false

  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args })
    if (this.reject) throw new Error(`Error invoking remote method '${channel}'`)
    return { ok: true, channel }
  }

  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    const set = this.listeners.get(channel) ?? new Set()
    set.add(listener)
    this.listeners.set(channel, set)
    return this
  }

  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    this.listeners.get(channel)?.delete(listener)
    return this
  }

  emit(channel: string, payload: unknown): void {
    const event = { sender: 'the IPC event must not reach the page' }
    for (const listener of this.listeners.get(channel) ?? []) listener(event, payload)
  }
}

describe('preload bridge (window.auctionApi)', () => {
  it('exposes exactly call and on', () => {
    expect(Object.keys(createAuctionApi(new FakeIpcRenderer())).sort()).toEqual(['call', 'on'])
  })

  it('invokes the command’s channel with exactly one argument', async () => {
    const ipc = new FakeIpcRenderer()
    const api = createAuctionApi(ipc)
    const result = await api.call('bids:place', {
      auctionId: 'a1',
      bidderId: 'b1',
      amount: '10.00',
      requestId: 'req-00001',
    })
    expect(result).toEqual({ ok: true, channel: BID })
    await api.call('clock:now', undefined as never)
    expect(ipc.invoked.map((call) => call.args.length)).toEqual([1, 1])
    expect(ipc.invoked[1]?.args[0]).toEqual({})
  })

  it('refuses names outside the contract without touching IPC', async () => {
    const ipc = new FakeIpcRenderer()
    const api = createAuctionApi(ipc) as unknown as {
      call(name: string, input: unknown): Promise<unknown>
      on(name: string, handler: (payload: unknown) => void): () => void
    }
    for (const name of [
      'auction:invoke:bids:place',
      'shell:openExternal',
      'constructor',
      '__proto__',
    ]) {
      expect(await api.call(name, {})).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', field: 'name' },
      })
      expect(() => api.on(name, () => undefined)).toThrow(TypeError)
    }
    expect(ipc.invoked).toEqual([])
    expect(ipc.listeners.size).toBe(0)
  })

  it('answers INTERNAL when the main process does not answer, instead of throwing', async () => {
    const ipc = new FakeIpcRenderer()
    ipc.reject = true
    const result = await createAuctionApi(ipc).call('auctions:list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('delivers pushes without the IPC event, and unsubscribes with the returned function', () => {
    const ipc = new FakeIpcRenderer()
    const api = createAuctionApi(ipc)
    const seen: unknown[][] = []
    const off = api.on('auction:viewers', (...args: unknown[]) => seen.push(args))
    ipc.emit(PUSH_CHANNELS['auction:viewers'], { auctionId: 'a1', viewers: 2 })
    ipc.emit(PUSH_CHANNELS['auction:snapshot'], { auction: {} })
    expect(seen).toEqual([[{ auctionId: 'a1', viewers: 2 }]])
    off()
    ipc.emit(PUSH_CHANNELS['auction:viewers'], { auctionId: 'a1', viewers: 5 })
    expect(seen).toHaveLength(1)
    expect(ipc.listeners.get(PUSH_CHANNELS['auction:viewers'])?.size).toBe(0)
  })
})
