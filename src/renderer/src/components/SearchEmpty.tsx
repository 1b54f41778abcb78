// A list emptied by a search says so, with the search and a way to clear it: a search
// typed earlier must never pass for "there is nothing".
export function SearchEmpty(props: { what: string; search: string; clear: () => void }) {
  const search = props.search.trim()
  if (!search) return <p className="empty">No {props.what}.</p>
  return (
    <p className="empty" data-testid="search-empty">
      No {props.what} match “{search}”.{' '}
      <button type="button" className="link" onClick={props.clear}>
        Clear the search
      </button>
    </p>
  )
}
