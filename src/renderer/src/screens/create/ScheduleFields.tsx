// When the auction runs: start now, at a time or as a draft; end after a duration or at a
// time; and the soft close that extends it when bids come late.
import { TextField } from '../../components/TextField'
import type { DraftProps } from './draftProps'

const START_LABEL = { now: 'Now', at: 'At a time', draft: 'Save as draft' } as const

export function ScheduleFields({ draft, errors, set }: DraftProps) {
  return (
    <div className="form__row">
      <fieldset className="field">
        <legend>Start</legend>
        <div className="choices choices--stack">
          {(['now', 'at', 'draft'] as const).map((mode) => (
            <label className="choice" key={mode}>
              <input
                type="radio"
                name="startMode"
                checked={draft.startMode === mode}
                onChange={() => set('startMode', mode)}
              />
              {START_LABEL[mode]}
            </label>
          ))}
        </div>
        {draft.startMode === 'at' ? (
          <TextField
            label="Starts at"
            type="datetime-local"
            value={draft.startsAt}
            error={errors.startsAt}
            onChange={(value) => set('startsAt', value)}
          />
        ) : null}
      </fieldset>
      <fieldset className="field">
        <legend>End</legend>
        <div className="choices choices--stack">
          <label className="choice">
            <input
              type="radio"
              name="endMode"
              checked={draft.endMode === 'duration'}
              onChange={() => set('endMode', 'duration')}
            />
            After a duration
          </label>
          <label className="choice">
            <input
              type="radio"
              name="endMode"
              checked={draft.endMode === 'at'}
              onChange={() => set('endMode', 'at')}
            />
            At a time
          </label>
        </div>
        {draft.endMode === 'duration' ? (
          <TextField
            label="Duration (minutes)"
            inputMode="numeric"
            value={draft.durationMinutes}
            error={errors.durationMinutes}
            onChange={(value) => set('durationMinutes', value)}
          />
        ) : (
          <TextField
            label="Ends at"
            type="datetime-local"
            value={draft.endsAt}
            error={errors.endsAt}
            onChange={(value) => set('endsAt', value)}
          />
        )}
      </fieldset>
      <TextField
        label="Soft close (seconds)"
        className="field--narrow"
        inputMode="numeric"
        value={draft.softCloseSeconds}
        error={errors.softCloseSeconds}
        hint="A bid in the last N seconds extends the end to N seconds from then; 0 is off."
        onChange={(value) => set('softCloseSeconds', value)}
      />
    </div>
  )
}
