// When a sale runs: a draft (lots are added first), open now or at a time; for timed sales
// the first close (after a duration from the start, or at a time), the interval between
// lot closes and the soft close.
import { TextField } from '../../components/TextField'
import type { FormErrors } from '../../lib/formChecks'
import type { SaleDraft } from '../../lib/saleForm'

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
        <fieldset className="field">
          <legend>Start</legend>
          <div className="choices choices--stack">
            {(['draft', 'now', 'at'] as const).map((mode) => (
              <label className="choice" key={mode}>
                <input
                  type="radio"
                  name="saleStartMode"
                  checked={draft.startMode === mode}
                  onChange={() => update({ startMode: mode })}
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
              onChange={(value) => update({ startsAt: value })}
            />
          ) : null}
        </fieldset>
        {draft.mode === 'timed' ? (
          <fieldset className="field">
            <legend>First lot closes</legend>
            <div className="choices choices--stack">
              <label className="choice">
                <input
                  type="radio"
                  name="firstCloseMode"
                  checked={draft.firstCloseMode === 'duration'}
                  onChange={() => update({ firstCloseMode: 'duration' })}
                />
                After a duration
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name="firstCloseMode"
                  checked={draft.firstCloseMode === 'at'}
                  onChange={() => update({ firstCloseMode: 'at' })}
                />
                At a time
              </label>
            </div>
            {draft.firstCloseMode === 'duration' ? (
              <TextField
                label="Minutes after the start"
                inputMode="numeric"
                value={draft.durationMinutes}
                error={errors.durationMinutes}
                onChange={(value) => update({ durationMinutes: value })}
              />
            ) : (
              <TextField
                label="First close at"
                type="datetime-local"
                value={draft.firstCloseAt}
                error={errors.firstCloseAt}
                onChange={(value) => update({ firstCloseAt: value })}
              />
            )}
          </fieldset>
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
