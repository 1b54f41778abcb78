// Builds the console once per run (electron-vite build, which needs no Electron binary), so
// the web mode serves what the sources say today and not a stale out/renderer.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export default function buildRenderer(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join('out', 'renderer', 'index.html')))
    return
  const built = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  })
  if (built.status !== 0) throw new Error('electron-vite build failed: see the output above')
}
