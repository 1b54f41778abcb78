import { randomInt } from 'node:crypto'

// Crockford base32 without look-alikes: easy to read out on a sale floor.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A random auction id such as "A7K3M9Q2XD" (50 bits). */
export function newAuctionId(): string {
  let id = ''
  for (let i = 0; i < 10; i++) id += ALPHABET[randomInt(ALPHABET.length)]
  return id
}
