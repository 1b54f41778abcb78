// What an empty list says: still loading, the load failed, or nothing (matches the search).
import { SearchEmpty } from './SearchEmpty'

export function ListEmpty(props: {
  loading: boolean
  error: string | null
  what: string
  search: string
  clear: () => void
}) {
  if (props.loading && !props.error) return <p className="empty">Loading…</p>
  if (props.error) return <p className="empty">Could not load: {props.error}</p>
  return <SearchEmpty what={props.what} search={props.search} clear={props.clear} />
}
