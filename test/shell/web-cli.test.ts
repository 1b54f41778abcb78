// `npm run web`: the CLI prints exactly one line on stdout, `Console: http://127.0.0.1:N/
// ?token=…`, serves the console behind that token, and stops cleanly on SIGTERM.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { redisUrl } from '../support/engine'
import { rendererFixture, tempDir } from './support'

const tsx = createRequire(import.meta.url).resolve('tsx/cli')
const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('npm run web', () => {
  it('prints one Console line, serves behind the token, stops on SIGTERM', async () => {
    const rendererDir = rendererFixture()
    const dataDir = tempDir('web-cli')
    dirs.push(rendererDir, dataDir)
    const child = spawn(
      process.execPath,
      [
        tsx,
        'src/main/web/cli.ts',
        '--port',
        '0',
        '--data-dir',
        dataDir,
        '--renderer-dir',
        rendererDir,
      ],
      { env: { ...process.env, REDIS_URL: redisUrl() }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    try {
      let stdout = ''
      child.stdout.setEncoding('utf8')
      const firstLine = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          stdout += chunk
          if (stdout.includes('\n')) resolve(stdout.split('\n')[0] as string)
        })
        child.once('exit', (code) => reject(new Error(`web exited early (${code})`)))
      })
      const line = await firstLine
      expect(line).toMatch(/^Console: http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{20,}$/)
      const url = line.slice('Console: '.length)
      expect((await fetch(url)).status).toBe(200)
      expect((await fetch(new URL('/', url))).status).toBe(401)

      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(stdout.trimEnd().split('\n')).toEqual([line])
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
  })
})
