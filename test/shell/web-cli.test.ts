// `npm run web`: the CLI prints exactly one line on stdout, `Console: http://127.0.0.1:N/
// ?token=…`, serves the page (no cookie) and a socket that opens with that token's hello,
// and stops cleanly on SIGTERM. A second
// start on the same data folder, or on a port in use, says so in one line on stderr.
import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { WS_CLOSE } from '../../src/shared/web-hello'
import { redisUrl } from '../support/engine'
import { openRaw, rendererFixture, tempDir } from './support'

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** The server in this child itself (tsx as a loader, not its CLI): the tsx CLI relays
 * SIGTERM and, when its child is slow to say it got it (a loaded machine), exits 143. */
function web(dataDir: string, rendererDir: string, port = '0'): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/main/web/cli.ts',
      '--port',
      port,
      '--data-dir',
      dataDir,
      '--renderer-dir',
      rendererDir,
    ],
    { env: { ...process.env, REDIS_URL: redisUrl() }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
}

/** Runs to the end: exit code and output lines. */
async function ended(
  child: ChildProcess,
): Promise<{ code: number | null; out: string[]; err: string[] }> {
  let out = ''
  let err = ''
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '')
  return { code, out: lines(out), err: lines(err) }
}

function firstLine(child: ChildProcess): Promise<string> {
  let stdout = ''
  child.stdout?.setEncoding('utf8')
  return new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0] as string)
    })
    child.once('exit', (code) => reject(new Error(`web exited early (${code})`)))
  })
}

describe('npm run web', () => {
  it('prints one Console line, serves behind the token, stops on SIGTERM', async () => {
    const rendererDir = rendererFixture()
    const dataDir = tempDir('web-cli')
    dirs.push(rendererDir, dataDir)
    const child = web(dataDir, rendererDir)
    try {
      let stdout = ''
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      const line = await firstLine(child)
      expect(line).toMatch(/^Console: http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{20,}$/)
      const url = new URL(line.slice('Console: '.length))
      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(page.headers.get('set-cookie')).toBeNull()
      const port = Number(url.port)
      const token = url.searchParams.get('token') ?? ''
      const console = await openRaw(port, { hello: token })
      expect(await console.next()).toMatchObject({ push: 'connection:state' })
      console.socket.close()
      const stranger = await openRaw(port, { hello: `${token}x` })
      expect((await stranger.closed).code).toBe(WS_CLOSE.unauthorized)

      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(stdout.trimEnd().split('\n')).toEqual([line])
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
  })

  it('a second start says in one line where the running console is, or that the port is taken', async () => {
    const rendererDir = rendererFixture()
    const dataDir = tempDir('web-cli-twice')
    const otherDir = tempDir('web-cli-other')
    dirs.push(rendererDir, dataDir, otherDir)
    const first = web(dataDir, rendererDir)
    try {
      const url = new URL((await firstLine(first)).slice('Console: '.length))

      const second = await ended(web(dataDir, rendererDir))
      expect(second).toEqual({
        code: 0,
        out: [],
        err: [
          expect.stringMatching(
            new RegExp(
              `^A console is already running on http://127\\.0\\.0\\.1:${url.port} \\(process \\d+\\): use its window or link, or stop it first\\.$`,
            ),
          ),
        ],
      })

      const third = await ended(web(otherDir, rendererDir, url.port))
      expect(third).toEqual({
        code: 1,
        out: [],
        err: [
          `Port ${url.port} on 127.0.0.1 is already in use by another program or console: stop it, or start with --port N (--port 0 picks a free port).`,
        ],
      })
      // The first one is untouched.
      expect((await fetch(url)).status).toBe(200)
    } finally {
      first.kill('SIGTERM')
      await new Promise((resolve) => first.once('exit', resolve))
    }
    // Stopped: its record is gone, so the next start starts.
    const again = web(dataDir, rendererDir)
    try {
      expect(await firstLine(again)).toMatch(/^Console: /)
    } finally {
      again.kill('SIGTERM')
      await new Promise((resolve) => again.once('exit', resolve))
    }
  })
})
