// A request id per payload: a submit that got no answer (no connection) is sent again with
// the same id, so the main side answers the first result instead of doing it twice.
export interface RetryId {
  /** The id for this payload: the unanswered one if the payload is the same, else a new one. */
  idFor: (key: string) => string
  /** After an answer: keep the id only if the command may not have been received. */
  settle: (answer: { ok: boolean; error?: { code: string } }) => void
}

export function createRetryId(newId: () => string = () => crypto.randomUUID()): RetryId {
  let held: { key: string; id: string } | null = null
  return {
    idFor: (key) => {
      if (held?.key !== key) held = { key, id: newId() }
      return held.id
    },
    settle: (answer) => {
      if (answer.ok || answer.error?.code !== 'REDIS_UNAVAILABLE') held = null
    },
  }
}
