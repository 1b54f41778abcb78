// electron-vite: main (ESM, dependencies left external so ioredis/zod/ws load from
// node_modules in the asar), preload (one CommonJS file, as sandboxed preloads require),
// renderer (React, built into out/renderer).
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * Dev server only: Vite injects an inline React-refresh preamble and <style> tags, which
 * the strict CSP meta tag of index.html forbids. Relax that meta for `electron-vite dev`;
 * the built app keeps the strict policy (and the main process adds it as a header too).
 */
const devServerCsp: Plugin = {
  name: 'auction-console:dev-server-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(
      /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i,
      (_match, open: string, policy: string, close: string) =>
        open +
        policy
          .replace(/script-src 'self'/, "script-src 'self' 'unsafe-inline'")
          .replace(/style-src 'self'/, "style-src 'self' 'unsafe-inline'") +
        close,
    ),
}

export default defineConfig({
  main: {
    build: {
      // Every package.json dependency stays external (ioredis must: it is CommonJS with
      // optional native bits); the engine, shared code and our modules are bundled.
      externalizeDeps: true,
      lib: { entry: resolve('src/main/index.ts') },
      outDir: 'out/main',
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but 'electron': bundle everything it uses.
      externalizeDeps: false,
      lib: { entry: resolve('src/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
      outDir: 'out/preload',
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), devServerCsp],
    build: {
      outDir: resolve('out/renderer'),
      rolldownOptions: {
        input: resolve('src/renderer/index.html'),
        // The libraries (React, zustand, zod…) in a chunk of their own: it changes only when
        // they do, and neither chunk passes Vite's 500 kB warning.
        output: { codeSplitting: { groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/]/ }] } },
      },
      // electron-vite leaves the renderer unminified by default: the packaged console (and
      // the web mode serving the same files) gets a minified bundle and no source maps.
      minify: true,
      sourcemap: false,
    },
  },
})
