// `display:link` in the web mode: staff, or the sale's seller, get a read-only link for the
// room display, `http://127.0.0.1:PORT/?token=<display token>#/display/<saleId>`. The link
// opens a display session (display-session.ts) bound to that sale. Until the API service
// takes a display opener in its command context, the web server answers this command here,
// on the console's own session (it reads the profile and the sale through the service).
import type { CommandName, CommandResult } from '../../shared/contract'
import { fail } from '../../shared/errors'
import { parseInput } from '../api'
import type { ApiService, ApiSession } from '../api/types'
import type { DisplayTokens } from './display-tokens'

export function displayUrl(port: number, token: string, saleId: string): string {
  return `http://127.0.0.1:${port}/?token=${token}#/display/${encodeURIComponent(saleId)}`
}

async function link(
  service: ApiService,
  session: ApiSession,
  input: unknown,
  mint: (saleId: string) => string,
): Promise<CommandResult<'display:link'>> {
  const parsed = parseInput('display:link', input)
  if (!parsed.ok) return parsed
  const { saleId } = parsed.data
  const who = await service.call(session, 'profile:get', {})
  const profile = who.ok ? who.profile : null
  if (!profile) return fail('UNAUTHORIZED', 'Choose an operator profile first (profile:set).')
  if (profile.role === 'bidder') {
    return fail('UNAUTHORIZED', 'A bidder session cannot open the room display.')
  }
  const found = await service.call(session, 'sales:get', { saleId })
  if (!found.ok) return found
  if (profile.role !== 'staff' && found.sale.sellerId !== profile.operatorId) {
    return fail('NOT_SELLER', "Only staff and the sale's seller open its room display.")
  }
  return { ok: true, url: mint(saleId) }
}

/** The console's API with `display:link` answered by this server. */
export function withDisplayLinks(
  service: ApiService,
  tokens: DisplayTokens,
  port: () => number,
): ApiService {
  return {
    openSession: (push) => service.openSession(push),
    closeSession: (session) => service.closeSession(session),
    call<N extends CommandName>(session: ApiSession, name: N | string, input: unknown) {
      if (name !== 'display:link') return service.call<N>(session, name, input)
      const mint = (saleId: string): string => displayUrl(port(), tokens.mint(saleId), saleId)
      return link(service, session, input, mint) as Promise<CommandResult<N>>
    },
    close: () => service.close(),
  }
}
