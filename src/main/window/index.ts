// The window and its hardening: app:// protocol, CSP, request/permission/navigation rules.
export { createMainWindow, secureWebPreferences, type MainWindowOptions } from './main-window'
export { openDisplayWindow, displayRoute, type DisplayWindowOptions } from './display-window'
export { contentSecurityPolicy } from './csp'
export { registerAppScheme, handleAppProtocol, resolveRendererFile } from './protocol'
export { hardenSession, guardWebContents } from './security'
export { isAllowedRequest } from './requests'
export { allowPermission } from './permissions'
export { quitGracefully } from './quit'
