// The web mode's access token: given once in the page URL (?token=…), taken out of the
// address bar at once (history.replaceState) so no later URL, screenshot or copied link
// carries it, and kept in this tab's sessionStorage so a reload of the same tab keeps
// working. sessionStorage belongs to this origin (this port) and this tab only; never
// localStorage (shared by every tab, kept for good) and never a cookie (browsers send
// cookies for 127.0.0.1 to every port). It leaves the tab only in the socket's hello.
const KEY = 'auction-console:token'

export function takeToken(location: Location = window.location): string | null {
  const url = new URL(location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url.pathname + url.search + url.hash)
    try {
      sessionStorage.setItem(KEY, fromUrl)
    } catch {
      // storage disabled: this load works, a reload needs the console URL again
    }
    return fromUrl
  }
  try {
    return sessionStorage.getItem(KEY)
  } catch {
    return null
  }
}

/** ws(s)://<this page's host>/ws: no token in it (it goes in the hello). */
export function socketUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}/ws`
}

const RESUME_KEY = 'auction-console:resume'

/**
 * The sign-in's resume secret, kept like the token (this tab only) so that a reload or a new
 * socket carries on as the signed-in operator until the sign-in ends.
 */
export const tabResumeStore = {
  get(): string | null {
    try {
      return sessionStorage.getItem(RESUME_KEY)
    } catch {
      return null
    }
  },
  set(resume: string | null): void {
    try {
      if (resume) sessionStorage.setItem(RESUME_KEY, resume)
      else sessionStorage.removeItem(RESUME_KEY)
    } catch {
      // storage disabled: a reload asks to sign in again
    }
  },
}
