// The Node version check of npm start and npm test (scripts/setup.sh). The console, its
// build and its tests run on Node 20.19+ (Debian's and our machines' Node 20), so that is
// what we require. Electron 45's download and packaging helpers (@electron/get,
// @electron/rebuild, node-abi) declare Node >= 22.12: npm prints EBADENGINE warnings for
// them on Node 20, yet the install, the build and the web console work; installers are
// built on CI with Node 22. So: refuse an older Node, and on Node 20 say once why the
// warnings (hidden by setup.sh) do not matter.
import { pathToFileURL } from 'node:url'

const MINIMUM = [20, 19]
const ELECTRON_TOOLS = [22, 12]

const atLeast = ([major, minor], [wantMajor, wantMinor]) =>
  major > wantMajor || (major === wantMajor && minor >= wantMinor)

/** What setup says about a Node version: `ok` false stops it; `line` is printed if set. */
export function nodeVerdict(version, { explainEngines = false } = {}) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number)
  const current = [major || 0, minor || 0]
  if (!atLeast(current, MINIMUM)) {
    return {
      ok: false,
      line: `setup: Node ${version} is too old: the console needs Node 20.19 or newer (Node 20 or 22 LTS).`,
    }
  }
  if (explainEngines && !atLeast(current, ELECTRON_TOOLS)) {
    return {
      ok: true,
      line: `setup: Node ${version}: npm's engine warnings for Electron's download and packaging tools (they ask for Node 22.12) are expected and hidden; the console, its build and tests run on Node 20 (README: Node version).`,
    }
  }
  return { ok: true, line: null }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const verdict = nodeVerdict(process.versions.node, {
    explainEngines: process.argv.includes('--explain-engines'),
  })
  if (verdict.line) console.error(verdict.line)
  process.exit(verdict.ok ? 0 : 1)
}
