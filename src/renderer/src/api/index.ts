// The renderer's one door to the main side: window.auctionApi in Electron (the preload),
// else the web mode's WebSocket client. The UI imports getApi and nothing else from here.
import type { AuctionApi } from '../../../shared/contract'
import { socketUrl, tabResumeStore, takeToken } from './token'
import { createWebSocketApi } from './ws-client'

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in a browser. */
    auctionApi?: AuctionApi
  }
}

let api: AuctionApi | undefined

export function getApi(): AuctionApi {
  api ??=
    window.auctionApi ??
    createWebSocketApi({
      url: socketUrl(location),
      token: takeToken(),
      resumeStore: tabResumeStore,
    })
  return api
}

export { createWebSocketApi, type WebSocketApi, type WebSocketApiOptions } from './ws-client'
