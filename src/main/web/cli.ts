// `npm run web -- [--port N] [--data-dir DIR]`: serves the console on 127.0.0.1 and prints
// exactly one line on stdout, `Console: http://127.0.0.1:N/?token=…`. Everything else goes
// to stderr. REDIS_URL, when set, is the Redis to use; else the saved settings, else the
// embedded local redis-server.
import { parseArgs } from 'node:util'
import { defaultDataDir } from '../settings'
import { ensureRenderer, projectRoot } from './build'
import { DEFAULT_PORT, startWebServer } from './server'

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
  const rendererDir = values['renderer-dir'] ?? ensureRenderer(projectRoot(), log)
  const server = await startWebServer({
    port,
    rendererDir,
    dataDir: values['data-dir'] ?? defaultDataDir(),
  })
  process.stdout.write(`Console: ${server.url}\n`)
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    log('stopping…')
    void server.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  log(`web console: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
