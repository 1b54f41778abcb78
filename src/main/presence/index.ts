// Viewer counts across machines: presence in Redis with expiry and heartbeat, counts
// published on a channel of their own.
export { Presence, type PresenceOptions } from './presence'
export { presenceChannel, viewersKey, viewersCountKey } from './script'
