// The web mode for the benchmarks: the app's own web server (startWebServer) in this process
// on a free loopback port, against the bench's Redis, live before it is handed over.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWebServer, type WebServer } from '../../src/main/web'

export interface BenchWebServer {
  server: WebServer
  /** Where a browser tab of this server opens its socket (the token in the query). */
  socketUrl: string
  /** Stops the server and removes its temp folders. */
  close(): Promise<void>
}

export async function startBenchWebServer(
  redisUrl: string,
  log: (line: string) => void,
): Promise<BenchWebServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-web-data-'))
  // No page is loaded (the consoles only open the socket), so an empty folder will do.
  const rendererDir = mkdtempSync(join(tmpdir(), 'bench-web-renderer-'))
  const cleanUp = (): void => {
    for (const dir of [dataDir, rendererDir]) rmSync(dir, { recursive: true, force: true })
  }
  let server: WebServer
  try {
    server = await startWebServer({
      port: 0,
      dataDir,
      rendererDir,
      redisUrl,
      serviceOptions: { log },
    })
  } catch (error) {
    cleanUp()
    throw error
  }
  const close = async (): Promise<void> => {
    await server.close()
    cleanUp()
  }
  const status = await server.service.settled()
  if (status.state !== 'live') {
    await close()
    throw new Error(`web server not live: ${status.problem?.message ?? status.state}`)
  }
  const socketUrl = `ws://127.0.0.1:${server.port}/ws?token=${encodeURIComponent(server.token)}`
  return { server, socketUrl, close }
}
