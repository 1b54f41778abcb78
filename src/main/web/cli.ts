// `npm run web -- [--port N] [--data-dir DIR]`: serves the console on 127.0.0.1 and prints
// exactly one line on stdout, `Console: http://127.0.0.1:N/?token=…`. Everything else goes
// to stderr. REDIS_URL, when set, is the Redis to use; else the saved settings, else the
// embedded local redis-server. A second start on the same data folder, or on a port in
// use, says what is going on and what to do in one line, never with a stack trace.
import { mkdirSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { defaultDataDir } from '../settings'
import { ensureRenderer, projectRoot } from './build'
import { alreadyRunning, portInUse, recordWebConsole, runningConsole } from './instance'
import { DEFAULT_PORT, startWebServer, type WebServer } from './server'

const USAGE = `usage: npm run web -- [--port N] [--data-dir DIR] [--renderer-dir DIR]
  --port N            port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 = any free port)
  --data-dir DIR      settings and embedded Redis data (default ${defaultDataDir()})
  --renderer-dir DIR  a built renderer to serve (default out/renderer, built when missing)
  REDIS_URL=redis://…  use this Redis instead of the saved settings`

const log = (line: string): void => void process.stderr.write(`${line}\n`)

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return log(USAGE)
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535\n${USAGE}`)
  }
  const dataDir = values['data-dir'] ?? defaultDataDir()
  // Its own Redis (no REDIS_URL) is the embedded one unless the settings name another.
  const running = runningConsole(dataDir, !process.env.REDIS_URL)
  if (running) {
    // Not a failure: the console asked for is there; this start just points to it.
    log(alreadyRunning(running))
    return
  }
  const rendererDir = values['renderer-dir'] ?? ensureRenderer(projectRoot(), log)
  let server: WebServer
  try {
    server = await startWebServer({ port, rendererDir, dataDir })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    log(portInUse(port))
    process.exit(1)
  }
  mkdirSync(dataDir, { recursive: true })
  const forget = recordWebConsole(dataDir, server.port)
  process.stdout.write(`Console: ${server.url}\n`)
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    log('stopping…')
    forget()
    void server.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  log(`web console: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
