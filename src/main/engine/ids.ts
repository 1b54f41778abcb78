import { createHash, randomInt } from 'node:crypto'

// Crockford base32 without look-alikes: easy to read out on a sale floor.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A random auction or sale id such as "A7K3M9Q2XD" (50 bits). */
export function newAuctionId(): string {
  let id = ''
  for (let i = 0; i < 10; i++) id += ALPHABET[randomInt(ALPHABET.length)]
  return id
}

/**
 * The id a create with this request id gets: derived, so a retry after REDIS_UNAVAILABLE
 * lands on the same sale (and its script answers "duplicate") without any global record.
 */
export function saleIdFor(
  kind: 'sale' | 'auction',
  ownerId: string,
  requestId: string | null | undefined,
): string {
  if (!requestId) return newAuctionId()
  // The kind is part of it: a request id reused for the other kind of create is a new one.
  const digest = createHash('sha256').update(`${kind}\0${ownerId}\0${requestId}`).digest()
  let id = ''
  for (let i = 0; i < 10; i++) id += ALPHABET[(digest[i] as number) % ALPHABET.length]
  return id
}
