// The flags `auction create` and `sale create` share; each command adds its own.
export const createOptions = {
  title: { type: 'string' },
  currency: { type: 'string' },
  description: { type: 'string' },
  'starts-at': { type: 'string' },
  start: { type: 'boolean' },
  increment: { type: 'string' },
  'increment-table': { type: 'string' },
  'soft-close': { type: 'string' },
  duration: { type: 'string' },
  'request-id': { type: 'string' },
} as const
