// Operator accounts: who may sign in to a console, with what role. Kept in Redis (one hash
// per account, scrypt password hashes), managed with the CLI for now; sign-in will check a
// password with `verify`, slowed down per account after repeated failures.
export { OperatorStore } from './store'
