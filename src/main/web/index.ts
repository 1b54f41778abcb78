// The web mode: the built console and the contract over WebSocket on 127.0.0.1, behind a
// random token. `npm run web` runs cli.ts; startWebServer is the programmatic entry.
export { startWebServer, DEFAULT_PORT, type WebServer, type WebServerOptions } from './server'
export { ensureRenderer, projectRoot } from './build'
