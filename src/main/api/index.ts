// The API service behind both transports (Electron IPC and the web mode's WebSocket).
export { createApiService, type ApiServiceOptions, type ConsoleApiService } from './service'
export type { ApiService, ApiSession, PushSink, SecretBox } from './types'
export { parseInput, isCommandName } from './validate'
export { redact, actorOf } from './access'
export { displayService } from './display-session'
export type { DisplayOpener } from './context'
