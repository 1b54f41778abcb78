// The operator accounts for Settings → Operators (staff): read on open and each time the
// connection is live again; each change answers the account as it now is, put in the list.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { CommandInput, CommandResult, OperatorAccount } from '../../../shared/contract'
import { useApi, useConsole } from '../context'
import { safeCall } from '../live/authCommands'

type Change = CommandResult<'operators:disable'>

export interface Operators {
  /** Null until the first read answers. */
  operators: OperatorAccount[] | null
  /** Why the list could not be read. */
  loadError: string | null
  reload: () => void
  add: (input: CommandInput<'operators:add'>) => Promise<CommandResult<'operators:add'>>
  disable: (operatorId: string) => Promise<Change>
  enable: (operatorId: string) => Promise<Change>
  setPassword: (operatorId: string, password: string) => Promise<Change>
}

const byId = (a: OperatorAccount, b: OperatorAccount): number => a.id.localeCompare(b.id)

export function useOperators(): Operators {
  const api = useApi()
  const liveEpoch = useConsole((state) => state.liveEpoch)
  const call = useMemo(() => safeCall(api), [api])
  const [operators, setOperators] = useState<OperatorAccount[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [reads, setReads] = useState(0)

  useEffect(() => {
    let current = true
    void call('operators:list', {}).then((answer) => {
      if (!current) return
      if (answer.ok) {
        setOperators([...answer.operators].sort(byId))
        setLoadError(null)
      } else setLoadError(answer.error.message)
    })
    return () => {
      current = false
    }
  }, [call, liveEpoch, reads])

  const put = useCallback((operator: OperatorAccount): void => {
    setOperators((list) =>
      [...(list ?? []).filter((o) => o.id !== operator.id), operator].sort(byId),
    )
  }, [])

  return useMemo(() => {
    const change = async (answer: Promise<Change>): Promise<Change> => {
      const result = await answer
      if (result.ok) put(result.operator)
      return result
    }
    return {
      operators,
      loadError,
      reload: () => setReads((n) => n + 1),
      add: async (input) => {
        const answer = await call('operators:add', input)
        if (answer.ok) put(answer.operator)
        return answer
      },
      disable: (operatorId) => change(call('operators:disable', { operatorId })),
      enable: (operatorId) => change(call('operators:enable', { operatorId })),
      setPassword: (operatorId, password) =>
        change(call('operators:passwd', { operatorId, password })),
    }
  }, [call, loadError, operators, put])
}
