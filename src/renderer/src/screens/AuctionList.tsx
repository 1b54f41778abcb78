// Single auctions (not lots of a sale) by tab (live / upcoming with drafts / ended /
// cancelled), searchable and sorted; live rows are watched so price, bids and time left
// move as events arrive. Ended auctions come most recent first, with their result.
import { useEffect, useId, useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { saleIdOf, type Auction, type AuctionStatus } from '../../../shared/domain'
import { formatMoney } from '../../../shared/money'
import { AuctionTitleLink } from '../components/AuctionTitleLink'
import { Countdown } from '../components/Countdown'
import { ListEmpty } from '../components/ListEmpty'
import { ListTabs } from '../components/ListTabs'
import { ReserveBadge } from '../components/ReserveBadge'
import { SearchBox } from '../components/SearchBox'
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

  const loading = loaded?.key !== loadKey
  const ended = tab === 'ended'
  return (
    <main className="screen" aria-labelledby={`${ids}-title`}>
      <div className="toolbar">
        <h1 id={`${ids}-title`} className="toolbar__title">
          Single auctions
        </h1>
        <ListTabs ids={ids} label="Auction status" tabs={TABS} current={tab} select={setListTab} />
        <div className="toolbar__spacer" />
        <SearchBox id={`${ids}-search`} label="Search by title" value={search} change={setSearch} />
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
          <ListEmpty
            loading={loading}
            error={loading ? null : (loaded?.error ?? null)}
            what={`${current.label.toLowerCase()} auctions`}
            search={search}
            clear={() => setSearch('')}
          />
        ) : null}
      </section>
    </main>
  )
}
