// Runs the CLI as a user does: a real process on the run's private Redis.
import { spawn } from 'node:child_process'
import { expect } from 'vitest'
import { redisUrl } from '../support/engine'

export interface Run {
  code: number | null
  json: Record<string, unknown>
  stdout: string
  stderr: string
}

const start = (args: string[], env: Record<string, string>) =>
  spawn(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', ...args], {
    env: { ...process.env, REDIS_URL: redisUrl(), ...env },
  })

/** One command to its end: exactly one JSON document on stdout. `stdin` is written, then closed. */
export function cli(
  args: string[],
  env: Record<string, string> = {},
  stdin?: string,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = start(args, env)
    if (stdin !== undefined) child.stdin.end(stdin)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const lines = stdout.trim().split('\n')
      expect(lines, `exactly one JSON document on stdout, got: ${stdout}`).toHaveLength(1)
      resolve({
        code,
        json: JSON.parse(lines[0] as string) as Record<string, unknown>,
        stdout,
        stderr,
      })
    })
  })
}

export const errorCode = (run: Run): unknown =>
  (run.json.error as { code: string } | undefined)?.code

export interface Watching {
  /** The first stderr line ("watching …"), once the subscription is in place. */
  banner: string
  /** The JSON lines printed so far. */
  events: Record<string, unknown>[]
  /** Resolves once the events printed so far satisfy `enough`. */
  waitFor(enough: (events: Record<string, unknown>[]) => boolean): Promise<void>
  /** Ctrl-C; resolves with the exit code. */
  stop(): Promise<number | null>
}

/** `watch ID` as a user runs it: JSON lines until Ctrl-C. */
export function watchCli(id: string): Promise<Watching> {
  return new Promise((resolve, reject) => {
    const child = start(['watch', id], {})
    const events: Record<string, unknown>[] = []
    const waiters: { enough: (events: Record<string, unknown>[]) => boolean; done: () => void }[] =
      []
    const exited = new Promise<number | null>((done) => child.on('close', done))
    let pending = ''
    let stderr = ''
    child.on('error', reject)
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() as string
      for (const line of lines) if (line.trim()) events.push(JSON.parse(line))
      for (const waiter of waiters.filter((w) => w.enough(events))) waiter.done()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      if (!stderr.includes('\n')) return
      resolve({
        banner: stderr.split('\n')[0] as string,
        events,
        waitFor: (enough) =>
          enough(events)
            ? Promise.resolve()
            : new Promise((done) => waiters.push({ enough, done })),
        stop: () => {
          child.kill('SIGINT')
          return exited
        },
      })
    })
    // A watch that ends by itself (an unknown id) never prints its banner.
    void exited.then((code) => reject(new Error(`watch exited ${code}: ${stderr}`)))
  })
}
