// Every invoice (or every consignor statement) of a sale in a print layout, one per page:
// the app's chrome and this toolbar are hidden in print (styles/print.css). "Print / Save as
// PDF" prints to a PDF file on the desktop app and opens the browser's print in the web mode.
// A seller sees their own statement only.
import { useState } from 'react'
import { useConsole } from '../context'
import { usePrint } from '../hooks/usePrint'
import { useSaleWatch } from '../hooks/useSaleCommands'
import { useSaleRead } from '../hooks/useSaleRead'
import { useShortcuts } from '../hooks/useShortcuts'
import { formatDateTime } from '../lib/format'
import type { PrintDoc } from '../store'
import { InvoiceSheet } from './results/InvoiceSheet'
import { StatementSheet } from './results/StatementSheet'
import { csvFileName } from '../lib/exportAuction'

export function PrintScreen(props: { saleId: string; doc: PrintDoc }) {
  const { saleId, doc } = props
  useSaleWatch(saleId)
  const sale = useConsole((state) => state.sales[saleId])
  const profile = useConsole((state) => state.profile)
  const go = useConsole((state) => state.go)
  const staff = profile?.role === 'staff'
  const invoices = useSaleRead(
    saleId,
    'sales:invoices',
    staff && doc === 'invoices' ? { saleId } : null,
  )
  const statements = useSaleRead(
    saleId,
    'sales:statements',
    staff && doc === 'statements' ? { saleId } : null,
  )
  const own = useSaleRead(
    saleId,
    'sales:statement',
    !staff && profile && doc === 'statements' ? { saleId, sellerId: profile.operatorId } : null,
  )
  const print = usePrint()
  const [note, setNote] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null)
  const [printing, setPrinting] = useState(false)
  const [issuedAt] = useState(() => formatDateTime(Date.now()))
  const back = (): void =>
    go({ screen: 'results', saleId, tab: doc === 'invoices' ? 'invoices' : 'statements' })
  useShortcuts({ back })

  const invoiceList = invoices.data?.invoices ?? null
  const statementList = staff
    ? (statements.data?.statements ?? null)
    : own.data
      ? [own.data.statement]
      : null
  const sheets = doc === 'invoices' ? invoiceList : statementList
  const error = invoices.error ?? statements.error ?? own.error
  const count = sheets?.length ?? 0
  const what = doc === 'invoices' ? 'invoice' : 'statement'
  const title = sale?.title ?? saleId

  const onPrint = async (): Promise<void> => {
    setPrinting(true)
    setNote(null)
    const name = csvFileName(`${title} ${doc}`, saleId).replace(/\.csv$/, '.pdf')
    setNote(await print(name))
    setPrinting(false)
  }

  return (
    <main
      className="screen print-screen"
      aria-label={`${title}: ${doc}`}
      data-testid="print-screen"
    >
      <div className="print-toolbar">
        <button type="button" className="button button--quiet" onClick={back}>
          ← Results
        </button>
        <h1 className="print-toolbar__title">
          {doc === 'invoices' ? 'Invoices' : 'Statements'} — {title}
        </h1>
        <span className="muted" data-testid="print-count">
          {sheets === null ? '' : `${count} ${count === 1 ? what : `${what}s`}, one per page`}
        </span>
        <span className="toolbar__spacer" />
        {note ? (
          <span className={`outcome--${note.tone === 'success' ? 'good' : 'warn'}`} role="status">
            {note.text}
          </span>
        ) : null}
        <button
          type="button"
          className="button button--primary"
          disabled={printing || count === 0}
          onClick={() => void onPrint()}
        >
          {printing ? 'Printing…' : 'Print / Save as PDF'}
        </button>
      </div>
      {error && sheets === null ? (
        <p className="empty" role="alert">
          Cannot be read: {error}
        </p>
      ) : sheets === null ? (
        <p className="empty">Reading…</p>
      ) : count === 0 ? (
        <p className="empty">Nothing to print: no {what} yet.</p>
      ) : (
        <div className="sheets" data-testid="sheets">
          {doc === 'invoices'
            ? (invoiceList ?? []).map((invoice) => (
                <InvoiceSheet key={invoice.paddle} invoice={invoice} issuedAt={issuedAt} />
              ))
            : (statementList ?? []).map((statement) => (
                <StatementSheet
                  key={statement.sellerId}
                  statement={statement}
                  issuedAt={issuedAt}
                />
              ))}
        </div>
      )}
    </main>
  )
}
