// Sign-in, setup and sign-out for components (see live/authCommands.ts).
import { useMemo } from 'react'
import { useServices } from '../context'
import { createAuthCommands, type AuthCommands } from '../live/authCommands'

export function useAuthCommands(): AuthCommands {
  const { api, store } = useServices()
  return useMemo(() => createAuthCommands(api, store), [api, store])
}
