// Stand-ins for the few Electron objects the IPC binding touches. What is tested is our
// binding (sender checks, argument rules, sessions, pushes), not Electron itself.
import type { ApiService, ApiSession, PushSink } from '../../../src/main/api/types'
import type { IpcMainLike } from '../../../src/main/ipc/binding'
import type { InvokeEventLike } from '../../../src/main/ipc/senders'
import type { WebContentsLike } from '../../../src/main/ipc/windows'

type Handler = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>()

  handle(channel: string, listener: Handler): void {
    // Electron throws on a second handler for one channel; so do we.
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, listener)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  /** What ipcRenderer.invoke(channel, ...args) would get back. */
  invoke(event: InvokeEventLike, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`))
    return handler(event, ...args)
  }
}

export const invokeEvent = (
  webContentsId: number,
  url: string | null,
  options: { subframe?: boolean } = {},
): InvokeEventLike => ({
  sender: { id: webContentsId },
  senderFrame: url === null ? null : { url, parent: options.subframe ? {} : null },
})

export class FakeWebContents implements WebContentsLike {
  readonly sent: { channel: string; args: unknown[] }[] = []
  private readonly listeners = new Map<string, (() => void)[]>()
  destroyed = false

  constructor(readonly id: number) {}

  isDestroyed(): boolean {
    return this.destroyed
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }

  on(event: string, listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }

  emit(event: 'did-navigate' | 'destroyed'): void {
    if (event === 'destroyed') this.destroyed = true
    for (const listener of this.listeners.get(event) ?? []) listener()
  }
}

/** An ApiService that records what reaches it and answers with the call it saw. */
export class RecordingService implements ApiService {
  readonly calls: { session: string; name: string; input: unknown }[] = []
  readonly open = new Map<string, PushSink>()
  readonly closed: string[] = []
  throwOn?: string
  private next = 0

  openSession(push: PushSink): ApiSession {
    const session = { id: `s${++this.next}` }
    this.open.set(session.id, push)
    return session
  }

  closeSession(session: ApiSession): void {
    this.open.delete(session.id)
    this.closed.push(session.id)
  }

  async call(session: ApiSession, name: string, input: unknown): Promise<never> {
    if (name === this.throwOn) throw new Error('service bug')
    this.calls.push({ session: session.id, name, input })
    return { ok: true, echo: { session: session.id, name, input } } as never
  }

  async close(): Promise<void> {}
}
