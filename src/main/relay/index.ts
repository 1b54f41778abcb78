// The live relay: one subscriber connection, reference-counted subscriptions (one channel
// per sale, shared by lot and sale watches), batched fan-out to sessions, resubscribe +
// snapshots after a reconnect.
export { Relay, type RelayOptions, type SaleSnapshot } from './relay'
export { Subscriptions } from './subscriptions'
export { EventBatcher } from './batcher'
