// The saved URL never carries credentials: what was typed as user:pass@ goes to the
// username and (sealed) password fields. Works for every URL form, also the host lists of
// redis+sentinel:// and redis+cluster:// that `new URL` cannot read.
import {
  endpointText,
  parseRedisUrl,
  RedisUrlError,
  splitUrlCredentials,
} from '../engine/redis-url'

interface UrlFields {
  url: string
  username: string
  password?: string
}

/**
 * A password typed in the URL (redis://user:pass@host) is a password like any other: it is
 * moved into the password field (sealed on save) and the user into the username field, so
 * the URL stored and shown carries no credentials. A password typed in its own field wins.
 */
export function withoutUrlCredentials<T extends UrlFields>(input: T): T & { password?: string } {
  if (input.url === '') return input
  const split = splitUrlCredentials(input.url)
  if (split.url === input.url) return input
  return {
    ...input,
    url: split.url,
    username: input.username || split.username,
    ...(split.password !== '' && !input.password ? { password: split.password } : {}),
  }
}

/** The endpoint a URL names, without credentials ('' for the embedded server). */
export function endpointOf(url: string): string {
  if (url === '') return ''
  try {
    return endpointText(parseRedisUrl(url))
  } catch {
    return url
  }
}

/** Why a URL cannot be used, in the parser's words; null when it can (or is empty). */
export function urlProblem(url: string): string | null {
  if (url === '') return null
  try {
    parseRedisUrl(url)
    return null
  } catch (error) {
    if (error instanceof RedisUrlError) return error.message
    throw error
  }
}
