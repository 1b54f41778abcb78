// The sandboxed preload: exposes window.auctionApi (the contract's call/on) and nothing
// else. Built as one CommonJS file that requires only 'electron' (sandbox rule).
import { contextBridge, ipcRenderer } from 'electron'
import { createAuctionApi } from './api'

contextBridge.exposeInMainWorld('auctionApi', createAuctionApi(ipcRenderer))
