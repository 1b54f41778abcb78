// Who may call what, checked by the service before any handler runs, for every transport.
// One rule per command, so a command added to the contract without a rule is a type error.
// The handlers and the engine still apply the finer rules (a seller's own sales only).
import type { CommandName } from '../../shared/contract'
import { fail, type Failure } from '../../shared/errors'
import type { SessionState } from './context'

/**
 * open: before sign-in too. signedIn: any signed-in operator. clerk: staff, or a seller (for
 * their own sales, the engine checks). staff: staff only. settings: staff, or anyone while
 * there is nobody to sign in as (no working Redis, or no account yet).
 */
export type Rule = 'open' | 'signedIn' | 'clerk' | 'staff' | 'settings'

export const RULES: { readonly [N in CommandName]: Rule } = {
  'connection:status': 'open',
  'auth:status': 'open',
  'auth:setup': 'open',
  'auth:signIn': 'open',
  'auth:resume': 'open',
  'auth:signOut': 'signedIn',
  'profile:get': 'signedIn',
  // The server's clock is no secret, and a console corrects its own before sign-in.
  'clock:now': 'open',
  'settings:get': 'settings',
  'settings:save': 'settings',
  'settings:test': 'settings',
  'operators:list': 'staff',
  'operators:add': 'staff',
  'operators:disable': 'staff',
  'operators:enable': 'staff',
  'operators:passwd': 'staff',
  'auctions:list': 'signedIn',
  'auctions:get': 'signedIn',
  'auctions:watch': 'signedIn',
  'auctions:unwatch': 'signedIn',
  'bids:history': 'signedIn',
  'bids:place': 'signedIn',
  'sales:list': 'signedIn',
  'sales:get': 'signedIn',
  'sales:lots': 'signedIn',
  'sales:watch': 'signedIn',
  'sales:unwatch': 'signedIn',
  'auctions:create': 'clerk',
  'auctions:start': 'clerk',
  'auctions:end': 'clerk',
  'auctions:cancel': 'clerk',
  'sales:create': 'clerk',
  'sales:update': 'clerk',
  'register:list': 'clerk',
  'register:add': 'clerk',
  'register:update': 'clerk',
  'register:approve': 'clerk',
  'register:import': 'clerk',
  'sales:results': 'staff',
  'sales:invoice': 'staff',
  'sales:invoices': 'staff',
  'sales:statements': 'staff',
  'sales:report': 'staff',
  // A seller: their own statement only (the handler checks sellerId).
  'sales:statement': 'clerk',
  'print:pdf': 'signedIn',
  'sales:start': 'clerk',
  'sales:end': 'clerk',
  'sales:cancel': 'clerk',
  'lots:add': 'clerk',
  'lots:update': 'clerk',
  'lots:remove': 'clerk',
  'lots:reorder': 'clerk',
  'lots:import': 'clerk',
  'lots:offer': 'clerk',
  'lots:floor': 'clerk',
  'lots:ask': 'clerk',
  'lots:warn': 'clerk',
  'lots:hammer': 'clerk',
  'lots:pass': 'clerk',
  'lots:retract': 'clerk',
  'lots:reopen': 'clerk',
  'lots:withdraw': 'clerk',
  'lots:book': 'clerk',
  'sales:log': 'clerk',
  'sales:verifyLog': 'clerk',
  'sales:rates': 'clerk',
  'display:link': 'clerk',
}

export const SIGN_IN_FIRST = 'Sign in first.'

/**
 * Whether the session may call `name`; `nobodyToSignInAs` is asked only for the settings
 * rule of a session that is not signed in.
 */
export async function refusal(
  name: CommandName,
  session: SessionState,
  nobodyToSignInAs: () => Promise<boolean>,
): Promise<Failure | null> {
  const rule = RULES[name]
  if (rule === 'open') return null
  // A room display's wrapper lets through only the reads of its one sale (display-session.ts).
  if (session.display) return rule === 'signedIn' ? null : notAllowed(name)
  const role = session.profile?.role
  if (rule === 'settings') {
    if (role === 'staff') return null
    if (role === undefined && (await nobodyToSignInAs())) return null
    return role === undefined
      ? fail('UNAUTHORIZED', `${SIGN_IN_FIRST} Connection settings are for staff.`)
      : notAllowed(name)
  }
  if (role === undefined) return fail('UNAUTHORIZED', SIGN_IN_FIRST)
  if (rule === 'staff' && role !== 'staff') return notAllowed(name)
  if (rule === 'clerk' && role === 'bidder') return notAllowed(name)
  return null
}

const notAllowed = (name: string): Failure =>
  fail('UNAUTHORIZED', `This operator's role may not use ${name}.`)
