// Secrets at rest on the desktop: the settings store seals the Redis password with this.
export { createSafeStorageBox } from './safe-storage'
