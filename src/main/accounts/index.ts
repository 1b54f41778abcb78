// Operator accounts: who may sign in to a console, with what role. Kept in Redis (one hash
// per account, scrypt password hashes); a sign-in checks a password with `verify`, slowed
// down per account after repeated failures, and `endSessions` ends an account's sign-ins on
// every console (OPERATOR_SESSIONS_CHANNEL).
export { OperatorStore, type SessionCheck, type SessionsEnded, type SignedIn } from './store'
export type { Operator } from './operator'
