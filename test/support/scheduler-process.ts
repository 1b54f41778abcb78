// Starts scheduler-entry.ts as a child process on a Redis URL and collects what it reports;
// stopped by PID (SIGTERM, then SIGKILL), also when a test fails.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface SchedulerProcess {
  /** When each successful pass ended (epoch ms, this machine's clock). */
  passes: number[]
  /** When each failed pass ended. */
  errors: number[]
  stop(): Promise<void>
}

const ENTRY = fileURLToPath(new URL('./scheduler-entry.ts', import.meta.url))

export function startSchedulerProcess(url: string): Promise<SchedulerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { ...process.env, REDIS_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const passes: number[] = []
  const errors: number[] = []
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timeout = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timeout)
    }
  }
  return new Promise((resolve, reject) => {
    let pending = ''
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() as string
      for (const line of lines) {
        const [kind, at] = line.split(' ')
        if (kind === 'ready') resolve({ passes, errors, stop })
        else if (kind === 'pass') passes.push(Number(at))
        else if (kind === 'error') errors.push(Number(at))
      }
    })
    child.once('error', reject)
    void exited.then(() => reject(new Error(`the scheduler process exited (${child.exitCode})`)))
  })
}
