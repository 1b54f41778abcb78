// Loads the Lua scripts once (shared helpers prepended) and registers them on a client,
// so every call is an EVALSHA of a script Redis already holds.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Cluster, Redis } from 'ioredis'

export const SCRIPTS = {
  createAuction: { file: 'create.lua', keys: 1 },
  startAuction: { file: 'start.lua', keys: 1 },
  closeAuction: { file: 'close.lua', keys: 1 },
  cancelAuction: { file: 'cancel.lua', keys: 1 },
  placeBid: { file: 'place_bid.lua', keys: 3 },
  dueEntries: { file: 'due.lua', keys: 1 },
} as const
export type ScriptName = keyof typeof SCRIPTS

/**
 * Finds the lua/ folder: AUCTION_LUA_DIR, the packaged app's resources, or the project
 * root above this file (development, tests, the CLI).
 */
export function resolveLuaDir(): string {
  const candidates: string[] = []
  if (process.env.AUCTION_LUA_DIR) candidates.push(process.env.AUCTION_LUA_DIR)
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath
  if (resourcesPath) candidates.push(join(resourcesPath, 'lua'))
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, 'lua'))
    dir = resolve(dir, '..')
  }
  const found = candidates.find((candidate) => existsSync(join(candidate, 'place_bid.lua')))
  if (!found) throw new Error(`Lua scripts not found; looked in: ${candidates.join(', ')}`)
  return found
}

let cache: Map<ScriptName, string> | undefined

/** Script sources with the shared library prepended, read from disk once per process. */
export function scriptSources(luaDir = resolveLuaDir()): Map<ScriptName, string> {
  if (cache) return cache
  const library = readFileSync(join(luaDir, 'lib', 'common.lua'), 'utf8')
  cache = new Map(
    Object.entries(SCRIPTS).map(([name, { file }]) => [
      name as ScriptName,
      `${library}\n${readFileSync(join(luaDir, file), 'utf8')}`,
    ]),
  )
  return cache
}

export type ScriptReply = (string | number | ScriptReply)[]
export type ScriptCaller = (
  name: ScriptName,
  keys: string[],
  args: (string | number)[],
) => Promise<ScriptReply>

/** Registers every script on the client; returns a typed caller. */
export function registerScripts(client: Redis | Cluster): ScriptCaller {
  const sources = scriptSources()
  for (const [name, source] of sources) {
    client.defineCommand(name, { lua: source, numberOfKeys: SCRIPTS[name].keys })
  }
  return (name, keys, args) => {
    const command = (
      client as unknown as Record<string, (...a: unknown[]) => Promise<ScriptReply>>
    )[name]
    if (!command) throw new Error(`script ${name} is not registered`)
    return command.call(client, ...keys, ...args)
  }
}
