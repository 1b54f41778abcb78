// npm run dist: builds the app (electron-vite) and the installers for this platform
// (electron-builder, targets in electron-builder.yml). Extra arguments go to
// electron-builder, e.g. `npm run dist -- --linux AppImage` or `npm run dist -- --dir`.
// electron-builder downloads Electron (and on some targets its tools) from GitHub; when
// that fails, say so in one line instead of leaving only a stack trace.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const PREFIX = 'auction-console:'
const require = createRequire(import.meta.url)
const bin = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), file)

/** Runs a node CLI, streaming its output; resolves with its exit code and output tail. */
function run(cli, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['inherit', 'pipe', 'pipe'] })
    let tail = ''
    const pass = (stream) => (chunk) => {
      stream.write(chunk)
      tail = (tail + chunk.toString()).slice(-8000)
    }
    child.stdout.on('data', pass(process.stdout))
    child.stderr.on('data', pass(process.stderr))
    child.on('close', (code) => resolve({ code: code ?? 1, tail }))
  })
}

const build = await run(bin('electron-vite', 'bin/electron-vite.js'), ['build'])
if (build.code !== 0) process.exit(build.code)

const pack = await run(bin('electron-builder', 'cli.js'), process.argv.slice(2))
if (
  pack.code !== 0 &&
  /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|github\.com/i.test(pack.tail)
) {
  console.error(
    `${PREFIX} electron-builder could not download Electron or its tools (no internet access to GitHub?); installers must be built on a machine with access, e.g. by .github/workflows/installers.yml`,
  )
}
process.exit(pack.code)
