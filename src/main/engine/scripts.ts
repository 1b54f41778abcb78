// Loads the Lua scripts once and registers them on a client, so every call is an EVALSHA of
// a script Redis already holds. As in BullMQ: one file per command named `<name>-<keys>.lua`
// (the key count comes from the name, so no table can drift), and helpers pulled in by
// `--- @include "includes/<helper>"`, each included once, before the code that uses it.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Cluster, Redis } from 'ioredis'

export const SCRIPT_NAMES = [
  'createSale',
  'addLots',
  'updateLot',
  'removeLot',
  'reorderLots',
  'startSale',
  'endSale',
  'cancelSale',
  'tickSale',
  'endLot',
  'withdrawLot',
  'placeBid',
  'offerLot',
  'askLot',
  'warnLot',
  'hammerLot',
  'passLot',
  'retractBid',
  'reopenLot',
  'setDisplayRates',
  'writeRegister',
  'updateSale',
  'dueSales',
  'settleDue',
] as const
export type ScriptName = (typeof SCRIPT_NAMES)[number]

export interface LuaDirOptions {
  /**
   * A packaged desktop app runs only the Lua it ships in resources/lua: AUCTION_LUA_DIR is
   * ignored there, so no environment variable can swap the scripts that move money.
   * Default: an Electron process not started as `electron <path>` (process.defaultApp,
   * which Electron sets itself and no environment variable can), i.e. app.isPackaged.
   */
  packaged?: boolean
  resourcesPath?: string
  env?: NodeJS.ProcessEnv
  warn?: (line: string) => void
}

const electronProcess = process as { resourcesPath?: string; defaultApp?: boolean }

/**
 * Finds the lua/ folder: AUCTION_LUA_DIR (not when packaged), the packaged app's resources,
 * or the project root above this file (development, tests, the CLI).
 */
export function resolveLuaDir(options: LuaDirOptions = {}): string {
  const env = options.env ?? process.env
  const packaged =
    options.packaged ?? (Boolean(process.versions.electron) && !electronProcess.defaultApp)
  const resourcesPath = options.resourcesPath ?? electronProcess.resourcesPath
  const candidates: string[] = []
  if (env.AUCTION_LUA_DIR && packaged) {
    ;(options.warn ?? console.warn)(
      '[auction-console] AUCTION_LUA_DIR is ignored in the packaged app; using its shipped Lua scripts',
    )
  } else if (env.AUCTION_LUA_DIR) candidates.push(env.AUCTION_LUA_DIR)
  if (resourcesPath) candidates.push(join(resourcesPath, 'lua'))
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6 && !packaged; i++) {
    candidates.push(join(dir, 'lua'))
    dir = resolve(dir, '..')
  }
  const found = candidates.find((candidate) => existsSync(join(candidate, 'placeBid-2.lua')))
  if (!found) throw new Error(`Lua scripts not found; looked in: ${candidates.join(', ')}`)
  return found
}

const INCLUDE = /^--- @include "([^"]+)"\s*$/

/** A script's source with its includes inlined, each once, dependencies first. */
export function expandIncludes(file: string): string {
  const included = new Set<string>()
  const expand = (path: string): string => {
    const lines = readFileSync(path, 'utf8').split('\n')
    const out: string[] = []
    for (const line of lines) {
      const match = INCLUDE.exec(line)
      if (!match) {
        out.push(line)
        continue
      }
      const target = resolve(dirname(path), `${match[1] as string}.lua`)
      if (included.has(target)) continue
      included.add(target)
      out.push(expand(target))
    }
    return out.join('\n')
  }
  return expand(file)
}

export interface ScriptSource {
  keys: number
  lua: string
}

let cache: Map<ScriptName, ScriptSource> | undefined

/** Every script's expanded source and key count, read from disk once per process. */
export function scriptSources(luaDir = resolveLuaDir()): Map<ScriptName, ScriptSource> {
  if (cache) return cache
  const files = new Map<string, { file: string; keys: number }>()
  for (const file of readdirSync(luaDir)) {
    const match = /^([A-Za-z]+)-(\d+)\.lua$/.exec(file)
    if (match) files.set(match[1] as string, { file, keys: Number(match[2]) })
  }
  cache = new Map(
    SCRIPT_NAMES.map((name) => {
      const found = files.get(name)
      if (!found) throw new Error(`Lua script ${name}-<keys>.lua not found in ${luaDir}`)
      return [name, { keys: found.keys, lua: expandIncludes(join(luaDir, found.file)) }]
    }),
  )
  return cache
}

export type ScriptReply = (string | number | ScriptReply)[]
export type ScriptCaller = (
  name: ScriptName,
  keys: string[],
  args: (string | number)[],
) => Promise<ScriptReply>

/** Registers every script on the client; returns a typed caller that checks the key count. */
export function registerScripts(client: Redis | Cluster): ScriptCaller {
  const sources = scriptSources()
  for (const [name, { lua, keys }] of sources) {
    client.defineCommand(name, { lua, numberOfKeys: keys })
  }
  return (name, keys, args) => {
    const expected = sources.get(name)?.keys
    if (keys.length !== expected) {
      throw new Error(`script ${name} takes ${String(expected)} keys, got ${keys.length}`)
    }
    const command = (
      client as unknown as Record<string, (...a: unknown[]) => Promise<ScriptReply>>
    )[name]
    if (!command) throw new Error(`script ${name} is not registered`)
    return command.call(client, ...keys, ...args)
  }
}
