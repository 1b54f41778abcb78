// A list screen's title search, labelled for screen readers; "/" focuses it from anywhere
// on the screen.
import { useSlashFocus } from '../hooks/useSlashFocus'

export function SearchBox(props: {
  id: string
  label: string
  value: string
  change: (value: string) => void
}) {
  const input = useSlashFocus()
  return (
    <>
      <label className="visually-hidden" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        ref={input}
        type="search"
        className="search"
        placeholder="Search by title  /"
        value={props.value}
        onChange={(e) => props.change(e.target.value)}
      />
    </>
  )
}
