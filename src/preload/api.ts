// Builds window.auctionApi from an ipcRenderer. Kept apart from index.ts (which touches
// Electron) so the rules are tested with a fake: only the contract's channels, and the
// renderer never sees the IPC event object (it holds the sender).
import type { AuctionApi, CommandName, CommandResult } from '../shared/contract'
import { fail } from '../shared/errors'
import { invokeChannel, pushChannel } from '../main/ipc/channels'

/** The parts of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

export function createAuctionApi(ipc: IpcRendererLike): AuctionApi {
  return {
    call<N extends CommandName>(name: N, input: unknown): Promise<CommandResult<N>> {
      const channel = invokeChannel(name)
      if (!channel) {
        return Promise.resolve(
          fail('INVALID_INPUT', `Unknown command: ${String(name)}`, { field: 'name' }),
        )
      }
      // Exactly one argument; undefined becomes {} so commands without input are easy.
      return ipc.invoke(channel, input ?? {}).then(
        (result) => result as CommandResult<N>,
        () => fail('INTERNAL', 'The console could not reach the main process.'),
      )
    },
    on(name, handler) {
      const channel = pushChannel(name)
      if (!channel) throw new TypeError(`Unknown event: ${String(name)}`)
      if (typeof handler !== 'function') throw new TypeError('The handler must be a function')
      const listener = (_event: unknown, payload: unknown): void =>
        (handler as (payload: unknown) => void)(payload)
      ipc.on(channel, listener)
      return () => {
        ipc.removeListener(channel, listener)
      }
    },
  }
}
