// Loads the Lua scripts once and registers them on a client: each runs as a Redis Function
// (functions.ts) where the server allows it, else as the EVALSHA of a script Redis holds. As in BullMQ: one file per command named `<name>-<keys>.lua`
// (the key count comes from the name, so no table can drift), and helpers pulled in by
// `--- @include "includes/<helper>"`, each included once, before the code that uses it.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Cluster, Redis } from 'ioredis'
import { FunctionRunner } from './functions'

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

/**
 * Returns a function that expands one include line (`--- @include "x"` in `from`) into the
 * helper's code, its own includes expanded first; '' for a helper this expander already gave.
 */
function includeExpander(): (from: string, line: string) => string | null {
  const included = new Set<string>()
  const expandLine = (from: string, line: string): string | null => {
    const match = INCLUDE.exec(line)
    if (!match) return null
    const target = resolve(dirname(from), `${match[1] as string}.lua`)
    if (included.has(target)) return ''
    included.add(target)
    return readFileSync(target, 'utf8')
      .split('\n')
      .map((inner) => expandLine(target, inner) ?? inner)
      .join('\n')
  }
  return expandLine
}

/** A script's source with its includes inlined, each once, dependencies first. */
export function expandIncludes(file: string): string {
  const expandLine = includeExpander()
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => expandLine(file, line) ?? line)
    .join('\n')
}

/**
 * A script's includes, expanded (the helpers), apart from its own code: a Function library
 * defines the helpers once, where a script defines them again on every call. Includes come
 * first in every script file, so the prelude followed by the body is the script.
 */
export function splitIncludes(file: string): { prelude: string; body: string } {
  const expandLine = includeExpander()
  const prelude: string[] = []
  const body: string[] = []
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const helper = expandLine(file, line)
    if (helper === null) {
      body.push(line)
      continue
    }
    if (body.some((code) => code.trim() !== '' && !code.startsWith('--'))) {
      throw new Error(`${file}: an include after code (includes come first)`)
    }
    prelude.push(helper)
  }
  return { prelude: prelude.join('\n'), body: body.join('\n') }
}

export interface ScriptSource {
  keys: number
  /** The whole script, for EVALSHA. */
  lua: string
  /** Its helpers and its own code apart, for a Function library. */
  prelude: string
  body: string
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
      const file = join(luaDir, found.file)
      return [name, { keys: found.keys, lua: expandIncludes(file), ...splitIncludes(file) }]
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

export interface ScriptRunnerOptions {
  /**
   * `auto` (default): Redis Functions (FCALL) where the server and the user allow them, else
   * EVALSHA. `evalsha`: scripts only (the bench compares the two).
   */
  runner?: 'auto' | 'evalsha'
}

/** Registers every script on the client; returns a typed caller that checks the key count. */
export function registerScripts(
  client: Redis | Cluster,
  options: ScriptRunnerOptions = {},
): ScriptCaller {
  const sources = scriptSources()
  for (const [name, { lua, keys }] of sources) {
    client.defineCommand(name, { lua, numberOfKeys: keys })
  }
  const evalsha: ScriptCaller = (name, keys, args) => {
    const command = (
      client as unknown as Record<string, (...a: unknown[]) => Promise<ScriptReply>>
    )[name]
    if (!command) throw new Error(`script ${name} is not registered`)
    return command.call(client, ...keys, ...args)
  }
  const run =
    options.runner === 'evalsha' ? evalsha : new FunctionRunner(client, sources, evalsha).run
  return (name, keys, args) => {
    const expected = sources.get(name)?.keys
    if (keys.length !== expected) {
      throw new Error(`script ${name} takes ${String(expected)} keys, got ${keys.length}`)
    }
    return run(name, keys, args)
  }
}
