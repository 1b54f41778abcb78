// Display-only tokens: each one opens the room display of one sale, read-only. Minted by
// `display:link` for staff (or the sale's seller), held in memory for this server's life
// (a restart prints a new console token and forgets these), the oldest dropped past a cap.
import { newToken, sameToken } from './auth'

const MAX_TOKENS = 200

export class DisplayTokens {
  /** token → the sale it shows, oldest first. */
  private readonly tokens = new Map<string, string>()

  mint(saleId: string): string {
    const token = newToken()
    this.tokens.set(token, saleId)
    while (this.tokens.size > MAX_TOKENS) {
      const oldest = this.tokens.keys().next().value
      if (oldest === undefined) break
      this.tokens.delete(oldest)
    }
    return token
  }

  /** The sale a display token shows, or null (compared in constant time per entry). */
  saleOf(given: string | null | undefined): string | null {
    if (!given) return null
    for (const [token, saleId] of this.tokens) if (sameToken(given, token)) return saleId
    return null
  }
}
