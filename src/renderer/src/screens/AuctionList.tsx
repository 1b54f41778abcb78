// Single auctions (not lots of a sale) by tab (live / upcoming with drafts / ended /
// cancelled), searchable and sorted; live rows are watched so price, bids and time left
// move as events arrive. Ended auctions come most recent first, with their result.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { saleIdOf, type Auction, type AuctionStatus } from '../../../shared/domain'
import { formatMoney } from '../../../shared/money'
import { AuctionTitleLink } from '../components/AuctionTitleLink'
import { Countdown } from '../components/Countdown'
import { ReserveBadge } from '../components/ReserveBadge'
import { SearchEmpty } from '../components/SearchEmpty'
import { StarButton } from '../components/StarButton'
import { StatusBadge } from '../components/StatusBadge'
import { useApi, useConsole } from '../context'
import { useQuietWatches } from '../hooks/useQuietWatches'
import { isStaffOrSeller } from '../lib/access'
import { bidderName, formatCount, formatDateTime } from '../lib/format'
import { resultOf } from '../lib/result'
import type { ListSort, ListTab } from '../store'

const TABS: { tab: ListTab; label: string; statuses: AuctionStatus[] }[] = [
  { tab: 'live', label: 'Live', statuses: ['active'] },
  // Drafts are upcoming too: staff see every draft here, not only in the seller panel.
  { tab: 'upcoming', label: 'Upcoming', statuses: ['scheduled', 'draft'] },
  { tab: 'ended', label: 'Ended', statuses: ['ended'] },
  { tab: 'cancelled', label: 'Cancelled', statuses: ['cancelled'] },
]
const MAX_WATCHED_ROWS = 100

const tabOf = (tab: ListTab) =>
  TABS.find((t) => t.tab === tab) ?? (TABS[0] as (typeof TABS)[number])

function sortKey(auction: Auction, sort: ListSort, tab: ListTab): number {
  if (sort === 'newest') return -auction.createdAt
  // What is over: the most recent first. What is to come: the soonest first.
  if (tab === 'ended' || tab === 'cancelled') return -(auction.endsAt ?? auction.createdAt)
  const when = auction.status === 'active' ? auction.endsAt : auction.startsAt
  return when ?? Number.MAX_SAFE_INTEGER
}

function ResultText(props: { auction: Auction; full: boolean }) {
  const result = resultOf(props.auction)
  if (!result) return <span className="muted">—</span>
  return result.winnerId ? (
    <span className="outcome--good" data-testid="row-result">
      Sold to {bidderName(result.winnerId, props.full)}
    </span>
  ) : (
    <span className="muted" data-testid="row-result">
      Not sold
    </span>
  )
}

