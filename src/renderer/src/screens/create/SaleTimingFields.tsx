// When a sale runs: a draft (lots are added first), open now or at a time; for timed sales
// the first close (after a duration from the start, or at a time), the interval between
// lot closes and the soft close.
import { TextField } from '../../components/TextField'
import type { FormErrors } from '../../lib/formChecks'
import type { SaleDraft } from '../../lib/saleForm'
import { CloseFieldset } from './CloseFieldset'
import { StartFieldset } from './StartFieldset'

const START_LABEL = {
  draft: 'Draft: add lots first',
  now: 'Open now',
  at: 'At a time',
} as const

export function SaleTimingFields(props: {
  draft: SaleDraft
  errors: FormErrors
  update: (patch: Partial<SaleDraft>) => void
}) {
  const { draft, errors, update } = props
  return (
    <>
      <div className="form__row">
        <StartFieldset
          name="saleStartMode"
          modes={['draft', 'now', 'at'] as const}
          labels={START_LABEL}
          mode={draft.startMode}
          choose={(mode) => update({ startMode: mode })}
          startsAt={draft.startsAt}
          error={errors.startsAt}
          setStartsAt={(value) => update({ startsAt: value })}
        />
        {draft.mode === 'timed' ? (
          <CloseFieldset
            legend="First lot closes"
            name="firstCloseMode"
            mode={draft.firstCloseMode}
            choose={(mode) => update({ firstCloseMode: mode })}
            minutes={{
              label: 'Minutes after the start',
              value: draft.durationMinutes,
              error: errors.durationMinutes,
              set: (value) => update({ durationMinutes: value }),
            }}
            at={{
              label: 'First close at',
              value: draft.firstCloseAt,
              error: errors.firstCloseAt,
              set: (value) => update({ firstCloseAt: value }),
            }}
          />
        ) : null}
      </div>
      {draft.mode === 'timed' ? (
        <div className="form__row">
          <TextField
            label="Close interval (seconds)"
            inputMode="numeric"
            value={draft.closeIntervalSeconds}
            error={errors.closeIntervalSeconds}
            hint="Lots close one after another, in catalogue order."
            onChange={(value) => update({ closeIntervalSeconds: value })}
          />
          <TextField
            label="Soft close (seconds)"
            inputMode="numeric"
            value={draft.softCloseSeconds}
            error={errors.softCloseSeconds}
            hint="A late bid extends that lot to N seconds from then; 0 is off."
            onChange={(value) => update({ softCloseSeconds: value })}
          />
        </div>
      ) : null}
    </>
  )
}
