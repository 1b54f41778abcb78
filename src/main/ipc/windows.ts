// Ties a window's webContents to an API session: opened when the window is attached,
// renewed when its page reloads (the new page has no watches yet), closed when the
// window goes away. Pushes for the session go out with webContents.send.
import type { ApiService, PushSink } from '../api/types'
import { pushChannel } from './channels'
import type { SenderRegistry } from './senders'

/** The parts of Electron's WebContents this module uses (a fake in tests). */
export interface WebContentsLike {
  readonly id: number
  isDestroyed(): boolean
  send(channel: string, ...args: unknown[]): void
  on(event: 'did-navigate' | 'destroyed', listener: () => void): unknown
}

/** A PushSink that sends to one webContents, on the contract's push channels only. */
export function pushTo(contents: WebContentsLike, onPush?: PushSink): PushSink {
  return (name, payload) => {
    const channel = pushChannel(name)
    if (!channel || contents.isDestroyed()) return
    contents.send(channel, payload)
    onPush?.(name, payload)
  }
}

export interface AttachOptions {
  service: Pick<ApiService, 'openSession' | 'closeSession'>
  senders: SenderRegistry
  /** Also sees every push (the native notifications listen here). */
  onPush?: PushSink
}

/** Gives the window its session and keeps it current; returns a detach function. */
export function attachWindow(contents: WebContentsLike, options: AttachOptions): () => void {
  const { service, senders, onPush } = options
  const id = contents.id
  const open = (): void => senders.set(id, service.openSession(pushTo(contents, onPush)))
  const close = (): void => {
    const session = senders.get(id)
    if (!session) return
    senders.delete(id)
    service.closeSession(session)
  }
  open()
  // A reload (or the first load) starts a fresh page: drop the old page's watches.
  contents.on('did-navigate', () => {
    close()
    open()
  })
  contents.on('destroyed', close)
  return close
}
