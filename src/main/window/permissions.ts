// Web permissions. The console needs exactly one: showing notifications, which Electron
// turns into native OS notifications. The UI uses the standard Notification API, the same
// code in the browser and on the desktop; everything else (camera, geolocation, clipboard
// read, HID...) is refused, and so is any page that is not the app's own.
import { isAppUrl } from '../ipc/origins'

const GRANTED = new Set(['notifications'])

export function allowPermission(
  permission: string,
  requestingUrl: string,
  origins: readonly string[],
): boolean {
  return GRANTED.has(permission) && isAppUrl(requestingUrl, origins)
}
