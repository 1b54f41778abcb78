// A sale's settlement terms on its page: one line for everyone (premium bands, tax,
// commission, fee, registration), and while the sale is a draft an editor for staff and its
// seller (sales:update), checked in full before it is sent.
import { useState, type FormEvent } from 'react'
import type { Sale } from '../../../../shared/domain'
import { formatMoney } from '../../../../shared/money'
import { NO_TERMS } from '../../../../shared/settlement'
import { useConsole } from '../../context'
import { refusalText } from '../../hooks/useDraftForm'
import { useSaleCommands } from '../../hooks/useSaleCommands'
import { useSaleRead } from '../../hooks/useSaleRead'
import { moneyCheck, withoutErrors, type FormErrors } from '../../lib/formChecks'
import { checkTerms, termsDraftOf, termsWords, type TermsDraft } from '../../lib/termsForm'
import { TermsFields } from '../create/TermsFields'

function TermsEditor(props: { sale: Sale; done: () => void }) {
  const { sale } = props
  const commands = useSaleCommands()
  const pushToast = useConsole((state) => state.pushToast)
  const [draft, setDraft] = useState<TermsDraft>(() =>
    termsDraftOf(sale.terms ?? NO_TERMS, moneyCheck(sale.currency, {}).decimal),
  )
  const [errors, setErrors] = useState<FormErrors>({})
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const found: FormErrors = {}
    const terms = checkTerms(draft, moneyCheck(sale.currency, found), found, { update: true })
    setErrors(found)
    setServerError(null)
    if (Object.keys(found).length > 0) return
    setBusy(true)
    const answer = await commands.updateSale({ saleId: sale.id, ...terms })
    setBusy(false)
    if (!answer.ok) return setServerError(refusalText(answer.error))
    pushToast({ tone: 'success', text: 'Terms saved' })
    props.done()
  }

  return (
    <form
      className="form"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label="Edit the sale’s terms"
      data-testid="terms-editor"
    >
      <TermsFields
        draft={draft}
        errors={errors}
        currency={sale.currency}
        update={(patch) => {
          setDraft((previous) => ({ ...previous, ...patch }))
          setErrors((previous) =>
            withoutErrors(
              previous,
              Object.keys(patch).map((k) => `terms.${k}`),
            ),
          )
          setServerError(null)
        }}
      />
      {serverError ? (
        <p className="field__error" role="alert">
          Not saved: {serverError}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save terms'}
        </button>
        <button type="button" className="button button--quiet" onClick={props.done}>
          Cancel
        </button>
      </div>
    </form>
  )
}

export function SaleTerms(props: { sale: Sale; editable: boolean }) {
  const [editing, setEditing] = useState(false)
  // A draft's terms may change on another console (sale_updated carries no terms): read the
  // sale again as it moves on.
  const fresh = useSaleRead(
    props.sale.id,
    'sales:get',
    props.sale.status === 'draft' ? { saleId: props.sale.id } : null,
  )
  const current = fresh.data?.sale
  const sale =
    current && current.seq >= props.sale.seq ? { ...props.sale, terms: current.terms } : props.sale
  const money = (minor: number): string => formatMoney(minor, sale.currency)
  if (editing) {
    return (
      <section className="panel" aria-label="Terms">
        <TermsEditor sale={sale} done={() => setEditing(false)} />
      </section>
    )
  }
  return (
    <div className="sale__terms">
      <p className="terms__summary" data-testid="sale-terms">
        {termsWords(sale.terms ?? NO_TERMS, money)}
      </p>
      {props.editable ? (
        <button type="button" className="button button--quiet" onClick={() => setEditing(true)}>
          Edit terms
        </button>
      ) : null}
    </div>
  )
}
