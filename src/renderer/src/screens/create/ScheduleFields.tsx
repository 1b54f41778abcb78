// When the auction runs: start now, at a time or as a draft; end after a duration or at a
// time; and the soft close that extends it when bids come late.
import { TextField } from '../../components/TextField'
import { CloseFieldset } from './CloseFieldset'
import type { DraftProps } from './draftProps'
import { StartFieldset } from './StartFieldset'

const START_LABEL = { now: 'Now', at: 'At a time', draft: 'Save as draft' } as const

export function ScheduleFields({ draft, errors, set }: DraftProps) {
  return (
    <div className="form__row">
      <StartFieldset
        name="startMode"
        modes={['now', 'at', 'draft'] as const}
        labels={START_LABEL}
        mode={draft.startMode}
        choose={(mode) => set('startMode', mode)}
        startsAt={draft.startsAt}
        error={errors.startsAt}
        setStartsAt={(value) => set('startsAt', value)}
      />
      <CloseFieldset
        legend="End"
        name="endMode"
        mode={draft.endMode}
        choose={(mode) => set('endMode', mode)}
        minutes={{
          label: 'Duration (minutes)',
          value: draft.durationMinutes,
          error: errors.durationMinutes,
          set: (value) => set('durationMinutes', value),
        }}
        at={{
          label: 'Ends at',
          value: draft.endsAt,
          error: errors.endsAt,
          set: (value) => set('endsAt', value),
        }}
      />
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
