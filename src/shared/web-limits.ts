// The web mode's per-socket request limit, both sides: the server answers requests past it
// with TOO_MANY_REQUESTS, and the renderer's client queues its own so it never does.
export const MAX_IN_FLIGHT = 32
