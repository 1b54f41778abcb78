// What the installers would ship, checked without Electron: electron-builder packs the
// built app into linux-unpacked/resources/app.asar around a placeholder executable
// (electronDist), so we can check the archive holds the built app and the production
// dependencies and nothing else, that the Lua scripts sit in resources/lua, and that the
// fuses (RunAsNode off...) were flipped. It cannot check that the packaged app runs.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  importedPackages,
  isBuiltin,
  productionClosure,
  readFuses,
  runNodeCli,
  writePlaceholderElectron,
} from './support'

const root = join(dirname(new URL(import.meta.url).pathname), '..', '..')
const require = createRequire(join(root, 'package.json'))
const cliOf = (pkg: string, file: string): string | undefined => {
  try {
    return join(dirname(require.resolve(`${pkg}/package.json`)), file)
  } catch {
    return undefined
  }
}
const electronVite = cliOf('electron-vite', 'bin/electron-vite.js')
const electronBuilder = cliOf('electron-builder', 'cli.js')
const skipReason =
  !electronVite || !electronBuilder
    ? 'electron-vite or electron-builder is not installed (npm install first)'
    : undefined
if (skipReason) console.log(`[packaging] SKIPPED: ${skipReason}`)

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort()

describe.skipIf(skipReason !== undefined)('packaged app (electron-builder --linux dir)', () => {
  const work = mkdtempSync(join(tmpdir(), 'auction-pack-'))
  const unpacked = join(work, 'dist', 'linux-unpacked')
  const asarPath = join(unpacked, 'resources', 'app.asar')
  let entries: string[] = []
  let asar: typeof import('@electron/asar')

  beforeAll(async () => {
    // 1. The app, as `npm run dist` builds it.
    const build = runNodeCli(electronVite as string, ['build'], root, 180_000)
    expect(build.status, `electron-vite build failed:\n${build.output}`).toBe(0)
    // 2. The package, around a placeholder instead of the Electron binary we cannot fetch.
    const electronVersion = (
      JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as {
        version: string
      }
    ).version
    writePlaceholderElectron(join(work, 'electron-dist'), electronVersion)
    const pack = runNodeCli(
      electronBuilder as string,
      [
        '--linux',
        'dir',
        '--x64',
        '--publish',
        'never',
        `-c.electronDist=${join(work, 'electron-dist')}`,
        `-c.directories.output=${join(work, 'dist')}`,
      ],
      root,
      240_000,
    )
    expect(pack.status, `electron-builder failed:\n${pack.output}`).toBe(0)
    asar = await import('@electron/asar')
    entries = asar.listPackage(asarPath, { isPack: false }).map((e) => e.split('\\').join('/'))
  }, 300_000)

  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('holds only out/, package.json and node_modules at its top', () => {
    const top = new Set(entries.map((entry) => entry.split('/')[1]))
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json'])
  })

  it('holds exactly the built app from out/', () => {
    const built = filesUnder(join(root, 'out')).filter((file) => !file.endsWith('.map'))
    const packed = entries
      .filter((entry) => entry.startsWith('/out/'))
      .map((entry) => entry.slice('/out/'.length))
      .filter((entry) => 'size' in asar.statFile(asarPath, `out/${entry}`))
      .sort()
    expect(packed).toEqual(built)
    for (const file of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) {
      expect(packed).toContain(file)
    }
  })

  it('holds the production dependencies (ioredis, zod, ws and theirs) and no others', () => {
    const packageRoots = entries
      .map((entry) => /^\/(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(entry))
      .filter((match) => match !== null)
      .map((match) => match[1] as string)
    const closure = productionClosure(root)
    for (const name of ['ioredis', 'zod', 'ws']) expect(closure).toContain(name)
    expect(new Set(packageRoots)).toEqual(closure)
    // Development tools never travel: Electron itself, the bundler, the UI libraries.
    for (const dev of ['electron', 'electron-vite', 'vite', 'react', 'typescript', 'vitest']) {
      expect(packageRoots).not.toContain(dev)
    }
  })

  it('holds no sources, tests, logs, maps or project files', () => {
    const offending = entries.filter(
      (entry) =>
        /\.(ts|tsx|mts|cts|map|log)$/.test(entry) ||
        /^\/(src|test|bench|lua|scripts|resources|dist|\.github|\.ci)(\/|$)/.test(entry) ||
        /^\/[^/]*\.(ya?ml|json|mjs|mts|md)$/.test(entry.replace('/package.json', '')),
    )
    expect(offending).toEqual([])
  })

  it('loads nothing at run time that it does not hold', () => {
    const closure = productionClosure(root)
    const mainFiles = entries.filter((entry) => /^\/out\/main\/.*\.m?js$/.test(entry))
    expect(mainFiles.length).toBeGreaterThan(0)
    for (const file of mainFiles) {
      const source = asar.extractFile(asarPath, file.slice(1)).toString('utf8')
      for (const name of importedPackages(source)) {
        const ok = isBuiltin(name) || name === 'electron' || closure.has(name)
        expect(ok, `${file} imports ${name}`).toBe(true)
      }
    }
    // ioredis must stay external (CommonJS, loaded from the asar's node_modules).
    const main = asar.extractFile(asarPath, 'out/main/index.js').toString('utf8')
    expect(main).toMatch(/from\s*["']ioredis["']/)
    // A sandboxed preload can require only 'electron': everything else is bundled in.
    const preload = asar.extractFile(asarPath, 'out/preload/index.cjs').toString('utf8')
    expect([...importedPackages(preload)]).toEqual(['electron'])
    expect(preload).not.toMatch(/\bimport\s|\bexport\s/)
  })

  it('points package.json main at the built entry', () => {
    const pkg = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8')) as {
      main: string
    }
    expect(entries).toContain(`/${pkg.main}`)
  })

  it('ships the Lua scripts as resources/lua, where resolveLuaDir looks', () => {
    const shipped = filesUnder(join(unpacked, 'resources', 'lua'))
    const source = filesUnder(join(root, 'lua')).filter((file) => file.endsWith('.lua'))
    expect(shipped).toEqual(source)
    expect(shipped).toContain('placeBid-2.lua')
    expect(shipped).toContain('includes/publishLot.lua')
    expect(existsSync(join(unpacked, 'resources', 'icon.png'))).toBe(true)
  })

  it('flips the fuses: no run-as-Node, no NODE_OPTIONS, no --inspect, asar only, checked', () => {
    const fuses = readFuses(join(unpacked, 'auction-console'))
    expect(fuses).toMatchObject({
      RunAsNode: 'off',
      EnableNodeOptionsEnvironmentVariable: 'off',
      EnableNodeCliInspectArguments: 'off',
      OnlyLoadAppFromAsar: 'on',
      // The asar's integrity is checked against the hash embedded at build time (macOS,
      // Windows): an edited app.asar does not load.
      EnableEmbeddedAsarIntegrityValidation: 'on',
      EnableCookieEncryption: 'on',
      GrantFileProtocolExtraPrivileges: 'off',
    })
  })
})
