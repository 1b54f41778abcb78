// npm start: the desktop app when Electron can run here, otherwise the web console.
// Desktop: `electron-vite preview` (build, then Electron on the built app). Where the
// Electron binary cannot be had (offline: its download fails) or there is no display, it
// says so in one line and runs `npm run web` (which prints "Console: http://...").
// Arguments after `--` go to whichever starts, e.g. `npm start -- --port 8080` for web.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { downloadDisabled, downloadElectron, findElectronBinary } from './electron-binary.mjs'

const PREFIX = 'auction-console:'
const args = process.argv.slice(2)

/** Why the desktop app cannot start here, or null when it can. */
async function desktopBlocker() {
  if (process.env.AUCTION_FORCE_WEB === '1') return 'AUCTION_FORCE_WEB=1'
  let binary = findElectronBinary()
  if (!binary.ok && !downloadDisabled()) {
    const seconds = Number(process.env.AUCTION_ELECTRON_DOWNLOAD_TIMEOUT) || 120
    binary = await downloadElectron({ timeoutMs: seconds * 1000 })
  }
  if (!binary.ok) return `the Electron binary could not be had: ${binary.reason}`
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)'
  }
  return null
}

/** Runs a command with our terminal; exits with its status; passes Ctrl+C on. */
function run(command, commandArgs, options = {}) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', ...options })
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal)
    })
  }
  child.on('error', (error) => {
    console.error(`${PREFIX} could not run ${command}: ${error.message}`)
    process.exit(1)
  })
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

function startWeb() {
  const npmCli = process.env.npm_execpath
  if (npmCli && /\.c?js$/.test(npmCli)) {
    run(process.execPath, [npmCli, 'run', 'web', '--', ...args])
  } else {
    run('npm', ['run', 'web', '--', ...args], { shell: process.platform === 'win32' })
  }
}

function startDesktop() {
  const require = createRequire(import.meta.url)
  const cli = join(
    dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  )
  run(process.execPath, [cli, 'preview', ...args])
}

const blocker = await desktopBlocker()
if (blocker) {
  console.log(
    `${PREFIX} the desktop app cannot start (${blocker}); starting the web console instead.`,
  )
  startWeb()
} else {
  startDesktop()
}
