// One redis-server for the whole Vitest run; tests isolate themselves by unique ids.
import type { TestProject } from 'vitest/node'
import { startRedis } from './redis-server'

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redis = await startRedis()
  project.provide('redisUrl', redis.url)
  return () => redis.stop()
}