export function AuctionList() {
  const api = useApi()
  const ids = useId()
  const tab = useConsole((state) => state.listTab)
  const search = useConsole((state) => state.search)
  const sort = useConsole((state) => state.sort)
  const auctions = useConsole((state) => state.auctions)
  const profile = useConsole((state) => state.profile)
  const liveEpoch = useConsole((state) => state.liveEpoch)
  const { setListTab, setSearch, setSort, upsertAuctions } = useConsole(
    useShallow((state) => ({
      setListTab: state.setListTab,
      setSearch: state.setSearch,
      setSort: state.setSort,
      upsertAuctions: state.upsertAuctions,
    })),
  )
  const [loaded, setLoaded] = useState<{ key: string; error: string | null } | null>(null)
  const searchInput = useRef<HTMLInputElement>(null)
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([])
  const sellerId = profile?.role === 'seller' ? profile.operatorId : undefined
  const loadKey = `${tab}|${sellerId ?? ''}|${liveEpoch}`
  const current = tabOf(tab)

  useEffect(() => {
    let live = true
    const statuses = tabOf(tab).statuses
    void Promise.all(
      statuses.map((status) =>
        api
          .call('auctions:list', { status, limit: 200, ...(sellerId ? { sellerId } : {}) })
          .catch(() => null),
      ),
    ).then((answers) => {
      if (!live) return
      for (const answer of answers) if (answer?.ok) upsertAuctions(answer.auctions)
      const failed = answers.find((answer) => !answer?.ok)
      const error =
        failed === undefined ? null : failed && !failed.ok ? failed.error.message : 'no connection'
      setLoaded({ key: loadKey, error })
    })
    return () => {
      live = false
    }
  }, [api, tab, sellerId, loadKey, upsertAuctions])

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase()
    const statuses = new Set<string>(tabOf(tab).statuses)
    return (
      Object.values(auctions)
        // Lots of sales are listed on their sale's page.
        .filter((a) => statuses.has(a.status) && saleIdOf(a.id) === a.id)
        .filter((a) => !sellerId || a.sellerId === sellerId)
        .filter((a) => !needle || a.title.toLowerCase().includes(needle))
        .sort((a, b) => sortKey(a, sort, tab) - sortKey(b, sort, tab) || a.id.localeCompare(b.id))
    )
  }, [auctions, tab, sellerId, search, sort])

  // Watch the live rows on screen, so their prices move without a reload.
  useQuietWatches(tab === 'live' ? rows.slice(0, MAX_WATCHED_ROWS).map((a) => a.id) : [])

  // "/" jumps to the search box from anywhere on this screen.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      const target = event.target as HTMLElement | null
      if (event.key !== '/' || target?.closest('input, textarea, select')) return
      event.preventDefault()
      searchInput.current?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const onTabKey = (event: KeyboardEvent, index: number): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    event.preventDefault()
    const next = (index + step + TABS.length) % TABS.length
    setListTab((TABS[next] as (typeof TABS)[number]).tab)
    tabRefs.current[next]?.focus()
  }

  const loading = loaded?.key !== loadKey
  const ended = tab === 'ended'
  return (
    <main className="screen" aria-labelledby={`${ids}-title`}>
      <div className="toolbar">
        <h1 id={`${ids}-title`} className="toolbar__title">
          Single auctions
        </h1>
        <div role="tablist" aria-label="Auction status" className="tabs">
          {TABS.map((t, index) => (
            <button
              key={t.tab}
              ref={(el) => {
                tabRefs.current[index] = el
              }}
              type="button"
              role="tab"
              id={`${ids}-tab-${t.tab}`}
              aria-selected={tab === t.tab}
              aria-controls={`${ids}-panel`}
              tabIndex={tab === t.tab ? 0 : -1}
              className="tabs__tab"
              onClick={() => setListTab(t.tab)}
              onKeyDown={(event) => onTabKey(event, index)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div className="toolbar__spacer" />
        <label className="visually-hidden" htmlFor={`${ids}-search`}>
          Search by title
        </label>
        <input
          id={`${ids}-search`}
          ref={searchInput}
          type="search"
          className="search"
          placeholder="Search by title  /"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label className="visually-hidden" htmlFor={`${ids}-sort`}>
          Sort
        </label>
        <select
          id={`${ids}-sort`}
          value={sort}
          onChange={(e) => setSort(e.target.value as ListSort)}
        >
          <option value="ending">
            {tab === 'upcoming'
              ? 'Starting soonest'
              : tab === 'live'
                ? 'Ending soonest'
                : 'Most recent first'}
          </option>
          <option value="newest">Newest first</option>
        </select>
      </div>
      <section
        role="tabpanel"
        id={`${ids}-panel`}
        aria-labelledby={`${ids}-tab-${tab}`}
        className="panel panel--flush"
      >
        <table className="grid" data-testid="auction-table">
          <thead>
            <tr>
              <th scope="col" className="grid__star">
                <span className="visually-hidden">Watch</span>
              </th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col" className="num">
                Bids
              </th>
              <th scope="col">Leader</th>
              <th scope="col">Reserve</th>
              <th scope="col" className="num">
                {tab === 'upcoming' ? 'Starts' : tab === 'live' ? 'Time left' : 'Ended'}
              </th>
              {ended ? <th scope="col">Result</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((auction) => (
              <tr key={auction.id} data-testid="auction-row" data-auction-id={auction.id}>
                <td className="grid__star">
                  <StarButton auctionId={auction.id} title={auction.title} />
                </td>
                <td>
                  <AuctionTitleLink auction={auction} />
                </td>
                <td>
                  <StatusBadge status={auction.status} />
                </td>
                <td className="num strong" data-testid="row-price">
                  {formatMoney(auction.currentPrice, auction.currency)}
                </td>
                <td className="num" data-testid="row-bids">
                  {formatCount(auction.bidCount)}
                </td>
                <td>{bidderName(auction.leaderId, isStaffOrSeller(profile, auction.sellerId))}</td>
                <td>
                  <ReserveBadge auction={auction} />
                </td>
                <td className="num">
                  {tab === 'live' || tab === 'upcoming' ? (
                    <Countdown auction={auction} />
                  ) : (
                    <span className="muted">{formatDateTime(auction.endsAt)}</span>
                  )}
                </td>
                {ended ? (
                  <td>
                    <ResultText
                      auction={auction}
                      full={isStaffOrSeller(profile, auction.sellerId)}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          loading ? (
            <p className="empty">Loading…</p>
          ) : loaded?.error ? (
            <p className="empty">Could not load: {loaded.error}</p>
          ) : (
            <SearchEmpty
              what={`${current.label.toLowerCase()} auctions`}
              search={search}
              clear={() => setSearch('')}
            />
          )
        ) : null}
      </section>
    </main>
  )
}
