// A sale's bidder register (staff and the sale's seller): every paddle with its name, kind,
// approval and credit limit; add one with the form or many from a CSV file (previewed, all
// or nothing), approve or revoke, edit a limit, export the register as CSV. It re-reads when
// the sale moves on, when the connection is back and when the window gets the focus.
import { useMemo } from 'react'
import { ConnectionBadge } from '../components/ConnectionBadge'
import { Kbd, keyshortcut } from '../components/Kbd'
import { ModeBadge, SaleStatusBadge } from '../components/SaleStatusBadge'
import { useConsole } from '../context'
import { useRegister } from '../hooks/useRegister'
import { useSaleWatch } from '../hooks/useSaleCommands'
import { useShortcuts } from '../hooks/useShortcuts'
import { isStaffOrSeller } from '../lib/access'
import { exportRegister } from '../lib/exportResults'
import { plural } from '../lib/format'
import { RegisterForm } from './register/RegisterForm'
import { RegisterImport } from './register/RegisterImport'
import { RegisterTable } from './register/RegisterTable'
import { SaleNav } from './sale/SaleNav'

export function RegisterScreen(props: { saleId: string }) {
  const { saleId } = props
  useSaleWatch(saleId)
  const sale = useConsole((state) => state.sales[saleId])
  const refused = useConsole((state) => state.salesRefused[saleId])
  const profile = useConsole((state) => state.profile)
  const go = useConsole((state) => state.go)
  const pushToast = useConsole((state) => state.pushToast)
  const register = useRegister(saleId)
  const paddles = useMemo(
    () => (register.entries ?? []).map((entry) => entry.paddle),
    [register.entries],
  )
  useShortcuts({ back: () => go({ screen: 'sale', saleId }) })

  if (!sale) {
    return (
      <main className="screen">
        <p className="empty">
          {refused ? `This sale cannot be shown: ${refused.message}` : 'Loading sale…'}
        </p>
      </main>
    )
  }
  if (!isStaffOrSeller(profile, sale.sellerId)) {
    return (
      <main className="screen">
        <p className="empty">Only staff and the sale’s seller keep its register.</p>
      </main>
    )
  }
  const entries = register.entries ?? []
  const approved = entries.filter((entry) => entry.approved).length
  const required = sale.terms?.requireRegistration === true
  return (
    <main
      className="screen register"
      aria-labelledby="register-title"
      data-testid="register-screen"
    >
      <div className="room__top">
        <button
          type="button"
          className="button button--quiet"
          aria-keyshortcuts={keyshortcut('back')}
          onClick={() => go({ screen: 'sale', saleId })}
        >
          ← {sale.title} <Kbd name="back" />
        </button>
        <ConnectionBadge />
      </div>
      <header className="room__header">
        <div className="room__heading">
          <h1 id="register-title">Register — {sale.title}</h1>
          <SaleStatusBadge status={sale.status} />
          <ModeBadge mode={sale.mode} />
        </div>
      </header>
      <SaleNav sale={sale} current="register" />
      <div className="register__summary">
        <p className="muted" data-testid="register-summary">
          {plural(entries.length, 'paddle')} · {approved} approved ·{' '}
          {required
            ? 'Registration required: a bid for a paddle not approved here is refused.'
            : 'Registration not required: any paddle may bid (credit limits still apply).'}
        </p>
        <button
          type="button"
          className="button"
          disabled={entries.length === 0}
          onClick={() => exportRegister(sale, entries)}
        >
          Export CSV
        </button>
      </div>
      <div className="register__body">
        <section className="panel panel--flush register__list" aria-label="Paddles">
          {register.loadError && register.entries === null ? (
            <p className="empty" role="alert">
              The register cannot be read: {register.loadError}
            </p>
          ) : register.entries === null ? (
            <p className="empty">Reading the register…</p>
          ) : entries.length === 0 ? (
            <p className="empty">No bidders yet: add one or import a CSV file.</p>
          ) : (
            <RegisterTable
              sale={sale}
              entries={entries}
              register={register}
              onRefused={(text) => pushToast({ tone: 'warning', text })}
            />
          )}
        </section>
        <div className="register__side">
          <section className="panel">
            <RegisterForm sale={sale} taken={paddles} add={register.add} />
          </section>
          <section className="panel">
            <RegisterImport
              existing={paddles}
              importEntries={register.importEntries}
              onImported={(text) => pushToast({ tone: 'success', text })}
            />
          </section>
        </div>
      </div>
    </main>
  )
}
