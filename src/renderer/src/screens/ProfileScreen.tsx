// The operator profile: asked on first launch, kept between launches, switchable.
// Sellers see and control their own auctions; staff see and control all.
import { useId, useState, type FormEvent } from 'react'
import { operatorProfileSchema, type OperatorProfile } from '../../../shared/contract'
import { useConsole } from '../context'
import { homeRoute } from '../store'

type Errors = Partial<Record<keyof OperatorProfile, string>>

export function ProfileScreen() {
  const current = useConsole((state) => state.profile)
  const setProfile = useConsole((state) => state.setProfile)
  const go = useConsole((state) => state.go)
  const ids = useId()
  const [displayName, setDisplayName] = useState(current?.displayName ?? '')
  const [operatorId, setOperatorId] = useState(current?.operatorId ?? '')
  const [role, setRole] = useState<OperatorProfile['role']>(current?.role ?? 'staff')
  const [errors, setErrors] = useState<Errors>({})

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    const parsed = operatorProfileSchema.safeParse({ displayName, operatorId, role })
    if (!parsed.success) {
      const found: Errors = {}
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof OperatorProfile
        found[key] ??=
          key === 'operatorId'
            ? 'Letters, digits and . _ : - only (1–64).'
            : key === 'displayName'
              ? 'Enter a name (up to 80 characters).'
              : issue.message
      }
      setErrors(found)
      return
    }
    setProfile(parsed.data)
  }

  return (
    <main className="screen screen--narrow" aria-labelledby={`${ids}-title`}>
      <form className="panel form" onSubmit={onSubmit} noValidate data-testid="profile-form">
        <h1 id={`${ids}-title`}>
          {current ? 'Switch operator' : 'Who is operating this console?'}
        </h1>
        <p className="muted">
          Kept on this machine until you switch. Every action is recorded under this id.
        </p>
        <div className="field">
          <label htmlFor={`${ids}-name`}>Display name</label>
          <input
            id={`${ids}-name`}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            aria-invalid={errors.displayName ? true : undefined}
            autoComplete="name"
            autoFocus
          />
          {errors.displayName ? (
            <span className="field__error" role="alert">
              {errors.displayName}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-id`}>Operator id</label>
          <input
            id={`${ids}-id`}
            value={operatorId}
            onChange={(e) => setOperatorId(e.target.value)}
            aria-invalid={errors.operatorId ? true : undefined}
            autoComplete="username"
            spellCheck={false}
            placeholder="e.g. clerk-07 or seller-acme"
          />
          {errors.operatorId ? (
            <span className="field__error" role="alert">
              {errors.operatorId}
            </span>
          ) : null}
        </div>
        <fieldset className="field">
          <legend>Role</legend>
          <label className="choice">
            <input
              type="radio"
              name="role"
              value="staff"
              checked={role === 'staff'}
              onChange={() => setRole('staff')}
            />
            Staff — clerk bids and controls every auction
          </label>
          <label className="choice">
            <input
              type="radio"
              name="role"
              value="seller"
              checked={role === 'seller'}
              onChange={() => setRole('seller')}
            />
            Seller — creates and controls their own auctions
          </label>
          <label className="choice">
            <input
              type="radio"
              name="role"
              value="bidder"
              checked={role === 'bidder'}
              onChange={() => setRole('bidder')}
            />
            Bidder — bids online in live sales, as their own paddle
          </label>
        </fieldset>
        <div className="form__actions">
          {current ? (
            <button type="button" className="button" onClick={() => go(homeRoute(current))}>
              Cancel
            </button>
          ) : null}
          <button type="submit" className="button button--primary">
            Continue
          </button>
        </div>
      </form>
    </main>
  )
}
