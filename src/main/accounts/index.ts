// Operator accounts: who may sign in to a console, with what role. Kept in Redis (one hash
// per account, scrypt password hashes), managed by staff and by the CLI; sign-in checks a
// password with `verify`, slowed down per account after repeated failures.
export { OperatorStore } from './store'
export type { Operator } from './operator'
