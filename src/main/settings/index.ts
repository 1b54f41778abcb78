// Settings persisted in the user-data folder; secrets sealed by a SecretBox.
export { SettingsStore, SETTINGS_FILE } from './store'
export { endpointOf, urlProblem, withoutUrlCredentials } from './url-credentials'
export type { PublicRedisSettings, ParsedRedisSettings } from './store'
export { createFileSecretBox, KEY_FILE } from './secret-box'
export { defaultDataDir } from './paths'
