// A sale's results (staff): the report as a page with its chart, every buyer's invoice by
// paddle and every consignor's statement, each with its CSV export, and the print layouts
// (one invoice or statement per page). A seller reads their own statement only. The figures
// are read again when the sale moves on.
import { useId, useState } from 'react'
import { ConnectionBadge } from '../components/ConnectionBadge'
import { Kbd, keyshortcut } from '../components/Kbd'
import { ListTabs } from '../components/ListTabs'
import { ModeBadge, SaleStatusBadge } from '../components/SaleStatusBadge'
import { useConsole } from '../context'
import { useSaleWatch } from '../hooks/useSaleCommands'
import { useSaleRead } from '../hooks/useSaleRead'
import { useShortcuts } from '../hooks/useShortcuts'
import { formatDateTime } from '../lib/format'
import { exportResults, type ResultsExport } from '../lib/exportResults'
import type { Sale } from '../../../shared/domain'
import type { ResultsTab } from '../store'
import { InvoiceList } from './results/InvoiceList'
import { ReportView } from './results/ReportView'
import { StatementList } from './results/StatementList'
import { StatementSheet } from './results/StatementSheet'
import { SaleNav } from './sale/SaleNav'

const TABS: readonly { tab: ResultsTab; label: string }[] = [
  { tab: 'report', label: 'Report' },
  { tab: 'invoices', label: 'Invoices' },
  { tab: 'statements', label: 'Statements' },
]

function Pending(props: { error: string | null; what: string }) {
  return props.error ? (
    <p className="empty" role="alert">
      The {props.what} cannot be read: {props.error}
    </p>
  ) : (
    <p className="empty">Reading the {props.what}…</p>
  )
}

function ExportButton(props: { sale: Sale; label: string; what: ResultsExport | null }) {
  const { what } = props
  return (
    <button
      type="button"
      className="button"
      disabled={what === null}
      onClick={() => {
        if (what) exportResults(props.sale, what)
      }}
    >
      {props.label}
    </button>
  )
}

function StaffResults(props: { sale: Sale; tab: ResultsTab }) {
  const { sale, tab } = props
  const saleId = sale.id
  const go = useConsole((state) => state.go)
  const ids = useId()
  const report = useSaleRead(saleId, 'sales:report', tab === 'report' ? { saleId } : null)
  const results = useSaleRead(saleId, 'sales:results', tab === 'report' ? { saleId } : null)
  const invoices = useSaleRead(saleId, 'sales:invoices', tab === 'invoices' ? { saleId } : null)
  const statements = useSaleRead(
    saleId,
    'sales:statements',
    tab === 'statements' ? { saleId } : null,
  )
  const select = (next: ResultsTab): void => go({ screen: 'results', saleId, tab: next })

  let tools
  let body
  if (tab === 'report') {
    tools = (
      <>
        <ExportButton
          sale={sale}
          label="Report CSV"
          what={report.data ? { file: 'report', data: report.data.report } : null}
        />
        <ExportButton
          sale={sale}
          label="Lot results CSV"
          what={results.data ? { file: 'results', data: results.data } : null}
        />
      </>
    )
    body = report.data ? (
      <ReportView report={report.data.report} />
    ) : (
      <Pending error={report.error} what="report" />
    )
  } else if (tab === 'invoices') {
    tools = (
      <>
        <ExportButton
          sale={sale}
          label="Invoices CSV"
          what={invoices.data ? { file: 'invoices', data: invoices.data.invoices } : null}
        />
        <button
          type="button"
          className="button button--primary"
          onClick={() => go({ screen: 'print', saleId, doc: 'invoices' })}
        >
          Print invoices
        </button>
      </>
    )
    body = invoices.data ? (
      <section className="panel panel--flush">
        <InvoiceList invoices={invoices.data.invoices} currency={sale.currency} />
      </section>
    ) : (
      <Pending error={invoices.error} what="invoices" />
    )
  } else {
    tools = (
      <>
        <ExportButton
          sale={sale}
          label="Statements CSV"
          what={statements.data ? { file: 'statements', data: statements.data.statements } : null}
        />
        <button
          type="button"
          className="button button--primary"
          onClick={() => go({ screen: 'print', saleId, doc: 'statements' })}
        >
          Print statements
        </button>
      </>
    )
    body = statements.data ? (
      <section className="panel panel--flush">
        <StatementList statements={statements.data.statements} currency={sale.currency} />
      </section>
    ) : (
      <Pending error={statements.error} what="statements" />
    )
  }

  return (
    <>
      <div className="results__toolbar">
        <ListTabs ids={ids} label="Results" tabs={TABS} current={tab} select={select} />
        <span className="toolbar__spacer" />
        <div className="actions">{tools}</div>
      </div>
      <div id={`${ids}-panel`} role="tabpanel" aria-labelledby={`${ids}-tab-${tab}`}>
        {body}
      </div>
    </>
  )
}

function OwnStatement(props: { sale: Sale; sellerId: string }) {
  const { sale } = props
  const go = useConsole((state) => state.go)
  const own = useSaleRead(sale.id, 'sales:statement', { saleId: sale.id, sellerId: props.sellerId })
  const [issuedAt] = useState(() => formatDateTime(Date.now()))
  return (
    <>
      <div className="results__toolbar">
        <h2 className="results__heading">Your statement</h2>
        <span className="toolbar__spacer" />
        <div className="actions">
          <ExportButton
            sale={sale}
            label="Statement CSV"
            what={own.data ? { file: 'statements', data: [own.data.statement] } : null}
          />
          <button
            type="button"
            className="button button--primary"
            disabled={!own.data}
            onClick={() => go({ screen: 'print', saleId: sale.id, doc: 'statements' })}
          >
            Print
          </button>
        </div>
      </div>
      {own.data ? (
        <div className="sheets sheets--screen">
          <StatementSheet statement={own.data.statement} issuedAt={issuedAt} />
        </div>
      ) : (
        <Pending error={own.error} what="statement" />
      )}
    </>
  )
}

export function ResultsScreen(props: { saleId: string; tab: ResultsTab }) {
  const { saleId } = props
  useSaleWatch(saleId)
  const sale = useConsole((state) => state.sales[saleId])
  const refused = useConsole((state) => state.salesRefused[saleId])
  const profile = useConsole((state) => state.profile)
  const go = useConsole((state) => state.go)
  useShortcuts({ back: () => go({ screen: 'sale', saleId }) })

  if (!sale || !profile) {
    return (
      <main className="screen">
        <p className="empty">
          {refused ? `This sale cannot be shown: ${refused.message}` : 'Loading sale…'}
        </p>
      </main>
    )
  }
  const staff = profile.role === 'staff'
  return (
    <main className="screen results" aria-labelledby="results-title" data-testid="results-screen">
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
          <h1 id="results-title">
            {staff ? 'Results' : 'Statement'} — {sale.title}
          </h1>
          <SaleStatusBadge status={sale.status} />
          <ModeBadge mode={sale.mode} />
        </div>
      </header>
      <SaleNav sale={sale} current="results" />
      {staff ? (
        <StaffResults sale={sale} tab={props.tab} />
      ) : profile.role === 'seller' ? (
        <OwnStatement sale={sale} sellerId={profile.operatorId} />
      ) : (
        <p className="empty">The results are for staff and the sale’s consignors.</p>
      )}
    </main>
  )
}
