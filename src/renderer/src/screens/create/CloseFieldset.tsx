// When something closes: after a number of minutes, or at a time.
import { TextField } from '../../components/TextField'

type CloseMode = 'duration' | 'at'

export function CloseFieldset(props: {
  legend: string
  /** The radio group's name. */
  name: string
  mode: CloseMode
  choose: (mode: CloseMode) => void
  minutes: { label: string; value: string; error: string | undefined; set: (v: string) => void }
  at: { label: string; value: string; error: string | undefined; set: (v: string) => void }
}) {
  const field = props.mode === 'duration' ? props.minutes : props.at
  return (
    <fieldset className="field">
      <legend>{props.legend}</legend>
      <div className="choices choices--stack">
        <label className="choice">
          <input
            type="radio"
            name={props.name}
            checked={props.mode === 'duration'}
            onChange={() => props.choose('duration')}
          />
          After a duration
        </label>
        <label className="choice">
          <input
            type="radio"
            name={props.name}
            checked={props.mode === 'at'}
            onChange={() => props.choose('at')}
          />
          At a time
        </label>
      </div>
      {props.mode === 'duration' ? (
        <TextField
          label={field.label}
          inputMode="numeric"
          value={field.value}
          error={field.error}
          onChange={field.set}
        />
      ) : (
        <TextField
          label={field.label}
          type="datetime-local"
          value={field.value}
          error={field.error}
          onChange={field.set}
        />
      )}
    </fieldset>
  )
}
