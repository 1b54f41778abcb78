// The seller control panel, by tab: sales (create one, then its lots on its page; start,
// end, cancel; results) and single auctions (create; start, end or cancel them, confirmed;
// results and export). Sellers see their own, staff see all.
import { useEffect, useMemo, useState } from 'react'
import { saleIdOf, type Auction } from '../../../shared/domain'
import { formatMoney } from '../../../shared/money'
import { AuctionActions } from '../components/AuctionActions'
import { AuctionTitleLink } from '../components/AuctionTitleLink'
import { Countdown } from '../components/Countdown'
import { StatusBadge } from '../components/StatusBadge'
import { useApi, useConsole } from '../context'
import { useQuietWatches } from '../hooks/useQuietWatches'
import { formatCount, paddleName } from '../lib/format'
import type { SellerTab } from '../store'
import { CreateAuctionForm } from './create/CreateAuctionForm'
import { SellerSales } from './sales/SellerSales'

const TABS: { tab: SellerTab; label: string }[] = [
  { tab: 'sales', label: 'Sales' },
  { tab: 'auctions', label: 'Single auctions' },
]

const ORDER: Record<Auction['status'], number> = {
  active: 0,
  scheduled: 1,
  draft: 2,
  ended: 3,
  cancelled: 4,
}

function ResultCell(props: { auction: Auction }) {
  const { auction } = props
  if (auction.status !== 'ended' || !auction.result) return <span className="muted">—</span>
  const { winnerId, finalPrice, reserveMet } = auction.result
  return (
    <span data-testid="seller-result">
      {winnerId
        ? `Sold to ${paddleName(winnerId)} · ${formatMoney(finalPrice, auction.currency)}`
        : auction.bidCount > 0
          ? `Not sold · highest bid ${formatMoney(finalPrice, auction.currency)}`
          : 'Not sold · no bids'}
      {auction.hasReserve ? (
        <span className="muted"> · reserve {reserveMet ? 'met' : 'not met'}</span>
      ) : null}
    </span>
  )
}

export function SellerPanel() {
  const profile = useConsole((state) => state.profile)
  const tab = useConsole((state) => state.sellerTab)
  const setTab = useConsole((state) => state.setSellerTab)
  const sellerId = profile?.role === 'seller' ? profile.operatorId : undefined
  return (
    <main className="screen seller" aria-labelledby="seller-title">
      <div className="toolbar">
        <h1 id="seller-title" className="toolbar__title">
          Seller panel
        </h1>
        <div role="tablist" aria-label="Seller panel" className="tabs">
          {TABS.map((t) => (
            <button
              key={t.tab}
              type="button"
              role="tab"
              aria-selected={tab === t.tab}
              className="tabs__tab"
              onClick={() => setTab(t.tab)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <span className="muted">{sellerId ? `Seller ${sellerId}` : 'Everything (staff)'}</span>
      </div>
      {tab === 'sales' ? <SellerSales sellerId={sellerId} /> : <SellerAuctions />}
    </main>
  )
}

function SellerAuctions() {
  const api = useApi()
  const profile = useConsole((state) => state.profile)
  const auctions = useConsole((state) => state.auctions)
  const upsert = useConsole((state) => state.upsertAuctions)
  const liveEpoch = useConsole((state) => state.liveEpoch)
  const [error, setError] = useState<string | null>(null)
  const sellerId = profile?.role === 'seller' ? profile.operatorId : undefined

  useEffect(() => {
    let current = true
    void api
      .call('auctions:list', { limit: 200, ...(sellerId ? { sellerId } : {}) })
      .catch(() => null)
      .then((answer) => {
        if (!current) return
        if (answer?.ok) upsert(answer.auctions)
        setError(answer?.ok ? null : (answer?.error.message ?? 'no connection'))
      })
    return () => {
      current = false
    }
  }, [api, sellerId, upsert, liveEpoch])

  const mine = useMemo(
    () =>
      Object.values(auctions)
        .filter((a) => saleIdOf(a.id) === a.id && (!sellerId || a.sellerId === sellerId))
        .sort((a, b) => ORDER[a.status] - ORDER[b.status] || b.createdAt - a.createdAt),
    [auctions, sellerId],
  )

  useQuietWatches(
    mine
      .filter((a) => a.status === 'active')
      .slice(0, 100)
      .map((a) => a.id),
  )

  return (
    <div className="seller__body">
      <section className="panel">
        <CreateAuctionForm onCreated={() => undefined} />
      </section>
      <section className="panel panel--flush" aria-labelledby="mine-title">
        <h2 id="mine-title" className="panel__title">
          {sellerId ? 'My auctions' : 'Auctions'}
        </h2>
        {error ? <p className="field__error">Could not load: {error}</p> : null}
        <table className="grid" data-testid="seller-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col" className="num">
                Bids
              </th>
              <th scope="col" className="num">
                Time
              </th>
              <th scope="col">Result</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {mine.map((auction) => (
              <tr key={auction.id} data-testid="seller-row" data-auction-id={auction.id}>
                <td>
                  <AuctionTitleLink auction={auction} />
                </td>
                <td>
                  <StatusBadge status={auction.status} />
                </td>
                <td className="num">{formatMoney(auction.currentPrice, auction.currency)}</td>
                <td className="num">{formatCount(auction.bidCount)}</td>
                <td className="num">
                  <Countdown auction={auction} />
                </td>
                <td>
                  <ResultCell auction={auction} />
                </td>
                <td>
                  <AuctionActions auction={auction} compact />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {mine.length === 0 && !error ? <p className="empty">No auctions yet: create one.</p> : null}
      </section>
    </div>
  )
}
