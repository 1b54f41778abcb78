// Binds the contract to ipcMain: one handler per command channel. Each call is checked
// (sender, argument shape) here, then validated and run by the API service; whatever
// happens, the renderer gets a {ok,...} value back, never a thrown error.
import type { ApiService } from '../api/types'
import { fail, type Failure } from '../../shared/errors'
import { commandNames, INVOKE_CHANNELS } from './channels'
import type { InvokeEventLike, SenderRegistry } from './senders'

/** The parts of Electron's ipcMain the binding uses (a fake in tests). */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void
  removeHandler(channel: string): void
}

export interface BindingOptions {
  ipcMain: IpcMainLike
  service: Pick<ApiService, 'call'>
  senders: SenderRegistry
  /** Where refused calls are reported (main-process log). */
  warn?: (message: string) => void
}

/** Registers every command handler; returns a function that removes them again. */
export function bindContract({ ipcMain, service, senders, warn }: BindingOptions): () => void {
  const channels: string[] = []
  for (const name of commandNames()) {
    const channel = INVOKE_CHANNELS[name]
    ipcMain.handle(channel, async (event, ...args): Promise<unknown> => {
      const verdict = senders.check(event)
      if (!verdict.ok) {
        warn?.(`refused ${name} from webContents ${event.sender.id}: ${verdict.reason}`)
        return fail('UNAUTHORIZED', 'This window may not use the console API.')
      }
      // The preload always sends exactly one argument; anything else is not our renderer.
      if (args.length !== 1) {
        return fail('INVALID_INPUT', 'A command takes exactly one input object.', {
          field: 'input',
        })
      }
      return runSafely(() => service.call(verdict.session, name, args[0]))
    })
    channels.push(channel)
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel)
  }
}

/** The service promises never to throw; this keeps that true even if it has a bug. */
async function runSafely(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run()
  } catch {
    const failure: Failure = fail('INTERNAL', 'The command failed unexpectedly.')
    return failure
  }
}
