// Which console already runs on a data folder, so a second start says so in one line
// instead of failing on the port or on the local Redis: a web console writes its process
// and port here once it listens (and removes them when it stops); a desktop app is found
// as the owner of the embedded Redis (connection/embedded.ts keeps that).
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { embeddedDir } from '../connection/embedded'

const FILE = 'web-console.json'

export type RunningConsole =
  { kind: 'web'; pid: number; port: number } | { kind: 'desktop'; pid: number }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readJson(path: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  } catch {
    return null
  }
}

const otherLive = (pid: unknown): pid is number =>
  Number.isInteger(pid) && pid !== process.pid && alive(pid as number)

/**
 * Another console on this data folder: a web console (its port), or, when this one would
 * use the embedded Redis (`embedded`), whichever console owns it.
 */
export function runningConsole(dataDir: string, embedded: boolean): RunningConsole | null {
  const web = readJson(join(dataDir, FILE))
  if (web && otherLive(web.pid) && Number.isInteger(web.port)) {
    return { kind: 'web', pid: web.pid, port: web.port as number }
  }
  if (!embedded) return null
  const redis = readJson(join(embeddedDir(dataDir), 'embedded.json'))
  if (redis && otherLive(redis.ownerPid) && otherLive(redis.pid)) {
    return { kind: 'desktop', pid: redis.ownerPid }
  }
  return null
}

/** Records this web console; the returned function removes the record (if still ours). */
export function recordWebConsole(dataDir: string, port: number): () => void {
  const path = join(dataDir, FILE)
  writeFileSync(path, JSON.stringify({ pid: process.pid, port }), { mode: 0o600 })
  return () => {
    if (readJson(path)?.pid === process.pid) rmSync(path, { force: true })
  }
}

/** The one line a second start prints. */
export function alreadyRunning(running: RunningConsole): string {
  return running.kind === 'web'
    ? `A console is already running on http://127.0.0.1:${running.port} (process ${running.pid}): use its window or link, or stop it first.`
    : `A console is already running (process ${running.pid}) with the local Redis of this data folder: use its window, or stop it first.`
}

/** The one line for a port another program (or a console on another data folder) holds. */
export function portInUse(port: number): string {
  return `Port ${port} on 127.0.0.1 is already in use by another program or console: stop it, or start with --port N (--port 0 picks a free port).`
}
