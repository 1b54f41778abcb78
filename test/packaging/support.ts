// Helpers for the packaging test: a placeholder Electron, the production dependency
// closure as npm installed it, and a fuse-wire reader.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join } from 'node:path'

/** @electron/fuses looks for this marker followed by the fuse wire. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** Fuse order in the V1 wire (see @electron/fuses). */
export const FUSES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
] as const

/**
 * A folder electron-builder accepts as `electronDist`: an executable named `electron`
 * (a shell script) carrying a fuse wire in Electron's stock state, so the fuse step runs
 * for real and its result can be read back. It is not Electron: nothing here runs the app.
 */
export function writePlaceholderElectron(dir: string, version: string): void {
  mkdirSync(dir, { recursive: true })
  const stock = '10110001' // RunAsNode, NODE_OPTIONS, --inspect, file:// privileges on
  const body = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "placeholder, not Electron"\nexit 1\n# '),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, FUSES.length]),
    Buffer.from(stock),
    Buffer.from('\n'),
  ])
  writeFileSync(join(dir, 'electron'), body, { mode: 0o755 })
  writeFileSync(join(dir, 'version'), `v${version}`)
}

/** The fuse states in an executable: name → 'on' | 'off' | other byte. */
export function readFuses(executable: string): Record<string, string> {
  const bytes = readFileSync(executable)
  const at = bytes.indexOf(FUSE_SENTINEL)
  if (at < 0) throw new Error(`no fuse wire in ${executable}`)
  const wire = at + FUSE_SENTINEL.length
  const length = bytes[wire + 1] ?? 0
  const states: Record<string, string> = {}
  for (let i = 0; i < length; i++) {
    const byte = bytes[wire + 2 + i]
    states[FUSES[i] ?? `fuse${i}`] = byte === 0x31 ? 'on' : byte === 0x30 ? 'off' : String(byte)
  }
  return states
}

/** Finds `name`'s folder the way Node does: node_modules folders from `from` upwards. */
function locate(name: string, from: string, root: string): string | undefined {
  let dir = from
  for (;;) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dir === root) return undefined
    dir = dirname(dir)
  }
}

/** Names of every package the app needs at run time: dependencies, recursively. */
export function productionClosure(root: string): Set<string> {
  const names = new Set<string>()
  const visit = (pkgDir: string): void => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>
      optionalDependencies?: Record<string, string>
    }
    const deps = Object.keys(pkg.dependencies ?? {})
    const optional = Object.keys(pkg.optionalDependencies ?? {})
    for (const name of [...deps, ...optional]) {
      const found = locate(name, pkgDir, root)
      if (!found) {
        if (optional.includes(name)) continue
        throw new Error(`${name} (needed by ${pkgDir}) is not installed`)
      }
      if (names.has(name)) continue
      names.add(name)
      visit(found)
    }
  }
  visit(root)
  return names
}

/** Bare module specifiers a built JS file imports or requires. */
export function importedPackages(source: string): Set<string> {
  const specifiers = [
    ...source.matchAll(/\bfrom\s*["']([^"']+)["']/g),
    ...source.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
    // A bare `import "x"` starts a statement: not `"lots:import": …` in an object.
    ...source.matchAll(/(?:^|[;}\s])import\s*["']([^"']+)["']/gm),
    ...source.matchAll(/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1] as string)
  const packages = new Set<string>()
  for (const specifier of specifiers) {
    if (specifier.startsWith('.') || specifier.startsWith('/')) continue
    const parts = specifier.split('/')
    packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string))
  }
  return packages
}

export const isBuiltin = (name: string): boolean =>
  name.startsWith('node:') || builtinModules.includes(name)

/** Runs a Node CLI from node_modules; returns its status and combined output. */
export function runNodeCli(
  cli: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
  })
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` }
}
