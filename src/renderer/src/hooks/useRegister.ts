// A sale's bidder register for the register screen (staff, the sale's seller): read on open,
// again when the connection is live again, when the window gets the focus back and when the
// sale moves on (another console may have changed the register); each change answers the
// entry as it now is, put in the list at once.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { CommandInput, CommandResult } from '../../../shared/contract'
import type { RegisterEntry } from '../../../shared/register'
import { useApi, useConsole } from '../context'
import { safeCall } from '../live/authCommands'
import { useSettled } from './useSettled'
import { byPaddle } from '../lib/registerForm'

type EntryAnswer = CommandResult<'register:add'>
type WithoutSale<N extends 'register:add' | 'register:update'> = Omit<CommandInput<N>, 'saleId'>

export interface Register {
  /** Null until the first read answers. */
  entries: RegisterEntry[] | null
  loadError: string | null
  reload: () => void
  add: (input: WithoutSale<'register:add'>) => Promise<EntryAnswer>
  update: (input: WithoutSale<'register:update'>) => Promise<EntryAnswer>
  approve: (paddle: string, approved: boolean) => Promise<EntryAnswer>
  importEntries: (
    entries: CommandInput<'register:import'>['entries'],
  ) => Promise<CommandResult<'register:import'>>
}

/** Re-reads shortly after the sale's seq moves (a burst of events is one read). */
const SEQ_SETTLE_MS = 400

export function useRegister(saleId: string): Register {
  const api = useApi()
  const call = useMemo(() => safeCall(api), [api])
  const liveEpoch = useConsole((state) => state.liveEpoch)
  const seq = useSettled(
    useConsole((state) => state.sales[saleId]?.seq ?? 0),
    SEQ_SETTLE_MS,
  )
  const [entries, setEntries] = useState<RegisterEntry[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [reads, setReads] = useState(0)
  const reload = useCallback(() => setReads((n) => n + 1), [])

  useEffect(() => {
    let current = true
    void call('register:list', { saleId }).then((answer) => {
      if (!current) return
      if (answer.ok) {
        setEntries([...answer.entries].sort(byPaddle))
        setLoadError(null)
      } else setLoadError(answer.error.message)
    })
    return () => {
      current = false
    }
  }, [call, saleId, liveEpoch, seq, reads])

  useEffect(() => {
    const onFocus = (): void => reload()
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') reload()
    }
    window.addEventListener('focus', onFocus)
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      window.removeEventListener('focus', onFocus)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [reload])

  const put = useCallback((changed: readonly RegisterEntry[]): void => {
    const paddles = new Set(changed.map((entry) => entry.paddle))
    setEntries((list) =>
      [...(list ?? []).filter((entry) => !paddles.has(entry.paddle)), ...changed].sort(byPaddle),
    )
  }, [])

  return useMemo(() => {
    const change = async (answer: Promise<EntryAnswer>): Promise<EntryAnswer> => {
      const result = await answer
      if (result.ok) put([result.entry])
      return result
    }
    return {
      entries,
      loadError,
      reload,
      add: (input) => change(call('register:add', { ...input, saleId })),
      update: (input) => change(call('register:update', { ...input, saleId })),
      approve: (paddle, approved) => change(call('register:approve', { saleId, paddle, approved })),
      importEntries: async (list) => {
        const answer = await call('register:import', { saleId, entries: list })
        if (answer.ok) put(answer.entries)
        return answer
      },
    }
  }, [call, entries, loadError, put, reload, saleId])
}
