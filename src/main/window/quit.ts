// Quitting waits for the API service to stop (the relay, the connections and the
// embedded Redis child), but never forever: a stuck shutdown must not keep a zombie app.
import type { App } from 'electron'

const STOP_TIMEOUT_MS = 10_000

export function quitGracefully(app: App, stop: () => Promise<void>): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running'
  app.on('before-quit', (event) => {
    if (state === 'stopped') return
    event.preventDefault()
    if (state === 'stopping') return
    state = 'stopping'
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref())
    Promise.race([stop(), timeout])
      .catch((error: unknown) => console.error('[auction-console] shutdown:', error))
      .finally(() => {
        state = 'stopped'
        app.quit()
      })
  })
  // Ctrl+C in a terminal or a service manager's stop: same orderly path.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit())
}
