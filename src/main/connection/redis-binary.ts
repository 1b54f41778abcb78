// Finds the redis-server executable for the embedded default, and says how to install it
// when it is missing. Apps started from a desktop launcher get a short PATH, so the usual
// install places are searched too.
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

const EXTRA_DIRS = ['/usr/bin', '/usr/local/bin', '/usr/sbin', '/opt/homebrew/bin', '/snap/bin']

export function findRedisServer(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const name = platform === 'win32' ? 'redis-server.exe' : 'redis-server'
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean)]
  if (platform !== 'win32') dirs.push(...EXTRA_DIRS)
  for (const dir of dirs) {
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return null
}

export interface InstallHint {
  message: string
  installCommand?: string
}

/** The platform's way to get redis-server, for the "not installed" problem. */
export function installHint(platform: NodeJS.Platform = process.platform): InstallHint {
  if (platform === 'darwin') {
    return {
      message: 'redis-server is not installed. Install it with Homebrew, or enter a Redis URL.',
      installCommand: 'brew install redis',
    }
  }
  if (platform === 'win32') {
    return {
      message:
        'redis-server is not installed. Redis has no native Windows build: run it in WSL ' +
        '(then use redis://127.0.0.1:6379), install Memurai, or enter a Redis URL.',
      installCommand: 'wsl sudo apt-get install -y redis-server',
    }
  }
  return {
    message: 'redis-server is not installed. Install it, or enter a Redis URL.',
    installCommand: 'sudo apt-get install -y redis-server',
  }
}
