// The room display's address, `#/display/<saleId>`: a page of its own (no profile, no
// console around it), opened from the clerk's screen by a display-only link or window.
const PREFIX = '#/display/'

/** The sale a display address names, or null for any other address. */
export function displaySaleOf(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null
  const rest = hash.slice(PREFIX.length)
  if (!rest || rest.includes('/')) return null
  try {
    return decodeURIComponent(rest)
  } catch {
    return null
  }
}
