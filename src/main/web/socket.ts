// Binds one WebSocket (one browser tab) to one API session: requests in, replies and
// pushes out, as JSON text frames (WireRequest / WireMessage in the contract).
import type { Socket } from 'node:net'
import type { WebSocket } from 'ws'
import type { WireMessage } from '../../shared/contract'
import { fail } from '../../shared/errors'
import { MAX_IN_FLIGHT } from '../../shared/web-limits'
import type { ApiService } from '../api/types'

/**
 * A tab that does not read what it is sent is dropped past this (it reconnects and resyncs
 * from snapshots); without a bound the server held hundreds of MB for one socket.
 */
export const MAX_BUFFERED = 8 * 1024 * 1024

/** `transport` is the socket's TCP connection (the upgraded request's). */
export function bindSocket(
  socket: WebSocket,
  service: ApiService,
  transport: Pick<Socket, 'cork' | 'uncork'>,
): void {
  // What is sent in one tick leaves in one write: the answers to a batch of bids resolve
  // together (one read of Redis replies), and a write per frame is a syscall each.
  let corked = false
  const uncork = (): void => {
    corked = false
    transport.uncork()
  }
  const send = (message: WireMessage): void => {
    if (socket.readyState !== socket.OPEN) return
    if (socket.bufferedAmount > MAX_BUFFERED) {
      return void socket.close(1013, 'too slow: more than 8 MiB unread')
    }
    if (!corked) {
      corked = true
      transport.cork()
      process.nextTick(uncork)
    }
    socket.send(JSON.stringify(message))
  }
  const session = service.openSession((push, payload) => send({ push, payload } as WireMessage))
  let alive = true
  socket.on('pong', () => (alive = true))
  // Dead tabs (sleeping laptops) would hold watches and presence: ping and drop them.
  const keepAlive = setInterval(() => {
    if (!alive) return void socket.terminate()
    alive = false
    socket.ping()
  }, 30_000)
  keepAlive.unref()

  let inFlight = 0
  socket.on('message', (data, isBinary) => {
    // Closing (it would not read): nothing more is started for it.
    if (socket.readyState !== socket.OPEN) return
    if (isBinary) return void socket.close(1003, 'text frames only')
    let request: { id?: unknown; name?: unknown; input?: unknown }
    try {
      request = JSON.parse(data.toString()) as typeof request
    } catch {
      return void socket.close(1007, 'not JSON')
    }
    const id = request?.id
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
      return void socket.close(1007, 'a request needs a numeric id')
    }
    if (typeof request.name !== 'string') {
      return send({ id, result: fail('INVALID_INPUT', 'name: a command name', { field: 'name' }) })
    }
    if (inFlight >= MAX_IN_FLIGHT) {
      const message = `At most ${MAX_IN_FLIGHT} requests at once on one connection: wait for the answers.`
      return send({ id, result: fail('TOO_MANY_REQUESTS', message, { limit: MAX_IN_FLIGHT }) })
    }
    inFlight++
    void service
      .call(session, request.name, request.input)
      .then((result) => send({ id, result }))
      .catch(() => send({ id, result: fail('INTERNAL', 'The command failed unexpectedly.') }))
      .finally(() => inFlight--)
  })

  socket.on('close', () => {
    clearInterval(keepAlive)
    service.closeSession(session)
  })
  socket.on('error', () => socket.terminate())
}
