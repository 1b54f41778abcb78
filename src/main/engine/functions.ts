// The scripts as Redis Functions (FUNCTION LOAD once, then FCALL), where the server allows it.
// A function's helpers are defined once, when its library loads; a script defines them again
// on every EVALSHA. That is 2-2.5 µs of Redis time per bid (BENCHMARKS.md). Where Functions
// are unavailable (Redis 6, a user without `+fcall +function|load`) every call is the
// EVALSHA of the same script: the same code, the same answers.
import { createHash } from 'node:crypto'
import type { Cluster, Redis } from 'ioredis'
import { isCluster, isNoPermission, isUnavailable } from './connection'
import type { ScriptCaller, ScriptName, ScriptReply, ScriptSource } from './scripts'

export interface FunctionLibrary {
  /** The function's name, also its library's: the script's name and its code's hash. */
  name: string
  /** The library's source for FUNCTION LOAD. */
  code: string
}

/**
 * One library per script, named by the hash of its code: consoles of two versions on one
 * Redis each call their own code, as EVALSHA's content addressing did. The script's code reads
 * KEYS and ARGV as it does under EVALSHA; here they are the library's, set by each call (a
 * function runs alone, so no call sees another's).
 */
export function functionLibrary(
  script: string,
  source: Pick<ScriptSource, 'prelude' | 'body'>,
): FunctionLibrary {
  const hash = createHash('sha1')
    .update(source.prelude)
    .update('\0')
    .update(source.body)
    .digest('hex')
  const name = `auction_${script}_${hash.slice(0, 16)}`
  const code = [
    `#!lua name=${name}`,
    'local KEYS, ARGV',
    source.prelude,
    `redis.register_function('${name}', function(keys, args)`,
    'KEYS, ARGV = keys, args',
    source.body,
    'end)',
  ].join('\n')
  return { name, code }
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)

/** FUNCTION LOAD refused: no Functions here, this user may not load them, or the code fails. */
const refusesLoad = (error: unknown): boolean =>
  /unknown command|unknown subcommand|Error registering functions/i.test(messageOf(error)) ||
  isNoPermission(error)

/**
 * FCALL itself refused, before any of the script ran. Not an error from inside a script (a
 * call refused halfway): that one must not run again as a script.
 */
const refusesFcall = (error: unknown): boolean =>
  /^(NOPERM|ERR unknown command)\b.*'fcall'/i.test(messageOf(error))

/** Gone from this node: FUNCTION FLUSH, a restart without persistence, a new cluster master. */
const notFound = (error: unknown): boolean => /Function not found/i.test(messageOf(error))

/** How long the calls use EVALSHA after a load failed on a connection problem. */
const RETRY_LOAD_AFTER_MS = 1000

type Mode = 'unloaded' | 'functions' | 'scripts'

/** Runs each script by FCALL once its library is loaded on every primary; else by `fallback`. */
export class FunctionRunner {
  private mode: Mode = 'unloaded'
  private loading: Promise<void> | undefined
  private retryLoadAt = 0
  private readonly libraries: Map<ScriptName, FunctionLibrary>

  constructor(
    private readonly client: Redis | Cluster,
    sources: ReadonlyMap<ScriptName, ScriptSource>,
    private readonly fallback: ScriptCaller,
  ) {
    this.libraries = new Map(
      [...sources].map(([name, source]) => [name, functionLibrary(name, source)]),
    )
  }

  /** 'functions' once loaded, 'scripts' where Functions are refused, else 'unloaded'. */
  get state(): Mode {
    return this.mode
  }

  readonly run: ScriptCaller = (name, keys, args) => {
    if (this.mode === 'functions') return this.fcall(name, keys, args, true)
    if (this.mode === 'scripts' || Date.now() < this.retryLoadAt) {
      return this.fallback(name, keys, args)
    }
    return this.loadThenCall(name, keys, args)
  }

  /**
   * FCALL of the script's function. Its library gone: loaded again, then called (`reload`),
   * or, right after a load (a master the slots map did not show yet), run as a script this
   * once. FCALL refused: every call runs as a script from now on. Nothing of the script ran
   * in either case, so running it again is safe.
   */
  private fcall(
    name: ScriptName,
    keys: string[],
    args: (string | number)[],
    reload: boolean,
  ): Promise<ScriptReply> {
    const library = this.libraries.get(name)
    if (!library) throw new Error(`script ${name} has no function library`)
    const call = this.client.call('FCALL', library.name, keys.length, ...keys, ...args)
    return (call as Promise<ScriptReply>).catch((error: unknown) => {
      if (notFound(error)) {
        this.mode = 'unloaded'
        return reload ? this.loadThenCall(name, keys, args) : this.fallback(name, keys, args)
      }
      if (refusesFcall(error)) {
        this.mode = 'scripts'
        return this.fallback(name, keys, args)
      }
      throw error
    })
  }

  /** Loads (once for concurrent calls), then calls; EVALSHA when the load cannot. */
  private async loadThenCall(
    name: ScriptName,
    keys: string[],
    args: (string | number)[],
  ): Promise<ScriptReply> {
    try {
      await this.load()
    } catch {
      return this.fallback(name, keys, args)
    }
    if (this.mode !== 'functions') return this.fallback(name, keys, args)
    return this.fcall(name, keys, args, false)
  }

  private load(): Promise<void> {
    this.loading ??= this.loadEverywhere()
      .then(
        () => {
          this.mode = 'functions'
        },
        (error: unknown) => {
          // A refusal, or a library this server cannot register, is kept: the scripts run by
          // EVALSHA from now on. Anything else (unreachable, OOM): try again soon.
          if (refusesLoad(error) && !isUnavailable(error)) this.mode = 'scripts'
          else this.retryLoadAt = Date.now() + RETRY_LOAD_AFTER_MS
          throw error
        },
      )
      .finally(() => {
        this.loading = undefined
      })
    return this.loading
  }

  /** Every library on every primary (a cluster's each hold their own); a loaded one is kept. */
  private async loadEverywhere(): Promise<void> {
    let nodes: Redis[]
    if (isCluster(this.client)) {
      // Waits for the slots map, like any command, so the primaries are known.
      await this.client.ping()
      nodes = this.client.nodes('master')
    } else {
      nodes = [this.client]
    }
    await Promise.all(
      nodes.flatMap((node) =>
        [...this.libraries.values()].map(async (library) => {
          try {
            await node.call('FUNCTION', 'LOAD', library.code)
          } catch (error) {
            if (!/already exists/i.test(messageOf(error))) throw error
          }
        }),
      ),
    )
  }
}
