// The API as a room display's tab gets it (a display-only token): the reads the display
// needs, for its one sale, and nothing else (UNAUTHORIZED); every answer and push redacted
// (display-redact.ts). The session never holds a profile: it acts as nobody.
import type { CommandName, CommandResult } from '../../shared/contract'
import { fail, type Failure } from '../../shared/errors'
import type { ApiService, ApiSession, PushSink } from './types'
import { displayPush, redactLot, redactSale } from './display-redact'

/** The display's commands; those with a saleId must name the display's sale. */
const ALLOWED = new Set<string>([
  'sales:get',
  'sales:watch',
  'sales:unwatch',
  'sales:lots',
  'clock:now',
  'connection:status',
])

function refusal(name: string): Failure {
  return fail('UNAUTHORIZED', `A room display may not call ${name.slice(0, 64)}.`)
}

function saleIdIn(input: unknown): unknown {
  return input && typeof input === 'object' ? (input as { saleId?: unknown }).saleId : undefined
}

/** Redacts an answer of an allowed read. */
function redactAnswer(result: CommandResult<CommandName>): CommandResult<CommandName> {
  if (!result.ok) return result
  const answer = { ...result } as Record<string, unknown>
  if (answer.sale) answer.sale = redactSale(answer.sale as Parameters<typeof redactSale>[0])
  if (Array.isArray(answer.lots))
    answer.lots = (answer.lots as Parameters<typeof redactLot>[0][]).map(redactLot)
  return answer as CommandResult<CommandName>
}

export function displayService(service: ApiService, saleId: string): ApiService {
  return {
    openSession(push: PushSink): ApiSession {
      return service.openSession(
        (name, payload) => {
          const shown = displayPush(saleId, name, payload)
          if (shown !== null) push(name, shown)
        },
        { display: true },
      )
    },
    closeSession: (session) => service.closeSession(session),
    async call<N extends CommandName>(session: ApiSession, name: N | string, input: unknown) {
      if (!ALLOWED.has(name)) return refusal(name) as CommandResult<N>
      const named = saleIdIn(input)
      if (named !== undefined && named !== saleId)
        return refusal(`${name} of another sale`) as CommandResult<N>
      if (named === undefined && name.startsWith('sales:')) return refusal(name) as CommandResult<N>
      const result = await service.call<N>(session, name, input)
      return redactAnswer(result) as CommandResult<N>
    },
    close: () => service.close(),
  }
}
