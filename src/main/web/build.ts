// Makes sure the renderer is built before the web mode serves it: out/renderer/index.html,
// else `electron-vite build` (which needs no Electron binary).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The folder holding this project's package.json. */
export function projectRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from
  for (let i = 0; i < 8; i++) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name
      if (name === 'auction-console') return dir
    }
    dir = resolve(dir, '..')
  }
  throw new Error('cannot find the auction-console project folder')
}

export function ensureRenderer(root: string, log: (line: string) => void): string {
  const rendererDir = join(root, 'out', 'renderer')
  if (existsSync(join(rendererDir, 'index.html'))) return rendererDir
  if (!existsSync(join(root, 'electron.vite.config.ts'))) {
    throw new Error('the renderer is not built and electron.vite.config.ts is missing')
  }
  log('building the console (electron-vite build)…')
  // Build output goes to stderr: stdout carries only the Console line.
  const built = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
    shell: process.platform === 'win32',
  })
  if (built.status !== 0 || !existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('electron-vite build failed; see the messages above')
  }
  return rendererDir
}
