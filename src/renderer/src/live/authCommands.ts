// Sign-in, first-launch setup and sign-out as the console sends them: a successful answer
// puts the main side's profile in the store (the role decides what the screens show), and a
// call that cannot reach the main side answers a Failure like any other.
import type { AuctionApi, CommandInput, CommandName, CommandResult } from '../../../shared/contract'
import { fail } from '../../../shared/errors'
import type { ConsoleStore } from '../store'

export interface AuthCommands {
  signIn: (input: CommandInput<'auth:signIn'>) => Promise<CommandResult<'auth:signIn'>>
  setup: (input: CommandInput<'auth:setup'>) => Promise<CommandResult<'auth:setup'>>
  /** Ends this operator's sign-in on every console; answers an error in words, or null. */
  signOut: () => Promise<string | null>
}

/** Any command, with a lost main side answered as REDIS_UNAVAILABLE instead of a throw. */
export function safeCall(api: AuctionApi) {
  return <N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandResult<N>> =>
    api
      .call(name, input)
      .catch(
        () =>
          fail('REDIS_UNAVAILABLE', 'The console service cannot be reached.') as CommandResult<N>,
      )
}

export function createAuthCommands(api: AuctionApi, store: ConsoleStore): AuthCommands {
  const call = safeCall(api)
  return {
    signIn: async (input) => {
      const answer = await call('auth:signIn', input)
      if (answer.ok) store.getState().signedIn(answer.profile)
      return answer
    },
    setup: async (input) => {
      const answer = await call('auth:setup', input)
      if (answer.ok) store.getState().signedIn(answer.profile)
      return answer
    },
    signOut: async () => {
      const answer = await call('auth:signOut', {})
      if (!answer.ok) return answer.error.message
      store.getState().signedOut('You have signed out.')
      return null
    },
  }
}
