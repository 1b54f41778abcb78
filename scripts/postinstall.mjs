// npm postinstall: fetches the Electron binary, which Electron ≥ 42 no longer does on
// install. An offline machine still gets a working install (the web console needs no
// Electron), told so in one line. Skip with AUCTION_SKIP_ELECTRON_DOWNLOAD=1 (or
// Electron's own ELECTRON_SKIP_BINARY_DOWNLOAD=1); bound the wait with
// AUCTION_ELECTRON_DOWNLOAD_TIMEOUT (seconds, default 120).
import {
  downloadDisabled,
  downloadElectron,
  electronPackageDir,
  findElectronBinary,
} from './electron-binary.mjs'

const PREFIX = 'auction-console:'

async function main() {
  // A production install without devDependencies has no electron package: nothing to do.
  if (!electronPackageDir()) return
  if (findElectronBinary().ok) return
  if (downloadDisabled()) {
    console.log(
      `${PREFIX} Electron download skipped (AUCTION_SKIP_ELECTRON_DOWNLOAD=1); the web console works: npm run web`,
    )
    return
  }
  const seconds = Number(process.env.AUCTION_ELECTRON_DOWNLOAD_TIMEOUT) || 120
  const result = await downloadElectron({ timeoutMs: seconds * 1000 })
  if (result.ok) {
    console.log(`${PREFIX} Electron binary ready`)
  } else {
    console.log(
      `${PREFIX} the Electron desktop binary could not be downloaded (${result.reason}); the desktop app will not run here, the web console works: npm run web`,
    )
  }
}

// Whatever happens, the install itself must succeed.
main()
  .catch((error) =>
    console.log(
      `${PREFIX} Electron binary check failed (${error?.message ?? error}); the web console works: npm run web`,
    ),
  )
  .finally(() => process.exit(0))
