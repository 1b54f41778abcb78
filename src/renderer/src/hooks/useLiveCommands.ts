// The live sale's commands for components (see live/liveCommands.ts).
import { useMemo } from 'react'
import { useServices } from '../context'
import { createLiveCommands, type LiveCommands } from '../live/liveCommands'

export function useLiveCommands(): LiveCommands {
  const { api, store } = useServices()
  return useMemo(() => createLiveCommands(api, store), [api, store])
}
