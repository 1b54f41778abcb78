// A sale's page: its lots in catalogue order, moving live (the page watches the sale), its
// results, and for its seller or staff the Start / End / Cancel actions and, while it is a
// draft, the lot form and the catalogue import. A live sale under way is the clerk's screen
// (staff, its seller) or the online bidder's view instead. A lot's title opens its room. Its actions
// have keys (Alt+B back to the sales, Alt+S / Alt+E / Alt+C), shown on their buttons.
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { ConnectionBadge } from '../components/ConnectionBadge'
import { Kbd, keyshortcut } from '../components/Kbd'
import { SaleActions } from '../components/SaleActions'
import { ModeBadge, SaleStatusBadge } from '../components/SaleStatusBadge'
import { useConsole } from '../context'
import { useSaleCommands, useSaleWatch } from '../hooks/useSaleCommands'
import { useRegisterNames } from '../hooks/useRegisterNames'
import { useShortcuts } from '../hooks/useShortcuts'
import { isStaffOrSeller } from '../lib/access'
import { formatDateTime } from '../lib/format'
import { nextLotNumber } from '../lib/lotForm'
import { saleWhen } from '../lib/saleFormat'
import { BidderLive } from './live/BidderLive'
import { LiveClerk } from './LiveClerk'
import { CatalogueImport } from './sale/CatalogueImport'
import { LotForm } from './sale/LotForm'
import { LotTable } from './sale/LotTable'
import { SaleNav } from './sale/SaleNav'
import { SaleResults } from './sale/SaleResults'
import { SaleTerms } from './sale/SaleTerms'

const NO_LOTS: readonly string[] = []

export function SalePage(props: { saleId: string }) {
  const { saleId } = props
  useSaleWatch(saleId)
  const commands = useSaleCommands()
  const sale = useConsole((state) => state.sales[saleId])
  const refused = useConsole((state) => state.salesRefused[saleId])
  const lotIds = useConsole((state) => state.saleLots[saleId]) ?? NO_LOTS
  const numbers = useConsole(
    useShallow((state) => lotIds.map((id) => state.auctions[id]?.number ?? '')),
  )
  const profile = useConsole((state) => state.profile)
  const go = useConsole((state) => state.go)
  const pushToast = useConsole((state) => state.pushToast)
  const [editing, setEditing] = useState<string | null>(null)
  const editingLot = useConsole((state) => (editing ? state.auctions[editing] : undefined))
  useShortcuts({ back: () => go({ screen: 'list' }) })
  const names = useRegisterNames({ id: saleId, sellerId: sale?.sellerId ?? '' })

  if (!sale) {
    return (
      <main className="screen">
        <p className="empty">
          {refused ? `This sale cannot be shown: ${refused.message}` : 'Loading sale…'}
        </p>
      </main>
    )
  }
  const mayAct = isStaffOrSeller(profile, sale.sellerId)
  // A live sale once started is run from the clerk's screen, and followed by online bidders.
  const liveRunning = sale.mode === 'live' && (sale.status === 'open' || sale.status === 'closed')
  if (liveRunning && mayAct) return <LiveClerk sale={sale} lotIds={lotIds} />
  if (liveRunning && profile?.role === 'bidder') {
    return (
      <main className="screen bidder-screen" aria-label={sale.title}>
        <BidderLive sale={sale} lotIds={lotIds} me={profile.operatorId} />
      </main>
    )
  }
  const editable = mayAct && sale.status === 'draft'
  const when = saleWhen(sale)

  const onRemove = async (lotId: string): Promise<void> => {
    const answer = await commands.removeLot(sale.id, lotId)
    if (!answer.ok) pushToast({ tone: 'warning', text: `Not removed: ${answer.error.message}` })
    if (editing === lotId) setEditing(null)
  }

  return (
    <main className="screen sale" aria-labelledby="sale-title" data-testid="sale-page">
      <div className="room__top">
        <button
          type="button"
          className="button button--quiet"
          aria-keyshortcuts={keyshortcut('back')}
          onClick={() => go({ screen: 'list' })}
        >
          ← Sales <Kbd name="back" />
        </button>
        <ConnectionBadge />
      </div>
      <header className="room__header">
        <div className="room__heading">
          <h1 id="sale-title" data-testid="sale-title">
            {sale.title}
          </h1>
          <SaleStatusBadge status={sale.status} />
          <ModeBadge mode={sale.mode} />
        </div>
        <SaleActions sale={sale} shortcuts />
      </header>
      <SaleNav sale={sale} current="sale" />
      <p className="sale__meta muted" data-testid="sale-meta">
        {sale.currency} · {when.label} {when.at !== null ? formatDateTime(when.at) : when.words}
        {sale.mode === 'timed'
          ? ` · one lot closes every ${sale.closeIntervalSeconds} s · soft close ${sale.softCloseSeconds} s`
          : ''}
      </p>
      {sale.description ? <p className="room__description">{sale.description}</p> : null}
      <SaleTerms sale={sale} editable={editable} />
      <SaleResults sale={sale} lotIds={lotIds} />
      {editable ? (
        <div className="sale__tools">
          <section className="panel">
            {editingLot ? (
              <LotForm
                key={editingLot.id}
                sale={sale}
                lot={editingLot}
                taken={numbers.filter((number) => number !== editingLot.number)}
                nextNumber={editingLot.number}
                onDone={() => setEditing(null)}
              />
            ) : (
              <LotForm key="add" sale={sale} taken={numbers} nextNumber={nextLotNumber(numbers)} />
            )}
          </section>
          <section className="panel">
            <CatalogueImport sale={sale} existing={numbers} />
          </section>
        </div>
      ) : null}
      <section className="panel panel--flush" aria-label="Lots">
        <LotTable
          lotIds={lotIds}
          fullNames={mayAct}
          names={names}
          editable={editable}
          onEdit={setEditing}
          onRemove={(lotId) => void onRemove(lotId)}
        />
        {lotIds.length === 0 ? (
          <p className="empty">
            {editable ? 'No lots yet: add one or import a catalogue.' : 'No lots.'}
          </p>
        ) : null}
      </section>
    </main>
  )
}
