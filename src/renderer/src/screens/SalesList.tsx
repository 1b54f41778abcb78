// The home screen for staff: sales by tab (live / upcoming with drafts / past, most recent
// first with what sold), searchable by title, each row moving live as the sale list events
// arrive. Single auctions keep their own list (top bar).
import { useId, useMemo } from 'react'
import type { Sale, SaleStatus } from '../../../shared/domain'
import { ListEmpty } from '../components/ListEmpty'
import { ListTabs } from '../components/ListTabs'
import { ModeBadge, SaleStatusBadge } from '../components/SaleStatusBadge'
import { SaleTitleLink } from '../components/SaleTitleLink'
import { SearchBox } from '../components/SearchBox'
import { useConsole } from '../context'
import { useSalesList } from '../hooks/useSalesList'
import { formatCount, formatDateTime } from '../lib/format'
import { saleWhen } from '../lib/saleFormat'
import type { SaleTab } from '../store'

const TABS: { tab: SaleTab; label: string; statuses: SaleStatus[] }[] = [
  { tab: 'live', label: 'Live', statuses: ['open'] },
  { tab: 'upcoming', label: 'Upcoming', statuses: ['scheduled', 'draft'] },
  { tab: 'past', label: 'Past', statuses: ['closed', 'cancelled'] },
]

/** Live and upcoming: soonest first; past: most recently closed first. */
function sortKey(sale: Sale, tab: SaleTab): number {
  if (tab === 'past') return -(sale.closedAt ?? sale.createdAt)
  return saleWhen(sale).at ?? Number.MAX_SAFE_INTEGER
}

function SaleRow({ sale, past }: { sale: Sale; past: boolean }) {
  const when = saleWhen(sale)
  return (
    <tr data-testid="sale-row" data-sale-id={sale.id}>
      <td>
        <SaleTitleLink sale={sale} />
      </td>
      <td>
        <ModeBadge mode={sale.mode} />
      </td>
      <td className="num" data-testid="sale-lots">
        {formatCount(sale.lotCount)}
      </td>
      <td>
        <span className="muted">{when.label}</span>{' '}
        {when.at !== null ? formatDateTime(when.at) : when.words}
      </td>
      <td>
        <SaleStatusBadge status={sale.status} />
      </td>
      {past ? (
        <td data-testid="sale-result">
          {sale.status === 'cancelled'
            ? '—'
            : `${formatCount(sale.lotCounts.sold)} sold · ${formatCount(sale.lotCounts.passed)} passed`}
        </td>
      ) : null}
    </tr>
  )
}

export function SalesList() {
  const ids = useId()
  const tab = useConsole((state) => state.saleTab)
  const search = useConsole((state) => state.saleSearch)
  const setTab = useConsole((state) => state.setSaleTab)
  const setSearch = useConsole((state) => state.setSaleSearch)
  const current = TABS.find((t) => t.tab === tab) ?? (TABS[0] as (typeof TABS)[number])
  const { sales, loading, error } = useSalesList(current.statuses)

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase()
    return sales
      .filter((sale) => !needle || sale.title.toLowerCase().includes(needle))
      .sort((a, b) => sortKey(a, tab) - sortKey(b, tab) || a.id.localeCompare(b.id))
  }, [sales, search, tab])

  return (
    <main className="screen" aria-labelledby={`${ids}-title`}>
      <div className="toolbar">
        <h1 id={`${ids}-title`} className="toolbar__title">
          Sales
        </h1>
        <ListTabs ids={ids} label="Sale status" tabs={TABS} current={tab} select={setTab} />
        <div className="toolbar__spacer" />
        <SearchBox
          id={`${ids}-search`}
          label="Search sales by title"
          value={search}
          change={setSearch}
        />
      </div>
      <section
        role="tabpanel"
        id={`${ids}-panel`}
        aria-labelledby={`${ids}-tab-${tab}`}
        className="panel panel--flush"
      >
        <table className="grid" data-testid="sale-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Mode</th>
              <th scope="col" className="num">
                Lots
              </th>
              <th scope="col">When</th>
              <th scope="col">Status</th>
              {tab === 'past' ? <th scope="col">Results</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((sale) => (
              <SaleRow key={sale.id} sale={sale} past={tab === 'past'} />
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <ListEmpty
            loading={loading}
            error={error}
            what={`${current.label.toLowerCase()} sales`}
            search={search}
            clear={() => setSearch('')}
          />
        ) : null}
      </section>
    </main>
  )
}
