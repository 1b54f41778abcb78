// postinstall and npm start where Electron cannot be had: the install still succeeds with
// one line saying so, and start falls back to the web console.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { findElectronBinary } from '../../scripts/electron-binary.mjs'
import { nodeVerdict } from '../../scripts/node-version.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const binary = findElectronBinary()
const temp = mkdtempSync(join(tmpdir(), 'auction-install-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

const postinstall = (env: Record<string, string>) =>
  spawnSync(process.execPath, [join(root, 'scripts', 'postinstall.mjs')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  })
const lines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '')

describe('postinstall', () => {
  it('succeeds with one line when the download is switched off', () => {
    const run = postinstall({ AUCTION_SKIP_ELECTRON_DOWNLOAD: '1' })
    expect(run.status).toBe(0)
    // With the binary already there, there is nothing to say.
    expect(lines(run.stdout)).toEqual(
      binary.ok ? [] : [expect.stringMatching(/download skipped.*npm run web/)],
    )
    expect(run.stderr).toBe('')
  })

  it('succeeds with one line when the download fails', (context) => {
    if (binary.ok) {
      console.log('[install] SKIPPED download-failure case: the Electron binary is already here')
      context.skip('the Electron binary is already installed')
    }
    // A mirror nobody answers on and an empty cache: the download fails on any machine.
    const run = postinstall({
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: join(temp, 'cache'),
      AUCTION_SKIP_ELECTRON_DOWNLOAD: '',
      ELECTRON_SKIP_BINARY_DOWNLOAD: '',
    })
    expect(run.status).toBe(0)
    expect(lines(run.stdout)).toEqual([
      expect.stringMatching(/Electron desktop binary could not be downloaded.*npm run web/),
    ])
    expect(run.stderr).toBe('')
  })
})

describe('npm start without the desktop app', () => {
  it('says why in one line and serves the web console', async () => {
    const child = spawn(
      process.execPath,
      [join(root, 'scripts', 'start.mjs'), '--port', '0', '--data-dir', join(temp, 'web')],
      {
        cwd: root,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, AUCTION_FORCE_WEB: '1', REDIS_URL: inject('redisUrl') },
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      await expect
        .poll(() => stdout, { timeout: 90_000, interval: 200 })
        .toMatch(/Console: http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/)
      const notices = lines(stdout).filter((line) => line.startsWith('auction-console:'))
      expect(notices).toEqual([
        'auction-console: the desktop app cannot start (AUCTION_FORCE_WEB=1); starting the web console instead.',
      ])
      const url = /Console: (\S+)/.exec(stdout)?.[1] as string
      const page = await fetch(url)
      expect(page.status, stderr).toBe(200)
    } finally {
      // The whole group: start.mjs, npm, tsx and the web server.
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
      await exited
    }
  }, 120_000)
})

describe('the Node version check of setup', () => {
  it('refuses a Node older than 20.19 in one line', () => {
    expect(nodeVerdict('18.20.4')).toEqual({
      ok: false,
      line: 'setup: Node 18.20.4 is too old: the console needs Node 20.19 or newer (Node 20 or 22 LTS).',
    })
    expect(nodeVerdict('20.18.1').ok).toBe(false)
  })

  it('takes Node 20 and 22 silently, and explains the engine warnings only where they come', () => {
    expect(nodeVerdict('20.20.0')).toEqual({ ok: true, line: null })
    expect(nodeVerdict('20.20.0', { explainEngines: true }).line).toMatch(
      /^setup: Node 20\.20\.0: npm's engine warnings .* are expected and hidden; .*README: Node version\)\.$/,
    )
    expect(nodeVerdict('22.12.0', { explainEngines: true })).toEqual({ ok: true, line: null })
  })

  it('runs as setup runs it: silent and successful on this machine’s Node', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'node-version.mjs')], {
      encoding: 'utf8',
    })
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('')
  })
})
