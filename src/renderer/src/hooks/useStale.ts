// Whether what the console shows may be out of date: the connection is not live, so no
// event reaches us. `since` is when it stopped being live (null if it never was).
import { useShallow } from 'zustand/react/shallow'
import { useConsole } from '../context'

export function useStale(): { stale: boolean; since: number | null } {
  return useConsole(
    useShallow((state) => ({
      stale: state.connection.state !== 'live',
      since: state.connection.state === 'live' ? null : state.lostAt,
    })),
  )
}
