// Settings → Operators: staff manage the accounts (the policy lets only staff in). Every
// change is recorded on the account as made by the signed-in operator.
import type { CommandName } from '../../shared/contract'
import { fail, type Failure } from '../../shared/errors'
import type { OperatorStore } from '../accounts'
import type { CommandContext, Handler, SessionState } from './context'

type OperatorCommand = Extract<
  CommandName,
  'operators:list' | 'operators:add' | 'operators:disable' | 'operators:enable' | 'operators:passwd'
>

async function withAccounts<T>(
  ctx: CommandContext,
  work: (accounts: OperatorStore) => Promise<T>,
): Promise<T | Failure> {
  const accounts = ctx.accounts()
  return 'ok' in accounts ? accounts : work(accounts)
}

const by = (session: SessionState): string => session.profile?.operatorId ?? ''

export const operatorHandlers: { [N in OperatorCommand]: Handler<N> } = {
  'operators:list': (ctx) => withAccounts(ctx, (accounts) => accounts.list()),

  'operators:add': (ctx, session, { operatorId, displayName, role, password }) =>
    withAccounts(ctx, (accounts) =>
      accounts.add({ id: operatorId, displayName, role, password }, by(session)),
    ),

  'operators:disable': (ctx, session, { operatorId }) => {
    // A house must never lock out its last way in by a slip of the mouse.
    if (operatorId === by(session)) {
      return Promise.resolve(
        fail('INVALID_INPUT', 'You cannot disable your own account.', { field: 'operatorId' }),
      )
    }
    return withAccounts(ctx, async (accounts) => {
      const disabled = await accounts.disable(operatorId, by(session))
      if (disabled.ok) ctx.endSignIns(operatorId, Number.MAX_SAFE_INTEGER, 'disabled')
      return disabled
    })
  },

  'operators:enable': (ctx, session, { operatorId }) =>
    withAccounts(ctx, (accounts) => accounts.enable(operatorId, by(session))),

  'operators:passwd': (ctx, session, { operatorId, password }) =>
    withAccounts(ctx, async (accounts) => {
      const changed = await accounts.setPassword(operatorId, password, by(session))
      if (changed.ok) ctx.endSignIns(operatorId, Number.MAX_SAFE_INTEGER, 'password-changed')
      return changed
    }),
}
