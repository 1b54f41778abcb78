// The web mode's access token: given once in the page URL (?token=…), kept in this tab's
// sessionStorage so a reload keeps working, and taken out of the address bar so it is not
// shared by a screenshot or a copied link.
const KEY = 'auction-console:token'

export function takeToken(location: Location = window.location): string | null {
  const url = new URL(location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    try {
      sessionStorage.setItem(KEY, fromUrl)
    } catch {
      // storage disabled: the cookie set with the page still lets a reload load the page
    }
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  try {
    return sessionStorage.getItem(KEY)
  } catch {
    return null
  }
}

/** ws(s)://<this page's host>/ws?token=… */
export function socketUrl(location: Location, token: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  const query = token ? `?token=${encodeURIComponent(token)}` : ''
  return `${scheme}//${location.host}/ws${query}`
}
