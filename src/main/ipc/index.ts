// The contract over Electron IPC: channel names, sender checks, handlers and pushes.
// Nothing here imports electron; index.ts passes in ipcMain and the webContents.
export { INVOKE_CHANNELS, PUSH_CHANNELS, invokeChannel, pushChannel } from './channels'
export { APP_ORIGIN, isAppUrl, originOf, trustedOrigins } from './origins'
export { SenderRegistry, type InvokeEventLike, type SenderVerdict } from './senders'
export { bindContract, type IpcMainLike, type BindingOptions } from './binding'
export { attachWindow, pushTo, type WebContentsLike } from './windows'
