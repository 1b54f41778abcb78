// When something opens: one radio a start mode (now, at a time, a draft), and the start
// time when it opens at a time.
import { TextField } from '../../components/TextField'

type StartMode = 'now' | 'at' | 'draft'

export function StartFieldset<M extends StartMode>(props: {
  /** The radio group's name. */
  name: string
  modes: readonly M[]
  labels: Record<M, string>
  mode: M
  choose: (mode: M) => void
  startsAt: string
  error: string | undefined
  setStartsAt: (value: string) => void
}) {
  return (
    <fieldset className="field">
      <legend>Start</legend>
      <div className="choices choices--stack">
        {props.modes.map((mode) => (
          <label className="choice" key={mode}>
            <input
              type="radio"
              name={props.name}
              checked={props.mode === mode}
              onChange={() => props.choose(mode)}
            />
            {props.labels[mode]}
          </label>
        ))}
      </div>
      {props.mode === 'at' ? (
        <TextField
          label="Starts at"
          type="datetime-local"
          value={props.startsAt}
          error={props.error}
          onChange={props.setStartsAt}
        />
      ) : null}
    </fieldset>
  )
}
