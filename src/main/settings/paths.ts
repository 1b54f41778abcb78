// Where the web mode keeps its data when no folder is given (the desktop app uses
// Electron's userData). A separate "web" folder: two embedded Redis servers must never
// share one data directory.
import { homedir } from 'node:os'
import { join } from 'node:path'

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.AUCTION_CONSOLE_DATA) return env.AUCTION_CONSOLE_DATA
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Auction Console', 'web')
  }
  if (platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', 'Auction Console', 'web')
  }
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'auction-console', 'web')
}
