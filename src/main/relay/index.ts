// The live relay: one subscriber connection, reference-counted subscriptions, batched
// fan-out to sessions, resubscribe + snapshots after a reconnect.
export { Relay, type RelayOptions } from './relay'
export { Subscriptions } from './subscriptions'
export { EventBatcher } from './batcher'
