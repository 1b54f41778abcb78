// One read of a sale's results (report, invoices, statements…) for as long as a screen shows
// it: read on open, again when the connection is live again and shortly after the sale moves
// on (a hammer changes the figures). `input` null: nothing to read (not allowed here).
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { CommandInput, CommandName, CommandResult } from '../../../shared/contract'
import { useApi, useConsole } from '../context'
import { safeCall } from '../live/authCommands'
import { useSettled } from './useSettled'

type Answer<N extends CommandName> = Extract<CommandResult<N>, { ok: true }>

export interface SaleRead<N extends CommandName> {
  /** Null until the first read answers. */
  data: Answer<N> | null
  error: string | null
  reload: () => void
}

const SEQ_SETTLE_MS = 500

export function useSaleRead<N extends CommandName>(
  saleId: string,
  name: N,
  input: CommandInput<N> | null,
): SaleRead<N> {
  const api = useApi()
  const call = useMemo(() => safeCall(api), [api])
  const liveEpoch = useConsole((state) => state.liveEpoch)
  const seq = useSettled(
    useConsole((state) => state.sales[saleId]?.seq ?? 0),
    SEQ_SETTLE_MS,
  )
  const [data, setData] = useState<Answer<N> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [reads, setReads] = useState(0)
  const reload = useCallback(() => setReads((n) => n + 1), [])
  // The input's content, not its identity, decides a new read.
  const key = input === null ? null : JSON.stringify(input)

  useEffect(() => {
    if (key === null) return
    let current = true
    void call(name, JSON.parse(key) as CommandInput<N>).then((answer) => {
      if (!current) return
      if (answer.ok) {
        setData(answer as Answer<N>)
        setError(null)
      } else setError(answer.error.message)
    })
    return () => {
      current = false
    }
  }, [call, name, key, liveEpoch, seq, reads])

  return { data, error, reload }
}
