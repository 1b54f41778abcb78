// Sign-in: the session's identity comes from an account's password, checked on the main
// side, and ends with a sign-out, a disable or a new password on any console.
import type { CommandName, OperatorProfile } from '../../shared/contract'
import { fail } from '../../shared/errors'
import type { Operator } from '../accounts'
import type { Handler } from './context'
import { sessionFailed, sessionSucceeded, sessionWaitMs } from './session-slow-down'

type AuthCommand = Extract<
  CommandName,
  'auth:status' | 'auth:setup' | 'auth:signIn' | 'auth:resume' | 'auth:signOut' | 'profile:get'
>

/** The one message for every failed sign-in: it never says which part was wrong. */
const SIGN_IN_FAILED = 'The operator id or the password is not right, or the account is disabled.'

const profileOf = (operator: Operator): OperatorProfile => ({
  operatorId: operator.id,
  displayName: operator.displayName,
  role: operator.role,
})

export const authHandlers: { [N in AuthCommand]: Handler<N> } = {
  'profile:get': async (_ctx, session) => ({ ok: true, profile: session.profile }),

  'auth:status': async (ctx, session) => {
    // A signed-in session knows an account exists; Redis need not be asked.
    if (session.profile) return { ok: true, profile: session.profile, setupNeeded: false }
    const accounts = ctx.accounts()
    if ('ok' in accounts) return accounts
    const setup = await accounts.setupNeeded()
    return setup.ok ? { ok: true, profile: null, setupNeeded: setup.setupNeeded } : setup
  },

  'auth:setup': async (ctx, session, { operatorId, displayName, password }) => {
    const accounts = ctx.accounts()
    if ('ok' in accounts) return accounts
    const created = await accounts.addFirstStaff(
      { id: operatorId, displayName, password },
      operatorId,
    )
    if (!created.ok) return created
    const resume = ctx.signIn(session, created.operator, 0)
    return { ok: true, profile: profileOf(created.operator), resume }
  },

  'auth:signIn': async (ctx, session, { operatorId, password }) => {
    const wait = sessionWaitMs(session)
    if (wait > 0) return fail('SIGN_IN_FAILED', SIGN_IN_FAILED, { retryAfterMs: wait })
    const accounts = ctx.accounts()
    if ('ok' in accounts) return accounts
    const verified = await accounts.verify(operatorId, password)
    if (!verified.ok) {
      if (verified.error.code !== 'SIGN_IN_FAILED') return verified
      const sessionWait = sessionFailed(session)
      const retryAfterMs = Math.max(sessionWait, verified.error.retryAfterMs ?? 0)
      return fail('SIGN_IN_FAILED', SIGN_IN_FAILED, retryAfterMs > 0 ? { retryAfterMs } : {})
    }
    sessionSucceeded(session)
    const resume = ctx.signIn(session, verified.operator, verified.epoch)
    return { ok: true, profile: profileOf(verified.operator), resume }
  },

  'auth:resume': async (ctx, session, { resume }) => {
    const refused = await ctx.resume(session, resume)
    return refused ?? { ok: true, profile: session.profile as OperatorProfile }
  },

  'auth:signOut': async (ctx, session) => {
    const profile = session.profile as OperatorProfile
    const accounts = ctx.accounts()
    // This console ends them at once; the others hear it on the sessions channel.
    const ended =
      'ok' in accounts ? accounts : await accounts.endSessions(profile.operatorId, 'signed-out')
    ctx.endSignIns(
      profile.operatorId,
      ended.ok ? ended.epoch : Number.MAX_SAFE_INTEGER,
      'signed-out',
    )
    return ended.ok ? { ok: true } : ended
  },
}
