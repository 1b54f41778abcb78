// Where the Lua scripts come from: AUCTION_LUA_DIR is for development and tests; a packaged
// app runs only the scripts it ships (resources/lua), whatever the environment says.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { resolveLuaDir } from '../../src/main/engine/scripts'

const root = mkdtempSync(join(tmpdir(), 'auction-lua-dir-'))
const luaFolder = (name: string): string => {
  const dir = join(root, name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'placeBid-2.lua'), 'return 0\n')
  return dir
}
const override = luaFolder('override')
const resources = join(root, 'resources')
const shipped = luaFolder('resources/lua')
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('resolveLuaDir', () => {
  it('honours AUCTION_LUA_DIR in development', () => {
    const warnings: string[] = []
    const dir = resolveLuaDir({
      packaged: false,
      env: { AUCTION_LUA_DIR: override },
      warn: (line) => warnings.push(line),
    })
    expect(dir).toBe(override)
    expect(warnings).toEqual([])
  })

  it('ignores AUCTION_LUA_DIR in a packaged app, with a warning, and uses the shipped Lua', () => {
    const warnings: string[] = []
    const dir = resolveLuaDir({
      packaged: true,
      resourcesPath: resources,
      env: { AUCTION_LUA_DIR: override },
      warn: (line) => warnings.push(line),
    })
    expect(dir).toBe(shipped)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/AUCTION_LUA_DIR is ignored/)
  })

  it('a packaged app without its shipped Lua fails instead of looking elsewhere', () => {
    expect(() =>
      resolveLuaDir({
        packaged: true,
        resourcesPath: join(root, 'nowhere'),
        env: { AUCTION_LUA_DIR: override },
        warn: () => undefined,
      }),
    ).toThrow(/Lua scripts not found/)
  })

  it('a plain Node process (CLI, tests) is not packaged: the override works by default', () => {
    const previous = process.env.AUCTION_LUA_DIR
    process.env.AUCTION_LUA_DIR = override
    try {
      expect(resolveLuaDir()).toBe(override)
    } finally {
      if (previous === undefined) delete process.env.AUCTION_LUA_DIR
      else process.env.AUCTION_LUA_DIR = previous
    }
  })
})
